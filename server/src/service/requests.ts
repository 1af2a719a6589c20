/** One requested Ethernet interface after schema validation. */
export interface InterfaceInput {
  subnetId?: string | null;
  vpcPrefixId?: string | null;
  ipAddress?: string | null;
  device?: string | null;
  deviceInstance?: number | null;
  virtualFunctionId?: number | null;
  isPhysical?: boolean;
}

/** One requested InfiniBand port after schema validation. */
export interface InfinibandInterfaceInput {
  partitionId: string;
  device: string;
  vendor?: string | null;
  deviceInstance?: number;
  isPhysical?: boolean;
  virtualFunctionId?: number | null;
}

/** One requested NVLink attachment after schema validation. */
export interface NvLinkInterfaceInput {
  nvLinkLogicalPartitionId: string;
  deviceInstance?: number;
}

/** One requested DPU extension service deployment after schema validation. */
export interface DpuDeploymentInput {
  dpuExtensionServiceId: string;
  version: string;
}

/** Instance settings shared by batch create and update. */
export interface ConfigurationInput {
  description?: string | null;
  labels?: Record<string, string> | null;
  operatingSystemId?: string | null;
  ipxeScript?: string | null;
  userData?: string | null;
  phoneHomeEnabled?: boolean | null;
  alwaysBootWithCustomIpxe?: boolean | null;
  networkSecurityGroupId?: string | null;
  sshKeyGroupIds?: string[] | null;
  secondaryVpcIds?: string[] | null;
  interfaces?: InterfaceInput[] | null;
  autoNetwork?: boolean | null;
  infinibandInterfaces?: InfinibandInterfaceInput[] | null;
  nvLinkInterfaces?: NvLinkInterfaceInput[] | null;
  dpuExtensionServiceDeployments?: DpuDeploymentInput[] | null;
}

/** Batch create request after schema validation, with defaults applied. */
export interface BatchCreateInput extends ConfigurationInput {
  namePrefix: string;
  count: number;
  tenantId: string;
  instanceTypeId: string;
  vpcId: string;
  topologyOptimized?: boolean | null;
}

/** Instance update request after schema validation. */
export interface UpdateInput extends ConfigurationInput {
  name?: string | null;
  triggerReboot?: boolean | null;
  rebootWithCustomIpxe?: boolean | null;
  applyUpdatesOnReboot?: boolean | null;
}

/** Instance delete request after schema validation. */
export interface DeleteInput {
  machineHealthIssue?: { category: string; summary: string; details?: string | null } | null;
  isRepairTenant?: boolean | null;
}
