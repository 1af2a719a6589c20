import { randomUUID } from "node:crypto";
import type { RunningServer } from "@nico/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type RunningPostgres } from "../support/postgres.js";
import {
  createTestDatabase,
  readDatabaseState,
  type DatabaseState,
  type StoreKind,
} from "./support/database.js";
import { recordFigures, reliabilityScale, type Figure } from "./support/figures.js";
import { adminToken, apiPath, send, type Response } from "./support/http.js";
import { startReplicas } from "./support/http.js";
import { fixture, uuidFor, validBatch, type TenantFixture } from "./support/inventory.js";
import {
  badResponses,
  createdIds,
  doubleAssignedMachines,
  leakedReservations,
  partialBatches,
  quotaOverruns,
  type BatchOutcome,
} from "./support/invariants.js";

const clients = 64;
/** Batch creates and deletes per scenario at RELIABILITY_SCALE=1. */
const baseOperations = 3000;

interface Scenario {
  name: string;
  kind: StoreKind;
  replicas: number;
}

const scenarios: Scenario[] = [
  { name: "sqlite one server", kind: "sqlite", replicas: 1 },
  { name: "postgres one server", kind: "postgres", replicas: 1 },
  { name: "postgres two replicas", kind: "postgres", replicas: 2 },
];

/** Counters of one load run. */
interface LoadCounts {
  requests: number;
  batchCreates: number;
  created: number;
  replayed: number;
  deletes: number;
  reads: number;
  byStatus: Map<string, number>;
}

/**
 * Small seeded generator behind RELIABILITY_SEED. It fixes the generated inputs, but the clients
 * share it in response order, so a seed does not repeat the interleaving of a run.
 */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Batches a client created and may delete later. */
interface WorkerState {
  owned: { org: string; ids: string[] }[];
}

type InvalidMutation = (
  body: Record<string, unknown>,
  other: TenantFixture,
) => Record<string, unknown>;

/** Bodies the schema rejects and bodies whose references the server rejects. */
const invalidMutations: InvalidMutation[] = [
  (body) => ({ ...body, count: 0 }),
  (body) => ({ ...body, count: 19 }),
  (body) => ({ ...body, count: "4" }),
  (body) => ({ ...body, namePrefix: "" }),
  (body) => ({ ...body, namePrefix: "x".repeat(300) }),
  (body) => ({ ...body, tenantId: "not-a-uuid" }),
  (body) => ({ ...body, unexpectedField: true }),
  (body) => ({ ...body, interfaces: [{ subnetId: randomUUID(), vpcPrefixId: randomUUID() }] }),
  (body) => ({ ...body, labels: { "": "empty key" } }),
  (body, other) => ({ ...body, vpcId: other.vpcId, interfaces: [{ subnetId: other.subnetId }] }),
  (body) => ({ ...body, instanceTypeId: uuidFor(`missing/${randomUUID()}`) }),
  (body, other) => ({ ...body, tenantId: other.tenantId }),
  (body) => ({ ...body, interfaces: [{ subnetId: uuidFor("subnet/missing") }] }),
];

async function runLoad(
  servers: RunningServer[],
  operations: number,
  seed: number,
): Promise<{ outcomes: BatchOutcome[]; responses: Response[]; counts: LoadCounts }> {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const tokens = new Map<string, string>();
  for (const org of [
    ...fixture.tenants.map((tenant) => tenant.org),
    fixture.orgWithoutAllocation,
  ]) {
    tokens.set(org, await adminToken(org));
  }
  const outcomes: BatchOutcome[] = [];
  const responses: Response[] = [];
  const counts: LoadCounts = {
    requests: 0,
    batchCreates: 0,
    created: 0,
    replayed: 0,
    deletes: 0,
    reads: 0,
    byStatus: new Map(),
  };
  const record = (response: Response) => {
    responses.push(response);
    counts.requests += 1;
    const key = String(response.status ?? "no response");
    counts.byStatus.set(key, (counts.byStatus.get(key) ?? 0) + 1);
  };
  let next = 0;

  async function createBatch(worker: WorkerState, index: number): Promise<void> {
    const tenant = pick(fixture.tenants);
    const other = fixture.tenants.find((candidate) => candidate !== tenant) as TenantFixture;
    const gpu = random() < 0.8;
    const count = 2 + Math.floor(random() * (gpu ? 7 : 5));
    const namePrefix = `load-${seed}-${index}`;
    let body = validBatch(tenant, namePrefix, {
      count,
      instanceTypeId: gpu ? fixture.gpuTypeId : fixture.cpuTypeId,
      topologyOptimized: random() < 0.7,
    });
    let org = tenant.org;
    const roll = random();
    if (roll < 0.25) {
      body = pick(invalidMutations)(body, other);
    } else if (roll < 0.28) {
      org = fixture.orgWithoutAllocation;
      body = { ...body, tenantId: uuidFor("tenant/initech") };
    }
    const withKey = random() < 0.15;
    const headers: Record<string, string> = withKey ? { "idempotency-key": randomUUID() } : {};
    const copies = withKey && random() < 0.5 ? 2 : 1;
    const path = apiPath(org, "/instance/batch");
    const results = await Promise.all(
      Array.from({ length: copies }, () =>
        send(pick(servers).url, "POST", path, { token: tokens.get(org), body, headers }),
      ),
    );
    for (const response of results) {
      record(response);
      counts.batchCreates += 1;
      outcomes.push({
        namePrefix,
        count: typeof body.count === "number" ? body.count : 0,
        tenantId: String(body.tenantId),
        status: response.status,
        body: response.body,
      });
    }
    const created = results.filter((response) => response.status === 201);
    counts.created += created.length > 0 ? 1 : 0;
    counts.replayed += Math.max(0, created.length - 1);
    const first = created[0];
    if (first !== undefined) {
      const ids = createdIds({ namePrefix, count, tenantId: tenant.tenantId, ...first });
      worker.owned.push({ org, ids });
    }
  }

  async function worker(): Promise<void> {
    const state: WorkerState = { owned: [] };
    for (;;) {
      const index = next;
      next += 1;
      if (index >= operations) {
        return;
      }
      const roll = random();
      if (roll < 0.45 && state.owned.length > 0) {
        // Deleting whole batches frees machines about as fast as batches take them.
        const [target] = state.owned.splice(Math.floor(random() * state.owned.length), 1);
        if (target !== undefined) {
          const deleted = await Promise.all(
            target.ids.map((id) =>
              send(pick(servers).url, "DELETE", apiPath(target.org, `/instance/${id}`), {
                token: tokens.get(target.org),
              }),
            ),
          );
          deleted.forEach(record);
          counts.deletes += deleted.length;
        }
      } else if (roll < 0.5 && state.owned.length > 0) {
        const target = pick(state.owned);
        const response = await send(
          pick(servers).url,
          "GET",
          apiPath(target.org, `/instance/${pick(target.ids)}`),
          { token: tokens.get(target.org) },
        );
        record(response);
        counts.reads += 1;
      } else {
        await createBatch(state, index);
      }
    }
  }

  await Promise.all(Array.from({ length: clients }, () => worker()));
  return { outcomes, responses, counts };
}

/** Reports whether a 409 body reports a lost race rather than missing capacity. */
function isContention(body: unknown): boolean {
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === "string" && message.startsWith("Another request changed");
}

function quotas() {
  return fixture.tenants.flatMap((tenant) =>
    Object.entries(tenant.quota).map(([instanceTypeId, max]) => ({
      tenantId: tenant.tenantId,
      instanceTypeId,
      max,
    })),
  );
}

let postgres: RunningPostgres | undefined;
const figures: Figure[] = [];

/** Explanations printed below the load figures. */
const loadNotes = [
  "An operation is one batch create, one read or the delete of one whole batch. Requests " +
    "exceed operations because a delete sends one request per instance of the batch, and a " +
    "batch create with a repeated idempotency key sends the same request twice at once.",
  "The seed fixes the generated inputs: the random stream that picks operations, tenants, " +
    `counts and invalid bodies. The ${clients} clients draw from that one stream in the order ` +
    "their responses arrive, so the interleaving, and with it every count except operations, " +
    "changes from run to run even with the same RELIABILITY_SEED.",
];

beforeAll(async () => {
  postgres = await startPostgres();
});

afterAll(async () => {
  await postgres?.stop();
  if (figures.length > 0) {
    await recordFigures(
      "load",
      "Load: 64 concurrent clients, random valid and invalid batches",
      figures,
      loadNotes,
    );
  }
});

describe.each(scenarios)("load $name", (scenario) => {
  let state: DatabaseState;
  let result: Awaited<ReturnType<typeof runLoad>>;

  beforeAll(async () => {
    const database = await createTestDatabase(scenario.kind, postgres);
    const servers = await startReplicas(database, scenario.replicas);
    const seed = Number(process.env.RELIABILITY_SEED ?? Date.now() % 1_000_000);
    const operations = Math.round(baseOperations * reliabilityScale());
    const started = performance.now();
    try {
      result = await runLoad(servers, operations, seed);
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
    const seconds = (performance.now() - started) / 1000;
    state = await readDatabaseState(database);
    database.remove();
    const statuses = [...result.counts.byStatus.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, n]) => `${status}: ${n}`)
      .join(", ");
    figures.push(
      { label: `${scenario.name}: operations (seed ${seed})`, value: operations },
      { label: `${scenario.name}: requests`, value: result.counts.requests },
      { label: `${scenario.name}: batch creates sent`, value: result.counts.batchCreates },
      { label: `${scenario.name}: batches created`, value: result.counts.created },
      { label: `${scenario.name}: idempotent replays`, value: result.counts.replayed },
      { label: `${scenario.name}: deletes`, value: result.counts.deletes },
      {
        label: `${scenario.name}: rejections (4xx)`,
        value: result.responses.filter(
          (r) => r.status !== null && r.status >= 400 && r.status < 500,
        ).length,
      },
      { label: `${scenario.name}: responses by status`, value: statuses },
      {
        label: `${scenario.name}: 409 for a lost race after retries`,
        value: result.responses.filter((r) => r.status === 409 && isContention(r.body)).length,
      },
      { label: `${scenario.name}: wall time (s)`, value: seconds.toFixed(1) },
    );
  }, 600_000);

  it("answers no 5xx and gives every rejection a reason", () => {
    expect(badResponses(result.responses)).toEqual([]);
  });

  it("answers every request", () => {
    expect(result.responses.filter((response) => response.status === null)).toEqual([]);
  });

  it("creates some batches and rejects some", () => {
    expect(result.counts.created).toBeGreaterThan(0);
    expect(
      result.outcomes.some((outcome) => outcome.status === 409 || outcome.status === 403),
    ).toBe(true);
  });

  it("assigns no machine to two live instances", () => {
    expect(doubleAssignedMachines(state)).toEqual([]);
  });

  it("stores every batch whole or not at all", () => {
    expect(partialBatches(state, result.outcomes)).toEqual([]);
  });

  it("leaks no machine reservation", () => {
    expect(leakedReservations(state)).toEqual([]);
  });

  it("keeps every tenant within its quota", () => {
    expect(quotaOverruns(state, quotas())).toEqual([]);
  });

  it("returns the same instances for a repeated idempotency key", () => {
    const byPrefix = new Map<string, string[]>();
    const mismatches: string[] = [];
    for (const outcome of result.outcomes.filter((candidate) => candidate.status === 201)) {
      const ids = createdIds(outcome).join(",");
      const earlier = byPrefix.get(outcome.namePrefix);
      if (earlier !== undefined && !earlier.includes(ids)) {
        mismatches.push(`${outcome.namePrefix}: ${earlier.join(" | ")} vs ${ids}`);
      }
      byPrefix.set(outcome.namePrefix, [...(earlier ?? []), ids]);
    }
    expect(mismatches).toEqual([]);
  });
});
