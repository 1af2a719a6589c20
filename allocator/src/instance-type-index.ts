import { compareIds, insertSorted, lowerBound, removeSorted } from "./sorted.js";

/**
 * Free-machine index of one instance type, updated incrementally on every change.
 *
 * Domains are bucketed by their number of free eligible machines. Each bucket keeps its domain
 * ids sorted, and the list of non-empty bucket sizes is sorted too, so the best-fit and the
 * most-free domain are found with two binary searches, without visiting machines or domains.
 */
export class InstanceTypeIndex {
  /** Machines of this type in any status. */
  machineCount = 0;
  /** Free eligible machines, with or without a domain. */
  freeTotal = 0;
  /** Free eligible machine ids per domain. A domain stays listed while it has machines. */
  private readonly freeByDomain = new Map<string, Set<string>>();
  private readonly machineCountByDomain = new Map<string, number>();
  /** Free eligible machines without a domain. */
  private readonly freeUnlabelled = new Set<string>();
  /** `freeUnlabelled` ascending, rebuilt on the first read after a change. */
  private freeUnlabelledSorted: string[] | null = [];
  /** Machines without a domain in any status. */
  private readonly unlabelled = new Set<string>();
  /** Free count (at least 1) to the ids of the domains with exactly that many, ascending. */
  private readonly domainsByFreeCount = new Map<number, string[]>();
  /** Keys of `domainsByFreeCount`, ascending. */
  private readonly freeCounts: number[] = [];

  /** Registers a machine of this type. Call `markFree` as well when it is eligible. */
  addMachine(machineId: string, domainId: string | null): void {
    this.machineCount += 1;
    if (domainId === null) {
      this.unlabelled.add(machineId);
      return;
    }
    const count = this.machineCountByDomain.get(domainId) ?? 0;
    this.machineCountByDomain.set(domainId, count + 1);
    if (count === 0) {
      this.freeByDomain.set(domainId, new Set());
    }
  }

  /** Unregisters a machine. Call `markUsed` first when it was free. */
  removeMachine(machineId: string, domainId: string | null): void {
    this.machineCount -= 1;
    if (domainId === null) {
      this.unlabelled.delete(machineId);
      return;
    }
    const count = (this.machineCountByDomain.get(domainId) ?? 0) - 1;
    if (count > 0) {
      this.machineCountByDomain.set(domainId, count);
      return;
    }
    this.machineCountByDomain.delete(domainId);
    this.freeByDomain.delete(domainId);
  }

  /** Records that a registered machine became Ready and unassigned. */
  markFree(machineId: string, domainId: string | null): void {
    this.freeTotal += 1;
    if (domainId === null) {
      this.freeUnlabelled.add(machineId);
      this.freeUnlabelledSorted = null;
      return;
    }
    const free = this.domainSet(domainId);
    this.moveDomain(domainId, free.size, free.size + 1);
    free.add(machineId);
  }

  /** Records that a free machine was assigned, left Ready or is about to be removed. */
  markUsed(machineId: string, domainId: string | null): void {
    this.freeTotal -= 1;
    if (domainId === null) {
      this.freeUnlabelled.delete(machineId);
      this.freeUnlabelledSorted = null;
      return;
    }
    const free = this.domainSet(domainId);
    this.moveDomain(domainId, free.size, free.size - 1);
    free.delete(machineId);
  }

  /** Returns the domain with the fewest free machines that is at least `count`, smallest id first. */
  bestFitDomain(count: number): string | undefined {
    const freeCount = this.freeCounts[lowerBound(this.freeCounts, count)];
    return freeCount === undefined ? undefined : this.domainsByFreeCount.get(freeCount)?.[0];
  }

  /** Returns the domain with the most free machines, smallest id first, or undefined if none. */
  mostFreeDomain(): string | undefined {
    const freeCount = this.freeCounts[this.freeCounts.length - 1];
    return freeCount === undefined ? undefined : this.domainsByFreeCount.get(freeCount)?.[0];
  }

  /** Returns the free count of the domain with the most free machines, 0 when none. */
  largestDomainFree(): number {
    return this.freeCounts[this.freeCounts.length - 1] ?? 0;
  }

  /** Returns the number of free eligible machines in `domainId`. */
  freeInDomain(domainId: string): number {
    return this.freeByDomain.get(domainId)?.size ?? 0;
  }

  /** Returns the free eligible machine ids of `domainId`, ascending. Sorts one domain only. */
  freeMachinesInDomain(domainId: string): string[] {
    const free = this.freeByDomain.get(domainId);
    return free === undefined ? [] : [...free].sort(compareIds);
  }

  /** Returns the free eligible machine ids without a domain, ascending. */
  freeMachinesWithoutDomain(): readonly string[] {
    this.freeUnlabelledSorted ??= [...this.freeUnlabelled].sort(compareIds);
    return this.freeUnlabelledSorted;
  }

  /** Returns the number of free eligible machines without a domain. */
  freeWithoutDomainCount(): number {
    return this.freeUnlabelled.size;
  }

  /** Yields domains with free machines, fewest free first, ties by ascending domain id. */
  *domainsByAscendingFree(): Generator<string> {
    for (const freeCount of this.freeCounts) {
      yield* this.domainsByFreeCount.get(freeCount) ?? [];
    }
  }

  /** Returns free counts of every domain with machines of this type, ascending by domain id. */
  freeCountsByDomain(): Map<string, number> {
    const domainIds = [...this.freeByDomain.keys()].sort(compareIds);
    return new Map(domainIds.map((domainId) => [domainId, this.freeInDomain(domainId)]));
  }

  /** Returns the ids of all machines without a domain, ascending. */
  machinesWithoutDomain(): string[] {
    return [...this.unlabelled].sort(compareIds);
  }

  private domainSet(domainId: string): Set<string> {
    const free = this.freeByDomain.get(domainId);
    if (free === undefined) {
      throw new Error(`NVLink domain ${domainId} is not registered for this instance type`);
    }
    return free;
  }

  private moveDomain(domainId: string, fromCount: number, toCount: number): void {
    if (fromCount > 0) {
      const bucket = this.domainsByFreeCount.get(fromCount) ?? [];
      removeSorted(bucket, domainId);
      if (bucket.length === 0) {
        this.domainsByFreeCount.delete(fromCount);
        removeSorted(this.freeCounts, fromCount);
      }
    }
    if (toCount > 0) {
      let bucket = this.domainsByFreeCount.get(toCount);
      if (bucket === undefined) {
        bucket = [];
        this.domainsByFreeCount.set(toCount, bucket);
        insertSorted(this.freeCounts, toCount);
      }
      insertSorted(bucket, domainId);
    }
  }
}
