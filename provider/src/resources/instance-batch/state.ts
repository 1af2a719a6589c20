import { isUnknown, type CtyObject, type CtyValue } from "../../cty/value.js";
import type { ApiInstance } from "./api.js";

/** Status recorded for a member that the API no longer returns (HTTP 404). */
export const MISSING_STATUS = "Missing";

/** One element of the computed `instances` list. */
export interface Member {
  index: number;
  id: string;
  name: string;
  machine_id: string | null;
  status: string;
  nvlink_domain_id: string | null;
}

/** Builds a member entry from an API instance at position `index` of the batch. */
export function memberFromInstance(instance: ApiInstance, index: number): Member {
  const domain = (instance.nvLinkInterfaces ?? []).find((nvlink) => nvlink.nvLinkDomainId);
  return {
    index,
    id: instance.id,
    name: instance.name,
    machine_id: instance.machineId ?? null,
    status: instance.status,
    nvlink_domain_id: domain?.nvLinkDomainId ?? null,
  };
}

/** Reads the members recorded in state, sorted by index; falls back to the ids in `id`. */
export function membersOf(state: CtyObject): Member[] {
  const recorded = state.instances;
  if (Array.isArray(recorded) && !recorded.some(isUnknown)) {
    return (recorded as CtyObject[])
      .map((member) => ({
        index: Number(member.index),
        id: String(member.id),
        name: typeof member.name === "string" ? member.name : "",
        machine_id: typeof member.machine_id === "string" ? member.machine_id : null,
        status: typeof member.status === "string" ? member.status : "",
        nvlink_domain_id:
          typeof member.nvlink_domain_id === "string" ? member.nvlink_domain_id : null,
      }))
      .sort((a, b) => a.index - b.index);
  }
  return splitBatchId(typeof state.id === "string" ? state.id : "").map((id, index) => ({
    index,
    id,
    name: "",
    machine_id: null,
    status: "",
    nvlink_domain_id: null,
  }));
}

/** Splits a batch id or import id into member ids. */
export function splitBatchId(id: string): string[] {
  return id
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** Converts members to the state value of `instances`, sorted by index. */
export function membersValue(members: Member[]): CtyValue {
  return [...members].sort((a, b) => a.index - b.index).map((member) => ({ ...member }));
}

/** Batch id: member ids joined by commas in index order. */
export function batchId(members: Member[]): string {
  return [...members]
    .sort((a, b) => a.index - b.index)
    .map((member) => member.id)
    .join(",");
}

// Names are "<prefix>-<6 characters>"; the upstream API also appends "-<n>".
const NAME_SUFFIX = /-[a-z0-9]{6}(-\d+)?$/;

/** Recovers `name_prefix` from a member name. */
export function namePrefixFromName(name: string): string {
  return name.replace(NAME_SUFFIX, "");
}

const nullIfEmpty = <T>(list: T[] | null | undefined): T[] | null =>
  list && list.length > 0 ? [...list] : null;

/**
 * Builds a complete state from the members of an existing batch, for import. The API returns
 * neither `topology_optimized` nor `timeouts`. `topology_optimized` is false only when the
 * members sit in different NVLink domains, or only some in one, and true otherwise.
 * `timeouts` stays unset.
 */
export function stateFromInstances(instances: ApiInstance[]): CtyObject {
  const first = instances[0]!;
  const members = instances.map(memberFromInstance);
  const domains = new Set(members.map((member) => member.nvlink_domain_id));
  const spread = domains.size > 1;
  return {
    id: batchId(members),
    name_prefix: namePrefixFromName(first.name),
    instance_count: instances.length,
    tenant_id: first.tenantId ?? null,
    instance_type_id: first.instanceTypeId ?? null,
    vpc_id: first.vpcId ?? null,
    description: first.description ? first.description : null,
    labels: first.labels && Object.keys(first.labels).length > 0 ? { ...first.labels } : null,
    secondary_vpc_ids: nullIfEmpty(first.secondaryVpcIds),
    user_data: first.userData ?? null,
    operating_system_id: first.operatingSystemId ? first.operatingSystemId : null,
    ipxe_script: first.ipxeScript ?? null,
    always_boot_with_custom_ipxe: first.alwaysBootWithCustomIpxe ?? false,
    phone_home_enabled: first.phoneHomeEnabled ?? false,
    network_security_group_id: first.networkSecurityGroupId ? first.networkSecurityGroupId : null,
    auto_network: first.autoNetwork ?? false,
    topology_optimized: !spread,
    ssh_key_group_ids: nullIfEmpty(first.sshKeyGroupIds),
    interface: (first.interfaces ?? []).map((item) => ({
      subnet_id: item.subnetId ?? null,
      vpc_prefix_id: item.vpcPrefixId ?? null,
      device: item.device ?? null,
      device_instance: item.deviceInstance ?? null,
      virtual_function_id: item.virtualFunctionId ?? null,
      is_physical: item.isPhysical ?? false,
    })),
    infiniband_interface: (first.infinibandInterfaces ?? []).map((item) => ({
      partition_id: item.partitionId ?? null,
      device: item.device ?? null,
      vendor: item.vendor ?? null,
      device_instance: item.deviceInstance ?? 0,
      is_physical: item.isPhysical ?? true,
    })),
    nvlink_interface: (first.nvLinkInterfaces ?? []).map((item) => ({
      nvlink_logical_partition_id: item.nvLinkLogicalPartitionId ?? null,
      device_instance: item.deviceInstance ?? 0,
    })),
    dpu_extension_service_deployment: (first.dpuExtensionServiceDeployments ?? []).map((item) => ({
      dpu_extension_service_id: item.dpuExtensionServiceId ?? item.dpuExtensionService?.id ?? null,
      version: item.version ?? null,
    })),
    timeouts: null,
    instances: membersValue(members),
  };
}

/**
 * Replaces the unknown values of a planned state after create: `id` and `instances` from the
 * members, and optional computed arguments left unset in configuration from what the API
 * returned for the first member. Configured values are never touched.
 */
export function fillCreatedState(
  planned: CtyObject,
  instances: ApiInstance[],
  members: Member[],
): CtyObject {
  const first = instances[0];
  const state: CtyObject = { ...planned, id: batchId(members), instances: membersValue(members) };
  const known = <T extends CtyValue>(value: CtyValue, fallback: T): CtyValue =>
    isUnknown(value) ? fallback : value;
  state.always_boot_with_custom_ipxe = known(
    planned.always_boot_with_custom_ipxe ?? null,
    first?.alwaysBootWithCustomIpxe ?? false,
  );
  state.phone_home_enabled = known(
    planned.phone_home_enabled ?? null,
    first?.phoneHomeEnabled ?? false,
  );
  state.auto_network = known(planned.auto_network ?? null, first?.autoNetwork ?? false);
  state.topology_optimized = known(planned.topology_optimized ?? null, true);
  state.interface = fillBlock(planned.interface ?? null, (item, index) => {
    const api = first?.interfaces?.[index];
    return { ...item, is_physical: known(item.is_physical ?? null, api?.isPhysical ?? false) };
  });
  state.infiniband_interface = fillBlock(planned.infiniband_interface ?? null, (item, index) => {
    const api = first?.infinibandInterfaces?.[index];
    return {
      ...item,
      device_instance: known(item.device_instance ?? null, api?.deviceInstance ?? 0),
      is_physical: known(item.is_physical ?? null, api?.isPhysical ?? true),
    };
  });
  state.nvlink_interface = fillBlock(planned.nvlink_interface ?? null, (item, index) => {
    const api = first?.nvLinkInterfaces?.[index];
    return {
      ...item,
      device_instance: known(item.device_instance ?? null, api?.deviceInstance ?? 0),
    };
  });
  return state;
}

function fillBlock(value: CtyValue, fill: (item: CtyObject, index: number) => CtyObject): CtyValue {
  if (!Array.isArray(value)) return value;
  return value.map((item, index) =>
    item !== null && typeof item === "object" && !isUnknown(item) && !Array.isArray(item)
      ? fill(item as CtyObject, index)
      : item,
  );
}
