import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { RunningPostgres } from "../../support/postgres.js";

/** Store implementation under test. */
export type StoreKind = "sqlite" | "postgres";

/** A fresh, empty database of one store kind. */
export interface TestDatabase {
  kind: StoreKind;
  /** SQLite file path or PostgreSQL URL, as `--database` takes it. */
  location: string;
  /** Removes the SQLite folder; PostgreSQL databases go with the server. */
  remove(): void;
}

let databaseCounter = 0;

/** Creates an empty database: a file in a new temp folder, or a new database on `postgres`. */
export async function createTestDatabase(
  kind: StoreKind,
  postgres: RunningPostgres | undefined,
): Promise<TestDatabase> {
  if (kind === "sqlite") {
    const folder = mkdtempSync(join(tmpdir(), "nico-reliability-"));
    return {
      kind,
      location: join(folder, "nico.db"),
      remove: () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  if (postgres === undefined) {
    throw new Error("a PostgreSQL database needs a running PostgreSQL server");
  }
  databaseCounter += 1;
  const location = await postgres.createDatabase(`reliability_${process.pid}_${databaseCounter}`);
  return { kind, location, remove: () => undefined };
}

/** Machine row as stored. */
export interface MachineRow {
  id: string;
  instanceTypeId: string;
  assignedInstanceId: string | null;
}

/** Instance row as stored, deleted ones included. */
export interface InstanceRow {
  id: string;
  name: string;
  tenantId: string;
  instanceTypeId: string;
  machineId: string;
  status: string;
  deleted: boolean;
}

/** Everything the invariant checks read from a database. */
export interface DatabaseState {
  machines: MachineRow[];
  instances: InstanceRow[];
  /** Instance id of every status history row. */
  historyInstanceIds: string[];
  /** `tenantId:key` of every stored idempotency key. */
  idempotencyKeys: string[];
}

const machineSql = "SELECT id, instance_type_id, assigned_instance_id FROM machine";
const instanceSql =
  "SELECT id, name, tenant_id, instance_type_id, machine_id, status, deleted_at FROM instance";
const historySql = "SELECT instance_id FROM status_history";
const keySql = "SELECT tenant_id, key FROM idempotency_key";

type Row = Record<string, unknown>;

function toState(machines: Row[], instances: Row[], history: Row[], keys: Row[]): DatabaseState {
  return {
    machines: machines.map((row) => ({
      id: String(row.id),
      instanceTypeId: String(row.instance_type_id),
      assignedInstanceId:
        row.assigned_instance_id === null ? null : String(row.assigned_instance_id),
    })),
    instances: instances.map((row) => ({
      id: String(row.id),
      name: String(row.name),
      tenantId: String(row.tenant_id),
      instanceTypeId: String(row.instance_type_id),
      machineId: String(row.machine_id),
      status: String(row.status),
      deleted: row.deleted_at !== null,
    })),
    historyInstanceIds: history.map((row) => String(row.instance_id)),
    idempotencyKeys: keys.map((row) => `${String(row.tenant_id)}:${String(row.key)}`),
  };
}

/** Reads the rows the invariants need straight from the database, bypassing the server. */
export async function readDatabaseState(database: TestDatabase): Promise<DatabaseState> {
  if (database.kind === "sqlite") {
    const db = new Database(database.location, { readonly: true, fileMustExist: true });
    try {
      return toState(
        db.prepare(machineSql).all() as Row[],
        db.prepare(instanceSql).all() as Row[],
        db.prepare(historySql).all() as Row[],
        db.prepare(keySql).all() as Row[],
      );
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.location });
  await client.connect();
  try {
    const query = async (sql: string) => (await client.query<Row>(sql)).rows;
    return toState(
      await query(machineSql),
      await query(instanceSql),
      await query(historySql),
      await query(keySql),
    );
  } finally {
    await client.end();
  }
}
