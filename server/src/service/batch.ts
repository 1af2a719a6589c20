import { randomInt, randomUUID } from "node:crypto";
import type { Placement } from "@nico/allocator";
import { issuesToErrorData, validateBatchInstanceCreateRequest } from "@nico/sdk/schema";
import { ApiError } from "../errors.js";
import type { Tenant } from "../inventory/schema.js";
import {
  StoreConflictError,
  StoreLockTimeoutError,
  type InstanceRecord,
  type StatusHistoryRecord,
  type StoreSession,
} from "../store/types.js";
import { hashJson } from "../util/canonical-json.js";
import type { ServiceContext } from "./context.js";
import { lifecycleMessages } from "./lifecycle.js";
import type { PlannedPlacement } from "./placement.js";
import {
  checkDpuDeployments,
  checkDpuDevices,
  checkInfinibandInterfaces,
  checkNetworkSecurityGroup,
  checkSecondaryVpcs,
  checkSshKeyGroups,
  resolveBootSettings,
  resolveInterfaces,
  resolveNvLinkInterfaces,
  resolveScope,
  resolveTenant,
  type BootSettings,
  type ResolvedInterface,
  type ResolvedNvLinkInterface,
  type Scope,
} from "./references.js";
import type { BatchCreateInput } from "./requests.js";
import { toInstanceView, type InstanceView } from "./view.js";

const suffixAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Random instance name suffix of 6 characters from a-z0-9. */
export function randomSuffix(): string {
  let suffix = "";
  for (let index = 0; index < 6; index += 1) {
    suffix += suffixAlphabet[randomInt(suffixAlphabet.length)];
  }
  return suffix;
}

/** Everything a batch needs after its references were checked. */
interface ResolvedBatch {
  request: BatchCreateInput;
  scope: Scope;
  interfaces: ResolvedInterface[];
  secondaryVpcIds: string[];
  nvLinkInterfaces: ResolvedNvLinkInterface[];
  boot: BootSettings;
}

/** Outcome of a batch create: the instances and whether they came from an earlier request. */
export interface BatchResult {
  instances: InstanceView[];
  replayed: boolean;
}

function validate(body: unknown): BatchCreateInput {
  const result = validateBatchInstanceCreateRequest(body);
  if (!result.success) {
    throw new ApiError("batch_request_invalid", {}, issuesToErrorData(result.issues));
  }
  const data: BatchCreateInput = result.data;
  return data;
}

function resolveBatch(
  context: ServiceContext,
  org: string,
  request: BatchCreateInput,
): ResolvedBatch {
  const { catalog } = context;
  const tenant = resolveTenant(catalog, org, request.tenantId);
  const scope = resolveScope(catalog, tenant, request);
  const secondaryVpcIds = request.secondaryVpcIds ?? [];
  checkSecondaryVpcs(catalog, scope, secondaryVpcIds);
  const interfaces = resolveInterfaces(catalog, scope, request.interfaces ?? [], secondaryVpcIds);
  checkDpuDeployments(catalog, scope, request.dpuExtensionServiceDeployments ?? []);
  if (request.networkSecurityGroupId != null) {
    checkNetworkSecurityGroup(catalog, scope, request.networkSecurityGroupId);
  }
  checkSshKeyGroups(catalog, scope, request.sshKeyGroupIds ?? []);
  const boot = resolveBootSettings(catalog, scope, request);
  checkInfinibandInterfaces(catalog, scope, request.infinibandInterfaces ?? []);
  checkDpuDevices(scope, interfaces);
  const nvLinkInterfaces = resolveNvLinkInterfaces(catalog, scope, request.nvLinkInterfaces ?? []);
  const derivedSecondary = [...new Set(interfaces.map((iface) => iface.vpcId))]
    .filter((vpcId) => vpcId !== scope.vpc.id)
    .sort();
  return { request, scope, interfaces, secondaryVpcIds: derivedSecondary, nvLinkInterfaces, boot };
}

async function checkQuota(
  context: ServiceContext,
  session: StoreSession,
  scope: Scope,
  count: number,
): Promise<void> {
  const allocations = context.catalog.allocationsOf(scope.tenant.id, scope.site.id);
  if (allocations.length === 0) {
    throw new ApiError("allocation_missing", { tenantId: scope.tenant.id, siteId: scope.site.id });
  }
  const constraints = allocations.flatMap((allocation) =>
    allocation.constraints.filter(
      (constraint) =>
        constraint.constraintType === "Reserved" &&
        constraint.instanceTypeId === scope.instanceType.id,
    ),
  );
  if (constraints.length === 0) {
    throw new ApiError("quota_missing", {
      tenantId: scope.tenant.id,
      instanceTypeId: scope.instanceType.id,
    });
  }
  const max = constraints.reduce((sum, constraint) => sum + constraint.value, 0);
  const current = await session.countInstances({
    tenantId: scope.tenant.id,
    siteId: scope.site.id,
    instanceTypeId: scope.instanceType.id,
  });
  if (current + count > max) {
    throw new ApiError("quota_exceeded", {
      tenantId: scope.tenant.id,
      instanceTypeId: scope.instanceType.id,
      current,
      requested: count,
      max,
    });
  }
}

async function planPlacement(
  context: ServiceContext,
  session: StoreSession,
  batch: ResolvedBatch,
): Promise<{ planned: PlannedPlacement; placement: Placement }> {
  const planned = await context.placements.plan(session, {
    instanceTypeId: batch.scope.instanceType.id,
    count: batch.request.count,
    topologyOptimized: batch.request.topologyOptimized ?? true,
    policy: context.placementPolicy,
  });
  const { result } = planned;
  if (!result.ok) {
    throw new ApiError(
      "placement_rejected",
      { message: result.message },
      {
        code: result.code,
        requested: result.requested,
        available: result.available,
        largestDomainFree: result.largestDomainFree,
      },
    );
  }
  return { planned, placement: result.placement };
}

async function drawNames(session: StoreSession, tenant: Tenant, prefix: string, count: number) {
  const names: string[] = [];
  const taken = new Set<string>();
  while (names.length < count) {
    const candidates: string[] = [];
    while (candidates.length < count - names.length) {
      const name = `${prefix}-${randomSuffix()}`;
      if (!taken.has(name)) {
        taken.add(name);
        candidates.push(name);
      }
    }
    const used = await session.findUsedNames(tenant.id, candidates);
    names.push(...candidates.filter((name) => !used.has(name)));
  }
  return names;
}

function buildRecord(
  batch: ResolvedBatch,
  name: string,
  machineId: string,
  now: number,
  context: ServiceContext,
): InstanceRecord {
  const { request, scope, boot } = batch;
  const created = new Date(now).toISOString();
  const id = randomUUID();
  return {
    id,
    name,
    description: request.description ?? null,
    tenantId: scope.tenant.id,
    siteId: scope.site.id,
    infrastructureProviderId: scope.site.infrastructureProviderId,
    instanceTypeId: scope.instanceType.id,
    instanceTypeName: scope.instanceType.name,
    vpcId: scope.vpc.id,
    secondaryVpcIds: batch.secondaryVpcIds,
    machineId,
    operatingSystemId: boot.operatingSystemId,
    ipxeScript: boot.ipxeScript,
    alwaysBootWithCustomIpxe: boot.alwaysBootWithCustomIpxe,
    phoneHomeEnabled: boot.phoneHomeEnabled,
    userData: boot.userData,
    labels: request.labels ?? null,
    networkSecurityGroupId: request.networkSecurityGroupId ?? null,
    autoNetwork: request.autoNetwork ?? false,
    topologyOptimized: request.topologyOptimized ?? true,
    status: "Pending",
    powerStatus: null,
    isUpdatePending: false,
    interfaces: batch.interfaces.map((iface) => ({
      id: randomUUID(),
      subnetId: iface.subnetId,
      vpcPrefixId: iface.vpcPrefixId,
      vpcId: iface.vpcId,
      device: iface.device,
      deviceInstance: iface.deviceInstance,
      virtualFunctionId: iface.virtualFunctionId,
      isPhysical: iface.isPhysical,
      macAddress: null,
      ipAddresses: null,
      requestedIpAddress: iface.requestedIpAddress,
      status: "Pending",
      created,
      updated: created,
    })),
    infinibandInterfaces: (request.infinibandInterfaces ?? []).map((iface) => ({
      id: randomUUID(),
      partitionId: iface.partitionId,
      device: iface.device,
      vendor: iface.vendor ?? null,
      deviceInstance: iface.deviceInstance ?? 0,
      isPhysical: iface.isPhysical ?? true,
      virtualFunctionId: iface.virtualFunctionId ?? null,
      guid: null,
      status: "Pending",
      created,
      updated: created,
    })),
    nvLinkInterfaces: batch.nvLinkInterfaces.map((iface) => ({
      id: randomUUID(),
      nvLinkLogicalPartitionId: iface.nvLinkLogicalPartitionId,
      nvLinkDomainId: null,
      device: iface.device,
      deviceInstance: iface.deviceInstance,
      gpuGuid: null,
      status: "Pending",
      created,
      updated: created,
    })),
    dpuExtensionServiceDeployments: (request.dpuExtensionServiceDeployments ?? []).map(
      (deployment) => ({
        id: randomUUID(),
        dpuExtensionServiceId: deployment.dpuExtensionServiceId,
        version: deployment.version,
        status: "Pending",
        created,
        updated: created,
      }),
    ),
    sshKeyGroupIds: request.sshKeyGroupIds ?? [],
    created,
    updated: created,
    nextTransition: context.lifecycle.creationTransition(now),
  };
}

async function findReplay(
  session: Pick<StoreSession, "getIdempotencyRecord">,
  tenant: Tenant,
  key: string,
  requestHash: string,
): Promise<InstanceView[] | undefined> {
  const record = await session.getIdempotencyRecord(tenant.id, key);
  if (record === undefined) {
    return undefined;
  }
  if (record.requestHash !== requestHash) {
    throw new ApiError("idempotency_key_reused", { key });
  }
  return record.response as InstanceView[];
}

/**
 * Creates a batch: validates the body with the SDK schema, checks every reference, then in one
 * transaction checks the quota, places the machines, names and stores the instances and their
 * status history, and records the idempotency key. Either all of it commits or none.
 */
export async function createBatch(
  context: ServiceContext,
  org: string,
  body: unknown,
  idempotencyKey: string | undefined,
): Promise<BatchResult> {
  const started = performance.now();
  const request = validate(body);
  const requestHash = idempotencyKey === undefined ? "" : hashJson(body);
  if (idempotencyKey !== undefined) {
    const tenant = context.catalog.tenantByOrg(org);
    if (tenant === undefined) {
      throw new ApiError("org_tenant_missing", { org });
    }
    const replay = await findReplay(context.store, tenant, idempotencyKey, requestHash);
    if (replay !== undefined) {
      return { instances: replay, replayed: true };
    }
  }
  const batch = resolveBatch(context, org, request);
  const { scope } = batch;

  let placement: Placement | undefined;
  let planned: PlannedPlacement | undefined;
  let committedVersion = 0;
  let replayed = false;
  let instances: InstanceView[];
  try {
    instances = await context.store.transaction(async (session) => {
      if (idempotencyKey !== undefined) {
        const replay = await findReplay(session, scope.tenant, idempotencyKey, requestHash);
        if (replay !== undefined) {
          replayed = true;
          return replay;
        }
      }
      await checkQuota(context, session, scope, request.count);
      ({ planned, placement } = await planPlacement(context, session, batch));
      const names = await drawNames(session, scope.tenant, request.namePrefix, request.count);
      const now = context.lifecycle.now();
      const records = placement.machineIds.map((machineId, index) =>
        buildRecord(batch, names[index] ?? "", machineId, now, context),
      );
      await session.assignMachines(
        records.map((record) => ({ machineId: record.machineId, instanceId: record.id })),
      );
      committedVersion = await session.machineVersion(scope.instanceType.id);
      await session.insertInstances(records);
      const history: StatusHistoryRecord[] = records.map((record) => ({
        instanceId: record.id,
        status: "Pending",
        message: lifecycleMessages.created,
        created: record.created,
      }));
      await session.appendStatusHistory(history);
      const views = records.map((record, index) =>
        toInstanceView(record, context.catalog, {
          history: history.slice(index, index + 1),
          batchResponse: true,
        }),
      );
      if (idempotencyKey !== undefined) {
        await session.putIdempotencyRecord({
          tenantId: scope.tenant.id,
          key: idempotencyKey,
          requestHash,
          response: views,
          created: new Date(now).toISOString(),
        });
      }
      return views;
    });
  } catch (error) {
    if (error instanceof StoreConflictError && !(error instanceof StoreLockTimeoutError)) {
      context.logger.warn(
        { tenantId: scope.tenant.id, instanceTypeId: scope.instanceType.id, reason: error.message },
        "batch lost a race with a concurrent request",
      );
      throw new ApiError("placement_conflict");
    }
    throw error;
  }

  if (!replayed && placement !== undefined && planned !== undefined) {
    context.placements.recordCommit(
      planned,
      placement,
      instances.map((instance) => instance.id),
      committedVersion,
    );
    context.logger.info(
      {
        tenantId: scope.tenant.id,
        instanceTypeId: scope.instanceType.id,
        count: request.count,
        topologyOptimized: placement.topologyOptimized,
        policy: placement.policy,
        domains: placement.domainIds,
        instanceIds: instances.map((instance) => instance.id),
        elapsedMs: Math.round((performance.now() - started) * 100) / 100,
      },
      "batch created",
    );
  }
  return { instances, replayed };
}
