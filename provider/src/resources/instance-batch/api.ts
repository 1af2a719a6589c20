/**
 * The parts of the NICo SDK client and of its Instance objects that the resource uses. The
 * client from `createNicoClient` satisfies this interface; tests may pass a fake.
 */

/** Instance fields read by the resource. */
export interface ApiInstance {
  id: string;
  name: string;
  status: string;
  description?: string | null;
  labels?: Record<string, string> | null;
  tenantId?: string | null;
  instanceTypeId?: string | null;
  vpcId?: string | null;
  secondaryVpcIds?: string[] | null;
  machineId?: string | null;
  operatingSystemId?: string | null;
  ipxeScript?: string | null;
  alwaysBootWithCustomIpxe?: boolean | null;
  phoneHomeEnabled?: boolean | null;
  userData?: string | null;
  networkSecurityGroupId?: string | null;
  autoNetwork?: boolean | null;
  sshKeyGroupIds?: string[] | null;
  interfaces?: ApiInterface[] | null;
  infinibandInterfaces?: ApiInfiniBandInterface[] | null;
  nvLinkInterfaces?: ApiNvLinkInterface[] | null;
  dpuExtensionServiceDeployments?: ApiDpuDeployment[] | null;
}

/** Network interface of an instance. */
export interface ApiInterface {
  subnetId?: string | null;
  vpcPrefixId?: string | null;
  device?: string | null;
  deviceInstance?: number | null;
  virtualFunctionId?: number | null;
  isPhysical?: boolean | null;
}

/** InfiniBand interface of an instance. */
export interface ApiInfiniBandInterface {
  partitionId?: string | null;
  device?: string | null;
  vendor?: string | null;
  deviceInstance?: number | null;
  isPhysical?: boolean | null;
}

/** NVLink interface of an instance. */
export interface ApiNvLinkInterface {
  nvLinkLogicalPartitionId?: string | null;
  nvLinkDomainId?: string | null;
  deviceInstance?: number | null;
}

/** DPU extension service deployment of an instance. */
export interface ApiDpuDeployment {
  dpuExtensionServiceId?: string | null;
  dpuExtensionService?: { id?: string | null } | null;
  version?: string | null;
}

/** Options of the wait calls. */
export interface ApiWaitOptions {
  timeoutMs: number;
  pollIntervalMs?: number;
  signal?: AbortSignal;
}

/** Client calls used by `nico_instance_batch`, named as in `@nico/sdk`. */
export interface InstanceBatchApi {
  createInstanceBatch(
    body: any,
    options?: { idempotencyKey?: string; signal?: AbortSignal },
  ): Promise<ApiInstance[]>;
  getInstance(instanceId: string): Promise<ApiInstance>;
  updateInstance(instanceId: string, body: any): Promise<ApiInstance>;
  deleteInstance(instanceId: string): Promise<unknown>;
  waitForInstances(
    ids: string[],
    status: "Ready",
    options: ApiWaitOptions,
  ): Promise<ApiInstance[] | unknown>;
  waitForInstancesGone(ids: string[], options: ApiWaitOptions): Promise<unknown>;
}

/** Reports whether an SDK error is an HTTP 404. */
export function isNotFound(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { status?: unknown }).status === 404
  );
}
