import type { StoreSession } from "../store/types.js";
import {
  inventorySections,
  type Allocation,
  type InventoryKind,
  type InventoryObjects,
  type Tenant,
} from "./schema.js";

function allocationKey(tenantId: string, siteId: string): string {
  return `${tenantId}\u0000${siteId}`;
}

/**
 * In-memory copy of the inventory documents of the store.
 *
 * The server never changes them after seeding, so one copy per process stays valid, also when
 * several processes share the database.
 */
export class Catalog {
  readonly #objects = new Map<InventoryKind, Map<string, unknown>>();
  readonly #tenantsByOrg = new Map<string, Tenant>();
  /** Allocations keyed by `allocationKey(tenantId, siteId)`. */
  readonly #allocationsByTenantSite = new Map<string, Allocation[]>();

  /** Reads every inventory document of the store. */
  static async load(session: StoreSession): Promise<Catalog> {
    const catalog = new Catalog();
    for (const kind of Object.keys(inventorySections) as InventoryKind[]) {
      const byId = new Map<string, unknown>();
      for (const object of await session.listObjects(kind)) {
        byId.set(object.id, object);
      }
      catalog.#objects.set(kind, byId);
    }
    for (const tenant of catalog.list("tenant")) {
      catalog.#tenantsByOrg.set(tenant.org.toLowerCase(), tenant);
    }
    for (const allocation of catalog.list("allocation")) {
      const key = allocationKey(allocation.tenantId, allocation.siteId);
      const list = catalog.#allocationsByTenantSite.get(key) ?? [];
      list.push(allocation);
      catalog.#allocationsByTenantSite.set(key, list);
    }
    return catalog;
  }

  get<K extends InventoryKind>(kind: K, id: string): InventoryObjects[K] | undefined {
    return this.#objects.get(kind)?.get(id) as InventoryObjects[K] | undefined;
  }

  list<K extends InventoryKind>(kind: K): InventoryObjects[K][] {
    return [...(this.#objects.get(kind)?.values() ?? [])] as InventoryObjects[K][];
  }

  /** Allocations of a tenant at a site, in id order; empty when there is none. */
  allocationsOf(tenantId: string, siteId: string): readonly Allocation[] {
    return this.#allocationsByTenantSite.get(allocationKey(tenantId, siteId)) ?? [];
  }

  /** Tenant of an org, matched case-insensitively. */
  tenantByOrg(org: string): Tenant | undefined {
    return this.#tenantsByOrg.get(org.toLowerCase());
  }
}
