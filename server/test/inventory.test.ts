import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { InventoryError, loadInventory } from "../src/index.js";
import { ids, sharedFixture } from "./helpers/fixture.js";

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));
const examplePath = join(repositoryRoot, "examples/inventory/gb200-nvl72.json");

function problems(input: unknown): string {
  try {
    loadInventory(input as never);
  } catch (error) {
    if (error instanceof InventoryError) {
      return error.message;
    }
    throw error;
  }
  return "";
}

function runCli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", "server/src/cli.ts", ...args], {
    cwd: repositoryRoot,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
}

describe("inventory validation", () => {
  it("accepts the shared fixture", () => {
    expect(problems(sharedFixture())).toBe("");
  });

  it("names path and rule of a bad enum", () => {
    const inventory = sharedFixture();
    (inventory.machines[3] as { status: string }).status = "Broken";
    const message = problems(inventory);
    expect(message).toContain("$.machines[3].status");
  });

  it("names a missing field", () => {
    const inventory = sharedFixture();
    delete (inventory.sites[0] as { name?: string }).name;
    expect(problems(inventory)).toContain("$.sites[0].name");
  });

  it("rejects unknown keys", () => {
    const inventory = { ...sharedFixture(), colour: "red" };
    expect(problems(inventory)).toContain("colour");
  });

  it("rejects a dangling reference", () => {
    const inventory = sharedFixture();
    inventory.vpcs[0] = { ...inventory.vpcs[0]!, tenantId: "11111111-1111-4111-8111-111111111111" };
    const message = problems(inventory);
    expect(message).toContain("$.vpcs[0].tenantId");
    expect(message).toContain("11111111-1111-4111-8111-111111111111");
  });

  it("rejects duplicate ids", () => {
    const inventory = sharedFixture();
    inventory.machines.push({ ...inventory.machines[0]! });
    expect(problems(inventory)).toContain("duplicate id it1-01");
  });

  it("rejects a machine at another site than its type", () => {
    const inventory = sharedFixture();
    inventory.machines[0] = { ...inventory.machines[0]!, siteId: ids.S2 };
    expect(problems(inventory)).toContain("$.machines[0].siteId");
  });

  it("rejects two seed instances on one machine", () => {
    const inventory = sharedFixture();
    const base = { tenantId: ids.T1, machineId: "it1-01", vpcId: ids.VE };
    inventory.instances.push(
      { ...base, id: "11111111-1111-4111-8111-111111111111", name: "a" },
      { ...base, id: "22222222-2222-4222-8222-222222222222", name: "b" },
    );
    expect(problems(inventory)).toContain("$.instances[1].machineId");
  });

  it("rejects invalid JSON files", () => {
    const file = join(mkdtempSync(join(tmpdir(), "nico-inventory-")), "broken.json");
    writeFileSync(file, "{ not json");
    expect(problems(file)).toContain("not valid JSON");
  });
});

describe("example inventory", () => {
  const inventory = loadInventory(examplePath);
  const gpuType = inventory.instanceTypes.find((type) =>
    type.capabilities.some((capability) => capability.type === "GPU"),
  );

  it("has four NVLink domains of 18 machines", () => {
    const sizes = new Map<string, number>();
    for (const machine of inventory.machines) {
      if (machine.nvLinkDomainId !== null) {
        sizes.set(machine.nvLinkDomainId, (sizes.get(machine.nvLinkDomainId) ?? 0) + 1);
      }
    }
    expect(sizes.size).toBeGreaterThanOrEqual(4);
    for (const size of sizes.values()) {
      expect(size).toBe(18);
    }
  });

  it("has GPU, InfiniBand and DPU capabilities", () => {
    const kinds = gpuType?.capabilities.map((capability) => capability.type).sort();
    expect(kinds).toEqual(["GPU", "InfiniBand", "Network"]);
  });

  it("has machines without NVLink", () => {
    expect(inventory.machines.some((machine) => machine.nvLinkDomainId === null)).toBe(true);
  });

  it("has every VPC kind", () => {
    const types = new Set(inventory.vpcs.map((vpc) => vpc.networkVirtualizationType));
    expect(types).toEqual(new Set(["ETHERNET_VIRTUALIZER", "FNN", "FLAT"]));
    expect(inventory.vpcs.some((vpc) => vpc.nvLinkLogicalPartitionId !== null)).toBe(true);
  });

  it("gives acme quota for the demo", () => {
    const acme = inventory.tenants.find((tenant) => tenant.org === "acme");
    const quota = inventory.allocations
      .filter((allocation) => allocation.tenantId === acme?.id)
      .flatMap((allocation) => allocation.constraints)
      .filter((constraint) => constraint.instanceTypeId === gpuType?.id)
      .reduce((sum, constraint) => sum + constraint.value, 0);
    expect(quota).toBeGreaterThanOrEqual(8);
  });
});

describe("command line", () => {
  it("token prints a verifiable token", async () => {
    const result = runCli([
      "token",
      "--org",
      "acme",
      "--role",
      "TENANT_ADMIN",
      "--secret",
      "s3cret",
    ]);
    expect(result.status).toBe(0);
    const { payload } = await jwtVerify(result.stdout.trim(), new TextEncoder().encode("s3cret"));
    expect(payload.orgs).toEqual({ acme: { roles: ["TENANT_ADMIN"] } });
  });

  it("bad inventory stops start-up with its path", () => {
    const directory = mkdtempSync(join(tmpdir(), "nico-cli-"));
    const file = join(directory, "inventory.json");
    const inventory = sharedFixture();
    (inventory.sites[0] as { status: string }).status = "Lost";
    writeFileSync(file, JSON.stringify(inventory));
    const result = runCli(
      ["--port", "0", "--inventory", file, "--database", join(directory, "db.sqlite")],
      {
        NICO_JWT_SECRET: "s3cret",
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("$.sites[0].status");
  });

  it("rejects an unknown placement", () => {
    const result = runCli(["--placement", "random"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--placement");
  });
});
