import type { Machine } from "@nico/allocator";
import type { InventoryKind, InventoryObjects } from "../inventory/schema.js";

/** Stored instance status (the API shows `Rebooting` on top of it while power cycles). */
export type InstanceStatus =
  | "Pending"
  | "Provisioning"
  | "Configuring"
  | "Ready"
  | "Updating"
  | "Repairing"
  | "Error"
  | "Terminating"
  | "Terminated";

/** Status of interfaces attached to an instance. */
export type AttachmentStatus = "Pending" | "Provisioning" | "Ready" | "Error" | "Deleting";

/** Status of a DPU extension service deployment. */
export type DeploymentStatus = "Pending" | "Running" | "Error" | "Failed" | "Terminating";

/** Ethernet interface of an instance, on a subnet or a VPC prefix. */
export interface InterfaceRecord {
  id: string;
  subnetId: string | null;
  vpcPrefixId: string | null;
  /** VPC of the subnet or prefix. */
  vpcId: string;
  device: string | null;
  deviceInstance: number | null;
  virtualFunctionId: number | null;
  isPhysical: boolean;
  macAddress: string | null;
  ipAddresses: string[] | null;
  requestedIpAddress: string | null;
  status: AttachmentStatus;
  created: string;
  updated: string;
}

/** InfiniBand interface of an instance. */
export interface InfinibandInterfaceRecord {
  id: string;
  partitionId: string;
  device: string;
  vendor: string | null;
  deviceInstance: number;
  isPhysical: boolean;
  virtualFunctionId: number | null;
  guid: string | null;
  status: AttachmentStatus;
  created: string;
  updated: string;
}

/** NVLink interface of one GPU of an instance. */
export interface NvLinkInterfaceRecord {
  id: string;
  nvLinkLogicalPartitionId: string;
  /** NVLink domain of the machine, known once the instance is Ready. */
  nvLinkDomainId: string | null;
  device: string | null;
  deviceInstance: number;
  gpuGuid: string | null;
  status: AttachmentStatus;
  created: string;
  updated: string;
}

/** DPU extension service deployed on an instance. */
export interface DpuDeploymentRecord {
  id: string;
  dpuExtensionServiceId: string;
  version: string;
  status: DeploymentStatus;
  created: string;
  updated: string;
}

/** Next lifecycle step of an instance and when it is due. */
export interface PendingTransition {
  /** `Deleted` removes the instance and releases its machine; `PowerOn` ends a reboot. */
  to: InstanceStatus | "Deleted" | "PowerOn";
  /** Due time in milliseconds since the Unix epoch. */
  dueAt: number;
}

/** Everything the server stores about one instance. */
export interface InstanceRecord {
  id: string;
  name: string;
  description: string | null;
  tenantId: string;
  siteId: string;
  infrastructureProviderId: string;
  instanceTypeId: string;
  /** Instance type name, kept for ordering lists by it. */
  instanceTypeName: string;
  vpcId: string;
  secondaryVpcIds: string[];
  machineId: string;
  operatingSystemId: string | null;
  ipxeScript: string | null;
  alwaysBootWithCustomIpxe: boolean;
  phoneHomeEnabled: boolean;
  userData: string | null;
  labels: Record<string, string> | null;
  networkSecurityGroupId: string | null;
  autoNetwork: boolean;
  topologyOptimized: boolean;
  status: InstanceStatus;
  /** `Rebooting` while a requested reboot runs, otherwise null. */
  powerStatus: "Rebooting" | null;
  isUpdatePending: boolean;
  interfaces: InterfaceRecord[];
  infinibandInterfaces: InfinibandInterfaceRecord[];
  nvLinkInterfaces: NvLinkInterfaceRecord[];
  dpuExtensionServiceDeployments: DpuDeploymentRecord[];
  sshKeyGroupIds: string[];
  created: string;
  updated: string;
  nextTransition: PendingTransition | null;
}

/** One row of an instance's status history. */
export interface StatusHistoryRecord {
  instanceId: string;
  status: string;
  message: string | null;
  created: string;
}

/** Stored outcome of a batch create sent with an `Idempotency-Key` header. */
export interface IdempotencyRecord {
  tenantId: string;
  key: string;
  /** SHA-256 of the canonical JSON of the request body. */
  requestHash: string;
  /** Response body of the first request. */
  response: unknown;
  created: string;
}

/** Filters of the instance list; repeated values are OR-ed, different filters AND-ed. */
export interface InstanceFilter {
  tenantId: string;
  siteIds?: string[];
  statuses?: string[];
  /** Matches the primary VPC and every VPC reached through an interface. */
  vpcIds?: string[];
  instanceTypeIds?: string[];
  networkSecurityGroupIds?: string[];
  operatingSystemIds?: string[];
  machineIds?: string[];
  name?: string;
  ipAddresses?: string[];
  /** Case-insensitive substring of name, status, description or labels. */
  query?: string;
}

/** Fields an instance list can be ordered by. */
export type InstanceOrderField =
  | "name"
  | "status"
  | "created"
  | "updated"
  | "machine_id"
  | "tenant_org_display_name"
  | "instance_type_name"
  | "has_infiniband";

/** Fields a status history can be ordered by. */
export type HistoryOrderField = "status" | "created" | "updated";

/** Window and order of a paginated read; ties are broken by creation order, oldest first. */
export interface PageRequest<Field extends string> {
  offset: number;
  limit: number;
  orderBy: { field: Field; direction: "ASC" | "DESC" } | null;
}

/** One page of rows and the number of rows of all pages. */
export interface Page<Row> {
  rows: Row[];
  total: number;
}

/** Machine as stored: the allocator's view of it. */
export type MachineRecord = Machine;

/** Machine to instance assignment of a batch. */
export interface MachineAssignment {
  machineId: string;
  instanceId: string;
}

/**
 * Raised when a write lost a race with another request: a machine was taken, a unique name or
 * idempotency key was used, or the database stayed locked. The HTTP layer returns 409 for it.
 */
export class StoreConflictError extends Error {
  override readonly name: string = "StoreConflictError";
}

/**
 * Raised when a transaction kept waiting longer than the store's lock timeout for a lock that
 * another request holds, for example a replica that hangs inside a transaction. The HTTP layer
 * returns 409 for it, like other lost races.
 */
export class StoreLockTimeoutError extends StoreConflictError {
  override readonly name: string = "StoreLockTimeoutError";
}

/**
 * Raised when the database connection failed or was closed while a request used it, or a
 * statement ran longer than the store's statement timeout. The request's transaction did not
 * commit, unless the connection failed during COMMIT itself. The HTTP layer returns 503 for it.
 */
export class StoreUnavailableError extends Error {
  override readonly name: string = "StoreUnavailableError";
}

/** Reads and writes of one unit of work; every method belongs to the surrounding transaction. */
export interface StoreSession {
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;

  /** Inserts or replaces an inventory document. */
  putObject<K extends InventoryKind>(kind: K, object: InventoryObjects[K]): Promise<void>;
  getObject<K extends InventoryKind>(kind: K, id: string): Promise<InventoryObjects[K] | undefined>;
  listObjects<K extends InventoryKind>(kind: K): Promise<InventoryObjects[K][]>;
  /** Tenant bound to an org, matched case-insensitively. */
  findTenantByOrg(org: string): Promise<InventoryObjects["tenant"] | undefined>;

  insertMachines(machines: MachineRecord[]): Promise<void>;
  getMachine(id: string): Promise<MachineRecord | undefined>;
  listMachines(filter: { instanceTypeId?: string; siteId?: string }): Promise<MachineRecord[]>;
  /** Assigns free machines; raises `StoreConflictError` without changes if one is taken. */
  assignMachines(assignments: MachineAssignment[]): Promise<void>;
  releaseMachines(machineIds: string[]): Promise<void>;
  /**
   * Committed count of changes to the machines of an instance type (inserts, assignments,
   * releases). Allocator state built while it had one value stays valid while it keeps that
   * value. A store may also count changes of other instance types' machines.
   */
  machineVersion(instanceTypeId: string): Promise<number>;

  /** Inserts instances; raises `StoreConflictError` when a name or machine is already used. */
  insertInstances(instances: InstanceRecord[]): Promise<void>;
  /** Replaces a live instance; raises `StoreConflictError` when the new name is taken. */
  updateInstance(instance: InstanceRecord): Promise<void>;
  /** Live (not deleted) instance by id. */
  getInstance(id: string): Promise<InstanceRecord | undefined>;
  /** Marks an instance deleted; it disappears from every read. */
  deleteInstance(id: string, deletedAt: string): Promise<void>;
  listInstances(
    filter: InstanceFilter,
    page: PageRequest<InstanceOrderField>,
  ): Promise<Page<InstanceRecord>>;
  /** Live instances of a tenant and instance type at a site, in any status. */
  countInstances(filter: {
    tenantId: string;
    siteId: string;
    instanceTypeId: string;
  }): Promise<number>;
  /** The subset of `names` used by live instances of the tenant. */
  findUsedNames(tenantId: string, names: string[]): Promise<Set<string>>;
  /** Live instance of the tenant with exactly this name. */
  findInstanceByName(tenantId: string, name: string): Promise<InstanceRecord | undefined>;
  /** Live instances whose next transition is due at `now` (epoch ms) or earlier. */
  listDueInstances(now: number, limit: number): Promise<InstanceRecord[]>;
  /** Earliest due time of any pending transition, or null. */
  nextDueAt(): Promise<number | null>;

  appendStatusHistory(rows: StatusHistoryRecord[]): Promise<void>;
  listStatusHistory(
    instanceId: string,
    page: PageRequest<HistoryOrderField>,
  ): Promise<Page<StatusHistoryRecord>>;

  getIdempotencyRecord(tenantId: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** Stores a key; raises `StoreConflictError` when the tenant already used it. */
  putIdempotencyRecord(record: IdempotencyRecord): Promise<void>;
}

/**
 * Persistence of the reference server. Each `StoreSession` method called on the store runs in
 * its own transaction. `transaction()` groups several calls into one that commits or rolls back
 * as a whole.
 */
export interface Store extends StoreSession {
  /** Applies every migration the database has not seen yet. */
  migrate(): Promise<void>;
  /** Version of the newest applied migration. */
  schemaVersion(): Promise<number>;
  /**
   * Runs `fn` in one serializable transaction and commits when it resolves, rolls back when it
   * rejects. `fn` must use only the session it receives; calling the store itself inside `fn`
   * waits for the transaction and deadlocks. A store may roll back a transaction that lost a
   * race and run `fn` again (the PostgreSQL store does), so `fn` must keep its effects inside
   * the session.
   */
  transaction<T>(fn: (session: StoreSession) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one transaction that holds the lock `migrate()` takes, so processes that start
   * together on one database check and seed it one after another. Stores that one process owns
   * leave it out, and callers then use `transaction()`.
   */
  startupTransaction?<T>(fn: (session: StoreSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
