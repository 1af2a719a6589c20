import { randomUUID } from "node:crypto";
import { issuesToErrorData, validateInstanceUpdateRequest } from "@nico/sdk/schema";
import { ApiError } from "../errors.js";
import {
  StoreConflictError,
  StoreLockTimeoutError,
  type InstanceRecord,
  type StatusHistoryRecord,
} from "../store/types.js";
import { isUuid, type ServiceContext } from "./context.js";
import { viewInstance } from "./instances.js";
import { lifecycleMessages } from "./lifecycle.js";
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
  type Scope,
} from "./references.js";
import type { InterfaceInput, UpdateInput } from "./requests.js";
import type { InstanceView } from "./view.js";

/** Changed record and what the change means for the lifecycle. */
interface PlannedUpdate {
  record: InstanceRecord;
  /** Names of the request fields that changed something. */
  changed: string[];
  /** Interface changes go through `Configuring` until the site has applied them. */
  reconfigure: boolean;
}

function given<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

function validate(body: unknown): UpdateInput {
  const result = validateInstanceUpdateRequest(body);
  if (!result.success) {
    throw new ApiError("update_request_invalid", {}, issuesToErrorData(result.issues));
  }
  const data: UpdateInput = result.data;
  return data;
}

function scopeOf(
  context: ServiceContext,
  record: InstanceRecord,
  scopeTenant: Scope["tenant"],
): Scope {
  const site = context.catalog.get("site", record.siteId);
  const instanceType = context.catalog.get("instanceType", record.instanceTypeId);
  const vpc = context.catalog.get("vpc", record.vpcId);
  if (site === undefined || instanceType === undefined || vpc === undefined) {
    throw new Error(`inventory lost the site, instance type or VPC of instance ${record.id}`);
  }
  return { tenant: scopeTenant, site, instanceType, vpc };
}

function planNetwork(
  context: ServiceContext,
  scope: Scope,
  current: InstanceRecord,
  request: UpdateInput,
  now: string,
): Pick<InstanceRecord, "interfaces" | "secondaryVpcIds" | "autoNetwork"> {
  const autoNetwork = request.autoNetwork ?? current.autoNetwork;
  if (autoNetwork && scope.vpc.networkVirtualizationType !== "FLAT") {
    throw new ApiError(
      "vpc_auto_network_requires_flat",
      {},
      { autoNetwork: `autoNetwork needs a FLAT VPC, but VPC ${scope.vpc.id} is not FLAT` },
    );
  }
  if (autoNetwork) {
    return { autoNetwork, interfaces: [], secondaryVpcIds: [] };
  }
  const inputs: InterfaceInput[] =
    request.interfaces ??
    current.interfaces.map((iface) => ({
      subnetId: iface.subnetId,
      vpcPrefixId: iface.vpcPrefixId,
      device: iface.device,
      deviceInstance: iface.deviceInstance,
      virtualFunctionId: iface.virtualFunctionId,
      isPhysical: iface.isPhysical,
    }));
  if (inputs.length === 0) {
    throw new ApiError(
      "update_request_invalid",
      {},
      { interfaces: "interfaces must list 1 to 16 interfaces when autoNetwork is false" },
    );
  }
  if (!inputs.some((iface) => given(iface.device)) && !inputs.some((iface) => iface.isPhysical)) {
    inputs[0] = { ...inputs[0], isPhysical: true };
  }
  const declaredSecondary =
    request.secondaryVpcIds ?? (request.interfaces ? [] : current.secondaryVpcIds);
  checkSecondaryVpcs(context.catalog, scope, declaredSecondary);
  const resolved = resolveInterfaces(context.catalog, scope, inputs, declaredSecondary);
  checkDpuDevices(scope, resolved);
  return {
    autoNetwork,
    secondaryVpcIds: [...new Set(resolved.map((iface) => iface.vpcId))]
      .filter((vpcId) => vpcId !== scope.vpc.id)
      .sort(),
    interfaces: resolved.map((iface) => ({
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
      created: now,
      updated: now,
    })),
  };
}

function planBoot(
  context: ServiceContext,
  scope: Scope,
  current: InstanceRecord,
  request: UpdateInput,
): Pick<
  InstanceRecord,
  "operatingSystemId" | "ipxeScript" | "userData" | "phoneHomeEnabled" | "alwaysBootWithCustomIpxe"
> {
  const osId = request.operatingSystemId ?? current.operatingSystemId ?? "";
  const osChanged = given(request.operatingSystemId) && osId !== (current.operatingSystemId ?? "");
  if (osId === "") {
    const ipxeScript = request.ipxeScript ?? current.ipxeScript;
    if ((ipxeScript ?? "") === "") {
      throw new ApiError(
        "update_request_invalid",
        {},
        { ipxeScript: "ipxeScript must not be empty when the instance has no operatingSystemId" },
      );
    }
    return {
      operatingSystemId: null,
      ipxeScript,
      userData: request.userData ?? current.userData,
      phoneHomeEnabled: request.phoneHomeEnabled ?? current.phoneHomeEnabled,
      alwaysBootWithCustomIpxe:
        request.alwaysBootWithCustomIpxe ?? current.alwaysBootWithCustomIpxe,
    };
  }
  const os = context.catalog.get("operatingSystem", osId);
  const keepScript = !osChanged && os?.type === "iPXE";
  const settings = resolveBootSettings(context.catalog, scope, {
    operatingSystemId: osId,
    ipxeScript: request.ipxeScript ?? (keepScript ? current.ipxeScript : undefined),
    userData: request.userData,
    phoneHomeEnabled:
      request.phoneHomeEnabled ?? (osChanged ? undefined : current.phoneHomeEnabled),
    alwaysBootWithCustomIpxe: request.alwaysBootWithCustomIpxe ?? current.alwaysBootWithCustomIpxe,
  });
  if (!osChanged && !given(request.userData)) {
    settings.userData = current.userData;
  }
  return settings;
}

function planConfiguration(
  context: ServiceContext,
  scope: Scope,
  current: InstanceRecord,
  request: UpdateInput,
  now: string,
): PlannedUpdate {
  const { catalog } = context;
  const changed: string[] = [];
  let record: InstanceRecord = { ...current };
  let reconfigure = false;

  if (given(request.name)) {
    record.name = request.name;
    changed.push("name");
  }
  if (given(request.description)) {
    record.description = request.description;
    changed.push("description");
  }
  if (given(request.labels)) {
    record.labels = request.labels;
    changed.push("labels");
  }
  if (given(request.interfaces) || given(request.autoNetwork) || given(request.secondaryVpcIds)) {
    record = { ...record, ...planNetwork(context, scope, current, request, now) };
    changed.push("interfaces");
    reconfigure = true;
  }
  if (given(request.dpuExtensionServiceDeployments)) {
    checkDpuDeployments(catalog, scope, request.dpuExtensionServiceDeployments);
    record.dpuExtensionServiceDeployments = request.dpuExtensionServiceDeployments.map(
      (deployment) => ({
        id: randomUUID(),
        dpuExtensionServiceId: deployment.dpuExtensionServiceId,
        version: deployment.version,
        status: "Pending",
        created: now,
        updated: now,
      }),
    );
    changed.push("dpuExtensionServiceDeployments");
    reconfigure = true;
  }
  if (given(request.networkSecurityGroupId)) {
    if (request.networkSecurityGroupId !== "") {
      checkNetworkSecurityGroup(catalog, scope, request.networkSecurityGroupId);
    }
    record.networkSecurityGroupId =
      request.networkSecurityGroupId === "" ? null : request.networkSecurityGroupId;
    changed.push("networkSecurityGroupId");
  }
  if (given(request.sshKeyGroupIds)) {
    checkSshKeyGroups(catalog, scope, request.sshKeyGroupIds);
    record.sshKeyGroupIds = request.sshKeyGroupIds;
    changed.push("sshKeyGroupIds");
  }
  const bootFields = [
    "operatingSystemId",
    "ipxeScript",
    "userData",
    "phoneHomeEnabled",
    "alwaysBootWithCustomIpxe",
  ] as const;
  if (bootFields.some((field) => given(request[field]))) {
    record = { ...record, ...planBoot(context, scope, current, request) };
    changed.push(...bootFields.filter((field) => given(request[field])));
  }
  if (given(request.infinibandInterfaces)) {
    checkInfinibandInterfaces(catalog, scope, request.infinibandInterfaces);
    record.infinibandInterfaces = request.infinibandInterfaces.map((iface) => ({
      id: randomUUID(),
      partitionId: iface.partitionId,
      device: iface.device,
      vendor: iface.vendor ?? null,
      deviceInstance: iface.deviceInstance ?? 0,
      isPhysical: iface.isPhysical ?? true,
      virtualFunctionId: iface.virtualFunctionId ?? null,
      guid: null,
      status: "Pending",
      created: now,
      updated: now,
    }));
    changed.push("infinibandInterfaces");
    reconfigure = true;
  }
  if (given(request.nvLinkInterfaces)) {
    const resolved = resolveNvLinkInterfaces(catalog, scope, request.nvLinkInterfaces);
    record.nvLinkInterfaces = resolved.map((iface) => ({
      id: randomUUID(),
      nvLinkLogicalPartitionId: iface.nvLinkLogicalPartitionId,
      nvLinkDomainId: null,
      device: iface.device,
      deviceInstance: iface.deviceInstance,
      gpuGuid: null,
      status: "Pending",
      created: now,
      updated: now,
    }));
    changed.push("nvLinkInterfaces");
    reconfigure = true;
  }
  return { record, changed, reconfigure };
}

/** Builds the updated record and its history rows from the stored instance. */
function planUpdate(
  context: ServiceContext,
  scope: Scope,
  current: InstanceRecord,
  request: UpdateInput,
): { record: InstanceRecord; history: StatusHistoryRecord[] } {
  const nowMs = context.lifecycle.now();
  const now = new Date(nowMs).toISOString();
  const row = (status: string, message: string): StatusHistoryRecord => ({
    instanceId: current.id,
    status,
    message,
    created: now,
  });
  if (request.triggerReboot === true) {
    if (current.status !== "Ready") {
      throw new ApiError("instance_not_rebootable", { id: current.id, status: current.status });
    }
    return {
      record: {
        ...current,
        powerStatus: "Rebooting",
        updated: now,
        nextTransition: context.lifecycle.settleTransition(nowMs, "PowerOn"),
      },
      history: [row("Rebooting", lifecycleMessages.rebooting)],
    };
  }
  const plan = planConfiguration(context, scope, current, request, now);
  const record: InstanceRecord = { ...plan.record, updated: now };
  if (plan.reconfigure) {
    record.status = "Configuring";
    record.nextTransition = context.lifecycle.settleTransition(nowMs, "Ready");
    const message = `${lifecycleMessages.configuring}: ${plan.changed.join(", ")}`;
    return { record, history: [row("Configuring", message)] };
  }
  if (plan.changed.length === 0) {
    return { record, history: [] };
  }
  return { record, history: [row(current.status, `Updated ${plan.changed.join(", ")}`)] };
}

/**
 * Updates one instance: either a reboot or attribute changes. Interface changes move the
 * instance to `Configuring` until the ready delay has passed; every change adds a history row.
 */
export async function updateInstance(
  context: ServiceContext,
  org: string,
  instanceId: string,
  body: unknown,
): Promise<InstanceView> {
  if (!isUuid(instanceId)) {
    throw new ApiError("instance_id_invalid", { id: instanceId });
  }
  const request = validate(body);
  await context.lifecycle.applyDue();
  const current = await context.store.getInstance(instanceId);
  if (current === undefined) {
    throw new ApiError("instance_not_found", { id: instanceId });
  }
  const tenant = context.catalog.tenantByOrg(org);
  if (tenant === undefined || tenant.id !== current.tenantId) {
    throw new ApiError("instance_not_owned");
  }
  const scope = scopeOf(context, current, tenant);
  if (scope.site.status !== "Registered") {
    throw new ApiError("instance_site_not_registered", {
      id: scope.site.id,
      status: scope.site.status,
    });
  }
  if (current.status === "Terminating" || current.status === "Terminated") {
    throw new ApiError("instance_terminating", { id: current.id, status: current.status });
  }
  if (given(request.name) && request.name !== current.name) {
    const other = await context.store.findInstanceByName(tenant.id, request.name);
    if (other !== undefined && other.id !== current.id) {
      throw new ApiError("instance_name_taken", { name: request.name }, { id: other.id });
    }
  }

  let next: InstanceRecord | undefined;
  try {
    next = await context.store.transaction(async (session) => {
      const fresh = await session.getInstance(current.id);
      if (fresh === undefined) {
        throw new ApiError("instance_not_found", { id: current.id });
      }
      if (fresh.status === "Terminating") {
        throw new ApiError("instance_terminating", { id: current.id, status: fresh.status });
      }
      const { record, history } = planUpdate(context, scope, fresh, request);
      await session.updateInstance(record);
      await session.appendStatusHistory(history);
      return record;
    });
  } catch (error) {
    if (
      error instanceof StoreConflictError &&
      !(error instanceof StoreLockTimeoutError) &&
      given(request.name)
    ) {
      const other = await context.store.findInstanceByName(tenant.id, request.name);
      throw new ApiError("instance_name_taken", { name: request.name }, { id: other?.id ?? null });
    }
    throw error;
  }
  context.logger.info(
    { instanceId: current.id, fields: Object.keys(body as object) },
    "instance updated",
  );
  return viewInstance(context, next);
}
