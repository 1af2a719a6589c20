import { randomUUID } from "node:crypto";
import { pino } from "pino";
import {
  PostgresStore,
  SqliteStore,
  startServer,
  type RunningServer,
  type Store,
} from "@nico/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type RunningPostgres } from "../support/postgres.js";
import {
  createTestDatabase,
  readDatabaseState,
  type DatabaseState,
  type StoreKind,
  type TestDatabase,
} from "./support/database.js";
import { FaultInjector, describeFault, type FaultPoint } from "./support/faults.js";
import { recordFigures, type Figure } from "./support/figures.js";
import { adminToken, apiPath, reliabilitySecret, send } from "./support/http.js";
import { fixture, reliabilityInventory, validBatch } from "./support/inventory.js";
import { leakedReservations } from "./support/invariants.js";

const batchSize = 4;

/** Every step of a batch create transaction, in order. */
const faultPoints: FaultPoint[] = [
  { step: "before-machine-assignment" },
  ...Array.from({ length: batchSize }, (_, i) => ({
    step: "after-instance-row" as const,
    index: i + 1,
  })),
  { step: "before-status-history" },
  { step: "before-idempotency-key" },
  { step: "before-commit" },
];

const storeKinds: StoreKind[] = ["sqlite", "postgres"];

function openStore(database: TestDatabase): Store {
  return database.kind === "sqlite"
    ? new SqliteStore({ filename: database.location })
    : new PostgresStore({ url: database.location });
}

/** Rows of a batch: instances named `<prefix>-…` and their status history. */
function rowsOf(state: DatabaseState, prefix: string) {
  const instances = state.instances.filter((row) => row.name.startsWith(`${prefix}-`));
  const ids = new Set(instances.map((row) => row.id));
  return { instances, history: state.historyInstanceIds.filter((id) => ids.has(id)) };
}

function assignments(state: DatabaseState): string[] {
  return state.machines
    .filter((machine) => machine.assignedInstanceId !== null)
    .map((machine) => `${machine.id}=${machine.assignedInstanceId}`)
    .sort();
}

let postgres: RunningPostgres | undefined;
const figures: Figure[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
});

afterAll(async () => {
  await postgres?.stop();
  if (figures.length > 0) {
    await recordFigures("faults", "Fault injection: a batch create fails at each step", figures);
  }
});

describe.each(storeKinds)("fault injection %s", (kind) => {
  const injector = new FaultInjector();
  let database: TestDatabase;
  let server: RunningServer;
  let token: string;
  const tenant = fixture.tenants[0];

  beforeAll(async () => {
    database = await createTestDatabase(kind, postgres);
    server = await startServer({
      host: "127.0.0.1",
      port: 0,
      inventory: reliabilityInventory(),
      store: injector.wrap(openStore(database)),
      jwtSecret: reliabilitySecret,
      readyAfterMs: 60_000,
      terminateAfterMs: 60_000,
      logger: pino({ level: process.env.NICO_TEST_LOG_LEVEL ?? "silent" }),
    });
    token = await adminToken(tenant?.org ?? "");
  });

  afterAll(async () => {
    await server?.close();
    database?.remove();
    figures.push({ label: `${kind}: faults injected`, value: injector.injected });
  });

  describe.each(faultPoints.map((point) => ({ point, name: describeFault(point) })))(
    "fault $name",
    ({ point }) => {
      const prefix = `fault-${kind}-${point.step}-${"index" in point ? point.index : 0}`;
      const key = randomUUID();
      let before: DatabaseState;
      let after: DatabaseState;
      let failedStatus: number | null;
      let retryStatus: number | null;
      let retried: DatabaseState;

      beforeAll(async () => {
        if (tenant === undefined) {
          throw new Error("the reliability inventory has no tenant");
        }
        const body = validBatch(tenant, prefix, {
          count: batchSize,
          instanceTypeId: fixture.gpuTypeId,
          topologyOptimized: false,
        });
        const path = apiPath(tenant.org, "/instance/batch");
        const headers = { "idempotency-key": key };
        before = await readDatabaseState(database);
        injector.arm(point);
        failedStatus = (await send(server.url, "POST", path, { token, body, headers })).status;
        after = await readDatabaseState(database);
        retryStatus = (await send(server.url, "POST", path, { token, body, headers })).status;
        retried = await readDatabaseState(database);
      });

      it("fails the request", () => {
        expect(failedStatus).toBe(500);
      });

      it("fires the fault", () => {
        expect(injector.pending).toBe(false);
      });

      it("leaves no instance row", () => {
        expect(rowsOf(after, prefix).instances).toEqual([]);
      });

      it("leaves no status history", () => {
        expect(after.historyInstanceIds.length).toBe(before.historyInstanceIds.length);
      });

      it("leaves machine assignments unchanged", () => {
        expect(assignments(after)).toEqual(assignments(before));
      });

      it("stores no idempotency key", () => {
        expect(after.idempotencyKeys.filter((stored) => stored.endsWith(`:${key}`))).toEqual([]);
      });

      it("creates the batch on retry with the same key", () => {
        expect(retryStatus).toBe(201);
      });

      it("stores the retried batch whole", () => {
        const rows = rowsOf(retried, prefix);
        expect(rows.instances.length).toBe(batchSize);
        expect(rows.history.length).toBe(batchSize);
      });

      it("keeps reservations and live instances in step", () => {
        expect(leakedReservations(retried)).toEqual([]);
      });
    },
  );
});
