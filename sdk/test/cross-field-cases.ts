// Batch create bodies that exercise the rules over several fields the spec expresses, with the
// verdict zod gives. The ajv test and the Prism contract test check that the spec agrees.

const tenantId = "7f3e2a10-4c5b-4d8e-9a21-5b6c7d8e9f01";
const instanceTypeId = "3c1d9e42-8a7b-4f6c-b5d4-2e1f0a9b8c73";
const vpcId = "5a2b7c91-1d3e-4f5a-8b6c-9d0e1f2a3b45";
const subnetId = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c61";
const prefixId = "e5f60718-2930-4a4b-9c5d-6e7f8091a2b3";
const otherVpcId = "6b3c8d02-2e4f-4a6b-9c7d-0e1f2a3b4c56";
const osId = "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293";
const serviceId = "5e6f7081-92a3-44b5-86d7-e8f90a1b2c34";
const partitionId = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

/** One body and whether zod accepts it. */
export interface CrossFieldCase {
  name: string;
  body: Record<string, unknown>;
  valid: boolean;
}

const base = {
  namePrefix: "train",
  count: 2,
  tenantId,
  instanceTypeId,
  vpcId,
  ipxeScript: "#!ipxe",
  interfaces: [{ subnetId }],
};

const prefixDevice = { vpcPrefixId: prefixId, device: "BF3", deviceInstance: 0, isPhysical: true };

function withBody(changes: Record<string, unknown>, drop: string[] = []) {
  const body: Record<string, unknown> = { ...base, ...changes };
  for (const key of drop) delete body[key];
  return body;
}

export const crossFieldCases: CrossFieldCase[] = [
  { name: "base body", body: withBody({}), valid: true },
  { name: "no boot source", body: withBody({}, ["ipxeScript"]), valid: false },
  { name: "empty ipxeScript alone", body: withBody({ ipxeScript: "" }), valid: false },
  {
    name: "operatingSystemId alone",
    body: withBody({ operatingSystemId: osId, ipxeScript: null }),
    valid: true,
  },
  {
    name: "both boot sources null",
    body: withBody({ operatingSystemId: null, ipxeScript: null }),
    valid: false,
  },
  {
    name: "interface with both ids",
    body: withBody({ interfaces: [{ subnetId, vpcPrefixId: prefixId }] }),
    valid: false,
  },
  {
    name: "interface with no id",
    body: withBody({ interfaces: [{ isPhysical: true }] }),
    valid: false,
  },
  {
    name: "interface with null prefix",
    body: withBody({ interfaces: [{ subnetId, vpcPrefixId: null }] }),
    valid: true,
  },
  {
    name: "device without deviceInstance",
    body: withBody({ interfaces: [{ vpcPrefixId: prefixId, device: "BF3", isPhysical: true }] }),
    valid: false,
  },
  {
    name: "deviceInstance without device",
    body: withBody({ interfaces: [{ vpcPrefixId: prefixId, deviceInstance: 0 }] }),
    valid: false,
  },
  {
    name: "device on a subnet interface",
    body: withBody({
      interfaces: [{ subnetId, device: "BF3", deviceInstance: 0, isPhysical: true }],
    }),
    valid: false,
  },
  {
    name: "device on a prefix interface",
    body: withBody({ interfaces: [prefixDevice] }),
    valid: true,
  },
  {
    name: "null device fields",
    body: withBody({ interfaces: [{ subnetId, device: null, deviceInstance: null }] }),
    valid: true,
  },
  {
    name: "virtual function without id",
    body: withBody({ interfaces: [{ ...prefixDevice, isPhysical: false }] }),
    valid: false,
  },
  {
    name: "virtual function with id",
    body: withBody({ interfaces: [{ ...prefixDevice, isPhysical: false, virtualFunctionId: 1 }] }),
    valid: true,
  },
  {
    name: "ipAddress on a batch interface",
    body: withBody({ interfaces: [{ vpcPrefixId: prefixId, ipAddress: "10.0.0.17" }] }),
    valid: false,
  },
  {
    name: "null ipAddress",
    body: withBody({ interfaces: [{ subnetId, ipAddress: null }] }),
    valid: true,
  },
  { name: "autoNetwork with interfaces", body: withBody({ autoNetwork: true }), valid: false },
  { name: "autoNetwork alone", body: withBody({ autoNetwork: true }, ["interfaces"]), valid: true },
  {
    name: "autoNetwork with empty interfaces",
    body: withBody({ autoNetwork: true, interfaces: [] }),
    valid: true,
  },
  {
    name: "autoNetwork with null interfaces",
    body: withBody({ autoNetwork: true, interfaces: null }),
    valid: true,
  },
  {
    name: "autoNetwork with empty secondaryVpcIds",
    body: withBody({ autoNetwork: true, secondaryVpcIds: [] }, ["interfaces"]),
    valid: false,
  },
  {
    name: "autoNetwork with null secondaryVpcIds",
    body: withBody({ autoNetwork: true, secondaryVpcIds: null }, ["interfaces"]),
    valid: true,
  },
  {
    name: "autoNetwork false without interfaces",
    body: withBody({ autoNetwork: false, interfaces: [] }),
    valid: false,
  },
  { name: "no interfaces and no autoNetwork", body: withBody({}, ["interfaces"]), valid: false },
  {
    name: "null autoNetwork and interfaces",
    body: withBody({ autoNetwork: null, interfaces: null }),
    valid: false,
  },
  {
    name: "repeated DPU deployment",
    body: withBody({
      dpuExtensionServiceDeployments: [
        { dpuExtensionServiceId: serviceId, version: "v1" },
        { dpuExtensionServiceId: serviceId, version: "v1" },
      ],
    }),
    valid: false,
  },
  {
    name: "repeated secondary VPC",
    body: withBody({
      interfaces: [{ vpcPrefixId: prefixId }],
      secondaryVpcIds: [otherVpcId, otherVpcId],
    }),
    valid: false,
  },
  {
    name: "null optional fields",
    body: withBody({
      description: null,
      labels: null,
      sshKeyGroupIds: null,
      infinibandInterfaces: null,
      nvLinkInterfaces: null,
      dpuExtensionServiceDeployments: null,
      secondaryVpcIds: null,
      autoNetwork: null,
      topologyOptimized: null,
      alwaysBootWithCustomIpxe: null,
      phoneHomeEnabled: null,
      operatingSystemId: null,
      networkSecurityGroupId: null,
      userData: null,
    }),
    valid: true,
  },
  {
    name: "null nested optional fields",
    body: withBody({
      interfaces: [{ subnetId, isPhysical: null, virtualFunctionId: null }],
      infinibandInterfaces: [
        {
          partitionId,
          device: "CX7",
          isPhysical: true,
          vendor: null,
          deviceInstance: null,
          virtualFunctionId: null,
        },
      ],
      nvLinkInterfaces: [{ nvLinkLogicalPartitionId: partitionId, deviceInstance: null }],
    }),
    valid: true,
  },
  {
    name: "upstream NVLink key spelling",
    body: withBody({ nvLinkInterfaces: [{ nvLinklogicalPartitionId: partitionId }] }),
    valid: false,
  },
  { name: "urn:uuid tenantId", body: withBody({ tenantId: `urn:uuid:${tenantId}` }), valid: false },
  { name: "two-byte namePrefix", body: withBody({ namePrefix: "é" }), valid: true },
];
