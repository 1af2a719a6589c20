// Rules over several fields that the request alone can decide. Each function returns raw issues
// with absolute paths; the request schemas attach them to zod as custom issues.
import { z } from "zod";
import { wholeValueKey } from "./issues.js";

/** A rule violation before it is turned into a `ValidationIssue`. */
export interface RuleIssue {
  path: (string | number)[];
  code: string;
  crossField: boolean;
  fields?: (string | number)[][];
  params?: Record<string, unknown>;
}

/** The interface fields the list rules read. */
export interface InterfaceLike {
  subnetId?: string | null | undefined;
  vpcPrefixId?: string | null | undefined;
  ipAddress?: string | null | undefined;
  device?: string | null | undefined;
  deviceInstance?: number | null | undefined;
  virtualFunctionId?: number | null | undefined;
  isPhysical?: boolean | null | undefined;
}

const isPresent = (value: unknown): boolean => value !== null && value !== undefined;

const ipv4 = z.ipv4();
const ipv6 = z.ipv6();

/** Returns true when the last bit of a valid IPv4 or IPv6 address is 1. */
export function hasHostBitSet(address: string): boolean {
  if (ipv4.safeParse(address).success) {
    const last = Number(address.split(".").at(-1));
    return (last & 1) === 1;
  }
  const lastGroup = address.split(":").at(-1) ?? "";
  if (lastGroup.includes(".")) return hasHostBitSet(lastGroup);
  const value = lastGroup === "" ? 0 : Number.parseInt(lastGroup, 16);
  return (value & 1) === 1;
}

/**
 * Checks the rules of one interface. It needs exactly one of subnetId and vpcPrefixId, and
 * device and deviceInstance come together and only with vpcPrefixId. A virtual function needs
 * virtualFunctionId. With `checkIpAddress`, ipAddress must be a valid address whose last bit is 1
 * on a vpcPrefixId interface. Without it (batch create), any ipAddress is rejected.
 */
export function interfaceRules(
  item: InterfaceLike,
  path: (string | number)[],
  checkIpAddress: boolean,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const at = (field: string) => [...path, field];
  const hasSubnet = isPresent(item.subnetId);
  const hasPrefix = isPresent(item.vpcPrefixId);
  const hasDevice = isPresent(item.device);
  const hasDeviceInstance = isPresent(item.deviceInstance);

  if (hasSubnet && hasPrefix) {
    issues.push({
      path: at("subnetId"),
      code: "network_source_conflict",
      crossField: true,
      fields: [at("subnetId"), at("vpcPrefixId")],
    });
  } else if (!hasSubnet && !hasPrefix) {
    issues.push({
      path: at("subnetId"),
      code: "network_source_required",
      crossField: true,
      fields: [at("subnetId"), at("vpcPrefixId")],
    });
  }
  if (hasDeviceInstance && !hasDevice) {
    issues.push({
      path: at("device"),
      code: "device_required",
      crossField: true,
      fields: [at("device"), at("deviceInstance")],
    });
  }
  if (hasDevice && !hasDeviceInstance) {
    issues.push({
      path: at("deviceInstance"),
      code: "device_instance_required",
      crossField: true,
      fields: [at("device"), at("deviceInstance")],
    });
  }
  if (hasDevice && !hasPrefix) {
    issues.push({
      path: at("vpcPrefixId"),
      code: "device_needs_vpc_prefix",
      crossField: true,
      fields: [at("device"), at("vpcPrefixId")],
    });
  }
  if (hasDevice && item.isPhysical !== true && !isPresent(item.virtualFunctionId)) {
    issues.push({
      path: at("virtualFunctionId"),
      code: "virtual_function_id_required",
      crossField: true,
      fields: [at("device"), at("isPhysical"), at("virtualFunctionId")],
    });
  }

  if (isPresent(item.ipAddress)) {
    const address = item.ipAddress as string;
    if (!checkIpAddress) {
      issues.push({ path: at("ipAddress"), code: "ip_address_not_supported", crossField: false });
    } else if (!ipv4.safeParse(address).success && !ipv6.safeParse(address).success) {
      issues.push({
        path: at("ipAddress"),
        code: "invalid_format",
        crossField: false,
        params: { format: "ip" },
      });
    } else if (hasSubnet) {
      issues.push({
        path: at("ipAddress"),
        code: "ip_address_with_subnet",
        crossField: true,
        fields: [at("ipAddress"), at("subnetId")],
      });
    } else if (!hasHostBitSet(address)) {
      issues.push({ path: at("ipAddress"), code: "ip_address_host_bit", crossField: false });
    }
  }
  return issues;
}

/**
 * Checks the rules over the whole interface list and reports them under `interfaces.__all__`.
 * Interfaces are all subnet-based or all prefix-based, and carry device info on all or none.
 * Without device info, at most one interface is physical.
 */
export function interfaceListRules(
  items: readonly InterfaceLike[],
  path: (string | number)[],
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const listPath = [...path, wholeValueKey];
  const fieldsOf = (field: string) => items.map((_, index) => [...path, index, field]);

  // An interface with both ids already has its own network_source_conflict issue, so only
  // interfaces with exactly one id decide whether the list mixes kinds.
  const subnetCount = items.filter(
    (item) => isPresent(item.subnetId) && !isPresent(item.vpcPrefixId),
  ).length;
  const prefixCount = items.filter(
    (item) => isPresent(item.vpcPrefixId) && !isPresent(item.subnetId),
  ).length;
  if (subnetCount > 0 && prefixCount > 0) {
    issues.push({
      path: listPath,
      code: "interface_kinds_mixed",
      crossField: true,
      fields: [...fieldsOf("subnetId"), ...fieldsOf("vpcPrefixId")],
    });
  }

  const withDevice = items.filter(
    (item) => isPresent(item.device) || isPresent(item.deviceInstance),
  );
  if (withDevice.length > 0 && withDevice.length < items.length) {
    issues.push({
      path: listPath,
      code: "device_info_mixed",
      crossField: true,
      fields: [...fieldsOf("device"), ...fieldsOf("deviceInstance")],
    });
  }

  if (withDevice.length === 0) {
    const physicalCount = items.filter((item) => item.isPhysical === true).length;
    if (physicalCount > 1) {
      issues.push({
        path: listPath,
        code: "multiple_physical_interfaces",
        crossField: true,
        fields: [...fieldsOf("isPhysical"), ...fieldsOf("device"), ...fieldsOf("deviceInstance")],
      });
    }
  }
  return issues;
}

/**
 * Makes the first interface physical when no interface is physical and none carries device
 * info, as the server does. Returns a new list and leaves the input unchanged.
 */
export function withDefaultPhysicalInterface<T extends InterfaceLike>(items: readonly T[]): T[] {
  const copy = items.map((item) => ({ ...item }));
  const hasDeviceInfo = copy.some(
    (item) => isPresent(item.device) || isPresent(item.deviceInstance),
  );
  const hasPhysical = copy.some((item) => item.isPhysical === true);
  if (copy.length > 0 && !hasDeviceInfo && !hasPhysical) copy[0]!.isPhysical = true;
  return copy;
}

/** Reports every element whose key (from `keyOf`) already appeared earlier in the list. */
export function duplicateRules<T>(
  items: readonly T[],
  path: (string | number)[],
  keyOf: (item: T) => string,
  issueOf: (index: number, firstIndex: number, item: T) => RuleIssue,
): RuleIssue[] {
  const firstSeen = new Map<string, number>();
  const issues: RuleIssue[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    const firstIndex = firstSeen.get(key);
    if (firstIndex === undefined) {
      firstSeen.set(key, index);
    } else {
      issues.push(issueOf(index, firstIndex, item));
    }
  });
  return issues;
}

/** The nested lists every request that carries them shares rules for. */
export interface NestedLists {
  secondaryVpcIds?: readonly string[] | null | undefined;
  infinibandInterfaces?:
    readonly { device: string; deviceInstance?: number | null | undefined }[] | null | undefined;
  nvLinkInterfaces?: readonly { deviceInstance?: number | null | undefined }[] | null | undefined;
  dpuExtensionServiceDeployments?:
    readonly { dpuExtensionServiceId: string; version: string }[] | null | undefined;
}

/**
 * Checks that secondary VPC ids, NVLink deviceInstance values, InfiniBand (device,
 * deviceInstance) pairs and DPU (service, version) pairs are unique. A missing deviceInstance
 * counts as 0.
 */
export function uniquenessRules(request: NestedLists): RuleIssue[] {
  const issues: RuleIssue[] = [];
  issues.push(
    ...duplicateRules(
      request.secondaryVpcIds ?? [],
      ["secondaryVpcIds"],
      (id) => id.toLowerCase(),
      (index, firstIndex) => ({
        path: ["secondaryVpcIds", index],
        code: "duplicate_secondary_vpc",
        crossField: true,
        fields: [
          ["secondaryVpcIds", firstIndex],
          ["secondaryVpcIds", index],
        ],
      }),
    ),
  );
  issues.push(
    ...duplicateRules(
      request.nvLinkInterfaces ?? [],
      ["nvLinkInterfaces"],
      (item) => String(item.deviceInstance ?? 0),
      (index, firstIndex, item) => ({
        path: ["nvLinkInterfaces", index, "deviceInstance"],
        code: "duplicate_nvlink_device_instance",
        crossField: true,
        fields: [
          ["nvLinkInterfaces", firstIndex, "deviceInstance"],
          ["nvLinkInterfaces", index, "deviceInstance"],
        ],
        params: { deviceInstance: item.deviceInstance ?? 0, firstIndex },
      }),
    ),
  );
  issues.push(
    ...duplicateRules(
      request.infinibandInterfaces ?? [],
      ["infinibandInterfaces"],
      (item) => JSON.stringify([item.device, item.deviceInstance ?? 0]),
      (index, firstIndex, item) => ({
        path: ["infinibandInterfaces", index, "deviceInstance"],
        code: "duplicate_infiniband_device",
        crossField: true,
        fields: [
          ["infinibandInterfaces", firstIndex, "device"],
          ["infinibandInterfaces", firstIndex, "deviceInstance"],
          ["infinibandInterfaces", index, "device"],
          ["infinibandInterfaces", index, "deviceInstance"],
        ],
        params: { device: item.device, deviceInstance: item.deviceInstance ?? 0, firstIndex },
      }),
    ),
  );
  issues.push(
    ...duplicateRules(
      request.dpuExtensionServiceDeployments ?? [],
      ["dpuExtensionServiceDeployments"],
      (item) => JSON.stringify([item.dpuExtensionServiceId.toLowerCase(), item.version]),
      (index, firstIndex, item) => ({
        path: ["dpuExtensionServiceDeployments", index],
        code: "duplicate_dpu_deployment",
        crossField: true,
        fields: [
          ["dpuExtensionServiceDeployments", firstIndex, "dpuExtensionServiceId"],
          ["dpuExtensionServiceDeployments", firstIndex, "version"],
          ["dpuExtensionServiceDeployments", index, "dpuExtensionServiceId"],
          ["dpuExtensionServiceDeployments", index, "version"],
        ],
        params: {
          serviceId: item.dpuExtensionServiceId,
          version: item.version,
          firstIndex,
        },
      }),
    ),
  );
  return issues;
}

/** Batch create fields the cross-field rules read. */
export interface BatchRuleInput extends NestedLists {
  vpcId: string;
  autoNetwork: boolean;
  interfaces?: readonly InterfaceLike[] | null | undefined;
  operatingSystemId?: string | null | undefined;
  ipxeScript?: string | null | undefined;
}

/** Checks every rule of a batch create request that reads more than one field. */
export function batchRequestRules(request: BatchRuleInput): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const interfaces = request.interfaces ?? [];

  if (request.autoNetwork && interfaces.length > 0) {
    issues.push({
      path: ["interfaces"],
      code: "interfaces_not_allowed_with_auto_network",
      crossField: true,
      fields: [["autoNetwork"], ["interfaces"]],
    });
  }
  if (!request.autoNetwork && interfaces.length === 0) {
    issues.push({
      path: ["interfaces"],
      code: "interfaces_required",
      crossField: true,
      fields: [["autoNetwork"], ["interfaces"]],
    });
  }

  // Any non-null secondaryVpcIds counts as given, including an empty list.
  if (isPresent(request.secondaryVpcIds)) {
    if (request.autoNetwork) {
      issues.push({
        path: ["secondaryVpcIds"],
        code: "secondary_vpcs_not_allowed_with_auto_network",
        crossField: true,
        fields: [["secondaryVpcIds"], ["autoNetwork"]],
      });
    } else if (interfaces.some((item) => !isPresent(item.vpcPrefixId))) {
      issues.push({
        path: ["secondaryVpcIds"],
        code: "secondary_vpcs_need_prefix_interfaces",
        crossField: true,
        fields: [
          ["secondaryVpcIds"],
          ["autoNetwork"],
          ...interfaces.map((_, index) => ["interfaces", index, "vpcPrefixId"]),
        ],
      });
    }
    request.secondaryVpcIds!.forEach((id, index) => {
      if (id.toLowerCase() === request.vpcId.toLowerCase()) {
        issues.push({
          path: ["secondaryVpcIds", index],
          code: "secondary_vpc_is_primary",
          crossField: true,
          fields: [["secondaryVpcIds", index], ["vpcId"]],
        });
      }
    });
  }

  if (!isPresent(request.operatingSystemId)) {
    if (!isPresent(request.ipxeScript)) {
      issues.push({
        path: ["operatingSystemId"],
        code: "boot_source_required",
        crossField: true,
        fields: [["operatingSystemId"], ["ipxeScript"]],
      });
    } else if (request.ipxeScript === "") {
      issues.push({
        path: ["ipxeScript"],
        code: "ipxe_script_empty",
        crossField: true,
        fields: [["ipxeScript"], ["operatingSystemId"]],
      });
    }
  }

  interfaces.forEach((item, index) => {
    issues.push(...interfaceRules(item, ["interfaces", index], false));
  });
  if (interfaces.length > 0) issues.push(...interfaceListRules(interfaces, ["interfaces"]));
  issues.push(...uniquenessRules(request));
  return issues;
}

/** Update request fields the cross-field rules read. */
export interface UpdateRuleInput extends NestedLists {
  interfaces?: readonly InterfaceLike[] | null | undefined;
  autoNetwork?: boolean | null | undefined;
  triggerReboot?: boolean | null | undefined;
  rebootWithCustomIpxe?: boolean | null | undefined;
  applyUpdatesOnReboot?: boolean | null | undefined;
}

const rebootOptionFields = ["rebootWithCustomIpxe", "applyUpdatesOnReboot"] as const;

/** Checks every rule of an instance update request that reads more than one field. */
export function updateRequestRules(
  request: UpdateRuleInput & Record<string, unknown>,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const interfaces = request.interfaces ?? [];

  if (request.triggerReboot === true) {
    const changed = Object.keys(request).filter(
      (key) =>
        key !== "triggerReboot" &&
        !(rebootOptionFields as readonly string[]).includes(key) &&
        isPresent(request[key]),
    );
    if (changed.length > 0) {
      issues.push({
        path: ["triggerReboot"],
        code: "reboot_with_changes",
        crossField: true,
        fields: [["triggerReboot"], ...changed.map((key) => [key])],
      });
    }
  } else {
    for (const option of rebootOptionFields) {
      if (request[option] === true) {
        issues.push({
          path: [option],
          code: "reboot_option_without_reboot",
          crossField: true,
          fields: [[option], ["triggerReboot"]],
        });
      }
    }
  }

  if (request.autoNetwork === true && interfaces.length > 0) {
    issues.push({
      path: ["interfaces"],
      code: "interfaces_not_allowed_with_auto_network",
      crossField: true,
      fields: [["autoNetwork"], ["interfaces"]],
    });
  }
  if (isPresent(request.secondaryVpcIds)) {
    if (request.autoNetwork === true) {
      issues.push({
        path: ["secondaryVpcIds"],
        code: "secondary_vpcs_not_allowed_with_auto_network",
        crossField: true,
        fields: [["secondaryVpcIds"], ["autoNetwork"]],
      });
    } else if (interfaces.length === 0 || interfaces.some((item) => !isPresent(item.vpcPrefixId))) {
      issues.push({
        path: ["secondaryVpcIds"],
        code: "secondary_vpcs_need_interfaces",
        crossField: true,
        fields: [
          ["secondaryVpcIds"],
          ["autoNetwork"],
          ["interfaces"],
          ...interfaces.map((_, index) => ["interfaces", index, "vpcPrefixId"]),
        ],
      });
    }
  }

  interfaces.forEach((item, index) => {
    issues.push(...interfaceRules(item, ["interfaces", index], true));
  });
  if (interfaces.length > 0) issues.push(...interfaceListRules(interfaces, ["interfaces"]));
  issues.push(...uniquenessRules(request));
  return issues;
}
