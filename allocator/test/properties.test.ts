import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Inventory,
  StalePlacementError,
  type Machine,
  type Placement,
  type PlacementPolicy,
  type PlacementRequest,
  type PlacementResult,
} from "../src/index.js";

const instanceTypeIds = ["t1", "t2"];
const domainIds = ["d0", "d1", "d2", "d3", "d4", "D5"];
// "Ready" is listed three times so that most generated machines are eligible.
const statuses = ["Ready", "Ready", "Ready", "Maintenance", "Error"];

/** Placement outcome without the inventory version, for comparing two inventories. */
type Outcome =
  | { ok: true; machineIds: string[]; domainIds: string[] }
  | { ok: false; code: string; available: number; largestDomainFree: number };

function byId(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** Reference rule that scans every machine, which the inventory's indexes must match. */
function referencePlan(machines: Machine[], request: PlacementRequest): Outcome {
  const eligible = machines
    .filter((m) => m.instanceTypeId === request.instanceTypeId)
    .filter((m) => m.status === "Ready" && m.assignedInstanceId === null)
    .sort((a, b) => byId(a.id, b.id));

  const unlabelled = eligible.filter((m) => m.nvLinkDomainId === null).map((m) => m.id);
  const members = new Map<string, string[]>();
  for (const m of eligible) {
    if (m.nvLinkDomainId !== null) {
      members.set(m.nvLinkDomainId, [...(members.get(m.nvLinkDomainId) ?? []), m.id]);
    }
  }
  const domains = [...members.entries()].map(([id, ids]) => ({ id, ids }));

  const available = eligible.length;
  const largestDomainFree = Math.max(0, ...domains.map((d) => d.ids.length));
  if (available < request.count) {
    return { ok: false, code: "insufficient_machines", available, largestDomainFree };
  }

  const fewestFirst = [...domains].sort((a, b) => a.ids.length - b.ids.length || byId(a.id, b.id));
  if (!request.topologyOptimized) {
    const machineIds = [...unlabelled];
    const domainIds: string[] = [];
    for (const d of fewestFirst) {
      if (machineIds.length >= request.count) {
        break;
      }
      machineIds.push(...d.ids.slice(0, request.count - machineIds.length));
      domainIds.push(d.id);
    }
    return { ok: true, machineIds: machineIds.slice(0, request.count), domainIds };
  }

  const mostFirst = [...domains].sort((a, b) => b.ids.length - a.ids.length || byId(a.id, b.id));
  const chosen =
    (request.policy ?? "best-fit") === "best-fit"
      ? fewestFirst.find((d) => d.ids.length >= request.count)
      : mostFirst[0];
  if (chosen === undefined || chosen.ids.length < request.count) {
    return { ok: false, code: "insufficient_capacity", available, largestDomainFree };
  }
  return { ok: true, machineIds: chosen.ids.slice(0, request.count), domainIds: [chosen.id] };
}

function outcomeOf(result: PlacementResult): Outcome {
  if (result.ok) {
    const { machineIds, domainIds } = result.placement;
    return { ok: true, machineIds: [...machineIds], domainIds: [...domainIds] };
  }
  const { code, available, largestDomainFree } = result;
  return { ok: false, code, available, largestDomainFree };
}

const machineArbitrary = (id: string) =>
  fc.record({
    id: fc.constant(id),
    siteId: fc.constant("site-1"),
    instanceTypeId: fc.constantFrom(...instanceTypeIds),
    status: fc.constantFrom(...statuses),
    nvLinkDomainId: fc.option(fc.constantFrom(...domainIds), { freq: 4 }),
    assignedInstanceId: fc.option(fc.constant(`pre-${id}`), { freq: 3 }),
  }) as fc.Arbitrary<Machine>;

const inventoryArbitrary = fc
  .uniqueArray(fc.integer({ min: 0, max: 59 }), { maxLength: 40, size: "max" })
  .chain((numbers) =>
    fc.tuple(...numbers.map((n) => machineArbitrary(`m${String(n).padStart(2, "0")}`))),
  );

const requestArbitrary: fc.Arbitrary<PlacementRequest> = fc.record({
  instanceTypeId: fc.constantFrom(...instanceTypeIds, "t-unknown"),
  count: fc.integer({ min: 1, max: 12 }),
  topologyOptimized: fc.boolean(),
  policy: fc.constantFrom<PlacementPolicy | undefined>("best-fit", "most-free", undefined),
});

type Operation =
  | { kind: "place"; request: PlacementRequest }
  | { kind: "plan"; request: PlacementRequest }
  | { kind: "release"; picks: number[] }
  | { kind: "status"; pick: number; status: string }
  | { kind: "remove"; pick: number }
  | { kind: "add"; machine: Machine }
  | { kind: "commit-old" }
  | { kind: "commit-bad"; request: PlacementRequest };

const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("place"), request: requestArbitrary }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant("plan"), request: requestArbitrary }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant("release"),
      picks: fc.array(fc.nat(), { maxLength: 6 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("status"),
      pick: fc.nat(),
      status: fc.constantFrom(...statuses),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant("remove"), pick: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant("add"),
      machine: fc.integer({ min: 60, max: 99 }).chain((n) => machineArbitrary(`m${n}`)),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant("commit-old") }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant("commit-bad"), request: requestArbitrary }),
    weight: 1,
  },
) as fc.Arbitrary<Operation>;

function pickMachine(inventory: Inventory, pick: number): Machine | undefined {
  const machines = inventory.snapshot();
  return machines.length === 0 ? undefined : machines[pick % machines.length];
}

function expectUnchanged(inventory: Inventory, before: Machine[], version: number) {
  expect(inventory.snapshot()).toEqual(before);
  expect(inventory.version).toBe(version);
}

/** Checks the incremental counts against a scan of the snapshot. */
function expectIndexesMatchScan(inventory: Inventory) {
  const machines = inventory.snapshot();
  for (const instanceTypeId of instanceTypeIds) {
    const scanned = new Map<string, number>();
    for (const m of machines) {
      if (m.instanceTypeId !== instanceTypeId || m.nvLinkDomainId === null) {
        continue;
      }
      const free = m.status === "Ready" && m.assignedInstanceId === null ? 1 : 0;
      scanned.set(m.nvLinkDomainId, (scanned.get(m.nvLinkDomainId) ?? 0) + free);
    }
    const sorted = new Map([...scanned].sort(([a], [b]) => (a < b ? -1 : 1)));
    expect(inventory.freeCountsByDomain(instanceTypeId)).toEqual(sorted);
  }
}

let instanceCounter = 0;
const freshInstanceIds = (count: number) =>
  Array.from({ length: count }, () => `inst-${(instanceCounter += 1)}`);

function runPlace(inventory: Inventory, request: PlacementRequest): Placement | undefined {
  const before = inventory.snapshot();
  const result = inventory.plan(request);
  expect(outcomeOf(result)).toEqual(referencePlan(before, request));
  if (!result.ok) {
    return undefined;
  }
  const { placement } = result;
  const instanceIds = freshInstanceIds(placement.machineIds.length);
  inventory.commit(placement, instanceIds);
  const previous = new Map(before.map((m) => [m.id, m]));
  placement.machineIds.forEach((machineId, position) => {
    expect(previous.get(machineId)?.assignedInstanceId).toBeNull();
    expect(inventory.getMachine(machineId)?.assignedInstanceId).toBe(instanceIds[position]);
  });
  return placement;
}

function runCommitBad(inventory: Inventory, request: PlacementRequest) {
  const result = inventory.plan(request);
  if (!result.ok || result.placement.machineIds.length < 2) {
    return;
  }
  const before = inventory.snapshot();
  const version = inventory.version;
  const [first] = freshInstanceIds(1) as [string];
  const instanceIds = result.placement.machineIds.map(() => first);
  expect(() => inventory.commit(result.placement, instanceIds)).toThrow(RangeError);
  expectUnchanged(inventory, before, version);
}

function runOperation(inventory: Inventory, operation: Operation, old: Placement | undefined) {
  switch (operation.kind) {
    case "place":
      return runPlace(inventory, operation.request) ?? old;
    case "plan": {
      const result = inventory.plan(operation.request);
      return result.ok ? result.placement : old;
    }
    case "release": {
      const machines = inventory.snapshot();
      const ids = operation.picks.map((pick) => machines[pick % machines.length]?.id);
      inventory.release(ids.filter((id): id is string => id !== undefined));
      return old;
    }
    case "status": {
      const target = pickMachine(inventory, operation.pick);
      if (target !== undefined) {
        inventory.setMachineStatus(target.id, operation.status);
      }
      return old;
    }
    case "remove": {
      const target = pickMachine(inventory, operation.pick);
      if (target !== undefined) {
        inventory.removeMachine(target.id);
      }
      return old;
    }
    case "add":
      if (inventory.getMachine(operation.machine.id) === undefined) {
        const instanceId = operation.machine.assignedInstanceId;
        const reused = inventory.snapshot().some((m) => m.assignedInstanceId === instanceId);
        if (instanceId === null || !reused) {
          inventory.addMachines([operation.machine]);
        }
      }
      return old;
    case "commit-old": {
      if (old === undefined) {
        return old;
      }
      const before = inventory.snapshot();
      const version = inventory.version;
      const instanceIds = freshInstanceIds(old.machineIds.length);
      if (old.inventoryVersion === version) {
        inventory.commit(old, instanceIds);
        expect(inventory.version).toBe(version + 1);
        return undefined;
      }
      expect(() => inventory.commit(old, instanceIds)).toThrow(StalePlacementError);
      expectUnchanged(inventory, before, version);
      return old;
    }
    case "commit-bad":
      runCommitBad(inventory, operation.request);
      return old;
  }
}

describe("inventory properties", () => {
  it("plan matches the scanning reference", () => {
    fc.assert(
      fc.property(inventoryArbitrary, requestArbitrary, (machines, request) => {
        const inventory = new Inventory(machines);
        const expected = referencePlan(machines, request);
        expect(outcomeOf(inventory.plan(request))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("optimized placement uses one domain", () => {
    fc.assert(
      fc.property(inventoryArbitrary, requestArbitrary, (machines, request) => {
        const result = new Inventory(machines).plan({ ...request, topologyOptimized: true });
        fc.pre(result.ok);
        const domainOf = new Map(machines.map((m) => [m.id, m.nvLinkDomainId]));
        const used = new Set(
          result.ok ? result.placement.machineIds.map((id) => domainOf.get(id)) : [],
        );
        expect(used.size).toBe(1);
        expect(used.has(null)).toBe(false);
      }),
    );
  });

  it("best fit has no tighter domain", () => {
    fc.assert(
      fc.property(inventoryArbitrary, requestArbitrary, (machines, request) => {
        const inventory = new Inventory(machines);
        const bestFit = { ...request, topologyOptimized: true, policy: "best-fit" as const };
        const result = inventory.plan(bestFit);
        fc.pre(result.ok);
        const chosen = result.ok ? (result.placement.domainIds[0] as string) : "";
        const counts = inventory.freeCountsByDomain(request.instanceTypeId);
        const chosenFree = counts.get(chosen) ?? 0;
        for (const [domainId, free] of counts) {
          const tighter = free >= request.count && free < chosenFree;
          const tiedWithSmallerId = free === chosenFree && domainId < chosen;
          expect(tighter).toBe(false);
          expect(tiedWithSmallerId).toBe(false);
        }
      }),
    );
  });

  it("plan ignores insertion order and history", () => {
    fc.assert(
      fc.property(
        inventoryArbitrary,
        fc.array(operationArbitrary, { maxLength: 15, size: "max" }),
        requestArbitrary,
        (machines, operations, request) => {
          const inventory = new Inventory(machines);
          let old: Placement | undefined;
          for (const operation of operations) {
            old = runOperation(inventory, operation, old);
          }
          const rebuilt = new Inventory(inventory.snapshot().reverse());
          expect(outcomeOf(inventory.plan(request))).toEqual(outcomeOf(rebuilt.plan(request)));
        },
      ),
    );
  });

  it("operation sequences keep invariants", () => {
    fc.assert(
      fc.property(
        inventoryArbitrary,
        fc.array(operationArbitrary, { maxLength: 30, size: "max" }),
        (machines, operations) => {
          const inventory = new Inventory(machines);
          let old: Placement | undefined;
          for (const operation of operations) {
            old = runOperation(inventory, operation, old);
            expectIndexesMatchScan(inventory);
            const assigned = inventory
              .snapshot()
              .map((m) => m.assignedInstanceId)
              .filter((id) => id !== null);
            expect(new Set(assigned).size).toBe(assigned.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
