import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { signDevelopmentToken, startServer, type InventoryInput } from "@nico/server";
import { pino } from "pino";
import { defineContractSuite } from "./suite.js";

const inventoryPath = fileURLToPath(
  new URL("../../examples/inventory/gb200-nvl72.json", import.meta.url),
);
const inventory = JSON.parse(readFileSync(inventoryPath, "utf8")) as Required<InventoryInput>;

function idOf<T extends { id: string; name?: string }>(items: T[], name: string): string {
  const item = items.find((candidate) => candidate.name === name);
  if (item === undefined) {
    throw new Error(`example inventory has no entry named ${name}`);
  }
  return item.id;
}

const tenantId = idOf(inventory.tenants, "Acme Research");
const secret = "contract-suite-secret";

// The reference server on the example inventory, with an Ethernet VPC and its subnet.
defineContractSuite({
  name: "reference server",
  async start() {
    const directory = mkdtempSync(join(tmpdir(), "nico-contract-"));
    const server = await startServer({
      host: "127.0.0.1",
      port: 0,
      inventory,
      database: join(directory, "nico.db"),
      jwtSecret: secret,
      readyAfterMs: 200,
      terminateAfterMs: 200,
      logger: pino({ level: "silent" }),
    });
    const token = await signDevelopmentToken({ secret, org: "acme" });
    return {
      url: server.url,
      org: "acme",
      token,
      async close() {
        await server.close();
        rmSync(directory, { recursive: true, force: true });
      },
    };
  },
  fixtures: {
    tenantId,
    instanceTypeId: idOf(inventory.instanceTypes, "gb200-nvl72-compute"),
    vpcId: idOf(inventory.vpcs, "training-ethernet"),
    subnetId: idOf(inventory.subnets, "training-ethernet-a"),
  },
});
