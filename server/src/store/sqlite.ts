import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { InventoryKind, InventoryObjects } from "../inventory/schema.js";
import { sqliteMigrations } from "./migrations.js";
import { Mutex } from "./mutex.js";
import {
  StoreConflictError,
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

/** Options of the embedded store. */
export interface SqliteStoreOptions {
  /** Database file, created with its folder when missing; `:memory:` keeps everything in RAM. */
  filename: string;
  /** How long a write waits for another process's lock, in milliseconds; default 5000. */
  busyTimeoutMs?: number;
}

type Row = Record<string, unknown>;

const instanceOrderColumns: Record<InstanceOrderField, string> = {
  name: "name",
  status: "status",
  created: "created",
  updated: "updated",
  machine_id: "machine_id",
  tenant_org_display_name: "tenant_id",
  instance_type_name: "instance_type_name",
  has_infiniband: "has_infiniband",
};

const historyOrderColumns: Record<HistoryOrderField, string> = {
  status: "status",
  created: "created",
  updated: "created",
};

function isConstraintError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_CONSTRAINT");
}

function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

function placeholders(values: readonly unknown[]): string {
  return values.map(() => "?").join(", ");
}

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

/** Most prepared statements a session keeps; dynamic list queries could otherwise grow it. */
const maxCachedStatements = 256;

/** Synchronous SQL behind the async session interface. */
class SqliteSession implements StoreSession {
  readonly #statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** Prepared statement for `sql`, compiled once and reused by later calls. */
  private prepare(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      if (this.#statements.size >= maxCachedStatements) {
        this.#statements.clear();
      }
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  async getMeta(key: string): Promise<string | undefined> {
    const row = this.prepare("SELECT value FROM meta WHERE key = ?").get(key) as Row | undefined;
    return row === undefined ? undefined : String(row.value);
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.prepare(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(key, value);
  }

  async putObject<K extends InventoryKind>(kind: K, object: InventoryObjects[K]): Promise<void> {
    this.prepare(
      "INSERT INTO inventory_object (kind, id, data) VALUES (?, ?, ?) " +
        "ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data",
    ).run(kind, object.id, JSON.stringify(object));
    if (kind === "tenant") {
      const tenant = object as InventoryObjects["tenant"];
      this.prepare(
        "INSERT INTO tenant_org (org_lower, tenant_id) VALUES (?, ?) " +
          "ON CONFLICT (org_lower) DO UPDATE SET tenant_id = excluded.tenant_id",
      ).run(tenant.org.toLowerCase(), tenant.id);
    }
  }

  async getObject<K extends InventoryKind>(
    kind: K,
    id: string,
  ): Promise<InventoryObjects[K] | undefined> {
    const row = this.prepare("SELECT data FROM inventory_object WHERE kind = ? AND id = ?").get(
      kind,
      id,
    ) as Row | undefined;
    return row === undefined ? undefined : (JSON.parse(String(row.data)) as InventoryObjects[K]);
  }

  async listObjects<K extends InventoryKind>(kind: K): Promise<InventoryObjects[K][]> {
    const rows = this.prepare("SELECT data FROM inventory_object WHERE kind = ? ORDER BY id").all(
      kind,
    ) as Row[];
    return rows.map((row) => JSON.parse(String(row.data)) as InventoryObjects[K]);
  }

  async findTenantByOrg(org: string): Promise<InventoryObjects["tenant"] | undefined> {
    const row = this.prepare("SELECT tenant_id FROM tenant_org WHERE org_lower = ?").get(
      org.toLowerCase(),
    ) as Row | undefined;
    return row === undefined ? undefined : this.getObject("tenant", String(row.tenant_id));
  }

  async insertMachines(machines: MachineRecord[]): Promise<void> {
    const insert = this.prepare(
      "INSERT INTO machine (id, site_id, instance_type_id, status, nvlink_domain_id, assigned_instance_id) " +
        "VALUES (?, ?, ?, ?, ?, ?)",
    );
    for (const machine of machines) {
      insert.run(
        machine.id,
        machine.siteId,
        machine.instanceTypeId,
        machine.status,
        machine.nvLinkDomainId,
        machine.assignedInstanceId,
      );
    }
    this.bumpMachineVersion();
  }

  private toMachine(row: Row): MachineRecord {
    return {
      id: String(row.id),
      siteId: String(row.site_id),
      instanceTypeId: String(row.instance_type_id),
      status: String(row.status),
      nvLinkDomainId: row.nvlink_domain_id === null ? null : String(row.nvlink_domain_id),
      assignedInstanceId:
        row.assigned_instance_id === null ? null : String(row.assigned_instance_id),
    };
  }

  async getMachine(id: string): Promise<MachineRecord | undefined> {
    const row = this.prepare("SELECT * FROM machine WHERE id = ?").get(id) as Row | undefined;
    return row === undefined ? undefined : this.toMachine(row);
  }

  async listMachines(filter: {
    instanceTypeId?: string;
    siteId?: string;
  }): Promise<MachineRecord[]> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.instanceTypeId !== undefined) {
      clauses.push("instance_type_id = ?");
      params.push(filter.instanceTypeId);
    }
    if (filter.siteId !== undefined) {
      clauses.push("site_id = ?");
      params.push(filter.siteId);
    }
    const where = clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "";
    const rows = this.prepare(`SELECT * FROM machine ${where} ORDER BY id`).all(...params) as Row[];
    return rows.map((row) => this.toMachine(row));
  }

  private bumpMachineVersion(): void {
    this.prepare(
      "INSERT INTO meta (key, value) VALUES ('machine_version', '1') " +
        "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
    ).run();
  }

  async assignMachines(assignments: MachineAssignment[]): Promise<void> {
    const assign = this.prepare(
      "UPDATE machine SET assigned_instance_id = ? WHERE id = ? AND assigned_instance_id IS NULL",
    );
    const run = this.db.transaction(() => {
      for (const { machineId, instanceId } of assignments) {
        if (assign.run(instanceId, machineId).changes !== 1) {
          throw new StoreConflictError(`machine ${machineId} is no longer free`);
        }
      }
    });
    try {
      run();
    } catch (error) {
      if (isConstraintError(error)) {
        throw new StoreConflictError(String(error));
      }
      throw error;
    }
    this.bumpMachineVersion();
  }

  async releaseMachines(machineIds: string[]): Promise<void> {
    const release = this.prepare("UPDATE machine SET assigned_instance_id = NULL WHERE id = ?");
    for (const id of machineIds) {
      release.run(id);
    }
    this.bumpMachineVersion();
  }

  /** Returns one counter shared by every instance type, exact because writers are serialized. */
  async machineVersion(_instanceTypeId: string): Promise<number> {
    return Number((await this.getMeta("machine_version")) ?? "0");
  }

  /** Writes the VPC and IP lookup rows of an instance, replacing old ones unless it is new. */
  private writeIndexes(instance: InstanceRecord, isNew: boolean): void {
    if (!isNew) {
      this.prepare("DELETE FROM instance_vpc WHERE instance_id = ?").run(instance.id);
      this.prepare("DELETE FROM instance_ip WHERE instance_id = ?").run(instance.id);
    }
    const vpc = this.prepare("INSERT INTO instance_vpc (instance_id, vpc_id) VALUES (?, ?)");
    for (const vpcId of instanceVpcs(instance)) {
      vpc.run(instance.id, vpcId);
    }
    const ip = this.prepare("INSERT INTO instance_ip (instance_id, ip_address) VALUES (?, ?)");
    for (const address of instanceIps(instance)) {
      ip.run(instance.id, address);
    }
  }

  private instanceColumns(instance: InstanceRecord): unknown[] {
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
      instance.infinibandInterfaces.length > 0 ? 1 : 0,
      instance.created,
      instance.updated,
      instance.nextTransition?.dueAt ?? null,
      JSON.stringify(instance),
    ];
  }

  async insertInstances(instances: InstanceRecord[]): Promise<void> {
    const insert = this.prepare(
      "INSERT INTO instance (tenant_id, site_id, name, status, instance_type_id, instance_type_name, " +
        "vpc_id, operating_system_id, network_security_group_id, machine_id, description, labels, " +
        "has_infiniband, created, updated, due_at, data, id) " +
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    try {
      for (const instance of instances) {
        insert.run(...this.instanceColumns(instance), instance.id);
        this.writeIndexes(instance, true);
      }
    } catch (error) {
      if (isConstraintError(error)) {
        throw new StoreConflictError(String(error));
      }
      throw error;
    }
  }

  async updateInstance(instance: InstanceRecord): Promise<void> {
    const update = this.prepare(
      "UPDATE instance SET tenant_id = ?, site_id = ?, name = ?, status = ?, instance_type_id = ?, " +
        "instance_type_name = ?, vpc_id = ?, operating_system_id = ?, network_security_group_id = ?, " +
        "machine_id = ?, description = ?, labels = ?, has_infiniband = ?, created = ?, updated = ?, " +
        "due_at = ?, data = ? WHERE id = ? AND deleted_at IS NULL",
    );
    try {
      update.run(...this.instanceColumns(instance), instance.id);
    } catch (error) {
      if (isConstraintError(error)) {
        throw new StoreConflictError(String(error));
      }
      throw error;
    }
    this.writeIndexes(instance, false);
  }

  private toInstance(row: Row): InstanceRecord {
    return JSON.parse(String(row.data)) as InstanceRecord;
  }

  async getInstance(id: string): Promise<InstanceRecord | undefined> {
    const row = this.prepare("SELECT data FROM instance WHERE id = ? AND deleted_at IS NULL").get(
      id,
    ) as Row | undefined;
    return row === undefined ? undefined : this.toInstance(row);
  }

  async deleteInstance(id: string, deletedAt: string): Promise<void> {
    this.prepare(
      "UPDATE instance SET deleted_at = ?, due_at = NULL WHERE id = ? AND deleted_at IS NULL",
    ).run(deletedAt, id);
  }

  async listInstances(
    filter: InstanceFilter,
    page: PageRequest<InstanceOrderField>,
  ): Promise<Page<InstanceRecord>> {
    const clauses = ["deleted_at IS NULL", "tenant_id = ?"];
    const params: unknown[] = [filter.tenantId];
    const inList = (column: string, values: string[] | undefined) => {
      if (values === undefined) {
        return;
      }
      if (values.length === 0) {
        clauses.push("0");
        return;
      }
      clauses.push(`${column} IN (${placeholders(values)})`);
      params.push(...values);
    };
    inList("site_id", filter.siteIds);
    inList("status", filter.statuses);
    inList("instance_type_id", filter.instanceTypeIds);
    inList("network_security_group_id", filter.networkSecurityGroupIds);
    inList("operating_system_id", filter.operatingSystemIds);
    inList("machine_id", filter.machineIds);
    if (filter.vpcIds !== undefined) {
      clauses.push(
        `id IN (SELECT instance_id FROM instance_vpc WHERE vpc_id IN (${placeholders(filter.vpcIds)}))`,
      );
      params.push(...filter.vpcIds);
    }
    if (filter.ipAddresses !== undefined) {
      clauses.push(
        `id IN (SELECT instance_id FROM instance_ip WHERE ip_address IN (${placeholders(filter.ipAddresses)}))`,
      );
      params.push(...filter.ipAddresses);
    }
    if (filter.name !== undefined) {
      clauses.push("name = ?");
      params.push(filter.name);
    }
    if (filter.query !== undefined && filter.query !== "") {
      const pattern = `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      clauses.push(
        "(name LIKE ? ESCAPE '\\' OR status LIKE ? ESCAPE '\\' OR " +
          "description LIKE ? ESCAPE '\\' OR labels LIKE ? ESCAPE '\\')",
      );
      params.push(pattern, pattern, pattern, pattern);
    }
    const where = clauses.join(" AND ");
    const total = this.prepare(`SELECT COUNT(*) AS n FROM instance WHERE ${where}`).get(
      ...params,
    ) as Row;
    const order =
      page.orderBy === null
        ? "created ASC, seq ASC"
        : `${instanceOrderColumns[page.orderBy.field]} ${page.orderBy.direction}, created ASC, seq ASC`;
    const rows = this.prepare(
      `SELECT data FROM instance WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
    ).all(...params, page.limit, page.offset) as Row[];
    return { rows: rows.map((row) => this.toInstance(row)), total: Number(total.n) };
  }

  async countInstances(filter: {
    tenantId: string;
    siteId: string;
    instanceTypeId: string;
  }): Promise<number> {
    const row = this.prepare(
      "SELECT COUNT(*) AS n FROM instance WHERE deleted_at IS NULL AND tenant_id = ? " +
        "AND site_id = ? AND instance_type_id = ?",
    ).get(filter.tenantId, filter.siteId, filter.instanceTypeId) as Row;
    return Number(row.n);
  }

  async findUsedNames(tenantId: string, names: string[]): Promise<Set<string>> {
    if (names.length === 0) {
      return new Set();
    }
    const rows = this.prepare(
      `SELECT name FROM instance WHERE deleted_at IS NULL AND tenant_id = ? AND name IN (${placeholders(names)})`,
    ).all(tenantId, ...names) as Row[];
    return new Set(rows.map((row) => String(row.name)));
  }

  async findInstanceByName(tenantId: string, name: string): Promise<InstanceRecord | undefined> {
    const row = this.prepare(
      "SELECT data FROM instance WHERE deleted_at IS NULL AND tenant_id = ? AND name = ?",
    ).get(tenantId, name) as Row | undefined;
    return row === undefined ? undefined : this.toInstance(row);
  }

  async listDueInstances(now: number, limit: number): Promise<InstanceRecord[]> {
    const rows = this.prepare(
      "SELECT data FROM instance WHERE due_at IS NOT NULL AND due_at <= ? AND deleted_at IS NULL " +
        "ORDER BY due_at, seq LIMIT ?",
    ).all(now, limit) as Row[];
    return rows.map((row) => this.toInstance(row));
  }

  async nextDueAt(): Promise<number | null> {
    const row = this.prepare(
      // ORDER BY with LIMIT walks the due-time index and stops at the first live row.
      "SELECT due_at AS due FROM instance WHERE due_at IS NOT NULL AND deleted_at IS NULL " +
        "ORDER BY due_at LIMIT 1",
    ).get() as Row | undefined;
    return row === undefined || row.due === null ? null : Number(row.due);
  }

  async appendStatusHistory(rows: StatusHistoryRecord[]): Promise<void> {
    const insert = this.prepare(
      "INSERT INTO status_history (instance_id, status, message, created) VALUES (?, ?, ?, ?)",
    );
    for (const row of rows) {
      insert.run(row.instanceId, row.status, row.message, row.created);
    }
  }

  async listStatusHistory(
    instanceId: string,
    page: PageRequest<HistoryOrderField>,
  ): Promise<Page<StatusHistoryRecord>> {
    const total = this.prepare(
      "SELECT COUNT(*) AS n FROM status_history WHERE instance_id = ?",
    ).get(instanceId) as Row;
    const order =
      page.orderBy === null
        ? "created DESC, seq DESC"
        : `${historyOrderColumns[page.orderBy.field]} ${page.orderBy.direction}, seq ${page.orderBy.direction}`;
    const rows = this.prepare(
      `SELECT instance_id, status, message, created FROM status_history WHERE instance_id = ? ` +
        `ORDER BY ${order} LIMIT ? OFFSET ?`,
    ).all(instanceId, page.limit, page.offset) as Row[];
    return {
      total: Number(total.n),
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
    const row = this.prepare("SELECT * FROM idempotency_key WHERE tenant_id = ? AND key = ?").get(
      tenantId,
      key,
    ) as Row | undefined;
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
      this.prepare(
        "INSERT INTO idempotency_key (tenant_id, key, request_hash, response, created) VALUES (?, ?, ?, ?, ?)",
      ).run(
        record.tenantId,
        record.key,
        record.requestHash,
        JSON.stringify(record.response),
        record.created,
      );
    } catch (error) {
      if (isConstraintError(error)) {
        throw new StoreConflictError(`idempotency key ${record.key} is already used`);
      }
      throw error;
    }
  }
}

/**
 * Store on an embedded SQLite database in WAL mode.
 *
 * One connection per process: a mutex runs one transaction at a time in this process, and
 * `BEGIN IMMEDIATE` with a busy timeout serializes writers across processes sharing the file.
 */
export class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #session: SqliteSession;
  readonly #mutex = new Mutex();
  #closed = false;

  constructor(options: SqliteStoreOptions) {
    if (options.filename !== ":memory:") {
      mkdirSync(dirname(options.filename), { recursive: true });
    }
    this.#db = new Database(options.filename);
    this.#db.pragma("journal_mode = WAL");
    this.#db.pragma("synchronous = NORMAL");
    this.#db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    this.#db.pragma("foreign_keys = ON");
    this.#session = new SqliteSession(this.#db);
  }

  async migrate(): Promise<void> {
    await this.#mutex.run(async () => {
      this.#db.exec(
        "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied TEXT NOT NULL)",
      );
      const apply = this.#db.transaction(() => {
        const row = this.#db.prepare("SELECT MAX(version) AS v FROM schema_migration").get() as Row;
        const current = row.v === null ? 0 : Number(row.v);
        for (const migration of sqliteMigrations) {
          if (migration.version <= current) {
            continue;
          }
          this.#db.exec(migration.sql);
          this.#db
            .prepare(
              "INSERT INTO schema_migration (version, description, applied) VALUES (?, ?, ?)",
            )
            .run(migration.version, migration.description, new Date().toISOString());
        }
      });
      this.runImmediate(() => apply.immediate());
    });
  }

  async schemaVersion(): Promise<number> {
    return this.#mutex.run(async () => {
      const row = this.#db.prepare("SELECT MAX(version) AS v FROM schema_migration").get() as Row;
      return row.v === null ? 0 : Number(row.v);
    });
  }

  private runImmediate<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (isBusyError(error)) {
        throw new StoreConflictError("the database is busy with another writer; retry the request");
      }
      throw error;
    }
  }

  async transaction<T>(fn: (session: StoreSession) => Promise<T>): Promise<T> {
    return this.#mutex.run(async () => {
      this.runImmediate(() => this.#db.exec("BEGIN IMMEDIATE"));
      try {
        const result = await fn(this.#session);
        this.#db.exec("COMMIT");
        return result;
      } catch (error) {
        if (this.#db.inTransaction) {
          this.#db.exec("ROLLBACK");
        }
        if (isBusyError(error)) {
          throw new StoreConflictError(
            "the database is busy with another writer; retry the request",
          );
        }
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.#mutex.run(async () => {
      if (!this.#closed) {
        this.#closed = true;
        this.#db.close();
      }
    });
  }

  private single<T>(fn: (session: StoreSession) => Promise<T>): Promise<T> {
    return this.transaction(fn);
  }

  /**
   * Runs reads in a deferred transaction. They see one snapshot without taking the write lock,
   * so other processes sharing the file can write meanwhile.
   */
  private read<T>(fn: (session: StoreSession) => Promise<T>): Promise<T> {
    return this.#mutex.run(async () => {
      this.#db.exec("BEGIN DEFERRED");
      try {
        return await fn(this.#session);
      } finally {
        if (this.#db.inTransaction) {
          this.#db.exec("COMMIT");
        }
      }
    });
  }

  getMeta(key: string) {
    return this.read((s) => s.getMeta(key));
  }
  setMeta(key: string, value: string) {
    return this.single((s) => s.setMeta(key, value));
  }
  putObject<K extends InventoryKind>(kind: K, object: InventoryObjects[K]) {
    return this.single((s) => s.putObject(kind, object));
  }
  getObject<K extends InventoryKind>(kind: K, id: string) {
    return this.read((s) => s.getObject(kind, id));
  }
  listObjects<K extends InventoryKind>(kind: K) {
    return this.read((s) => s.listObjects(kind));
  }
  findTenantByOrg(org: string) {
    return this.read((s) => s.findTenantByOrg(org));
  }
  insertMachines(machines: MachineRecord[]) {
    return this.single((s) => s.insertMachines(machines));
  }
  getMachine(id: string) {
    return this.read((s) => s.getMachine(id));
  }
  listMachines(filter: { instanceTypeId?: string; siteId?: string }) {
    return this.read((s) => s.listMachines(filter));
  }
  assignMachines(assignments: MachineAssignment[]) {
    return this.single((s) => s.assignMachines(assignments));
  }
  releaseMachines(machineIds: string[]) {
    return this.single((s) => s.releaseMachines(machineIds));
  }
  machineVersion(instanceTypeId: string) {
    return this.read((s) => s.machineVersion(instanceTypeId));
  }
  insertInstances(instances: InstanceRecord[]) {
    return this.single((s) => s.insertInstances(instances));
  }
  updateInstance(instance: InstanceRecord) {
    return this.single((s) => s.updateInstance(instance));
  }
  getInstance(id: string) {
    return this.read((s) => s.getInstance(id));
  }
  deleteInstance(id: string, deletedAt: string) {
    return this.single((s) => s.deleteInstance(id, deletedAt));
  }
  listInstances(filter: InstanceFilter, page: PageRequest<InstanceOrderField>) {
    return this.read((s) => s.listInstances(filter, page));
  }
  countInstances(filter: { tenantId: string; siteId: string; instanceTypeId: string }) {
    return this.read((s) => s.countInstances(filter));
  }
  findUsedNames(tenantId: string, names: string[]) {
    return this.read((s) => s.findUsedNames(tenantId, names));
  }
  findInstanceByName(tenantId: string, name: string) {
    return this.read((s) => s.findInstanceByName(tenantId, name));
  }
  listDueInstances(now: number, limit: number) {
    return this.read((s) => s.listDueInstances(now, limit));
  }
  nextDueAt() {
    return this.read((s) => s.nextDueAt());
  }
  appendStatusHistory(rows: StatusHistoryRecord[]) {
    return this.single((s) => s.appendStatusHistory(rows));
  }
  listStatusHistory(instanceId: string, page: PageRequest<HistoryOrderField>) {
    return this.read((s) => s.listStatusHistory(instanceId, page));
  }
  getIdempotencyRecord(tenantId: string, key: string) {
    return this.read((s) => s.getIdempotencyRecord(tenantId, key));
  }
  putIdempotencyRecord(record: IdempotencyRecord) {
    return this.single((s) => s.putIdempotencyRecord(record));
  }
}
