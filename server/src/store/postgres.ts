import pg from "pg";
import type { Logger } from "pino";
import type { InventoryKind, InventoryObjects } from "../inventory/schema.js";
import { postgresMigrations } from "./postgres-migrations.js";
import {
  StoreConflictError,
  StoreLockTimeoutError,
  StoreUnavailableError,
  type HistoryOrderField,
  type IdempotencyRecord,
  type InstanceFilter,
  type InstanceOrderField,
  type InstanceRecord,
  type MachineAssignment,
  type MachineRecord,
  type Page,
  type PageRequest,
  type StatusHistoryRecord,
  type Store,
  type StoreSession,
} from "./types.js";

/** Options of the PostgreSQL store. */
export interface PostgresStoreOptions {
  /** Connection URL, `postgres://user:password@host:port/database`. */
  url: string;
  /** Connections per process; default 10. */
  poolSize?: number;
  /** Tries of a transaction that lost a race before it raises `StoreConflictError`; default 8. */
  maxAttempts?: number;
  /**
   * Milliseconds a statement waits for a row or advisory lock before it fails; default 5000.
   * A transaction that times out this way runs again, at most `lockTimeoutAttempts` times.
   */
  lockTimeoutMs?: number;
  /** Tries of a transaction whose lock waits time out, before `StoreLockTimeoutError`; default 3. */
  lockTimeoutAttempts?: number;
  /** Milliseconds one statement may run before the database cancels it; default 30000. */
  statementTimeoutMs?: number;
  /**
   * Milliseconds a session may stay idle inside a transaction before the database closes it and
   * releases its locks, as for a hung or stopped process; default 60000.
   */
  idleInTransactionTimeoutMs?: number;
  /** Receives retries and connection errors; default silent. */
  logger?: Logger;
}

type Row = Record<string, unknown>;
type Queryable = pg.Pool | pg.PoolClient;

/** Reports whether a `--database` value names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(database: string): boolean {
  return /^postgres(ql)?:\/\//i.test(database);
}

/** Returns the database location with any password replaced, for logs and messages. */
export function redactDatabaseUrl(database: string): string {
  if (!isPostgresUrl(database)) {
    return database;
  }
  try {
    const url = new URL(database);
    if (url.password !== "") {
      url.password = "***";
    }
    return url.toString();
  } catch {
    return "postgres://(unparsable URL)";
  }
}

// PostgreSQL error codes (SQLSTATE) the store reacts to.
const uniqueViolation = "23505";
const serializationFailure = "40001";
const deadlockDetected = "40P01";
const lockNotAvailable = "55P03";
const queryCanceled = "57014";
const idleInTransactionTimeout = "25P03";
/** SQLSTATEs of a connection that the server closed: admin, crash or shutdown termination. */
const terminatedConnection = new Set(["57P01", "57P02", "57P03", idleInTransactionTimeout]);

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Reports whether running the transaction again may succeed, because it only lost a race. */
function isRetryable(error: unknown): boolean {
  if (error instanceof StoreConflictError) {
    return true;
  }
  const code = sqlState(error);
  return code === serializationFailure || code === deadlockDetected || code === lockNotAvailable;
}

/**
 * Reports whether the error means the connection is gone: the server terminated the session, or the
 * socket failed (pg errors without a SQLSTATE, such as "Connection terminated unexpectedly").
 */
function isConnectionFailure(error: unknown): boolean {
  const code = sqlState(error);
  if (code === undefined) {
    return error instanceof Error && !(error instanceof StoreConflictError);
  }
  return code.startsWith("08") || terminatedConnection.has(code) || /^E[A-Z]+$/.test(code);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function toStoreError(error: unknown): unknown {
  const code = sqlState(error);
  if (code === uniqueViolation) {
    const constraint = (error as { constraint?: string }).constraint ?? "a unique constraint";
    return new StoreConflictError(`a concurrent write already used ${constraint}`);
  }
  if (code === queryCanceled) {
    return new StoreUnavailableError(
      `a database statement was canceled, most likely by the statement timeout: ${errorMessage(error)}`,
    );
  }
  if (isConnectionFailure(error)) {
    return new StoreUnavailableError(`the database connection failed: ${errorMessage(error)}`);
  }
  return error;
}

/** Key of a transaction-scoped advisory lock, hashed from a text name. */
const advisoryLockSql = "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))";
const migrationLockName = "nico:schema-migration";

const instanceOrderColumns: Record<InstanceOrderField, string> = {
  name: 'name COLLATE "C"',
  status: 'status COLLATE "C"',
  created: 'created COLLATE "C"',
  updated: 'updated COLLATE "C"',
  machine_id: 'machine_id COLLATE "C"',
  tenant_org_display_name: 'tenant_id COLLATE "C"',
  instance_type_name: 'instance_type_name COLLATE "C"',
  has_infiniband: "has_infiniband",
};

const historyOrderColumns: Record<HistoryOrderField, string> = {
  status: 'status COLLATE "C"',
  created: 'created COLLATE "C"',
  updated: 'created COLLATE "C"',
};

function instanceIps(instance: InstanceRecord): string[] {
  const ips = new Set<string>();
  for (const iface of instance.interfaces) {
    for (const ip of iface.ipAddresses ?? []) {
      ips.add(ip);
    }
  }
  return [...ips];
}

function instanceVpcs(instance: InstanceRecord): string[] {
  return [...new Set([instance.vpcId, ...instance.interfaces.map((iface) => iface.vpcId)])];
}

function toMachine(row: Row): MachineRecord {
  return {
    id: String(row.id),
    siteId: String(row.site_id),
    instanceTypeId: String(row.instance_type_id),
    status: String(row.status),
    nvLinkDomainId: row.nvlink_domain_id === null ? null : String(row.nvlink_domain_id),
    assignedInstanceId: row.assigned_instance_id === null ? null : String(row.assigned_instance_id),
  };
}

function toInstance(row: Row): InstanceRecord {
  return JSON.parse(String(row.data)) as InstanceRecord;
}

const instanceColumnList =
  "tenant_id, site_id, name, status, instance_type_id, instance_type_name, vpc_id, " +
  "operating_system_id, network_security_group_id, machine_id, description, labels, " +
  "has_infiniband, created, updated, due_at, data, id";

const instanceColumnTypes = [
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "boolean",
  "text",
  "text",
  "bigint",
  "text",
  "text",
];

function instanceColumns(instance: InstanceRecord): unknown[] {
  return [
    instance.tenantId,
    instance.siteId,
    instance.name,
    instance.status,
    instance.instanceTypeId,
    instance.instanceTypeName,
    instance.vpcId,
    instance.operatingSystemId,
    instance.networkSecurityGroupId,
    instance.machineId,
    instance.description,
    instance.labels === null ? null : JSON.stringify(instance.labels),
    instance.infinibandInterfaces.length > 0,
    instance.created,
    instance.updated,
    instance.nextTransition?.dueAt ?? null,
    JSON.stringify(instance),
    instance.id,
  ];
}

/** Transposes rows into one array per column, the shape `unnest($1::text[], …)` takes. */
function columnsOf(rows: unknown[][], width: number): unknown[][] {
  const columns: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) {
    row.forEach((value, index) => columns[index]?.push(value));
  }
  return columns;
}

function unnestOf(types: string[]): string {
  return `unnest(${types.map((type, index) => `$${index + 1}::${type}[]`).join(", ")})`;
}

/**
 * Queries of one unit of work. Inside a transaction (`locking`), reads that precede a write
 * take row or advisory locks, so concurrent transactions on other connections or processes
 * queue instead of acting on stale reads.
 */
class PostgresSession implements StoreSession {
  constructor(
    private readonly db: Queryable,
    private readonly locking: boolean,
  ) {}

  private async query(sql: string, params: unknown[] = []): Promise<pg.QueryResult<Row>> {
    try {
      return await this.db.query<Row>(sql, params);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  private async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.query(sql, params)).rows;
  }

  private async lock(name: string): Promise<void> {
    if (this.locking) {
      await this.query(advisoryLockSql, [name]);
    }
  }

  async getMeta(key: string): Promise<string | undefined> {
    // Meta values are read-modify-write counters and markers; the lock covers a missing row too.
    await this.lock(`nico:meta:${key}`);
    const [row] = await this.rows("SELECT value FROM meta WHERE key = $1", [key]);
    return row === undefined ? undefined : String(row.value);
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.query(
      "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [key, value],
    );
  }

  async putObject<K extends InventoryKind>(kind: K, object: InventoryObjects[K]): Promise<void> {
    await this.query(
      "INSERT INTO inventory_object (kind, id, data) VALUES ($1, $2, $3) " +
        "ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data",
      [kind, object.id, JSON.stringify(object)],
    );
    if (kind === "tenant") {
      const tenant = object as InventoryObjects["tenant"];
      await this.query(
        "INSERT INTO tenant_org (org_lower, tenant_id) VALUES ($1, $2) " +
          "ON CONFLICT (org_lower) DO UPDATE SET tenant_id = excluded.tenant_id",
        [tenant.org.toLowerCase(), tenant.id],
      );
    }
  }

  async getObject<K extends InventoryKind>(
    kind: K,
    id: string,
  ): Promise<InventoryObjects[K] | undefined> {
    const [row] = await this.rows("SELECT data FROM inventory_object WHERE kind = $1 AND id = $2", [
      kind,
      id,
    ]);
    return row === undefined ? undefined : (JSON.parse(String(row.data)) as InventoryObjects[K]);
  }

  async listObjects<K extends InventoryKind>(kind: K): Promise<InventoryObjects[K][]> {
    const rows = await this.rows(
      'SELECT data FROM inventory_object WHERE kind = $1 ORDER BY id COLLATE "C"',
      [kind],
    );
    return rows.map((row) => JSON.parse(String(row.data)) as InventoryObjects[K]);
  }

  async findTenantByOrg(org: string): Promise<InventoryObjects["tenant"] | undefined> {
    const [row] = await this.rows("SELECT tenant_id FROM tenant_org WHERE org_lower = $1", [
      org.toLowerCase(),
    ]);
    return row === undefined ? undefined : this.getObject("tenant", String(row.tenant_id));
  }

  /** Bumps the machine version of every instance type that the given machines belong to. */
  private async bumpMachineVersion(machineIds: string[]): Promise<void> {
    await this.query(
      "INSERT INTO machine_type_version (instance_type_id, version) " +
        "SELECT DISTINCT instance_type_id, 1 FROM machine WHERE id = ANY($1::text[]) " +
        "ON CONFLICT (instance_type_id) DO UPDATE SET version = machine_type_version.version + 1",
      [machineIds],
    );
  }

  async insertMachines(machines: MachineRecord[]): Promise<void> {
    const columns = columnsOf(
      machines.map((machine) => [
        machine.id,
        machine.siteId,
        machine.instanceTypeId,
        machine.status,
        machine.nvLinkDomainId,
        machine.assignedInstanceId,
      ]),
      6,
    );
    await this.query(
      "INSERT INTO machine (id, site_id, instance_type_id, status, nvlink_domain_id, assigned_instance_id) " +
        `SELECT * FROM ${unnestOf(["text", "text", "text", "text", "text", "text"])}`,
      columns,
    );
    await this.bumpMachineVersion(machines.map((machine) => machine.id));
  }

  async getMachine(id: string): Promise<MachineRecord | undefined> {
    const [row] = await this.rows("SELECT * FROM machine WHERE id = $1", [id]);
    return row === undefined ? undefined : toMachine(row);
  }

  async listMachines(filter: {
    instanceTypeId?: string;
    siteId?: string;
  }): Promise<MachineRecord[]> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.instanceTypeId !== undefined) {
      params.push(filter.instanceTypeId);
      clauses.push(`instance_type_id = $${params.length}`);
    }
    if (filter.siteId !== undefined) {
      params.push(filter.siteId);
      clauses.push(`site_id = $${params.length}`);
    }
    const where = clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "";
    const rows = await this.rows(`SELECT * FROM machine ${where} ORDER BY id COLLATE "C"`, params);
    return rows.map(toMachine);
  }

  /**
   * Locks the machines in id order, so two batches never wait on each other in a cycle, then
   * assigns them only if every one is still free.
   */
  async assignMachines(assignments: MachineAssignment[]): Promise<void> {
    if (assignments.length === 0) {
      return;
    }
    const machineIds = assignments.map((assignment) => assignment.machineId);
    if (new Set(machineIds).size !== machineIds.length) {
      throw new StoreConflictError("a machine appears twice in one assignment");
    }
    const locked = await this.rows(
      'SELECT id, assigned_instance_id FROM machine WHERE id = ANY($1::text[]) ORDER BY id COLLATE "C" FOR UPDATE',
      [machineIds],
    );
    const free = new Set(
      locked.filter((row) => row.assigned_instance_id === null).map((row) => String(row.id)),
    );
    for (const machineId of machineIds) {
      if (!free.has(machineId)) {
        throw new StoreConflictError(`machine ${machineId} is no longer free`);
      }
    }
    const result = await this.query(
      "UPDATE machine SET assigned_instance_id = assignment.instance_id " +
        "FROM unnest($1::text[], $2::text[]) AS assignment (machine_id, instance_id) " +
        "WHERE machine.id = assignment.machine_id AND machine.assigned_instance_id IS NULL",
      [machineIds, assignments.map((assignment) => assignment.instanceId)],
    );
    if (result.rowCount !== assignments.length) {
      throw new StoreConflictError("a machine was assigned by a concurrent request");
    }
    await this.bumpMachineVersion(machineIds);
  }

  async releaseMachines(machineIds: string[]): Promise<void> {
    await this.query("UPDATE machine SET assigned_instance_id = NULL WHERE id = ANY($1::text[])", [
      machineIds,
    ]);
    await this.bumpMachineVersion(machineIds);
  }

  async machineVersion(instanceTypeId: string): Promise<number> {
    const [row] = await this.rows(
      "SELECT version FROM machine_type_version WHERE instance_type_id = $1",
      [instanceTypeId],
    );
    return row === undefined ? 0 : Number(row.version);
  }

  /** Writes the VPC and IP lookup rows of instances, replacing old ones unless they are new. */
  private async writeIndexes(instances: InstanceRecord[], areNew: boolean): Promise<void> {
    if (!areNew) {
      const ids = instances.map((instance) => instance.id);
      await this.query("DELETE FROM instance_vpc WHERE instance_id = ANY($1::text[])", [ids]);
      await this.query("DELETE FROM instance_ip WHERE instance_id = ANY($1::text[])", [ids]);
    }
    const vpcRows = instances.flatMap((instance) =>
      instanceVpcs(instance).map((vpcId) => [instance.id, vpcId]),
    );
    if (vpcRows.length > 0) {
      await this.query(
        "INSERT INTO instance_vpc (instance_id, vpc_id) SELECT * FROM unnest($1::text[], $2::text[])",
        columnsOf(vpcRows, 2),
      );
    }
    const ipRows = instances.flatMap((instance) =>
      instanceIps(instance).map((ip) => [instance.id, ip]),
    );
    if (ipRows.length > 0) {
      await this.query(
        "INSERT INTO instance_ip (instance_id, ip_address) SELECT * FROM unnest($1::text[], $2::text[])",
        columnsOf(ipRows, 2),
      );
    }
  }

  async insertInstances(instances: InstanceRecord[]): Promise<void> {
    if (instances.length === 0) {
      return;
    }
    // WITH ORDINALITY keeps the given order, so `seq` (the creation-order tie-breaker) follows it.
    await this.query(
      `INSERT INTO instance (${instanceColumnList}) ` +
        `SELECT ${instanceColumnList} FROM ${unnestOf(instanceColumnTypes)} ` +
        `WITH ORDINALITY AS input (${instanceColumnList}, position) ORDER BY position`,
      columnsOf(instances.map(instanceColumns), instanceColumnTypes.length),
    );
    await this.writeIndexes(instances, true);
  }

  async updateInstance(instance: InstanceRecord): Promise<void> {
    await this.query(
      "UPDATE instance SET tenant_id = $1, site_id = $2, name = $3, status = $4, instance_type_id = $5, " +
        "instance_type_name = $6, vpc_id = $7, operating_system_id = $8, network_security_group_id = $9, " +
        "machine_id = $10, description = $11, labels = $12, has_infiniband = $13, created = $14, " +
        "updated = $15, due_at = $16, data = $17 WHERE id = $18 AND deleted_at IS NULL",
      instanceColumns(instance),
    );
    await this.writeIndexes([instance], false);
  }

  async getInstance(id: string): Promise<InstanceRecord | undefined> {
    // Inside a transaction the caller is about to change the instance: lock it against lifecycle
    // steps, deletes and updates running on other connections.
    const lock = this.locking ? " FOR UPDATE" : "";
    const [row] = await this.rows(
      `SELECT data FROM instance WHERE id = $1 AND deleted_at IS NULL${lock}`,
      [id],
    );
    return row === undefined ? undefined : toInstance(row);
  }

  async deleteInstance(id: string, deletedAt: string): Promise<void> {
    await this.query(
      "UPDATE instance SET deleted_at = $1, due_at = NULL WHERE id = $2 AND deleted_at IS NULL",
      [deletedAt, id],
    );
  }

  async listInstances(
    filter: InstanceFilter,
    page: PageRequest<InstanceOrderField>,
  ): Promise<Page<InstanceRecord>> {
    const params: unknown[] = [filter.tenantId];
    const clauses = ["deleted_at IS NULL", "tenant_id = $1"];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const inList = (column: string, values: string[] | undefined) => {
      if (values !== undefined) {
        clauses.push(`${column} = ANY(${param(values)}::text[])`);
      }
    };
    inList("site_id", filter.siteIds);
    inList("status", filter.statuses);
    inList("instance_type_id", filter.instanceTypeIds);
    inList("network_security_group_id", filter.networkSecurityGroupIds);
    inList("operating_system_id", filter.operatingSystemIds);
    inList("machine_id", filter.machineIds);
    if (filter.vpcIds !== undefined) {
      clauses.push(
        `id IN (SELECT instance_id FROM instance_vpc WHERE vpc_id = ANY(${param(filter.vpcIds)}::text[]))`,
      );
    }
    if (filter.ipAddresses !== undefined) {
      clauses.push(
        `id IN (SELECT instance_id FROM instance_ip WHERE ip_address = ANY(${param(filter.ipAddresses)}::text[]))`,
      );
    }
    if (filter.name !== undefined) {
      clauses.push(`name = ${param(filter.name)}`);
    }
    if (filter.query !== undefined && filter.query !== "") {
      const pattern = param(`%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      clauses.push(
        `(name ILIKE ${pattern} ESCAPE '\\' OR status ILIKE ${pattern} ESCAPE '\\' OR ` +
          `description ILIKE ${pattern} ESCAPE '\\' OR labels ILIKE ${pattern} ESCAPE '\\')`,
      );
    }
    const where = clauses.join(" AND ");
    const [total] = await this.rows(`SELECT COUNT(*) AS n FROM instance WHERE ${where}`, params);
    const tieBreak = 'created COLLATE "C" ASC, seq ASC';
    const order =
      page.orderBy === null
        ? tieBreak
        : `${instanceOrderColumns[page.orderBy.field]} ${page.orderBy.direction}, ${tieBreak}`;
    const limit = param(page.limit);
    const offset = param(page.offset);
    const rows = await this.rows(
      `SELECT data FROM instance WHERE ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { rows: rows.map(toInstance), total: Number(total?.n ?? 0) };
  }

  async countInstances(filter: {
    tenantId: string;
    siteId: string;
    instanceTypeId: string;
  }): Promise<number> {
    // The count feeds a quota check: batches of one tenant, site and instance type queue here
    // until the earlier one commits, so two replicas cannot both pass the check on the same count.
    await this.lock(`nico:quota:${filter.tenantId}:${filter.siteId}:${filter.instanceTypeId}`);
    const [row] = await this.rows(
      "SELECT COUNT(*) AS n FROM instance WHERE deleted_at IS NULL AND tenant_id = $1 " +
        "AND site_id = $2 AND instance_type_id = $3",
      [filter.tenantId, filter.siteId, filter.instanceTypeId],
    );
    return Number(row?.n ?? 0);
  }

  async findUsedNames(tenantId: string, names: string[]): Promise<Set<string>> {
    if (names.length === 0) {
      return new Set();
    }
    const rows = await this.rows(
      "SELECT name FROM instance WHERE deleted_at IS NULL AND tenant_id = $1 AND name = ANY($2::text[])",
      [tenantId, names],
    );
    return new Set(rows.map((row) => String(row.name)));
  }

  async findInstanceByName(tenantId: string, name: string): Promise<InstanceRecord | undefined> {
    const [row] = await this.rows(
      "SELECT data FROM instance WHERE deleted_at IS NULL AND tenant_id = $1 AND name = $2",
      [tenantId, name],
    );
    return row === undefined ? undefined : toInstance(row);
  }

  async listDueInstances(now: number, limit: number): Promise<InstanceRecord[]> {
    // SKIP LOCKED: another replica applying the same due steps takes the rows it locked first,
    // and this one moves on to the rest, so no step is applied twice.
    const lock = this.locking ? " FOR UPDATE SKIP LOCKED" : "";
    const rows = await this.rows(
      "SELECT data FROM instance WHERE due_at IS NOT NULL AND due_at <= $1 AND deleted_at IS NULL " +
        `ORDER BY due_at, seq LIMIT $2${lock}`,
      [now, limit],
    );
    return rows.map(toInstance);
  }

  async nextDueAt(): Promise<number | null> {
    const [row] = await this.rows(
      "SELECT MIN(due_at) AS due FROM instance WHERE due_at IS NOT NULL AND deleted_at IS NULL",
    );
    return row === undefined || row.due === null ? null : Number(row.due);
  }

  async appendStatusHistory(rows: StatusHistoryRecord[]): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await this.query(
      "INSERT INTO status_history (instance_id, status, message, created) " +
        "SELECT instance_id, status, message, created FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) " +
        "WITH ORDINALITY AS input (instance_id, status, message, created, position) ORDER BY position",
      columnsOf(
        rows.map((row) => [row.instanceId, row.status, row.message, row.created]),
        4,
      ),
    );
  }

  async listStatusHistory(
    instanceId: string,
    page: PageRequest<HistoryOrderField>,
  ): Promise<Page<StatusHistoryRecord>> {
    const [total] = await this.rows(
      "SELECT COUNT(*) AS n FROM status_history WHERE instance_id = $1",
      [instanceId],
    );
    const order =
      page.orderBy === null
        ? 'created COLLATE "C" DESC, seq DESC'
        : `${historyOrderColumns[page.orderBy.field]} ${page.orderBy.direction}, seq ${page.orderBy.direction}`;
    const rows = await this.rows(
      "SELECT instance_id, status, message, created FROM status_history WHERE instance_id = $1 " +
        `ORDER BY ${order} LIMIT $2 OFFSET $3`,
      [instanceId, page.limit, page.offset],
    );
    return {
      total: Number(total?.n ?? 0),
      rows: rows.map((row) => ({
        instanceId: String(row.instance_id),
        status: String(row.status),
        message: row.message === null ? null : String(row.message),
        created: String(row.created),
      })),
    };
  }

  async getIdempotencyRecord(
    tenantId: string,
    key: string,
  ): Promise<IdempotencyRecord | undefined> {
    // A concurrent request with the same key waits here until the first one commits or rolls
    // back, then reads its stored response.
    await this.lock(`nico:idempotency:${tenantId}:${key}`);
    const [row] = await this.rows(
      "SELECT * FROM idempotency_key WHERE tenant_id = $1 AND key = $2",
      [tenantId, key],
    );
    if (row === undefined) {
      return undefined;
    }
    return {
      tenantId: String(row.tenant_id),
      key: String(row.key),
      requestHash: String(row.request_hash),
      response: JSON.parse(String(row.response)),
      created: String(row.created),
    };
  }

  async putIdempotencyRecord(record: IdempotencyRecord): Promise<void> {
    try {
      await this.query(
        "INSERT INTO idempotency_key (tenant_id, key, request_hash, response, created) VALUES ($1, $2, $3, $4, $5)",
        [
          record.tenantId,
          record.key,
          record.requestHash,
          JSON.stringify(record.response),
          record.created,
        ],
      );
    } catch (error) {
      if (error instanceof StoreConflictError) {
        throw new StoreConflictError(`idempotency key ${record.key} is already used`);
      }
      throw error;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Store on a PostgreSQL database, shared by any number of server processes.
 *
 * Transactions run at READ COMMITTED. Reads that precede a write lock what they read: the
 * instance (`FOR UPDATE`), due lifecycle steps (`FOR UPDATE SKIP LOCKED`), the machines a batch
 * takes (in id order), and advisory locks for a tenant's quota, an idempotency key and meta
 * counters. Batches of different tenants or instance types therefore commit in parallel. A
 * transaction that loses a race (machine taken, name or key used, deadlock) runs again, up to
 * `maxAttempts` times, before `StoreConflictError` reaches the caller.
 */
export class PostgresStore implements Store {
  readonly #pool: pg.Pool;
  readonly #reader: PostgresSession;
  readonly #maxAttempts: number;
  readonly #lockTimeoutMs: number;
  readonly #lockTimeoutAttempts: number;
  readonly #logger: Logger | undefined;
  #closed = false;

  constructor(options: PostgresStoreOptions) {
    this.#lockTimeoutMs = options.lockTimeoutMs ?? 5000;
    this.#pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      application_name: "nico-reference-server",
      // A process that dies inside a transaction must not hold its locks for long.
      idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? 60_000,
      // A hung process that holds a lock makes the others fail and retry instead of waiting
      // without bound.
      lock_timeout: this.#lockTimeoutMs,
      statement_timeout: options.statementTimeoutMs ?? 30_000,
    });
    this.#maxAttempts = Math.max(1, options.maxAttempts ?? 8);
    this.#lockTimeoutAttempts = Math.max(1, options.lockTimeoutAttempts ?? 3);
    this.#logger = options.logger;
    // An idle connection that breaks (server restart) is dropped from the pool; without a
    // listener the error would end the process. The error object holds only the message and
    // SQLSTATE here because pg attaches the client, with its cancel key, to some errors.
    this.#pool.on("error", (error) => {
      this.#logger?.warn(
        { err: { message: error.message, code: sqlState(error) } },
        "idle PostgreSQL connection failed; it was removed from the pool",
      );
    });
    this.#reader = new PostgresSession(this.#pool, false);
  }

  /** Applies pending migrations under a session advisory lock, so replicas starting together wait. */
  async migrate(): Promise<void> {
    const { client, release } = await this.#checkOut();
    try {
      // Migrations and the wait for another replica's migrations may take longer than the
      // timeouts meant for requests.
      await client.query("SET lock_timeout = 0");
      await client.query("SET statement_timeout = 0");
      await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [migrationLockName]);
      try {
        await client.query(
          "CREATE TABLE IF NOT EXISTS schema_migration " +
            "(version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied TEXT NOT NULL)",
        );
        const { rows } = await client.query<Row>("SELECT MAX(version) AS v FROM schema_migration");
        const current = rows[0]?.v == null ? 0 : Number(rows[0].v);
        for (const migration of postgresMigrations) {
          if (migration.version <= current) {
            continue;
          }
          await client.query("BEGIN");
          try {
            await client.query(migration.sql);
            await client.query(
              "INSERT INTO schema_migration (version, description, applied) VALUES ($1, $2, $3)",
              [migration.version, migration.description, new Date().toISOString()],
            );
            await client.query("COMMIT");
          } catch (error) {
            await client.query("ROLLBACK");
            throw error;
          }
          this.#logger?.info(
            { version: migration.version, description: migration.description },
            "database migration applied",
          );
        }
      } finally {
        await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [
          migrationLockName,
        ]);
      }
      await client.query("RESET lock_timeout");
      await client.query("RESET statement_timeout");
      release();
    } catch (error) {
      // The session may still hold the lock or the changed timeouts, so the pool closes it.
      release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }

  /**
   * Checks a client out of the pool with an error listener for the whole time it is out: a
   * connection that the server terminates while checked out emits 'error', which would end
   * the process without a listener. `failure()` returns that error, if any. `release(error)`
   * with an error makes the pool close the connection instead of reusing it.
   */
  async #checkOut(): Promise<{
    client: pg.PoolClient;
    failure: () => Error | undefined;
    release: (error?: Error) => void;
  }> {
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw new StoreUnavailableError(
        `could not get a database connection: ${errorMessage(error)}`,
      );
    }
    let failed: Error | undefined;
    const onError = (error: Error) => {
      failed ??= error;
      this.#logger?.warn(
        { err: { message: error.message, code: sqlState(error) } },
        "PostgreSQL connection in use failed; it will be closed",
      );
    };
    client.on("error", onError);
    let released = false;
    return {
      client,
      failure: () => failed,
      release: (error?: Error) => {
        if (released) {
          return;
        }
        released = true;
        client.removeListener("error", onError);
        client.release(error ?? failed);
      },
    };
  }

  /**
   * Runs `fn` in one transaction that first takes the migration lock as a transaction lock,
   * without lock or statement timeout, so it waits for migrations or seeding of other replicas.
   */
  async startupTransaction<T>(fn: (session: StoreSession) => Promise<T>): Promise<T> {
    const { client, release } = await this.#checkOut();
    try {
      await client.query("BEGIN ISOLATION LEVEL READ COMMITTED");
      await client.query("SET LOCAL lock_timeout = 0");
      await client.query("SET LOCAL statement_timeout = 0");
      await client.query(advisoryLockSql, [migrationLockName]);
      const result = await fn(new PostgresSession(client, true));
      await client.query("COMMIT");
      release();
      return result;
    } catch (error) {
      // Closing the connection rolls the transaction back.
      release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }

  async schemaVersion(): Promise<number> {
    const { rows } = await this.#pool.query<Row>("SELECT MAX(version) AS v FROM schema_migration");
    return rows[0]?.v == null ? 0 : Number(rows[0].v);
  }

  /**
   * Runs `fn` in one transaction. When it loses a race with another transaction, it rolls back
   * and runs `fn` again from the start, so `fn` must keep its effects inside the session.
   */
  transaction<T>(fn: (session: StoreSession) => Promise<T>): Promise<T> {
    return this.#run(fn, this.#maxAttempts);
  }

  async #run<T>(fn: (session: StoreSession) => Promise<T>, maxAttempts: number): Promise<T> {
    let lockTimeouts = 0;
    for (let attempt = 1; ; attempt += 1) {
      const { client, failure, release } = await this.#checkOut();
      let broken: Error | undefined;
      try {
        await client.query("BEGIN ISOLATION LEVEL READ COMMITTED");
        const result = await fn(new PostgresSession(client, true));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        try {
          await client.query("ROLLBACK");
        } catch (rollbackError) {
          // The connection is unusable; the pool closes it below.
          broken =
            rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        const connectionError = failure();
        if (connectionError !== undefined || (broken !== undefined && isConnectionFailure(error))) {
          throw new StoreUnavailableError(
            `the database connection failed during a transaction: ${errorMessage(connectionError ?? error)}`,
          );
        }
        if (!isRetryable(error)) {
          // Session queries already converted database errors; others come from `fn` itself.
          throw error;
        }
        const reason = errorMessage(error);
        const timedOut = sqlState(error) === lockNotAvailable;
        lockTimeouts += timedOut ? 1 : 0;
        if (timedOut && (lockTimeouts >= this.#lockTimeoutAttempts || attempt >= maxAttempts)) {
          this.#logger?.warn(
            { attempts: attempt, lockTimeoutMs: this.#lockTimeoutMs, reason },
            "transaction timed out waiting for a lock; giving up",
          );
          throw new StoreLockTimeoutError(
            `another request held a lock this transaction needed for more than ` +
              `${this.#lockTimeoutMs} ms, ${lockTimeouts} times in a row`,
          );
        }
        if (attempt >= maxAttempts) {
          this.#logger?.warn(
            { attempts: attempt, reason },
            "transaction kept losing races; giving up",
          );
          throw error instanceof StoreConflictError
            ? error
            : new StoreConflictError(
                `the transaction conflicted with concurrent requests: ${reason}`,
              );
        }
        this.#logger?.debug({ attempt, reason }, "transaction lost a race; running it again");
      } finally {
        release(broken);
      }
      // Jittered backoff so the competing transactions do not collide again in step.
      await sleep(Math.random() * Math.min(100, 5 * 2 ** attempt));
    }
  }

  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      await this.#pool.end();
    }
  }

  /** Runs one write in its own transaction; a lost race raises at once, as in the embedded store. */
  private write<T>(fn: (session: StoreSession) => Promise<T>): Promise<T> {
    return this.#run(fn, 1);
  }

  getMeta(key: string) {
    return this.#reader.getMeta(key);
  }
  setMeta(key: string, value: string) {
    return this.write((s) => s.setMeta(key, value));
  }
  putObject<K extends InventoryKind>(kind: K, object: InventoryObjects[K]) {
    return this.write((s) => s.putObject(kind, object));
  }
  getObject<K extends InventoryKind>(kind: K, id: string) {
    return this.#reader.getObject(kind, id);
  }
  listObjects<K extends InventoryKind>(kind: K) {
    return this.#reader.listObjects(kind);
  }
  findTenantByOrg(org: string) {
    return this.#reader.findTenantByOrg(org);
  }
  insertMachines(machines: MachineRecord[]) {
    return this.write((s) => s.insertMachines(machines));
  }
  getMachine(id: string) {
    return this.#reader.getMachine(id);
  }
  listMachines(filter: { instanceTypeId?: string; siteId?: string }) {
    return this.#reader.listMachines(filter);
  }
  assignMachines(assignments: MachineAssignment[]) {
    return this.write((s) => s.assignMachines(assignments));
  }
  releaseMachines(machineIds: string[]) {
    return this.write((s) => s.releaseMachines(machineIds));
  }
  machineVersion(instanceTypeId: string) {
    return this.#reader.machineVersion(instanceTypeId);
  }
  insertInstances(instances: InstanceRecord[]) {
    return this.write((s) => s.insertInstances(instances));
  }
  updateInstance(instance: InstanceRecord) {
    return this.write((s) => s.updateInstance(instance));
  }
  getInstance(id: string) {
    return this.#reader.getInstance(id);
  }
  deleteInstance(id: string, deletedAt: string) {
    return this.write((s) => s.deleteInstance(id, deletedAt));
  }
  listInstances(filter: InstanceFilter, page: PageRequest<InstanceOrderField>) {
    return this.#reader.listInstances(filter, page);
  }
  countInstances(filter: { tenantId: string; siteId: string; instanceTypeId: string }) {
    return this.#reader.countInstances(filter);
  }
  findUsedNames(tenantId: string, names: string[]) {
    return this.#reader.findUsedNames(tenantId, names);
  }
  findInstanceByName(tenantId: string, name: string) {
    return this.#reader.findInstanceByName(tenantId, name);
  }
  listDueInstances(now: number, limit: number) {
    return this.#reader.listDueInstances(now, limit);
  }
  nextDueAt() {
    return this.#reader.nextDueAt();
  }
  appendStatusHistory(rows: StatusHistoryRecord[]) {
    return this.write((s) => s.appendStatusHistory(rows));
  }
  listStatusHistory(instanceId: string, page: PageRequest<HistoryOrderField>) {
    return this.#reader.listStatusHistory(instanceId, page);
  }
  getIdempotencyRecord(tenantId: string, key: string) {
    return this.#reader.getIdempotencyRecord(tenantId, key);
  }
  putIdempotencyRecord(record: IdempotencyRecord) {
    return this.write((s) => s.putIdempotencyRecord(record));
  }
}
