import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunningServer } from "@nico/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  prepareProviderMirror,
  requireTerraform,
  writeTerraformCliConfig,
} from "../../scripts/lib/cdktf-example.js";
import { startPostgres, type RunningPostgres } from "../support/postgres.js";
import {
  createTestDatabase,
  readDatabaseState,
  type StoreKind,
  type TestDatabase,
} from "./support/database.js";
import { recordFigures, type Figure } from "./support/figures.js";
import { adminToken, startReplicas } from "./support/http.js";
import { fixture, type TenantFixture } from "./support/inventory.js";

const tenant = fixture.tenants[0] as TenantFixture;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === "object" && address !== null ? address.port : 0),
      );
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function configuration(namePrefix: string): string {
  return `terraform {
  required_providers {
    nico = {
      source = "nico/nico"
    }
  }
}

provider "nico" {}

resource "nico_instance_batch" "interrupted" {
  name_prefix        = "${namePrefix}"
  instance_count     = 2
  tenant_id          = "${tenant.tenantId}"
  instance_type_id   = "${fixture.cpuTypeId}"
  vpc_id             = "${tenant.vpcId}"
  ipxe_script        = "#!ipxe\\nchain http://boot.example.internal/os.ipxe"
  topology_optimized = false

  interface {
    subnet_id = "${tenant.subnetId}"
  }

  timeouts {
    create = "30m"
    delete = "5m"
  }
}
`;
}

/** Runs terraform; `interrupt` may send SIGINT while it runs. Resolves with code and output. */
function terraform(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; interrupt?: (send: () => void) => Promise<void> },
): Promise<{ code: number | null; output: string }> {
  const child = spawn("terraform", args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  void options.interrupt?.(() => child.kill("SIGINT"));
  return exited.then((code) => ({ code, output }));
}

/** Member instance ids of the batch recorded in a Terraform state file. */
function stateIds(file: string): { ids: string[]; tainted: boolean } {
  const state = JSON.parse(readFileSync(file, "utf8")) as {
    resources?: { instances?: { status?: string; attributes?: { id?: string } }[] }[];
  };
  const instance = state.resources?.[0]?.instances?.[0];
  const id = instance?.attributes?.id ?? "";
  return { ids: id === "" ? [] : id.split(","), tainted: instance?.status === "tainted" };
}

const storeKinds: StoreKind[] = ["sqlite", "postgres"];
let postgres: RunningPostgres | undefined;
let root: string;
let cliConfig: string;
const figures: Figure[] = [];

beforeAll(async () => {
  requireTerraform();
  root = mkdtempSync(join(tmpdir(), "nico-tf-reliability-"));
  const mirror = await prepareProviderMirror(join(root, "mirror"));
  cliConfig = join(root, "terraformrc");
  writeTerraformCliConfig(cliConfig, mirror);
  postgres = await startPostgres();
}, 600_000);

afterAll(async () => {
  await postgres?.stop();
  if (root !== undefined) {
    rmSync(root, { recursive: true, force: true });
  }
  if (figures.length > 0) {
    await recordFigures(
      "terraform",
      "Terraform: apply interrupted while waiting for Ready",
      figures,
    );
  }
});

describe.each(storeKinds)("terraform interrupted apply %s", (kind) => {
  const namePrefix = `tf-${kind}`;
  let database: TestDatabase;
  let server: RunningServer | undefined;
  let first: { code: number | null; output: string };
  let second: { code: number | null; output: string };
  let destroy: { code: number | null; output: string };
  let interruptedState: { ids: string[]; tainted: boolean };
  let finalState: { ids: string[]; tainted: boolean };
  let liveAfterApply: string[];
  let liveAfterDestroy: string[];

  const liveIds = async () => {
    const state = await readDatabaseState(database);
    return state.instances
      .filter(
        (row) =>
          !row.deleted && row.status !== "Terminating" && row.name.startsWith(`${namePrefix}-`),
      )
      .map((row) => row.id)
      .sort();
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind, postgres);
    const port = await freePort();
    const workDir = join(root, kind);
    mkdirSync(workDir);
    writeFileSync(join(workDir, "main.tf"), configuration(namePrefix));
    const env = {
      ...process.env,
      TF_CLI_CONFIG_FILE: cliConfig,
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      NICO_ENDPOINT: `http://127.0.0.1:${port}`,
      NICO_ORG: tenant.org,
      NICO_TOKEN: await adminToken(tenant.org),
    };
    const init = await terraform(["init", "-input=false", "-no-color"], { cwd: workDir, env });
    if (init.code !== 0) {
      throw new Error(`terraform init failed:\n${init.output}`);
    }

    // Instances stay Pending for 10 minutes, so the apply is still waiting when SIGINT arrives.
    [server] = await startReplicas(database, 1, {
      port,
      readyAfterMs: 600_000,
      terminateAfterMs: 200,
    });
    first = await terraform(["apply", "-auto-approve", "-input=false", "-no-color"], {
      cwd: workDir,
      env,
      interrupt: async (interrupt) => {
        const deadline = Date.now() + 60_000;
        while ((await liveIds()).length < 2 && Date.now() < deadline) {
          await sleep(100);
        }
        // Let the provider return from the batch call and start polling for Ready.
        await sleep(1500);
        interrupt();
      },
    });
    interruptedState = stateIds(join(workDir, "terraform.tfstate"));
    await server?.close();

    // The same database behind a server that makes new instances Ready quickly.
    [server] = await startReplicas(database, 1, { port, readyAfterMs: 300, terminateAfterMs: 200 });
    second = await terraform(["apply", "-auto-approve", "-input=false", "-no-color"], {
      cwd: workDir,
      env,
    });
    finalState = stateIds(join(workDir, "terraform.tfstate"));
    liveAfterApply = await liveIds();
    destroy = await terraform(["destroy", "-auto-approve", "-input=false", "-no-color"], {
      cwd: workDir,
      env,
    });
    liveAfterDestroy = await liveIds();
    await server?.close();
    server = undefined;
    figures.push({ label: `${kind}: applies interrupted and resumed`, value: 1 });
  }, 600_000);

  afterAll(async () => {
    await server?.close();
    database?.remove();
  });

  it("stops the interrupted apply with an error", () => {
    expect(first.code, first.output).not.toBe(0);
  });

  it("saves the created ids before the interrupt", () => {
    expect(interruptedState.ids.length, first.output).toBe(2);
  });

  it("marks the interrupted batch tainted", () => {
    expect(interruptedState.tainted).toBe(true);
  });

  it("completes the next apply", () => {
    expect(second.code, second.output).toBe(0);
  });

  it("leaves no orphan instance after the next apply", () => {
    expect(liveAfterApply).toEqual([...finalState.ids].sort());
  });

  it("replaces the interrupted instances", () => {
    expect(finalState.ids.filter((id) => interruptedState.ids.includes(id))).toEqual([]);
  });

  it("destroys every instance", () => {
    expect(destroy.code, destroy.output).toBe(0);
    expect(liveAfterDestroy).toEqual([]);
  });
});
