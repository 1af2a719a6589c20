import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NicoNotFoundError, createNicoClient, type Instance, type NicoClient } from "@nico/sdk";
import { signDevelopmentToken, startServer, type RunningServer } from "@nico/server";
import { Testing } from "cdktf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deployExample,
  destroyExample,
  exampleEnvironment,
  exampleInventoryPath,
  prepareProviderMirror,
  readExampleOutputs,
  repoRoot,
  requireTerraform,
  runCommand,
  stackDir,
  synthExample,
  writeTerraformCliConfig,
  type ExampleOutputs,
  type ExampleRunOptions,
} from "../../scripts/lib/cdktf-example.js";

const org = "acme";
const expectedCount = 8;
const terraformTimeoutMs = 240_000;

let workDir: string;
let server: RunningServer | undefined;
let runOptions: ExampleRunOptions;
let nico: NicoClient;

function inventoryDomains(): Map<string, string | null> {
  const inventory = JSON.parse(readFileSync(exampleInventoryPath, "utf8")) as {
    machines: { id: string; nvLinkDomainId: string | null }[];
  };
  return new Map(inventory.machines.map((machine) => [machine.id, machine.nvLinkDomainId]));
}

function domainOf(instance: Instance, fallback: Map<string, string | null>): string | null {
  const reported = instance.nvLinkInterfaces.find(
    (nvLink) => nvLink.nvLinkDomainId,
  )?.nvLinkDomainId;
  if (reported) return reported;
  return instance.machineId === null ? null : (fallback.get(instance.machineId) ?? null);
}

async function isInstanceNotFound(id: string): Promise<boolean> {
  try {
    await nico.getInstance(id);
    return false;
  } catch (error) {
    if (error instanceof NicoNotFoundError) return true;
    throw error;
  }
}

async function plannedBatch(dir: string, env: NodeJS.ProcessEnv): Promise<unknown> {
  const options = { cwd: dir, env };
  const plan = await runCommand(
    "terraform",
    ["plan", "-input=false", "-no-color", "-out", "batch.tfplan"],
    options,
  );
  expect(plan.code, plan.output).toBe(0);
  const show = await runCommand("terraform", ["show", "-json", "batch.tfplan"], options);
  expect(show.code, show.output).toBe(0);
  const changes = JSON.parse(show.output).resource_changes as {
    type: string;
    change: { after: unknown };
  }[];
  const batches = changes.filter((change) => change.type === "nico_instance_batch");
  expect(batches).toHaveLength(1);
  return batches[0]?.change.after;
}

beforeAll(async () => {
  // A missing terraform fails every test of this file instead of skipping them.
  requireTerraform();
  workDir = mkdtempSync(path.join(tmpdir(), "nico-cdktf-e2e-"));
  const mirrorDir = await prepareProviderMirror(path.join(workDir, "mirror"));

  const jwtSecret = randomBytes(32).toString("hex");
  server = await startServer({
    host: "127.0.0.1",
    port: 0,
    inventory: exampleInventoryPath,
    database: path.join(workDir, "nico.db"),
    jwtSecret,
    readyAfterMs: 300,
    terminateAfterMs: 200,
    logLevel: "warn",
  });
  const token = await signDevelopmentToken({ secret: jwtSecret, org, ttl: "1h" });
  const cliConfigFile = path.join(workDir, "terraformrc");
  writeTerraformCliConfig(cliConfigFile, mirrorDir);
  runOptions = { cliConfigFile, endpoint: server.url, org, token, workDir };
  nico = createNicoClient({ endpoint: server.url, org, token });
}, terraformTimeoutMs);

afterAll(async () => {
  await server?.close();
  if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
});

describe("cdktf example", () => {
  let outputs: ExampleOutputs;
  let instances: Instance[];

  it("synthesizes the stack", { timeout: terraformTimeoutMs }, async () => {
    const result = await synthExample(runOptions);
    expect(result.code, result.output).toBe(0);
    expect(existsSync(path.join(stackDir(workDir), "cdk.tf.json"))).toBe(true);
  });

  it("passes terraform validate", { timeout: terraformTimeoutMs }, async () => {
    const environment = exampleEnvironment(runOptions);
    const options = { cwd: stackDir(workDir), env: environment };
    const init = await runCommand("terraform", ["init", "-input=false", "-no-color"], options);
    expect(init.code, init.output).toBe(0);
    const validate = await runCommand("terraform", ["validate", "-json"], options);
    expect(validate.code, validate.output).toBe(0);
    expect(JSON.parse(validate.output).valid).toBe(true);
  });

  it("is valid per cdktf Testing", { timeout: terraformTimeoutMs }, () => {
    const saved = { ...process.env };
    Object.assign(process.env, exampleEnvironment(runOptions));
    try {
      expect(Testing.toBeValidTerraform(path.join(workDir, "cdktf.out"))).toBe(true);
    } finally {
      process.env = saved;
    }
  });

  it("plans the same batch as the HCL example", { timeout: terraformTimeoutMs }, async () => {
    const environment = exampleEnvironment(runOptions);
    const hclDir = path.join(workDir, "hcl");
    mkdirSync(hclDir);
    copyFileSync(
      path.join(repoRoot, "examples/terraform-hcl/main.tf"),
      path.join(hclDir, "main.tf"),
    );
    const init = await runCommand("terraform", ["init", "-input=false", "-no-color"], {
      cwd: hclDir,
      env: environment,
    });
    expect(init.code, init.output).toBe(0);

    const fromHcl = await plannedBatch(hclDir, environment);
    const fromCdktf = await plannedBatch(stackDir(workDir), environment);
    expect(fromCdktf).toEqual(fromHcl);
  });

  it("deploys eight instances", { timeout: terraformTimeoutMs }, async () => {
    const result = await deployExample(runOptions);
    expect(result.code, result.output).toBe(0);
    outputs = readExampleOutputs(workDir);
    expect(outputs.instance_ids).toHaveLength(expectedCount);
    instances = await Promise.all(outputs.instance_ids.map((id) => nico.getInstance(id)));
  });

  it("waits until every instance is Ready", () => {
    expect(instances.map((instance) => instance.status)).toEqual(
      Array(expectedCount).fill("Ready"),
    );
  });

  it("gives each instance its own machine", () => {
    const machines = new Set(instances.map((instance) => instance.machineId));
    expect(machines.size).toBe(expectedCount);
  });

  it("places all in one NVLink domain", () => {
    const fallback = inventoryDomains();
    const domains = new Set(instances.map((instance) => domainOf(instance, fallback)));
    expect([...domains]).toHaveLength(1);
    expect([...domains][0]).not.toBeNull();
  });

  it("outputs machine ids in index order", () => {
    expect(outputs.machine_ids).toEqual(instances.map((instance) => instance.machineId));
  });

  it("outputs the first machine", () => {
    expect(outputs.first_machine_id).toBe(instances[0]?.machineId);
  });

  it("outputs names in index order", () => {
    expect(outputs.names).toEqual(instances.map((instance) => instance.name));
  });

  it("destroys every instance", { timeout: terraformTimeoutMs }, async () => {
    const result = await destroyExample(runOptions);
    expect(result.code, result.output).toBe(0);
    const gone = await Promise.all(outputs.instance_ids.map(isInstanceNotFound));
    expect(gone).toEqual(Array(expectedCount).fill(true));
  });
});
