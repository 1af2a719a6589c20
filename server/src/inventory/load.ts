import { readFileSync } from "node:fs";
import type { z } from "zod";
import { inventorySchema, type Inventory, type InventoryInput } from "./schema.js";

/** One broken rule of an inventory file. */
export interface InventoryIssue {
  /** JSON path of the offending value, for example `machines[3].status`. */
  path: string;
  message: string;
}

/** Error raised when an inventory file cannot be read or breaks a rule. */
export class InventoryError extends Error {
  override readonly name = "InventoryError";
  readonly issues: InventoryIssue[];

  constructor(source: string, issues: InventoryIssue[]) {
    const lines = issues.slice(0, 20).map((issue) => `  ${issue.path}: ${issue.message}`);
    if (issues.length > 20) {
      lines.push(`  ... and ${issues.length - 20} more`);
    }
    super(`Inventory ${source} is invalid:\n${lines.join("\n")}`);
    this.issues = issues;
  }
}

/** Formats a zod or reference path as a JSON path (`vpcs[0].tenantId`). */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let text = "$";
  for (const part of path) {
    text += typeof part === "number" ? `[${part}]` : `.${String(part)}`;
  }
  return text;
}

function zodIssues(error: z.ZodError): InventoryIssue[] {
  return error.issues.map((issue) => ({
    path: formatJsonPath(issue.path),
    message: issue.message,
  }));
}

/**
 * Reads and validates an inventory: a file path or an object.
 *
 * Throws `InventoryError` naming the JSON path and the rule of every problem found: schema
 * rules first, then duplicate ids and references to objects that do not exist.
 */
export function loadInventory(source: string | InventoryInput): Inventory {
  let raw: unknown = source;
  const label = typeof source === "string" ? source : "object";
  if (typeof source === "string") {
    let text: string;
    try {
      text = readFileSync(source, "utf8");
    } catch (error) {
      throw new InventoryError(label, [
        { path: "$", message: `cannot read file: ${String(error)}` },
      ]);
    }
    try {
      raw = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InventoryError(label, [{ path: "$", message: `not valid JSON: ${reason}` }]);
    }
  }
  const parsed = inventorySchema.safeParse(raw);
  if (!parsed.success) {
    throw new InventoryError(label, zodIssues(parsed.error));
  }
  const issues = checkReferences(parsed.data);
  if (issues.length > 0) {
    throw new InventoryError(label, issues);
  }
  return parsed.data;
}

type Section = keyof Omit<Inventory, "$schema">;

function indexIds(inventory: Inventory, section: Section, issues: InventoryIssue[]): Set<string> {
  const ids = new Set<string>();
  inventory[section].forEach((item, index) => {
    if (ids.has(item.id)) {
      issues.push({
        path: formatJsonPath([section, index, "id"]),
        message: `duplicate id ${item.id}`,
      });
    }
    ids.add(item.id);
  });
  return ids;
}

/** Checks duplicate ids, dangling references and site consistency. */
export function checkReferences(inventory: Inventory): InventoryIssue[] {
  const issues: InventoryIssue[] = [];
  const sections: Section[] = [
    "tenants",
    "sites",
    "allocations",
    "instanceTypes",
    "vpcs",
    "subnets",
    "vpcPrefixes",
    "operatingSystems",
    "sshKeyGroups",
    "networkSecurityGroups",
    "infinibandPartitions",
    "nvLinkLogicalPartitions",
    "dpuExtensionServices",
    "machines",
    "instances",
  ];
  const ids = new Map<Section, Set<string>>();
  for (const section of sections) {
    ids.set(section, indexIds(inventory, section, issues));
  }

  const requireRef = (path: PropertyKey[], section: Section, id: string | null) => {
    if (id !== null && !ids.get(section)?.has(id)) {
      issues.push({ path: formatJsonPath(path), message: `no ${section} entry has id ${id}` });
    }
  };

  const orgs = new Map<string, number>();
  inventory.tenants.forEach((tenant, index) => {
    const key = tenant.org.toLowerCase();
    const first = orgs.get(key);
    if (first !== undefined) {
      issues.push({
        path: formatJsonPath(["tenants", index, "org"]),
        message: `org ${tenant.org} already belongs to tenants[${first}]; one tenant per org`,
      });
    }
    orgs.set(key, index);
  });

  inventory.allocations.forEach((allocation, index) => {
    requireRef(["allocations", index, "tenantId"], "tenants", allocation.tenantId);
    requireRef(["allocations", index, "siteId"], "sites", allocation.siteId);
    allocation.constraints.forEach((constraint, position) => {
      const path = ["allocations", index, "constraints", position, "instanceTypeId"];
      requireRef(path, "instanceTypes", constraint.instanceTypeId);
    });
  });

  const instanceTypeSite = new Map(inventory.instanceTypes.map((type) => [type.id, type.siteId]));
  inventory.instanceTypes.forEach((type, index) => {
    requireRef(["instanceTypes", index, "siteId"], "sites", type.siteId);
  });

  const vpcs = new Map(inventory.vpcs.map((vpc) => [vpc.id, vpc]));
  inventory.vpcs.forEach((vpc, index) => {
    requireRef(["vpcs", index, "tenantId"], "tenants", vpc.tenantId);
    requireRef(["vpcs", index, "siteId"], "sites", vpc.siteId);
    requireRef(
      ["vpcs", index, "nvLinkLogicalPartitionId"],
      "nvLinkLogicalPartitions",
      vpc.nvLinkLogicalPartitionId,
    );
    requireRef(
      ["vpcs", index, "networkSecurityGroupId"],
      "networkSecurityGroups",
      vpc.networkSecurityGroupId,
    );
  });

  inventory.subnets.forEach((subnet, index) => {
    requireRef(["subnets", index, "tenantId"], "tenants", subnet.tenantId);
    requireRef(["subnets", index, "vpcId"], "vpcs", subnet.vpcId);
  });

  inventory.vpcPrefixes.forEach((prefix, index) => {
    requireRef(["vpcPrefixes", index, "tenantId"], "tenants", prefix.tenantId);
    requireRef(["vpcPrefixes", index, "vpcId"], "vpcs", prefix.vpcId);
    requireRef(["vpcPrefixes", index, "siteId"], "sites", prefix.siteId);
  });

  inventory.operatingSystems.forEach((os, index) => {
    requireRef(["operatingSystems", index, "tenantId"], "tenants", os.tenantId);
  });

  inventory.sshKeyGroups.forEach((group, index) => {
    requireRef(["sshKeyGroups", index, "tenantId"], "tenants", group.tenantId);
    group.siteIds.forEach((siteId, position) => {
      requireRef(["sshKeyGroups", index, "siteIds", position], "sites", siteId);
    });
  });

  const siteScoped: Section[] = [
    "networkSecurityGroups",
    "infinibandPartitions",
    "nvLinkLogicalPartitions",
    "dpuExtensionServices",
  ];
  for (const section of siteScoped) {
    (inventory[section] as { tenantId: string; siteId: string }[]).forEach((item, index) => {
      requireRef([section, index, "tenantId"], "tenants", item.tenantId);
      requireRef([section, index, "siteId"], "sites", item.siteId);
    });
  }

  const machineSites = new Map<string, string>();
  inventory.machines.forEach((machine, index) => {
    requireRef(["machines", index, "siteId"], "sites", machine.siteId);
    requireRef(["machines", index, "instanceTypeId"], "instanceTypes", machine.instanceTypeId);
    const typeSite = instanceTypeSite.get(machine.instanceTypeId);
    if (typeSite !== undefined && typeSite !== machine.siteId) {
      issues.push({
        path: formatJsonPath(["machines", index, "siteId"]),
        message: `machine is at site ${machine.siteId} but its instance type is at site ${typeSite}`,
      });
    }
    machineSites.set(machine.id, machine.siteId);
  });

  const usedMachines = new Map<string, number>();
  inventory.instances.forEach((instance, index) => {
    requireRef(["instances", index, "tenantId"], "tenants", instance.tenantId);
    requireRef(["instances", index, "machineId"], "machines", instance.machineId);
    requireRef(["instances", index, "vpcId"], "vpcs", instance.vpcId);
    const other = usedMachines.get(instance.machineId);
    if (other !== undefined) {
      issues.push({
        path: formatJsonPath(["instances", index, "machineId"]),
        message: `machine ${instance.machineId} already hosts instances[${other}]`,
      });
    }
    usedMachines.set(instance.machineId, index);
    const vpc = vpcs.get(instance.vpcId);
    const site = machineSites.get(instance.machineId);
    if (vpc !== undefined && site !== undefined && vpc.siteId !== site) {
      issues.push({
        path: formatJsonPath(["instances", index, "vpcId"]),
        message: `VPC is at site ${vpc.siteId} but machine ${instance.machineId} is at site ${site}`,
      });
    }
  });

  return issues;
}
