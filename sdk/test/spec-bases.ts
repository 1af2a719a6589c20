// Valid request bodies and queries that set every field of the spec's request schemas, so a
// test can replace one field and see the effect of that field alone.
export const uuidA = "0b6e4d2f-3a1c-4e5b-9f87-6d5c4b3a2e10";
export const uuidB = "4a9c8b7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";
export const uuidC = "6b3c8d02-2e4f-4a6b-9c7d-0e1f2a3b4c56";

export const interfaceBase = {
  subnetId: null,
  vpcPrefixId: uuidA,
  ipAddress: null,
  device: "BF2",
  deviceInstance: 0,
  virtualFunctionId: 1,
  isPhysical: false,
};
export const nestedBase = {
  labels: { team: "vision" },
  interfaces: [interfaceBase],
  infinibandInterfaces: [
    {
      partitionId: uuidA,
      device: "CX6",
      vendor: "Mellanox",
      deviceInstance: 0,
      isPhysical: true,
      virtualFunctionId: null,
    },
  ],
  dpuExtensionServiceDeployments: [{ dpuExtensionServiceId: uuidA, version: "v1" }],
  nvLinkInterfaces: [{ nvLinkLogicalPartitionId: uuidA, deviceInstance: 0 }],
  sshKeyGroupIds: [uuidA],
  secondaryVpcIds: [uuidC],
};

export const batchBase = {
  namePrefix: "train",
  count: 2,
  tenantId: uuidA,
  instanceTypeId: uuidA,
  vpcId: uuidB,
  description: "rack 4",
  userData: "#cloud-config",
  operatingSystemId: uuidA,
  networkSecurityGroupId: "nsg-1",
  ipxeScript: "#!ipxe",
  alwaysBootWithCustomIpxe: false,
  phoneHomeEnabled: false,
  autoNetwork: false,
  topologyOptimized: true,
  ...nestedBase,
};

export const updateBase = {
  name: "train-1",
  description: "rack 4",
  operatingSystemId: uuidA,
  ipxeScript: "#!ipxe",
  userData: "#cloud-config",
  phoneHomeEnabled: false,
  alwaysBootWithCustomIpxe: false,
  networkSecurityGroupId: "nsg-1",
  autoNetwork: false,
  triggerReboot: false,
  rebootWithCustomIpxe: false,
  applyUpdatesOnReboot: false,
  ...nestedBase,
};

export const deleteBase = {
  machineHealthIssue: { category: "Hardware", summary: "GPU 3 ECC errors", details: "Xid 48" },
  isRepairTenant: false,
};

export const listBase = {
  siteId: [uuidA],
  vpcId: [uuidA],
  instanceTypeId: [uuidA],
  operatingSystemId: [uuidA],
  machineId: ["fm100htq8dq4"],
  status: ["Ready"],
  name: "train-1",
  ipAddress: ["10.0.0.17"],
  query: "train",
  pageNumber: 1,
  pageSize: 20,
  orderBy: "NAME_ASC",
};

export const historyBase = { pageNumber: 1, pageSize: 20, orderBy: "CREATED_DESC" };
