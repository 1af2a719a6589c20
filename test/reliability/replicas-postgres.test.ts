import { Writable } from "node:stream";
import pg from "pg";
import { pino, type Logger } from "pino";
import {
  PostgresStore,
  StoreUnavailableError,
  loadInventory,
  startServer,
  type PostgresStoreOptions,
  type RunningServer,
} from "@nico/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { seedInventory } from "../../server/src/inventory/seed.js";
import { startPostgres, type RunningPostgres } from "../support/postgres.js";
import { adminToken, apiPath, reliabilitySecret, send } from "./support/http.js";
import { fixture, reliabilityInventory, validBatch } from "./support/inventory.js";

const applicationName = "nico-reference-server";

let postgres: RunningPostgres;
let databases = 0;
const servers: RunningServer[] = [];
const clients: pg.Client[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
});

afterEach(async () => {
  for (const client of clients.splice(0)) {
    await client.end().catch(() => undefined);
  }
  for (const server of servers.splice(0)) {
    await server.close();
  }
});

afterAll(async () => {
  await postgres?.stop();
});

const tenant = fixture.tenants[0] ?? { org: "", tenantId: "", vpcId: "", subnetId: "", quota: {} };

/** Name of the advisory lock that the store takes around the quota check of a GPU batch. */
const quotaLockName = `nico:quota:${tenant.tenantId}:${fixture.siteId}:${fixture.gpuTypeId}`;

function gpuBatch(prefix: string) {
  return validBatch(tenant, prefix, {
    count: 2,
    instanceTypeId: fixture.gpuTypeId,
    topologyOptimized: false,
  });
}

async function freshDatabase(): Promise<{ name: string; url: string }> {
  databases += 1;
  const name = `replicas_${process.pid}_${databases}`;
  return { name, url: await postgres.createDatabase(name) };
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  clients.push(client);
  return client;
}

async function startReplica(
  url: string,
  storeOptions: Omit<PostgresStoreOptions, "url"> = {},
  logger: Logger = pino({ level: process.env.NICO_TEST_LOG_LEVEL ?? "silent" }),
): Promise<RunningServer> {
  const server = await startServer({
    host: "127.0.0.1",
    port: 0,
    inventory: reliabilityInventory(),
    store: new PostgresStore({ url, logger, ...storeOptions }),
    jwtSecret: reliabilitySecret,
    readyAfterMs: 60_000,
    terminateAfterMs: 60_000,
    logger,
  });
  servers.push(server);
  return server;
}

/** Opens a transaction on `client` that holds the quota lock of GPU batches until rollback. */
async function holdQuotaLock(client: pg.Client): Promise<void> {
  await client.query("BEGIN");
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [quotaLockName]);
}

/** Polls until a session of `database` waits for a lock. */
async function waitForLockWait(admin: pg.Client, database: string): Promise<void> {
  for (let polls = 0; polls < 500; polls += 1) {
    const { rows } = await admin.query(
      "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'",
      [database],
    );
    if (Number(rows[0]?.n ?? 0) > 0) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no session of database ${database} started waiting for a lock within 10 s`);
}

async function terminateServerSessions(admin: pg.Client, database: string): Promise<number> {
  const { rows } = await admin.query(
    "SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity " +
      "WHERE datname = $1 AND application_name = $2 AND pid <> pg_backend_pid()",
    [database, applicationName],
  );
  return rows.length;
}

function messageOf(body: unknown): string {
  return String((body as { message?: unknown } | null)?.message ?? "");
}

describe("postgres replica robustness", () => {
  it("terminated connection returns 503", async () => {
    const { name, url } = await freshDatabase();
    const server = await startReplica(url, { lockTimeoutMs: 30_000 });
    const token = await adminToken(tenant.org);
    const path = apiPath(tenant.org, "/instance/batch");
    const holder = await connect(url);
    const admin = await connect(postgres.url);

    await holdQuotaLock(holder);
    const pending = send(server.url, "POST", path, { token, body: gpuBatch("cut") });
    await waitForLockWait(admin, name);
    const terminated = await terminateServerSessions(admin, name);
    const cut = await pending;
    await holder.query("ROLLBACK");

    expect(terminated).toBeGreaterThan(0);
    expect(cut.status).toBe(503);
    expect((cut.body as { source?: unknown }).source).toBe("nico");
    expect(messageOf(cut.body)).toContain("retry the request");

    const after = await send(server.url, "POST", path, { token, body: gpuBatch("after-cut") });
    expect(after.status).toBe(201);
    const list = await send(server.url, "GET", apiPath(tenant.org, "/instance"), { token });
    expect(list.status).toBe(200);
  });

  it("held quota lock gives 409 and free reads", async () => {
    const { url } = await freshDatabase();
    const server = await startReplica(url, { lockTimeoutMs: 300, lockTimeoutAttempts: 3 });
    const token = await adminToken(tenant.org);
    const path = apiPath(tenant.org, "/instance/batch");
    const created = await send(server.url, "POST", path, { token, body: gpuBatch("before") });
    const [instance] = created.body as { id: string }[];
    const holder = await connect(url);

    await holdQuotaLock(holder);
    const blocked = await send(server.url, "POST", path, { token, body: gpuBatch("blocked") });
    const list = await send(server.url, "GET", apiPath(tenant.org, "/instance"), { token });
    const single = await send(server.url, "GET", apiPath(tenant.org, `/instance/${instance?.id}`), {
      token,
    });
    await holder.query("ROLLBACK");
    const released = await send(server.url, "POST", path, { token, body: gpuBatch("released") });

    expect(created.status).toBe(201);
    expect(blocked.status).toBe(409);
    expect(messageOf(blocked.body)).toContain("Another request holds a database lock");
    expect(list.status).toBe(200);
    expect(single.status).toBe(200);
    expect(released.status).toBe(201);
  });

  it("replica without inventory waits for seeding", async () => {
    const { name, url } = await freshDatabase();
    const logger = pino({ level: "silent" });
    const seeder = new PostgresStore({ url, logger });
    const admin = await connect(postgres.url);
    await seeder.migrate();

    let finishSeeding = () => {};
    const gate = new Promise<void>((resolve) => {
      finishSeeding = resolve;
    });
    let seeded = () => {};
    const seedWritten = new Promise<void>((resolve) => {
      seeded = resolve;
    });
    const seeding = seeder.startupTransaction(async (session) => {
      await seedInventory(session, loadInventory(reliabilityInventory()), logger);
      seeded();
      await gate;
    });
    await seedWritten;

    const starting = startServer({
      host: "127.0.0.1",
      port: 0,
      database: url,
      jwtSecret: reliabilitySecret,
      logger,
    });
    starting.then((server) => servers.push(server)).catch(() => undefined);
    await waitForLockWait(admin, name);
    finishSeeding();
    await seeding;
    await seeder.close();

    const server = await starting;
    const token = await adminToken(tenant.org);
    const list = await send(server.url, "GET", apiPath(tenant.org, "/instance"), { token });
    expect(list.status).toBe(200);
  });

  it("idle transaction timeout is survivable", async () => {
    const { url } = await freshDatabase();
    const store = new PostgresStore({ url, idleInTransactionTimeoutMs: 200 });
    await store.migrate();
    let outcome: unknown;
    try {
      // The pause simulates a process that was stopped inside a transaction and resumed.
      await store.transaction(async (session) => {
        await session.getMeta("paused");
        await new Promise((resolve) => setTimeout(resolve, 800));
        await session.setMeta("paused", "resumed");
      });
    } catch (error) {
      outcome = error;
    }
    const afterwards = await store.transaction((session) => session.getMeta("paused"));
    await store.close();

    expect(outcome).toBeInstanceOf(StoreUnavailableError);
    expect(afterwards).toBeUndefined();
  });

  it("idle connection failure logs only message", async () => {
    const { name, url } = await freshDatabase();
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    const server = await startReplica(url, {}, pino({ level: "warn" }, sink));
    const token = await adminToken(tenant.org);
    const admin = await connect(postgres.url);
    await send(server.url, "GET", apiPath(tenant.org, "/instance"), { token });

    await terminateServerSessions(admin, name);
    let warning: string | undefined;
    for (let polls = 0; polls < 250 && warning === undefined; polls += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      warning = lines.find((line) => line.includes("idle PostgreSQL connection failed"));
    }

    expect(warning).toBeDefined();
    expect(warning).not.toContain("secretKey");
    expect(warning).not.toContain("processID");
    expect(warning?.length ?? 0).toBeLessThan(1000);
    const list = await send(server.url, "GET", apiPath(tenant.org, "/instance"), { token });
    expect(list.status).toBe(200);
  });
});
