// zod schemas of the response bodies of openapi.yaml. Response objects keep keys they do not
// know, so a newer server does not break an older client.
import { z } from "zod";
import { dateTime, labels, uuid } from "./primitives.js";

/** Instance states a list filter accepts. */
export const instanceStatusFilterValues = [
  "Pending",
  "Provisioning",
  "Configuring",
  "Ready",
  "Updating",
  "Repairing",
  "Rebooting",
  "Terminating",
  "Terminated",
  "Error",
] as const;

/**
 * Instance states a response may carry: the filter values plus `Unknown`, a stored state that
 * the upstream API returns but does not accept as a filter.
 */
export const instanceStatuses = [...instanceStatusFilterValues, "Unknown"] as const;

/** State of an instance in a response. */
export const InstanceStatusSchema = z.enum(instanceStatuses);
/** State of an instance in a response. */
export type InstanceStatus = z.infer<typeof InstanceStatusSchema>;

/** Instance state in the `status` filter of the instance list. */
export const InstanceStatusFilterSchema = z.enum(instanceStatusFilterValues);
/** Instance state in the `status` filter of the instance list. */
export type InstanceStatusFilter = z.infer<typeof InstanceStatusFilterSchema>;

/** State of an interface, InfiniBand port or NVLink attachment. */
export const NetworkStatusSchema = z.enum([
  "Pending",
  "Provisioning",
  "Ready",
  "Error",
  "Deleting",
]);

/** A network interface of an instance. */
export const InterfaceSchema = z.looseObject({
  id: uuid(),
  instanceId: uuid(),
  subnetId: uuid().nullable(),
  vpcPrefixId: uuid().nullable(),
  device: z.string().nullable(),
  deviceInstance: z.int().min(0).nullable(),
  virtualFunctionId: z.int().nullable(),
  isPhysical: z.boolean(),
  macAddress: z.string().nullable(),
  ipAddresses: z.array(z.string()).nullable(),
  requestedIpAddress: z.string().nullable(),
  status: NetworkStatusSchema,
  created: dateTime(),
  updated: dateTime(),
});

/** An InfiniBand port of an instance. */
export const InfiniBandInterfaceSchema = z.looseObject({
  id: uuid(),
  instanceId: uuid(),
  partitionId: uuid(),
  device: z.string(),
  vendor: z.string().nullable(),
  deviceInstance: z.int().min(0),
  isPhysical: z.boolean(),
  virtualFunctionId: z.int().nullable(),
  guid: z.string().nullable(),
  status: NetworkStatusSchema,
  created: dateTime(),
  updated: dateTime(),
});

/** An NVLink GPU attachment of an instance. */
export const NVLinkInterfaceSchema = z.looseObject({
  id: uuid(),
  instanceId: uuid(),
  nvLinkLogicalPartitionId: uuid(),
  nvLinkDomainId: uuid().nullable(),
  deviceInstance: z.int().min(0),
  gpuGuid: z.string().nullable(),
  status: NetworkStatusSchema,
  created: dateTime(),
  updated: dateTime(),
});

/** Short form of a DPU extension service. */
export const DpuExtensionServiceSummarySchema = z.looseObject({
  id: uuid(),
  name: z.string(),
});

/** A DPU extension service deployed on an instance. */
export const DpuExtensionServiceDeploymentSchema = z.looseObject({
  id: uuid(),
  dpuExtensionService: DpuExtensionServiceSummarySchema.nullable(),
  version: z.string(),
  status: z.enum(["Pending", "Running", "Error", "Failed", "Terminating"]),
  created: dateTime(),
  updated: dateTime(),
});

/** Short form of an SSH key group. */
export const SshKeyGroupSummarySchema = z.looseObject({
  id: uuid(),
  name: z.string(),
});

/** One status change of an instance. */
export const StatusDetailSchema = z.looseObject({
  status: z.string(),
  message: z.string().nullable(),
  created: dateTime(),
  updated: dateTime(),
});

/** An attribute that will be removed, with its replacement. */
export const DeprecationSchema = z.looseObject({
  attribute: z.string(),
  replacedby: z.string(),
  effective: dateTime(),
  notice: z.string(),
});

/** A GPU instance on one machine. */
export const InstanceSchema = z.looseObject({
  id: uuid(),
  name: z.string(),
  description: z.string().nullable(),
  controllerInstanceId: z.string(),
  tenantId: uuid(),
  infrastructureProviderId: uuid(),
  siteId: uuid(),
  instanceTypeId: uuid().nullable(),
  vpcId: uuid(),
  secondaryVpcIds: z.array(uuid()),
  machineId: z.string().nullable(),
  operatingSystemId: uuid().nullable(),
  ipxeScript: z.string().nullable(),
  alwaysBootWithCustomIpxe: z.boolean(),
  phoneHomeEnabled: z.boolean(),
  userData: z.string().nullable(),
  labels: labels().nullable(),
  isUpdatePending: z.boolean(),
  serialConsoleUrl: z.string().nullable(),
  networkSecurityGroupId: z.string().nullable(),
  networkSecurityGroupPropagationDetails: z.record(z.string(), z.unknown()).nullable(),
  networkSecurityGroupInherited: z.boolean(),
  tpmEkCertificate: z.string().nullable(),
  status: InstanceStatusSchema,
  autoNetwork: z.boolean(),
  interfaces: z.array(InterfaceSchema),
  infinibandInterfaces: z.array(InfiniBandInterfaceSchema),
  dpuExtensionServiceDeployments: z.array(DpuExtensionServiceDeploymentSchema),
  nvLinkInterfaces: z.array(NVLinkInterfaceSchema),
  sshKeyGroupIds: z.array(uuid()).nullable(),
  sshKeyGroups: z.array(SshKeyGroupSummarySchema),
  statusHistory: z.array(StatusDetailSchema),
  created: dateTime(),
  updated: dateTime(),
  deprecations: z.array(DeprecationSchema),
});

/** A list of instances, as batch create and list return it. */
export const InstanceListSchema = z.array(InstanceSchema);

/** A list of status changes, as the status history returns it. */
export const StatusDetailListSchema = z.array(StatusDetailSchema);

/** Page position from the `X-Pagination` response header. */
export const PaginationSchema = z.looseObject({
  pageNumber: z.int().min(1),
  pageSize: z.int().min(1).max(100),
  total: z.int().min(0),
  orderBy: z.string().nullable(),
});

/** Body of every error response. */
export const ErrorResponseSchema = z.looseObject({
  source: z.string(),
  message: z.string(),
  data: z.record(z.string(), z.unknown()).nullable(),
});

/** A network interface of an instance. */
export type Interface = z.infer<typeof InterfaceSchema>;
/** An InfiniBand port of an instance. */
export type InfiniBandInterface = z.infer<typeof InfiniBandInterfaceSchema>;
/** An NVLink GPU attachment of an instance. */
export type NVLinkInterface = z.infer<typeof NVLinkInterfaceSchema>;
/** A DPU extension service deployed on an instance. */
export type DpuExtensionServiceDeployment = z.infer<typeof DpuExtensionServiceDeploymentSchema>;
/** Short form of an SSH key group. */
export type SshKeyGroupSummary = z.infer<typeof SshKeyGroupSummarySchema>;
/** One status change of an instance. */
export type StatusDetail = z.infer<typeof StatusDetailSchema>;
/** An attribute that will be removed, with its replacement. */
export type Deprecation = z.infer<typeof DeprecationSchema>;
/** A GPU instance on one machine. */
export type Instance = z.infer<typeof InstanceSchema>;
/** Page position from the `X-Pagination` response header. */
export type Pagination = z.infer<typeof PaginationSchema>;
/** Body of every error response. */
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
