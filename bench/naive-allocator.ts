import type { Machine, PlacementRequest } from "@nico/allocator";

/** Outcome of the scanning baseline: the chosen machine ids, or the rejection code. */
export type NaiveOutcome =
  | { ok: true; machineIds: string[]; domainId: string }
  | { ok: false; code: "insufficient_machines" | "insufficient_capacity" };

/**
 * Places a topology-optimized batch by scanning every machine on every call.
 *
 * Applies the same rule as `Inventory.plan()` with the best-fit policy: the fitting domain with
 * the fewest free machines, ties by domain id, machines by id. Benchmarks use it as the baseline
 * that the indexed inventory is compared with.
 */
export function planByScan(machines: readonly Machine[], request: PlacementRequest): NaiveOutcome {
  const freeByDomain = new Map<string, string[]>();
  let available = 0;
  for (const machine of machines) {
    const free = machine.status === "Ready" && machine.assignedInstanceId === null;
    if (!free || machine.instanceTypeId !== request.instanceTypeId) {
      continue;
    }
    available += 1;
    if (machine.nvLinkDomainId === null) {
      continue;
    }
    const members = freeByDomain.get(machine.nvLinkDomainId);
    if (members === undefined) {
      freeByDomain.set(machine.nvLinkDomainId, [machine.id]);
    } else {
      members.push(machine.id);
    }
  }
  if (available < request.count) {
    return { ok: false, code: "insufficient_machines" };
  }
  let chosen: string | undefined;
  let chosenFree = Number.POSITIVE_INFINITY;
  for (const [domainId, members] of freeByDomain) {
    const fits = members.length >= request.count;
    const tighter = members.length < chosenFree;
    const tiedWithSmallerId =
      members.length === chosenFree && chosen !== undefined && domainId < chosen;
    if (fits && (tighter || tiedWithSmallerId)) {
      chosen = domainId;
      chosenFree = members.length;
    }
  }
  if (chosen === undefined) {
    return { ok: false, code: "insufficient_capacity" };
  }
  // The default sort compares UTF-16 code units, the same order as the inventory's id order.
  const members = (freeByDomain.get(chosen) as string[]).sort();
  return { ok: true, machineIds: members.slice(0, request.count), domainId: chosen };
}
