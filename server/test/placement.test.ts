import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PlacementCache } from "../src/service/placement.js";
import { SqliteStore } from "../src/store/sqlite.js";
import type { MachineRecord, StoreSession } from "../src/store/types.js";

const instanceTypeId = "it-gpu";
const request = { instanceTypeId, count: 2, topologyOptimized: true, policy: "best-fit" } as const;

function machine(id: string, domain: string): MachineRecord {
  return {
    id,
    siteId: "site-1",
    instanceTypeId,
    status: "Ready",
    nvLinkDomainId: domain,
    assignedInstanceId: null,
  };
}

/** Session wrapper that counts `listMachines` calls, the reads of a cache reload. */
function countingSession(session: StoreSession, counter: { reloads: number }): StoreSession {
  return new Proxy(session, {
    get(target, property, receiver) {
      if (property === "listMachines") {
        counter.reloads += 1;
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

let store: SqliteStore;
let cache: PlacementCache;
const counter = { reloads: 0 };

/** Plans and assigns a batch in one transaction, then records it as `createBatch` does. */
async function placeBatch(instanceIds: string[]) {
  let committedVersion = 0;
  const outcome = await store.transaction(async (session) => {
    const planned = await cache.plan(countingSession(session, counter), request);
    if (!planned.result.ok) {
      throw new Error(planned.result.message);
    }
    const { placement } = planned.result;
    await session.assignMachines(
      placement.machineIds.map((machineId, index) => ({
        machineId,
        instanceId: instanceIds[index] ?? "",
      })),
    );
    committedVersion = await session.machineVersion(instanceTypeId);
    return { planned, placement };
  });
  cache.recordCommit(outcome.planned, outcome.placement, instanceIds, committedVersion);
  return outcome.placement;
}

beforeEach(async () => {
  store = new SqliteStore({ filename: ":memory:" });
  await store.migrate();
  await store.insertMachines([
    machine("m-a1", "domain-a"),
    machine("m-a2", "domain-a"),
    machine("m-a3", "domain-a"),
    machine("m-a4", "domain-a"),
    machine("m-b1", "domain-b"),
    machine("m-b2", "domain-b"),
  ]);
  cache = new PlacementCache(pino({ level: "silent" }));
  counter.reloads = 0;
});

afterEach(async () => {
  await store.close();
});

describe("placement cache", () => {
  it("loads the inventory once", async () => {
    await placeBatch(["i-1", "i-2"]);
    await placeBatch(["i-3", "i-4"]);
    expect(counter.reloads).toBe(1);
  });

  it("plans on committed batches", async () => {
    const first = await placeBatch(["i-1", "i-2"]);
    const second = await placeBatch(["i-3", "i-4"]);
    expect(second.machineIds.filter((id) => first.machineIds.includes(id))).toEqual([]);
  });

  it("reloads after a change elsewhere", async () => {
    const first = await placeBatch(["i-1", "i-2"]);
    await store.releaseMachines([...first.machineIds]);
    await placeBatch(["i-3", "i-4"]);
    expect(counter.reloads).toBe(2);
  });

  it("sees machines released elsewhere", async () => {
    const first = await placeBatch(["i-1", "i-2"]);
    await placeBatch(["i-3", "i-4"]);
    await placeBatch(["i-5", "i-6"]);
    await store.releaseMachines([...first.machineIds]);
    const fourth = await placeBatch(["i-7", "i-8"]);
    expect(fourth.machineIds).toEqual(first.machineIds);
  });

  it("skips a commit after a version jump", async () => {
    const planned = await store.transaction((session) =>
      cache.plan(countingSession(session, counter), request),
    );
    if (!planned.result.ok) {
      throw new Error(planned.result.message);
    }
    cache.recordCommit(planned, planned.result.placement, ["i-1", "i-2"], planned.version + 2);
    await store.transaction((session) => cache.plan(countingSession(session, counter), request));
    expect(counter.reloads).toBe(1);
  });
});
