/** Machine status as the inventory stores it. Only "Ready" machines can be placed. */
export type MachineStatus = "Ready" | "Maintenance" | "Error" | (string & {});

/** A bare-metal machine that can host one instance. */
export interface Machine {
  id: string;
  siteId: string;
  instanceTypeId: string;
  status: MachineStatus;
  /** NVLink domain the machine belongs to, or null when the site reported none. */
  nvLinkDomainId: string | null;
  /** Instance placed on the machine, or null when the machine is unassigned. */
  assignedInstanceId: string | null;
}

/**
 * Rule for choosing the NVLink domain of a topology-optimized batch.
 *
 * `best-fit` takes the domain with the fewest free machines that still fits the batch, so large
 * domains stay whole for large batches. `most-free` takes the domain with the most free machines,
 * as the upstream NICo server does. Both break ties by the smaller domain id.
 */
export type PlacementPolicy = "best-fit" | "most-free";

/** Request to place a batch of machines of one instance type. */
export interface PlacementRequest {
  instanceTypeId: string;
  /** Number of machines, a positive integer. */
  count: number;
  /** When true, every machine comes from one NVLink domain. */
  topologyOptimized: boolean;
  /** Domain choice for topology-optimized batches, default "best-fit". */
  policy?: PlacementPolicy;
}

/** Machines chosen by `Inventory.plan()`, valid for the inventory version it was made on. */
export interface Placement {
  readonly instanceTypeId: string;
  /** Chosen machines in commit order: the n-th instance id goes to the n-th machine. */
  readonly machineIds: readonly string[];
  /** Distinct NVLink domains of the chosen machines, in order of first use. */
  readonly domainIds: readonly string[];
  readonly topologyOptimized: boolean;
  readonly policy: PlacementPolicy;
  /** `Inventory.version` at planning time. `commit()` rejects the placement once it differs. */
  readonly inventoryVersion: number;
}

/** Reason code of a rejected placement. */
export type PlacementRejectionCode = "insufficient_machines" | "insufficient_capacity";

/** Rejected placement with the counts a caller needs to explain it. */
export interface PlacementRejection {
  ok: false;
  code: PlacementRejectionCode;
  /** Requested number of machines. */
  requested: number;
  /** Free eligible machines of the instance type, with or without a domain. */
  available: number;
  /** Free eligible machines in the NVLink domain with the most of them (0 when none). */
  largestDomainFree: number;
  message: string;
}

/** Outcome of `Inventory.plan()`. */
export type PlacementResult = { ok: true; placement: Placement } | PlacementRejection;

/** Capacity report for one instance type. */
export interface InstanceTypeCapacity {
  instanceTypeId: string;
  /** Machines of this type in any status. */
  machineCount: number;
  /** Free eligible machines (Ready and unassigned), with or without a domain. */
  freeTotal: number;
  /** Free eligible machines per NVLink domain, keyed by domain id in ascending order. */
  freeByDomain: Record<string, number>;
  /** Free eligible machines without an NVLink domain. */
  freeWithoutDomain: number;
  /** Ids of all machines of this type without an NVLink domain, in any status, ascending. */
  machinesWithoutDomain: string[];
}
