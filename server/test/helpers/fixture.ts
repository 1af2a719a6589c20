import { createHash } from "node:crypto";
import type { InventoryInput } from "../../src/index.js";

/** Deterministic version-4 UUID for a readable test name such as "tenant/T1". */
export function uid(name: string): string {
  const hex = createHash("sha256").update(`fixture:${name}`).digest("hex");
  const variant = ((Number.parseInt(hex[16] ?? "0", 16) & 3) | 8).toString(16);
  const text = `${hex.slice(0, 12)}4${hex.slice(13, 16)}${variant}${hex.slice(17, 32)}`;
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/** Ids of the shared fixture. */
export const ids = {
  T1: uid("tenant/T1"),
  T2: uid("tenant/T2"),
  S1: uid("site/S1"),
  S2: uid("site/S2"),
  SP: uid("site/SP"),
  provider: uid("provider/P"),
  A1: uid("allocation/A1"),
  A2: uid("allocation/A2"),
  IT1: uid("instance-type/IT1"),
  D1: uid("domain/D1"),
  VE: uid("vpc/VE"),
  VF: uid("vpc/VF"),
  VF2: uid("vpc/VF2"),
  VF3: uid("vpc/VF3"),
  VG: uid("vpc/VG"),
  SN1: uid("subnet/SN1"),
  SNG: uid("subnet/SNG"),
  P1: uid("prefix/P1"),
  P2: uid("prefix/P2"),
  P3: uid("prefix/P3"),
  IBP1: uid("ib-partition/IBP1"),
  NL1: uid("nvlink-partition/NL1"),
  DES1: uid("dpu-service/DES1"),
  DES2: uid("dpu-service/DES2"),
  K1: uid("ssh-key-group/K1"),
  OSI: uid("os/OSI"),
  OSX: uid("os/OSX"),
} as const;

/** Inventory whose every section is an array, so tests can push to it. */
export type FixtureInventory = Required<Omit<InventoryInput, "$schema">>;

type MachineInput = FixtureInventory["machines"][number];

/** Machines `<prefix>-01`, `<prefix>-02`, ... of one instance type. */
export function machines(
  prefix: string,
  count: number,
  options: { instanceTypeId: string; siteId?: string; domain: string | null; status?: string },
): MachineInput[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}-${String(index + 1).padStart(2, "0")}`,
    siteId: options.siteId ?? ids.S1,
    instanceTypeId: options.instanceTypeId,
    status: (options.status ?? "Ready") as MachineInput["status"],
    nvLinkDomainId: options.domain,
  }));
}

/**
 * Builds the shared fixture of the batch cases. Org acme maps to tenant T1 and org globex to T2.
 * Sites S1 and S2 are Registered and SP is Pending. Instance type IT1 has 15 Ready machines in
 * domain D1 and a Reserved quota of 15. VPC VE is Ethernet, VF and VF2 are FNN, and VF3 is FNN
 * at S2. Partitions, DPU services, SSH key group K1 and operating systems OSI and OSX complete it.
 */
export function sharedFixture(): FixtureInventory {
  return {
    tenants: [
      { id: ids.T1, org: "acme" },
      { id: ids.T2, org: "globex" },
    ],
    sites: [
      { id: ids.S1, name: "S1", status: "Registered", infrastructureProviderId: ids.provider },
      { id: ids.S2, name: "S2", status: "Registered", infrastructureProviderId: ids.provider },
      { id: ids.SP, name: "SP", status: "Pending", infrastructureProviderId: ids.provider },
    ],
    allocations: [
      {
        id: ids.A1,
        tenantId: ids.T1,
        siteId: ids.S1,
        constraints: [{ instanceTypeId: ids.IT1, constraintType: "Reserved", value: 15 }],
      },
      {
        id: ids.A2,
        tenantId: ids.T2,
        siteId: ids.S1,
        constraints: [{ instanceTypeId: ids.IT1, constraintType: "Reserved", value: 4 }],
      },
    ],
    instanceTypes: [
      {
        id: ids.IT1,
        name: "IT1",
        siteId: ids.S1,
        capabilities: [
          { type: "InfiniBand", name: "CX6", vendor: "Mellanox", count: 3 },
          { type: "Network", deviceType: "DPU", name: "BF2", count: 2 },
          { type: "GPU", deviceType: "NVLink", name: "GB200", count: 4 },
        ],
      },
    ],
    vpcs: [
      vpc(ids.VE, "ETHERNET_VIRTUALIZER"),
      vpc(ids.VF, "FNN"),
      vpc(ids.VF2, "FNN"),
      { ...vpc(ids.VF3, "FNN"), siteId: ids.S2 },
      { ...vpc(ids.VG, "ETHERNET_VIRTUALIZER"), tenantId: ids.T2 },
    ],
    subnets: [
      {
        id: ids.SN1,
        name: "SN1",
        tenantId: ids.T1,
        vpcId: ids.VE,
        status: "Ready",
        ipv4Prefix: "10.1.0.0/24",
      },
      { id: ids.SNG, name: "SNG", tenantId: ids.T2, vpcId: ids.VG, status: "Ready" },
    ],
    vpcPrefixes: [
      prefix(ids.P1, ids.VF, ids.S1),
      prefix(ids.P2, ids.VF2, ids.S1),
      prefix(ids.P3, ids.VF3, ids.S2),
    ],
    operatingSystems: [
      { id: ids.OSI, name: "OSI", tenantId: ids.T1, type: "Image", isActive: true },
      {
        id: ids.OSX,
        name: "OSX",
        tenantId: ids.T2,
        type: "iPXE",
        ipxeScript: "#!ipxe\nchain http://boot/osx",
      },
    ],
    sshKeyGroups: [{ id: ids.K1, name: "K1", tenantId: ids.T1, siteIds: [ids.S1] }],
    networkSecurityGroups: [],
    infinibandPartitions: [
      { id: ids.IBP1, name: "IBP1", tenantId: ids.T1, siteId: ids.S1, status: "Ready" },
    ],
    nvLinkLogicalPartitions: [
      { id: ids.NL1, name: "NL1", tenantId: ids.T1, siteId: ids.S1, status: "Ready" },
    ],
    dpuExtensionServices: [
      {
        id: ids.DES1,
        name: "DES1",
        tenantId: ids.T1,
        siteId: ids.S1,
        activeVersions: ["v1", "v2"],
      },
      { id: ids.DES2, name: "DES2", tenantId: ids.T1, siteId: ids.SP, activeVersions: ["v1"] },
    ],
    machines: machines("it1", 15, { instanceTypeId: ids.IT1, domain: ids.D1 }),
    instances: [],
  };
}

function vpc(id: string, type: "ETHERNET_VIRTUALIZER" | "FNN" | "FLAT") {
  return {
    id,
    name: `vpc-${id.slice(0, 4)}`,
    tenantId: ids.T1,
    siteId: ids.S1,
    status: "Ready" as const,
    networkVirtualizationType: type,
  };
}

function prefix(id: string, vpcId: string, siteId: string) {
  return {
    id,
    name: `prefix-${id.slice(0, 4)}`,
    tenantId: ids.T1,
    vpcId,
    siteId,
    status: "Ready" as const,
  };
}

/** Adds an instance type at S1 with a Reserved quota for T1 and its machines. */
export function addInstanceType(
  inventory: FixtureInventory,
  options: {
    name: string;
    quota: number;
    machines: MachineInput[];
    siteId?: string;
    capabilities?: FixtureInventory["instanceTypes"][number]["capabilities"];
  },
): string {
  const id = uid(`instance-type/${options.name}`);
  const siteId = options.siteId ?? ids.S1;
  inventory.instanceTypes.push({
    id,
    name: options.name,
    siteId,
    capabilities: options.capabilities ?? [
      { type: "GPU", deviceType: "NVLink", name: "GB200", count: 4 },
    ],
  });
  let allocation = inventory.allocations.find(
    (candidate) => candidate.tenantId === ids.T1 && candidate.siteId === siteId,
  );
  if (allocation === undefined) {
    allocation = { id: uid(`allocation/${siteId}`), tenantId: ids.T1, siteId, constraints: [] };
    inventory.allocations.push(allocation);
  }
  allocation.constraints.push({
    instanceTypeId: id,
    constraintType: "Reserved",
    value: options.quota,
  });
  inventory.machines.push(
    ...options.machines.map((machine) => ({ ...machine, instanceTypeId: id, siteId })),
  );
  return id;
}

/** Adds an existing Ready instance of T1 in VPC VE on each given machine. */
export function addExistingInstances(inventory: FixtureInventory, machineIds: string[]): void {
  for (const machineId of machineIds) {
    inventory.instances.push({
      id: uid(`instance/${machineId}`),
      name: `existing-${machineId}`,
      tenantId: ids.T1,
      machineId,
      vpcId: ids.VE,
    });
  }
}

/** Base request: two instances on subnet SN1 of VPC VE, booting an iPXE script. */
export function baseRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    namePrefix: "web",
    count: 2,
    tenantId: ids.T1,
    instanceTypeId: ids.IT1,
    vpcId: ids.VE,
    interfaces: [{ subnetId: ids.SN1 }],
    ipxeScript: "#!ipxe",
    ...overrides,
  };
}

/** Copy of `request` without `key`. */
export function without(request: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...request };
  delete copy[key];
  return copy;
}
