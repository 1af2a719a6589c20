import {
  Inventory,
  type Placement,
  type PlacementPolicy,
  type PlacementResult,
} from "@nico/allocator";
import type { Logger } from "pino";
import type { StoreSession } from "../store/types.js";

/** Allocator state of one instance type and the store's machine version it was built at. */
interface CachedInventory {
  version: number;
  inventory: Inventory;
}

/** A plan made inside a transaction, to be applied to the cache once the transaction commits. */
export interface PlannedPlacement {
  result: PlacementResult;
  /** Store machine version the plan was made at. */
  version: number;
  entry: CachedInventory;
}

/**
 * One allocator `Inventory` per instance type, kept between requests.
 *
 * Each plan reads the store's machine version of the instance type inside the request's
 * transaction and rebuilds the inventory from the store only when that version moved, for
 * example after another process assigned or released machines. The store still re-checks at
 * commit that every chosen machine is free, so a stale cache costs a conflict, never a double
 * assignment.
 */
export class PlacementCache {
  readonly #entries = new Map<string, CachedInventory>();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Plans a batch on the cached inventory, reloading it when the store's version differs. */
  async plan(
    session: StoreSession,
    request: {
      instanceTypeId: string;
      count: number;
      topologyOptimized: boolean;
      policy: PlacementPolicy;
    },
  ): Promise<PlannedPlacement> {
    const { instanceTypeId } = request;
    const version = await session.machineVersion(instanceTypeId);
    let entry = this.#entries.get(instanceTypeId);
    if (entry === undefined || entry.version !== version) {
      const machines = await session.listMachines({ instanceTypeId });
      entry = { version, inventory: new Inventory(machines) };
      this.#entries.set(instanceTypeId, entry);
      this.#logger.debug(
        { instanceTypeId, machineVersion: version, machines: machines.length },
        "placement inventory loaded from the store",
      );
    }
    return { result: entry.inventory.plan(request), version, entry };
  }

  /**
   * Records a committed placement in the cache, so the next plan needs no reload.
   *
   * `committedVersion` is the store's machine version that the transaction committed. The cache
   * takes the placement only when that version is exactly one past the planning version, because
   * then no other writer changed the machines in between. Otherwise the next plan reloads.
   */
  recordCommit(
    planned: PlannedPlacement,
    placement: Placement,
    instanceIds: string[],
    committedVersion: number,
  ): void {
    const { entry } = planned;
    const current = this.#entries.get(placement.instanceTypeId);
    if (
      current !== entry ||
      entry.version !== planned.version ||
      committedVersion !== planned.version + 1
    ) {
      return;
    }
    try {
      entry.inventory.commit(placement, instanceIds);
      entry.version = committedVersion;
    } catch (error) {
      this.#entries.delete(placement.instanceTypeId);
      this.#logger.warn(
        { err: error, instanceTypeId: placement.instanceTypeId },
        "cached placement inventory disagreed with a committed batch; it will be reloaded",
      );
    }
  }
}
