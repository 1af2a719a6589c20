import type { Machine } from "@nico/allocator";

/** Machines per NVLink domain in a GB200 NVL72 rack, which has 18 compute trays of 4 GPUs. */
export const nvl72DomainSize = 18;

/** Instance type id used by the allocator benchmarks. */
export const benchInstanceTypeId = "gb200-nvl72";

/** Returns a seeded pseudo-random generator of floats in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns a random integer in [min, max], both included. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/**
 * Builds `machineCount` Ready machines in NVLink domains of 18.
 *
 * With `random`, each domain gets a uniformly random number of assigned machines (0 to 18),
 * chosen at random positions. Without it, every machine is free.
 */
export function buildNvl72Machines(machineCount: number, random?: () => number): Machine[] {
  const machines: Machine[] = [];
  for (let first = 0; first < machineCount; first += nvl72DomainSize) {
    const domainNumber = first / nvl72DomainSize;
    const domainId = `nvl-${String(domainNumber).padStart(5, "0")}`;
    const size = Math.min(nvl72DomainSize, machineCount - first);
    const assigned = new Set<number>();
    const assignedCount = random === undefined ? 0 : randomInt(random, 0, size);
    while (random !== undefined && assigned.size < assignedCount) {
      assigned.add(randomInt(random, 0, size - 1));
    }
    for (let slot = 0; slot < size; slot += 1) {
      const id = `m-${String(first + slot).padStart(6, "0")}`;
      machines.push({
        id,
        siteId: "site-bench",
        instanceTypeId: benchInstanceTypeId,
        status: "Ready",
        nvLinkDomainId: domainId,
        assignedInstanceId: assigned.has(slot) ? `instance-${id}` : null,
      });
    }
  }
  return machines;
}
