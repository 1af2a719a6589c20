import { Construct } from "constructs";
import {
  InstanceBatch as InstanceBatchResource,
  type InstanceBatchConfig,
  type InstanceBatchInstancesList,
} from "./gen/providers/nico/instance-batch/index.js";
import type { InstanceBatchProps } from "./props.js";
import { InstanceBatchValidationError, validateInstanceBatchProps } from "./validate.js";

/**
 * A batch of NICo GPU instances created by one batch request, backed by one
 * `nico_instance_batch` resource.
 *
 * The constructor checks the props against the batch request schema of `@nico/sdk/schema`, so
 * a bad value fails the synth with the prop path, the value and the rule. Values that are cdktf
 * tokens are skipped here, and the provider checks them once they are resolved at plan or apply.
 */
export class InstanceBatch extends Construct {
  /** The underlying `nico_instance_batch` resource. */
  readonly resource: InstanceBatchResource;

  /** Members ordered by index; `instances.get(0).machineId` is the first member's machine. */
  readonly instances: InstanceBatchInstancesList;

  /** Member instance ids joined by commas, in index order (the resource id and import id). */
  readonly batchId: string;

  /** Member instance ids in index order (a list token). */
  readonly instanceIds: string[];

  /** Member instance names in index order (a list token). */
  readonly names: string[];

  /** Machine id of each member in index order (a list token). */
  readonly machineIds: string[];

  /** NVLink domain of each member in index order (a list token), null until the site reports it. */
  readonly nvLinkDomainIds: string[];

  /**
   * @throws InstanceBatchValidationError when a known prop value breaks a request rule.
   */
  constructor(scope: Construct, id: string, props: InstanceBatchProps) {
    super(scope, id);

    const issues = validateInstanceBatchProps(props);
    if (issues.length > 0) throw new InstanceBatchValidationError(this.node.path, issues);

    this.resource = new InstanceBatchResource(this, "resource", toResourceConfig(props));
    this.instances = this.resource.instances;
    this.batchId = this.resource.id;
    this.instanceIds = this.resource.getListAttribute("instances[*].id");
    this.names = this.resource.getListAttribute("instances[*].name");
    this.machineIds = this.resource.getListAttribute("instances[*].machine_id");
    this.nvLinkDomainIds = this.resource.getListAttribute("instances[*].nvlink_domain_id");
  }
}

function toResourceConfig(props: InstanceBatchProps): InstanceBatchConfig {
  return {
    namePrefix: props.namePrefix,
    instanceCount: props.instanceCount,
    tenantId: props.tenantId,
    instanceTypeId: props.instanceTypeId,
    vpcId: props.vpcId,
    description: props.description,
    labels: props.labels,
    secondaryVpcIds: props.secondaryVpcIds,
    userData: props.userData,
    operatingSystemId: props.operatingSystemId,
    ipxeScript: props.ipxeScript,
    alwaysBootWithCustomIpxe: props.alwaysBootWithCustomIpxe,
    phoneHomeEnabled: props.phoneHomeEnabled,
    networkSecurityGroupId: props.networkSecurityGroupId,
    autoNetwork: props.autoNetwork,
    topologyOptimized: props.topologyOptimized,
    sshKeyGroupIds: props.sshKeyGroupIds,
    interface: props.interfaces,
    infinibandInterface: props.infinibandInterfaces,
    nvlinkInterface: props.nvLinkInterfaces?.map((item) => ({
      nvlinkLogicalPartitionId: item.nvLinkLogicalPartitionId,
      deviceInstance: item.deviceInstance,
    })),
    dpuExtensionServiceDeployment: props.dpuExtensionServiceDeployments,
    timeouts: props.timeouts,
    provider: props.provider,
    dependsOn: props.dependsOn,
    lifecycle: props.lifecycle,
  };
}
