import type { Logger } from "pino";
import type { InstanceRecord, StoreSession } from "../store/types.js";
import { hashJson } from "../util/canonical-json.js";
import { inventorySections, type Inventory, type InventoryKind } from "./schema.js";

const seededKey = "inventory_seeded_at";
const hashKey = "inventory_hash";

function seedInstanceRecords(inventory: Inventory, seededAt: string): InstanceRecord[] {
  const machines = new Map(inventory.machines.map((machine) => [machine.id, machine]));
  const types = new Map(inventory.instanceTypes.map((type) => [type.id, type]));
  const sites = new Map(inventory.sites.map((site) => [site.id, site]));
  return inventory.instances.map((instance) => {
    const machine = machines.get(instance.machineId);
    const type = machine === undefined ? undefined : types.get(machine.instanceTypeId);
    const site = machine === undefined ? undefined : sites.get(machine.siteId);
    if (machine === undefined || type === undefined || site === undefined) {
      throw new Error(`seed instance ${instance.id} references an unknown machine`);
    }
    return {
      id: instance.id,
      name: instance.name,
      description: instance.description,
      tenantId: instance.tenantId,
      siteId: site.id,
      infrastructureProviderId: site.infrastructureProviderId,
      instanceTypeId: type.id,
      instanceTypeName: type.name,
      vpcId: instance.vpcId,
      secondaryVpcIds: [],
      machineId: machine.id,
      operatingSystemId: null,
      ipxeScript: instance.ipxeScript,
      alwaysBootWithCustomIpxe: false,
      phoneHomeEnabled: false,
      userData: null,
      labels: instance.labels,
      networkSecurityGroupId: null,
      autoNetwork: false,
      topologyOptimized: true,
      status: instance.status,
      powerStatus: null,
      isUpdatePending: false,
      interfaces: [],
      infinibandInterfaces: [],
      nvLinkInterfaces: [],
      dpuExtensionServiceDeployments: [],
      sshKeyGroupIds: [],
      created: seededAt,
      updated: seededAt,
      nextTransition: null,
    };
  });
}

/**
 * Seeds an empty database with the inventory and returns true. A database seeded before keeps
 * its state, so instances survive restarts; a different inventory file is then only logged.
 */
export async function seedInventory(
  session: StoreSession,
  inventory: Inventory,
  logger: Logger,
): Promise<boolean> {
  const hash = hashJson(inventory);
  const seededAt = await session.getMeta(seededKey);
  if (seededAt !== undefined) {
    if ((await session.getMeta(hashKey)) !== hash) {
      logger.warn(
        { seededAt },
        "inventory differs from the one the database was seeded with; the stored state is kept",
      );
    }
    return false;
  }
  const now = new Date().toISOString();
  for (const [kind, section] of Object.entries(inventorySections) as [
    InventoryKind,
    (typeof inventorySections)[InventoryKind],
  ][]) {
    for (const object of inventory[section]) {
      await session.putObject(kind, object as never);
    }
  }
  const hosts = new Map(inventory.instances.map((instance) => [instance.machineId, instance.id]));
  await session.insertMachines(
    inventory.machines.map((machine) => ({
      ...machine,
      assignedInstanceId: hosts.get(machine.id) ?? null,
    })),
  );
  const instances = seedInstanceRecords(inventory, now);
  await session.insertInstances(instances);
  await session.appendStatusHistory(
    instances.map((instance) => ({
      instanceId: instance.id,
      status: instance.status,
      message: "Instance loaded from the inventory file",
      created: now,
    })),
  );
  await session.setMeta(seededKey, now);
  await session.setMeta(hashKey, hash);
  logger.info(
    {
      tenants: inventory.tenants.length,
      sites: inventory.sites.length,
      machines: inventory.machines.length,
      instances: inventory.instances.length,
    },
    "database seeded from the inventory",
  );
  return true;
}

/** Returns whether the database has been seeded. */
export async function isSeeded(session: StoreSession): Promise<boolean> {
  return (await session.getMeta(seededKey)) !== undefined;
}
