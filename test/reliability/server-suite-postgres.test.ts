/**
 * Runs the reference server's batch, idempotency, lifecycle, concurrency, listing, update and
 * restart tests again with every test server on a fresh PostgreSQL database instead of a SQLite
 * file. The server test harness creates the database when NICO_TEST_POSTGRES_URL is set. Tests
 * that open their own SQLite file (restart, two processes) keep SQLite.
 */
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startPostgres, testPostgresUrlVariable } from "../support/postgres.js";

const postgres = await startPostgres();
process.env[testPostgresUrlVariable] = postgres.url;

afterAll(async () => {
  delete process.env[testPostgresUrlVariable];
  await postgres.stop();
});

const serverTests = [
  "batch-cases",
  "idempotency",
  "lifecycle",
  "concurrency",
  "list",
  "update",
  "restart",
];

for (const name of serverTests) {
  describe(`server ${name} on postgres`, async () => {
    await import(`../../server/test/${name}.test.ts`);
  });
}

describe("server tests on postgres", () => {
  it("ran on PostgreSQL databases", async () => {
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(
        "SELECT COUNT(*) AS n FROM pg_database WHERE datname LIKE 'server_test_%'",
      );
      expect(Number(rows[0]?.n)).toBeGreaterThan(10);
    } finally {
      await client.end();
    }
  });
});
