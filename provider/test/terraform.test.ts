import { createNicoClient } from "@nico/sdk";
import { execFile, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProvider, type ProviderBuild } from "../scripts/build.js";
import { domainOfMachine, inventoryIds, ORG, startBackend, type TestBackend } from "./fixtures.js";
import { providerDir } from "./harness.js";

// Each Terraform command starts fresh provider processes; an apply with waits takes a few seconds.
const STEP_TIMEOUT_MS = 180_000;

interface TerraformResult {
  code: number;
  stdout: string;
  stderr: string;
  output: string;
}

let workDir: string;
let build: ProviderBuild;
let backend: TestBackend;

beforeAll(async () => {
  const version = spawnSync("terraform", ["version"], { encoding: "utf8" });
  if (version.error) {
    throw new Error(
      `terraform must be on PATH for these tests (${version.error.message}). Install Terraform 1.11 or newer.`,
    );
  }
  workDir = await mkdtemp(join(tmpdir(), "nico-provider-tf-"));
  build = await buildProvider(join(workDir, "dist"));
  backend = await startBackend();
}, STEP_TIMEOUT_MS);

afterAll(async () => {
  await backend?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function terraform(dir: string, ...args: string[]): Promise<TerraformResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: build.cliConfig,
    CHECKPOINT_DISABLE: "1",
    TF_IN_AUTOMATION: "1",
    NICO_ENDPOINT: backend.url,
    NICO_ORG: ORG,
    NICO_TOKEN: backend.token,
  };
  delete env.TF_LOG;
  delete env.NODE_OPTIONS;
  return new Promise((resolve) => {
    execFile(
      "terraform",
      [...args],
      { cwd: dir, env, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        let code = 0;
        if (error) code = typeof error.code === "number" ? error.code : 1;
        resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

const apply = (dir: string) =>
  terraform(dir, "apply", "-auto-approve", "-input=false", "-no-color");
const plan = (dir: string) =>
  terraform(dir, "plan", "-detailed-exitcode", "-input=false", "-no-color");

const PROVIDER_BLOCK = `terraform {
  required_providers {
    nico = {
      source  = "nico/nico"
      version = "0.1.0"
    }
  }
}
`;

interface BatchOptions {
  name?: string;
  prefix: string;
  count?: string;
  vpc?: string;
  extra?: string;
}

function batchResource(options: BatchOptions): string {
  return `
resource "nico_instance_batch" "${options.name ?? "b"}" {
  name_prefix      = "${options.prefix}"
  instance_count   = ${options.count ?? "2"}
  tenant_id        = "${inventoryIds.tenant}"
  instance_type_id = "${inventoryIds.instanceType}"
  vpc_id           = ${options.vpc ?? `"${inventoryIds.vpc}"`}
  ipxe_script      = "#!ipxe"
${options.extra ?? ""}
  interface {
    subnet_id = "${inventoryIds.subnet}"
  }
}
`;
}

async function project(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(workDir, name);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(join(dir, file, ".."), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  const init = await terraform(dir, "init", "-input=false", "-no-color");
  expect(init.code, init.output).toBe(0);
  return dir;
}

const sdk = () => createNicoClient({ endpoint: backend.url, org: ORG, token: backend.token });

async function liveInstances(prefix: string) {
  const items = [];
  for await (const instance of sdk().listAllInstances()) {
    if (instance.name.startsWith(`${prefix}-`)) items.push(instance);
  }
  return items;
}

async function outputValue(dir: string, name: string): Promise<unknown> {
  const result = await terraform(dir, "output", "-json", name);
  expect(result.code, result.output).toBe(0);
  return JSON.parse(result.stdout);
}

describe("terraform arc", () => {
  let dir: string;
  let firstIds: string[];

  const main = (labels: string) =>
    PROVIDER_BLOCK +
    batchResource({ prefix: "arc", extra: `  labels = ${labels}\n  description = "arc batch"` }) +
    `
output "batch_id" {
  value = nico_instance_batch.b.id
}

output "members" {
  value = nico_instance_batch.b.instances
}
`;

  beforeAll(async () => {
    dir = await project("arc", { "main.tf": main(`{ team = "ml" }`) });
  }, STEP_TIMEOUT_MS);

  it("apply creates the batch", { timeout: STEP_TIMEOUT_MS }, async () => {
    const result = await apply(dir);
    expect(result.code, result.output).toBe(0);
    const members = (await outputValue(dir, "members")) as { index: number; id: string }[];
    firstIds = members.map((member) => member.id);
    expect(members.map((member) => member.index)).toEqual([0, 1]);
    expect((await liveInstances("arc")).map((i) => i.id).sort()).toEqual([...firstIds].sort());
  });

  it("served schema matches schema.json", { timeout: STEP_TIMEOUT_MS }, async () => {
    const result = await terraform(dir, "providers", "schema", "-json");
    expect(result.code, result.output).toBe(0);
    const served = JSON.parse(result.stdout).provider_schemas["registry.terraform.io/nico/nico"];
    const committed = JSON.parse(await readFile(join(providerDir, "schema.json"), "utf8"));
    expect(served).toEqual(committed.provider_schemas["registry.terraform.io/nico/nico"]);
  });

  it("plan after apply is empty", { timeout: STEP_TIMEOUT_MS }, async () => {
    const result = await plan(dir);
    expect(result.code, result.output).toBe(0);
  });

  it("labels change in place", { timeout: STEP_TIMEOUT_MS }, async () => {
    await writeFile(join(dir, "main.tf"), main(`{ team = "ml", tier = "gold" }`));
    const planned = await plan(dir);
    expect(planned.code, planned.output).toBe(2);
    expect(planned.stdout).toContain("updated in-place");
    expect(planned.stdout).not.toContain("must be replaced");
    const applied = await apply(dir);
    expect(applied.code, applied.output).toBe(0);
    const labels = (await liveInstances("arc")).map((instance) => instance.labels);
    expect(labels).toEqual([
      { team: "ml", tier: "gold" },
      { team: "ml", tier: "gold" },
    ]);
    expect((await plan(dir)).code).toBe(0);
  });

  it("deleted member plans a replacement", { timeout: STEP_TIMEOUT_MS }, async () => {
    const deletedId = firstIds[1]!;
    await sdk().deleteInstance(deletedId);
    await sdk().waitForInstancesGone([deletedId], { timeoutMs: 10_000, pollIntervalMs: 50 });
    const result = await plan(dir);
    expect(result.code, result.output).toBe(2);
    expect(result.stdout).toContain("must be replaced");
    expect(result.stdout).toMatch(/instances\s+=[\s\S]*# forces replacement/);
    expect(result.output).toContain("Batch members no longer exist");
    expect(result.output).toContain(deletedId);
  });

  it("apply replaces the damaged batch", { timeout: STEP_TIMEOUT_MS }, async () => {
    const result = await apply(dir);
    expect(result.code, result.output).toBe(0);
    const live = (await liveInstances("arc")).map((i) => i.id);
    expect(live).toHaveLength(2);
    expect(live.filter((id) => firstIds.includes(id))).toEqual([]);
    expect((await plan(dir)).code).toBe(0);
  });

  it("import reproduces the state", { timeout: STEP_TIMEOUT_MS }, async () => {
    const id = (await outputValue(dir, "batch_id")) as string;
    const removed = await terraform(dir, "state", "rm", "-no-color", "nico_instance_batch.b");
    expect(removed.code, removed.output).toBe(0);
    const imported = await terraform(
      dir,
      "import",
      "-input=false",
      "-no-color",
      "nico_instance_batch.b",
      id,
    );
    expect(imported.code, imported.output).toBe(0);
    const result = await plan(dir);
    expect(result.code, result.output).toBe(0);
  });

  it("generated import config plans no change", { timeout: STEP_TIMEOUT_MS }, async () => {
    const id = (await outputValue(dir, "batch_id")) as string;
    const importBlock = `import {\n  to = nico_instance_batch.g\n  id = "${id}"\n}\n`;
    const generatedDir = await project("arc-generated", {
      "main.tf": PROVIDER_BLOCK + importBlock,
    });
    const generated = await terraform(
      generatedDir,
      "plan",
      "-generate-config-out=generated.tf",
      "-input=false",
      "-no-color",
    );
    expect(generated.code, generated.output).toBe(0);
    const result = await terraform(generatedDir, "plan", "-input=false", "-no-color");
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain("1 to import, 0 to add, 0 to change, 0 to destroy");
  });

  it("destroy leaves no instance", { timeout: STEP_TIMEOUT_MS }, async () => {
    const result = await terraform(dir, "destroy", "-auto-approve", "-input=false", "-no-color");
    expect(result.code, result.output).toBe(0);
    expect(await liveInstances("arc")).toEqual([]);
  });
});

describe("terraform validation", () => {
  it("invalid configuration fails at plan", { timeout: STEP_TIMEOUT_MS }, async () => {
    const invalid = `${PROVIDER_BLOCK}
resource "nico_instance_batch" "bad" {
  name_prefix      = "bad"
  instance_count   = 40
  tenant_id        = "${inventoryIds.tenant}"
  instance_type_id = "${inventoryIds.instanceType}"
  vpc_id           = "${inventoryIds.vpc}"
  ipxe_script      = "#!ipxe"

  interface {
    subnet_id = "not-a-uuid"
  }
}
`;
    const dir = await project("invalid", { "main.tf": invalid });
    const before = backend.requests.length;
    const result = await plan(dir);
    expect(result.code).toBe(1);
    expect(result.output).toContain("in instance_count");
    expect(result.output).toContain("in interface[0].subnet_id");
    expect(result.output).toMatch(/instance_count\s+= 40/);
    expect(backend.requests.slice(before)).toEqual([]);
  });

  it("rules fail at plan with unknown vpc_id", { timeout: STEP_TIMEOUT_MS }, async () => {
    const config = `${PROVIDER_BLOCK}
resource "terraform_data" "vpc" {
  input = "${inventoryIds.vpc}"
}

resource "nico_instance_batch" "rules" {
  name_prefix      = "rules"
  instance_count   = 2
  tenant_id        = "${inventoryIds.tenant}"
  instance_type_id = "${inventoryIds.instanceType}"
  vpc_id           = terraform_data.vpc.output

  interface {
    subnet_id   = "${inventoryIds.subnet}"
    is_physical = true
  }
  interface {
    subnet_id   = "${inventoryIds.subnet}"
    is_physical = true
  }
}
`;
    const dir = await project("unknown-rules", { "main.tf": config });
    const before = backend.requests.length;
    const result = await plan(dir);
    expect(result.code).toBe(1);
    expect(result.output).toContain("in operating_system_id");
    expect(result.output).toContain("is_physical = true");
    expect(backend.requests.slice(before)).toEqual([]);
  });
});

describe("terraform regressions", () => {
  it("set order survives three applies", { timeout: STEP_TIMEOUT_MS }, async () => {
    const keys = `  ssh_key_group_ids = ["${inventoryIds.sshKeyGroupB}", "${inventoryIds.sshKeyGroupA}"]`;
    const dir = await project("set-order", {
      "main.tf": PROVIDER_BLOCK + batchResource({ prefix: "sets", extra: keys }),
    });
    for (let round = 1; round <= 3; round++) {
      const result = await apply(dir);
      expect(result.code, `apply ${round}: ${result.output}`).toBe(0);
      expect(result.output).not.toContain("inconsistent");
    }
    const result = await plan(dir);
    expect(result.code, result.output).toBe(0);
    const destroyed = await terraform(dir, "destroy", "-auto-approve", "-no-color");
    expect(destroyed.code, destroyed.output).toBe(0);
  });

  it("unknown values pass validate and plan", { timeout: STEP_TIMEOUT_MS }, async () => {
    const root = `${PROVIDER_BLOCK}
resource "terraform_data" "vpc" {
  input = "${inventoryIds.vpc}"
}

module "pool" {
  source   = "./pool"
  for_each = { blue = ["h1", "h2"] }
  hosts    = each.value
  vpc_id   = terraform_data.vpc.output
}
`;
    const pool = `${PROVIDER_BLOCK}
variable "hosts" {
  type = list(string)
}

variable "vpc_id" {
  type = string
}
${batchResource({ prefix: "pool", count: "length(var.hosts)", vpc: "var.vpc_id" })}`;
    const dir = await project("unknowns", { "main.tf": root, "pool/main.tf": pool });
    const validated = await terraform(dir, "validate", "-no-color");
    expect(validated.code, validated.output).toBe(0);
    const planned = await plan(dir);
    expect(planned.code, planned.output).toBe(2);
    expect(planned.stdout).toMatch(/vpc_id\s+= \(known after apply\)/);
    const applied = await apply(dir);
    expect(applied.code, applied.output).toBe(0);
    expect(await liveInstances("pool")).toHaveLength(2);
    expect((await plan(dir)).code).toBe(0);
    const destroyed = await terraform(dir, "destroy", "-auto-approve", "-no-color");
    expect(destroyed.code, destroyed.output).toBe(0);
  });

  it("instance_count change plans a marked replacement", { timeout: STEP_TIMEOUT_MS }, async () => {
    const config = (count: number) =>
      PROVIDER_BLOCK + batchResource({ prefix: "grow", count: String(count) });
    const dir = await project("resize", { "main.tf": config(4) });
    expect((await apply(dir)).code).toBe(0);
    const before = (await liveInstances("grow")).map((i) => i.id);
    expect(before).toHaveLength(4);

    await writeFile(join(dir, "main.tf"), config(6));
    const planned = await plan(dir);
    expect(planned.code, planned.output).toBe(2);
    expect(planned.stdout).toMatch(/instance_count\s+= 4 -> 6 # forces replacement/);
    expect(planned.stdout).toContain("1 to add, 0 to change, 1 to destroy");

    const applied = await apply(dir);
    expect(applied.code, applied.output).toBe(0);
    const after = await liveInstances("grow");
    expect(after).toHaveLength(6);
    expect(after.filter((i) => before.includes(i.id))).toEqual([]);
    expect(new Set(after.map((i) => domainOfMachine(i.machineId ?? ""))).size).toBe(1);

    await writeFile(join(dir, "main.tf"), config(4));
    const shrink = await plan(dir);
    expect(shrink.stdout).toMatch(/instance_count\s+= 6 -> 4 # forces replacement/);
    const destroyed = await terraform(dir, "destroy", "-auto-approve", "-no-color");
    expect(destroyed.code, destroyed.output).toBe(0);
  });
});
