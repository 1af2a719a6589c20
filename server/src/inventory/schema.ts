import { z } from "zod";

const uuid = z.uuid();
const name = z.string().min(1).max(256);

/** Readiness of networking objects (VPCs, subnets, prefixes, partitions). */
export const objectStatusSchema = z.enum(["Pending", "Provisioning", "Ready", "Deleting", "Error"]);

const tenantSchema = z.strictObject({
  id: uuid,
  /** Org name that maps to this tenant; matched case-insensitively. */
  org: z.string().min(1),
  name: name.optional(),
  capabilities: z
    .strictObject({ targetedInstanceCreation: z.boolean().default(false) })
    .default({ targetedInstanceCreation: false }),
});

const siteSchema = z.strictObject({
  id: uuid,
  name,
  status: z.enum(["Pending", "Registered", "Error"]),
  infrastructureProviderId: uuid,
  capabilities: z
    .strictObject({ imageBasedOperatingSystem: z.boolean().default(false) })
    .default({ imageBasedOperatingSystem: false }),
  /** Host of the site's serial console; instances get `ssh://<id>@<host>` when set. */
  serialConsoleHostname: z.string().min(1).nullable().default(null),
});

const constraintSchema = z.strictObject({
  instanceTypeId: uuid,
  constraintType: z.enum(["Reserved", "OnDemand", "Preemptible"]),
  value: z.int().min(0),
});

const allocationSchema = z.strictObject({
  id: uuid,
  name: name.optional(),
  tenantId: uuid,
  siteId: uuid,
  constraints: z.array(constraintSchema),
});

const capabilitySchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("InfiniBand"),
    name,
    vendor: z.string().min(1).nullable().default(null),
    count: z.int().min(1),
    /** Device instances that exist but must not be used. */
    inactiveDevices: z.array(z.int().min(0)).default([]),
  }),
  z.strictObject({
    type: z.literal("Network"),
    deviceType: z.literal("DPU"),
    name,
    count: z.int().min(1),
  }),
  z.strictObject({
    type: z.literal("GPU"),
    deviceType: z.literal("NVLink").nullable().default(null),
    name,
    count: z.int().min(1),
  }),
]);

const instanceTypeSchema = z.strictObject({
  id: uuid,
  name,
  siteId: uuid,
  capabilities: z.array(capabilitySchema).default([]),
});

const vpcSchema = z.strictObject({
  id: uuid,
  name,
  tenantId: uuid,
  siteId: uuid,
  status: objectStatusSchema,
  networkVirtualizationType: z.enum(["ETHERNET_VIRTUALIZER", "FNN", "FLAT"]).nullable(),
  /** NVLink logical partition that every instance in the VPC joins by default. */
  nvLinkLogicalPartitionId: uuid.nullable().default(null),
  networkSecurityGroupId: uuid.nullable().default(null),
});

const subnetSchema = z.strictObject({
  id: uuid,
  name,
  tenantId: uuid,
  vpcId: uuid,
  status: objectStatusSchema,
  ipv4Prefix: z.string().min(1).nullable().default(null),
});

const vpcPrefixSchema = z.strictObject({
  id: uuid,
  name,
  tenantId: uuid,
  vpcId: uuid,
  siteId: uuid,
  status: objectStatusSchema,
  prefix: z.string().min(1).nullable().default(null),
});

const operatingSystemSchema = z.strictObject({
  id: uuid,
  name,
  tenantId: uuid,
  type: z.enum(["Image", "iPXE"]),
  isActive: z.boolean().default(true),
  ipxeScript: z.string().nullable().default(null),
  userData: z.string().nullable().default(null),
  phoneHomeEnabled: z.boolean().default(false),
  /** When false, requests must not replace the OS's user data. */
  allowOverride: z.boolean().default(true),
});

const sshKeyGroupSchema = z.strictObject({
  id: uuid,
  name,
  tenantId: uuid,
  /** Sites the group is deployed to; instances can use it only there. */
  siteIds: z.array(uuid),
});

const siteScopedSchema = z.strictObject({ id: uuid, name, tenantId: uuid, siteId: uuid });

const partitionSchema = z.strictObject({
  id: uuid,
  name,
  tenantId: uuid,
  siteId: uuid,
  status: objectStatusSchema,
});

const dpuExtensionServiceSchema = z.strictObject({
  id: uuid,
  name,
  tenantId: uuid,
  siteId: uuid,
  activeVersions: z.array(z.string().min(1)),
});

/** Machine status; only `Ready` machines receive instances. */
export const machineStatusSchema = z.enum(["Ready", "Maintenance", "Error", "Unknown"]);

const machineSchema = z.strictObject({
  id: z.string().min(1).max(256),
  siteId: uuid,
  instanceTypeId: uuid,
  status: machineStatusSchema,
  /** NVLink domain UUID as the site reports it, or null when the machine has none. */
  nvLinkDomainId: uuid.nullable(),
});

const seedInstanceSchema = z.strictObject({
  id: uuid,
  name,
  tenantId: uuid,
  machineId: z.string().min(1),
  vpcId: uuid,
  status: z.enum(["Pending", "Provisioning", "Ready", "Error"]).default("Ready"),
  description: z.string().nullable().default(null),
  labels: z.record(z.string(), z.string()).nullable().default(null),
  ipxeScript: z.string().nullable().default("#!ipxe\nexit"),
});

/** Inventory file: everything the server needs to know before it accepts requests. */
export const inventorySchema = z.strictObject({
  $schema: z.string().optional(),
  tenants: z.array(tenantSchema).default([]),
  sites: z.array(siteSchema).default([]),
  allocations: z.array(allocationSchema).default([]),
  instanceTypes: z.array(instanceTypeSchema).default([]),
  vpcs: z.array(vpcSchema).default([]),
  subnets: z.array(subnetSchema).default([]),
  vpcPrefixes: z.array(vpcPrefixSchema).default([]),
  operatingSystems: z.array(operatingSystemSchema).default([]),
  sshKeyGroups: z.array(sshKeyGroupSchema).default([]),
  networkSecurityGroups: z.array(siteScopedSchema).default([]),
  infinibandPartitions: z.array(partitionSchema).default([]),
  nvLinkLogicalPartitions: z.array(partitionSchema).default([]),
  dpuExtensionServices: z.array(dpuExtensionServiceSchema).default([]),
  machines: z.array(machineSchema).default([]),
  /** Instances that already exist when the database is seeded. */
  instances: z.array(seedInstanceSchema).default([]),
});

/** Inventory file contents after defaults are applied. */
export type Inventory = z.infer<typeof inventorySchema>;
/** Inventory file contents as written, before defaults. */
export type InventoryInput = z.input<typeof inventorySchema>;

export type Tenant = Inventory["tenants"][number];
export type Site = Inventory["sites"][number];
export type Allocation = Inventory["allocations"][number];
export type InstanceType = Inventory["instanceTypes"][number];
export type Capability = InstanceType["capabilities"][number];
export type Vpc = Inventory["vpcs"][number];
export type Subnet = Inventory["subnets"][number];
export type VpcPrefix = Inventory["vpcPrefixes"][number];
export type OperatingSystem = Inventory["operatingSystems"][number];
export type SshKeyGroup = Inventory["sshKeyGroups"][number];
export type NetworkSecurityGroup = Inventory["networkSecurityGroups"][number];
export type InfinibandPartition = Inventory["infinibandPartitions"][number];
export type NvLinkLogicalPartition = Inventory["nvLinkLogicalPartitions"][number];
export type DpuExtensionService = Inventory["dpuExtensionServices"][number];
export type InventoryMachine = Inventory["machines"][number];
export type SeedInstance = Inventory["instances"][number];

/** Inventory objects that the store keeps as documents, keyed by kind. */
export interface InventoryObjects {
  tenant: Tenant;
  site: Site;
  allocation: Allocation;
  instanceType: InstanceType;
  vpc: Vpc;
  subnet: Subnet;
  vpcPrefix: VpcPrefix;
  operatingSystem: OperatingSystem;
  sshKeyGroup: SshKeyGroup;
  networkSecurityGroup: NetworkSecurityGroup;
  infinibandPartition: InfinibandPartition;
  nvLinkLogicalPartition: NvLinkLogicalPartition;
  dpuExtensionService: DpuExtensionService;
}

/** Kind of an inventory document. */
export type InventoryKind = keyof InventoryObjects;

/** Inventory file section of each document kind. */
export const inventorySections = {
  tenant: "tenants",
  site: "sites",
  allocation: "allocations",
  instanceType: "instanceTypes",
  vpc: "vpcs",
  subnet: "subnets",
  vpcPrefix: "vpcPrefixes",
  operatingSystem: "operatingSystems",
  sshKeyGroup: "sshKeyGroups",
  networkSecurityGroup: "networkSecurityGroups",
  infinibandPartition: "infinibandPartitions",
  nvLinkLogicalPartition: "nvLinkLogicalPartitions",
  dpuExtensionService: "dpuExtensionServices",
} as const satisfies Record<InventoryKind, keyof Inventory>;
