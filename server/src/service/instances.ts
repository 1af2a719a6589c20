import {
  issuesToErrorData,
  parseListInstancesQuery,
  parseStatusHistoryQuery,
  type ListInstancesQuery,
} from "@nico/sdk/schema";
import { ApiError } from "../errors.js";
import type { InventoryKind } from "../inventory/schema.js";
import type {
  HistoryOrderField,
  InstanceFilter,
  InstanceOrderField,
  InstanceRecord,
} from "../store/types.js";
import { loadOwnedInstance, tenantForRead, type ServiceContext } from "./context.js";
import { toPageRequest, type PaginationHeader, type QueryValues } from "./pagination.js";
import { toInstanceView, toStatusDetail, embeddedHistoryLimit, type InstanceView } from "./view.js";

/** Builds the API view of an instance with its most recent status history. */
export async function viewInstance(
  context: ServiceContext,
  record: InstanceRecord,
): Promise<InstanceView> {
  const history = await context.store.listStatusHistory(record.id, {
    offset: 0,
    limit: embeddedHistoryLimit,
    orderBy: null,
  });
  return toInstanceView(record, context.catalog, { history: history.rows });
}

/** Returns one instance of the org's tenant. */
export async function getInstance(
  context: ServiceContext,
  org: string,
  instanceId: string,
): Promise<InstanceView> {
  const { instance } = await loadOwnedInstance(context, org, instanceId);
  return viewInstance(context, instance);
}

function checkKnown(
  context: ServiceContext,
  name: string,
  ids: string[] | undefined,
  kind: InventoryKind,
  label: string,
): void {
  const unknown = (ids ?? []).filter((id) => context.catalog.get(kind, id) === undefined);
  if (unknown.length > 0) {
    throw new ApiError("query_reference_not_found", { name, kind: label, ids: unknown.join(", ") });
  }
}

function parseListQuery(
  context: ServiceContext,
  tenantId: string,
  query: QueryValues,
): { filter: InstanceFilter; query: ListInstancesQuery } {
  const result = parseListInstancesQuery(query);
  if (!result.success) {
    throw new ApiError("list_query_invalid", {}, issuesToErrorData(result.issues));
  }
  const parsed = result.data;
  checkKnown(context, "siteId", parsed.siteId, "site", "sites");
  for (const siteId of parsed.siteId ?? []) {
    const associated = context.catalog
      .list("allocation")
      .some((allocation) => allocation.tenantId === tenantId && allocation.siteId === siteId);
    if (!associated) {
      throw new ApiError("query_site_not_associated", { id: siteId });
    }
  }
  checkKnown(context, "vpcId", parsed.vpcId, "vpc", "VPCs");
  checkKnown(context, "instanceTypeId", parsed.instanceTypeId, "instanceType", "instance types");
  checkKnown(
    context,
    "operatingSystemId",
    parsed.operatingSystemId,
    "operatingSystem",
    "operating systems",
  );
  const text = parsed.query?.trim();
  const filter: InstanceFilter = {
    tenantId,
    siteIds: parsed.siteId,
    statuses: parsed.status,
    vpcIds: parsed.vpcId,
    instanceTypeIds: parsed.instanceTypeId,
    operatingSystemIds: parsed.operatingSystemId,
    machineIds: parsed.machineId,
    name: parsed.name,
    ipAddresses: parsed.ipAddress,
    query: text === "" ? undefined : text,
  };
  return { filter, query: parsed };
}

/** Lists one page of the org's instances with the filters of the query string. */
export async function listInstances(
  context: ServiceContext,
  org: string,
  rawQuery: QueryValues,
): Promise<{ items: InstanceView[]; pagination: PaginationHeader }> {
  const tenant = tenantForRead(context, org);
  const { filter, query } = parseListQuery(context, tenant.id, rawQuery);
  const { page, header } = toPageRequest<InstanceOrderField>(query);
  await context.lifecycle.applyDue();
  if (filter.machineIds !== undefined) {
    const known = [];
    for (const machineId of filter.machineIds) {
      if ((await context.store.getMachine(machineId)) !== undefined) {
        known.push(machineId);
      }
    }
    if (known.length === 0) {
      return { items: [], pagination: { ...header, total: 0 } };
    }
    filter.machineIds = known;
  }
  const result = await context.store.listInstances(filter, page);
  const items = [];
  for (const record of result.rows) {
    items.push(await viewInstance(context, record));
  }
  return { items, pagination: { ...header, total: result.total } };
}

/** Lists one page of an instance's status history, newest first by default. */
export async function getStatusHistory(
  context: ServiceContext,
  org: string,
  instanceId: string,
  rawQuery: QueryValues,
) {
  const { instance } = await loadOwnedInstance(context, org, instanceId);
  const result = parseStatusHistoryQuery(rawQuery);
  if (!result.success) {
    throw new ApiError("list_query_invalid", {}, issuesToErrorData(result.issues));
  }
  const { page, header } = toPageRequest<HistoryOrderField>(result.data);
  const rows = await context.store.listStatusHistory(instance.id, page);
  return { items: rows.rows.map(toStatusDetail), pagination: { ...header, total: rows.total } };
}
