import type { Migration } from "./migrations.js";

/**
 * Schema of the PostgreSQL store; append new versions, never edit applied ones.
 *
 * Timestamps stay ISO-8601 text, as in the embedded store, so records round-trip unchanged and
 * sort the same way. `due_at` is epoch milliseconds.
 */
export const postgresMigrations: Migration[] = [
  {
    version: 1,
    description: "inventory, machines, instances, status history, idempotency keys",
    sql: `
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE inventory_object (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (kind, id)
      );

      CREATE TABLE tenant_org (
        org_lower TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL
      );

      CREATE TABLE machine (
        id TEXT PRIMARY KEY,
        site_id TEXT NOT NULL,
        instance_type_id TEXT NOT NULL,
        status TEXT NOT NULL,
        nvlink_domain_id TEXT,
        assigned_instance_id TEXT UNIQUE
      );
      CREATE INDEX machine_instance_type ON machine (instance_type_id);

      -- Bumped by every assignment change; a sequence takes no row lock, so concurrent batches
      -- do not queue on it.
      CREATE SEQUENCE machine_version;

      CREATE TABLE instance (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        tenant_id TEXT NOT NULL,
        site_id TEXT NOT NULL,
        name TEXT NOT NULL,
        status TEXT NOT NULL,
        instance_type_id TEXT NOT NULL,
        instance_type_name TEXT NOT NULL,
        vpc_id TEXT NOT NULL,
        operating_system_id TEXT,
        network_security_group_id TEXT,
        machine_id TEXT NOT NULL,
        description TEXT,
        labels TEXT,
        has_infiniband BOOLEAN NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        due_at BIGINT,
        deleted_at TEXT,
        data TEXT NOT NULL
      );
      CREATE INDEX instance_tenant ON instance (tenant_id) WHERE deleted_at IS NULL;
      CREATE UNIQUE INDEX instance_tenant_name ON instance (tenant_id, name) WHERE deleted_at IS NULL;
      CREATE UNIQUE INDEX instance_machine ON instance (machine_id) WHERE deleted_at IS NULL;
      CREATE INDEX instance_due ON instance (due_at) WHERE due_at IS NOT NULL AND deleted_at IS NULL;

      CREATE TABLE instance_vpc (
        instance_id TEXT NOT NULL,
        vpc_id TEXT NOT NULL,
        PRIMARY KEY (instance_id, vpc_id)
      );
      CREATE INDEX instance_vpc_vpc ON instance_vpc (vpc_id);

      CREATE TABLE instance_ip (
        instance_id TEXT NOT NULL,
        ip_address TEXT NOT NULL,
        PRIMARY KEY (instance_id, ip_address)
      );
      CREATE INDEX instance_ip_address ON instance_ip (ip_address);

      CREATE TABLE status_history (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        instance_id TEXT NOT NULL,
        status TEXT NOT NULL,
        message TEXT,
        created TEXT NOT NULL
      );
      CREATE INDEX status_history_instance ON status_history (instance_id, seq);

      CREATE TABLE idempotency_key (
        tenant_id TEXT NOT NULL,
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        response TEXT NOT NULL,
        created TEXT NOT NULL,
        PRIMARY KEY (tenant_id, key)
      );
    `,
  },
  {
    version: 2,
    description: "transactional machine version per instance type, quota count index",
    // The sequence counted uncommitted changes too, so a replica could read a version whose
    // assignment it could not see yet. A row per instance type is bumped inside the assigning
    // transaction and read at READ COMMITTED, so a version always names committed machine state.
    sql: `
      DROP SEQUENCE machine_version;
      CREATE TABLE machine_type_version (
        instance_type_id TEXT PRIMARY KEY,
        version BIGINT NOT NULL
      );
      INSERT INTO machine_type_version (instance_type_id, version)
        SELECT DISTINCT instance_type_id, 1 FROM machine;

      CREATE INDEX instance_quota ON instance (tenant_id, site_id, instance_type_id)
        WHERE deleted_at IS NULL;
    `,
  },
];
