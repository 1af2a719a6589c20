import type {
  IResolvable,
  ITerraformDependable,
  TerraformProvider,
  TerraformResourceLifecycle,
} from "cdktf";

/** One network interface shared by every instance of the batch. */
export interface InstanceBatchInterfaceProps {
  /** Subnet of the primary VPC. Set exactly one of `subnetId` and `vpcPrefixId`. */
  readonly subnetId?: string;
  /** VPC prefix, for FNN VPCs. Set exactly one of `subnetId` and `vpcPrefixId`. */
  readonly vpcPrefixId?: string;
  /** DPU device name, which needs `deviceInstance` and `vpcPrefixId`. */
  readonly device?: string;
  /** Index of the DPU device from 0, which needs `device`. */
  readonly deviceInstance?: number;
  /** Virtual function from 1 to 16, required when `device` is set and `isPhysical` is false. */
  readonly virtualFunctionId?: number;
  /** Physical interface flag. When no interface sets it, the server marks the first one physical. */
  readonly isPhysical?: boolean | IResolvable;
}

/** One InfiniBand interface shared by every instance of the batch. */
export interface InstanceBatchInfinibandInterfaceProps {
  /** InfiniBand partition. */
  readonly partitionId: string;
  /** InfiniBand capability name of the instance type. */
  readonly device: string;
  /** Capability vendor, checked against the instance type when set. */
  readonly vendor?: string;
  /** Index of the device, from 0 (default 0). */
  readonly deviceInstance?: number;
  /** Must be true because InfiniBand virtual functions are not supported. */
  readonly isPhysical?: boolean | IResolvable;
}

/** One NVLink interface shared by every instance of the batch. */
export interface InstanceBatchNvLinkInterfaceProps {
  /** NVLink logical partition. */
  readonly nvLinkLogicalPartitionId: string;
  /** GPU index, 0 to 3 (default 0), unique within the batch request. */
  readonly deviceInstance?: number;
}

/** One DPU extension service to deploy on every instance. */
export interface InstanceBatchDpuExtensionServiceDeploymentProps {
  /** DPU extension service. */
  readonly dpuExtensionServiceId: string;
  /** One of the service's active versions. */
  readonly version: string;
}

/** Terraform operation timeouts as duration strings such as `30m`. */
export interface InstanceBatchTimeoutsProps {
  /** Time to wait for every member to become Ready (provider default 30m). */
  readonly create?: string;
  /** Time to wait for every member to be gone (provider default 30m). */
  readonly delete?: string;
}

/**
 * Props of the `InstanceBatch` construct: the batch create request of the NICo API in camelCase,
 * with `count` named `instanceCount` because Terraform reserves `count`.
 */
export interface InstanceBatchProps {
  /** Name prefix of every member, 2 to 240 bytes, without leading or trailing whitespace. */
  readonly namePrefix: string;
  /** Number of instances, 2 to 18. Changing it replaces the whole batch. */
  readonly instanceCount: number;
  /** Tenant of the organization. */
  readonly tenantId: string;
  /** Instance type, which also selects the site. */
  readonly instanceTypeId: string;
  /** Primary VPC of every member. */
  readonly vpcId: string;
  /** Description copied to every member, at most 1024 bytes, updated in place. */
  readonly description?: string;
  /** At most 10 labels copied to every member, updated in place. */
  readonly labels?: Record<string, string>;
  /** Further VPCs reached through VPC-prefix interfaces, without `vpcId`. */
  readonly secondaryVpcIds?: string[];
  /** Cloud-init user data (default: the operating system's). */
  readonly userData?: string;
  /** Operating system. Set this or `ipxeScript`. */
  readonly operatingSystemId?: string;
  /** iPXE script. Set this or `operatingSystemId`. */
  readonly ipxeScript?: string;
  /** Boot from the custom iPXE script on every boot (default false). */
  readonly alwaysBootWithCustomIpxe?: boolean | IResolvable;
  /** Report back to the API when the operating system has booted. */
  readonly phoneHomeEnabled?: boolean | IResolvable;
  /** Network security group applied to every member. */
  readonly networkSecurityGroupId?: string;
  /** Let the site configure the network (FLAT VPCs only), which requires empty `interfaces`. */
  readonly autoNetwork?: boolean | IResolvable;
  /** Place every member in one NVLink domain (default true). */
  readonly topologyOptimized?: boolean | IResolvable;
  /** SSH key groups installed on every member. */
  readonly sshKeyGroupIds?: string[];
  /** 1 to 16 interfaces unless `autoNetwork` is true. */
  readonly interfaces?: InstanceBatchInterfaceProps[];
  /** InfiniBand interfaces. */
  readonly infinibandInterfaces?: InstanceBatchInfinibandInterfaceProps[];
  /** NVLink interfaces. Without any, a VPC with a default NVLink partition adds one per GPU. */
  readonly nvLinkInterfaces?: InstanceBatchNvLinkInterfaceProps[];
  /** DPU extension services to deploy. */
  readonly dpuExtensionServiceDeployments?: InstanceBatchDpuExtensionServiceDeploymentProps[];
  /** Create and delete timeouts. */
  readonly timeouts?: InstanceBatchTimeoutsProps;
  /** Provider instance to use instead of the stack's default `nico` provider. */
  readonly provider?: TerraformProvider;
  /** Resources that must exist before the batch is created. */
  readonly dependsOn?: ITerraformDependable[];
  /** Terraform lifecycle settings of the underlying resource. */
  readonly lifecycle?: TerraformResourceLifecycle;
}
