import type { PlacementPolicy } from "@nico/allocator";
import type { Logger } from "pino";
import { ApiError } from "../errors.js";
import type { Catalog } from "../inventory/catalog.js";
import type { Tenant } from "../inventory/schema.js";
import type { InstanceRecord, Store } from "../store/types.js";
import type { Lifecycle } from "./lifecycle.js";
import type { PlacementCache } from "./placement.js";

/** Everything the request handlers share. */
export interface ServiceContext {
  store: Store;
  catalog: Catalog;
  lifecycle: Lifecycle;
  logger: Logger;
  /** Domain choice for topology-optimized batches. */
  placementPolicy: PlacementPolicy;
  /** Allocator inventories kept between batch creates. */
  placements: PlacementCache;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Returns whether `value` is a UUID in the 8-4-4-4-12 hexadecimal form. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** Tenant of the org for reads, where a missing tenant is 403. */
export function tenantForRead(context: ServiceContext, org: string): Tenant {
  const tenant = context.catalog.tenantByOrg(org);
  if (tenant === undefined) {
    throw new ApiError("org_tenant_missing_read", { org });
  }
  return tenant;
}

/**
 * Loads a live instance of the org's tenant: 400 for a malformed id, 404 when it does not
 * exist, 403 without details when another tenant owns it.
 */
export async function loadOwnedInstance(
  context: ServiceContext,
  org: string,
  instanceId: string,
): Promise<{ tenant: Tenant; instance: InstanceRecord }> {
  if (!isUuid(instanceId)) {
    throw new ApiError("instance_id_invalid", { id: instanceId });
  }
  await context.lifecycle.applyDue();
  const instance = await context.store.getInstance(instanceId);
  if (instance === undefined) {
    throw new ApiError("instance_not_found", { id: instanceId });
  }
  const tenant = tenantForRead(context, org);
  if (instance.tenantId !== tenant.id) {
    throw new ApiError("instance_not_owned");
  }
  return { tenant, instance };
}
