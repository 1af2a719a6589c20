import type { StoreSession } from "../store/types.js";
import {
  inventorySections,
  type InventoryKind,
  type InventoryObjects,
  type Tenant,
} from "./schema.js";

/**
 * In-memory copy of the inventory documents of the store.
 *
 * The server never changes them after seeding, so one copy per process stays valid, also when
 * several processes share the database.
 */
export class Catalog {
  readonly #objects = new Map<InventoryKind, Map<string, unknown>>();
  readonly #tenantsByOrg = new Map<string, Tenant>();

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
    return catalog;
  }

  get<K extends InventoryKind>(kind: K, id: string): InventoryObjects[K] | undefined {
    return this.#objects.get(kind)?.get(id) as InventoryObjects[K] | undefined;
  }

  list<K extends InventoryKind>(kind: K): InventoryObjects[K][] {
    return [...(this.#objects.get(kind)?.values() ?? [])] as InventoryObjects[K][];
  }

  /** Tenant of an org, matched case-insensitively. */
  tenantByOrg(org: string): Tenant | undefined {
    return this.#tenantsByOrg.get(org.toLowerCase());
  }
}
