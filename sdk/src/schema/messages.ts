// Rule wording of every validation issue code, in one table. A message is
// "<field path> <rule> (got <value>)", so each entry describes the rule from the field's side.
import { formatPath } from "./paths.js";

/** Parameters a rule's wording may use, such as `minimum` or `values`. */
export type RuleParams = Record<string, unknown>;

/**
 * Renders the field names inside messages, so that a caller such as the Terraform provider can
 * name its own attributes instead of the request fields.
 */
export interface FieldNames {
  /** Renders a request path, such as `interfaces[0].subnetId`; `[]` is the whole value. */
  path(path: readonly (string | number)[]): string;
  /** Renders the name of one request field or list, such as `autoNetwork` or `subnetId`. */
  field(name: string): string;
}

/** Field names as the request spells them: `interfaces[0].subnetId`, `autoNetwork`. */
export const requestFieldNames: FieldNames = {
  path: (path) => formatPath(path),
  field: (name) => name,
};

type RuleText = (params: RuleParams, names: FieldNames) => string;

function unitSuffix(params: RuleParams): string {
  if (params.origin === "array" || params.origin === "set") return " items";
  if (params.origin === "object") return " entries";
  if (params.origin === "string") return " bytes long";
  return "";
}

function atLeast(params: RuleParams): string {
  if (params.origin === "label_key") return "key must not be empty";
  if (params.origin === "number" || params.origin === "int" || params.origin === undefined) {
    return `must be at least ${String(params.minimum)}`;
  }
  if (params.origin === "string") return `must be at least ${String(params.minimum)} bytes long`;
  return `must have at least ${String(params.minimum)}${unitSuffix(params)}`;
}

function atMost(params: RuleParams): string {
  if (params.origin === "label_key") {
    return `key must be at most ${String(params.maximum)} bytes long`;
  }
  if (params.origin === "number" || params.origin === "int" || params.origin === undefined) {
    return `must be at most ${String(params.maximum)}`;
  }
  if (params.origin === "string") return `must be at most ${String(params.maximum)} bytes long`;
  return `must have at most ${String(params.maximum)}${unitSuffix(params)}`;
}

const expectedNames: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "a boolean",
  array: "an array",
  object: "an object",
  record: "an object",
  null: "null",
  literal: "a fixed value",
};

const formatNames: Record<string, string> = {
  guid: "must be a UUID (8-4-4-4-12 hexadecimal digits)",
  uuid: "must be a UUID (8-4-4-4-12 hexadecimal digits)",
  uuid_upper_case: "must be written in lower case: NICo ids are lower-case UUIDs",
  reserved_key: 'key must not be "__proto__"; choose another key',
  datetime: "must be an RFC 3339 date-time with a time zone",
  ip: "must be an IPv4 or IPv6 address",
  edge_whitespace: "must not start or end with whitespace",
  blank: "key must contain a character other than whitespace",
  uuid_or_empty: 'must be a UUID, or "" to remove the value',
  order_by: "must be a sort field in capitals followed by _ASC or _DESC, such as NAME_ASC",
};

const ruleTexts: Record<string, RuleText> = {
  required: (p) =>
    p.zeroIsMissing === true
      ? "is required: 0 counts as missing, send an integer from 2 to 18"
      : "is required",
  invalid_type: (p) => `must be ${expectedNames[String(p.expected)] ?? String(p.expected)}`,
  too_small: atLeast,
  too_big: atMost,
  invalid_format: (p) =>
    formatNames[String(p.format)] ??
    (p.pattern
      ? `must match the pattern ${String(p.pattern)}`
      : `must be a valid ${String(p.format)}`),
  invalid_value: (p) => {
    const values = Array.isArray(p.values) ? p.values.map((v) => JSON.stringify(v)) : [];
    return values.length === 1 ? `must be ${values[0]}` : `must be one of ${values.join(", ")}`;
  },
  unrecognized_keys: (p) =>
    p.suggestion === undefined
      ? "is not a known field; remove it"
      : `is not a known field; did you mean ${String(p.suggestion)}?`,

  interfaces_not_allowed_with_auto_network: (_, n) =>
    `must be empty or omitted when ${n.field("autoNetwork")} is true`,
  interfaces_required: (_, n) =>
    `needs at least one interface unless ${n.field("autoNetwork")} is true`,
  secondary_vpcs_not_allowed_with_auto_network: (_, n) =>
    `must be omitted or null when ${n.field("autoNetwork")} is true (an empty list counts as given)`,
  secondary_vpcs_need_prefix_interfaces: (_, n) =>
    `needs every interface to use ${n.field("vpcPrefixId")} (an empty list counts as given); omit it or send null when interfaces use subnets`,
  secondary_vpcs_need_interfaces: (_, n) =>
    `needs ${n.field("interfaces")} in the same request, all using ${n.field("vpcPrefixId")}`,
  duplicate_secondary_vpc: (_, n) =>
    `lists a VPC id that appears earlier in ${n.field("secondaryVpcIds")}`,
  secondary_vpc_is_primary: (_, n) => `must not contain the primary ${n.field("vpcId")}`,
  boot_source_required: (_, n) => `or a non-empty ${n.field("ipxeScript")} must be given`,
  ipxe_script_empty: (_, n) =>
    `must not be empty when ${n.field("operatingSystemId")} is not given`,
  ip_address_not_supported: () =>
    "is not accepted by batch create; remove it and let the site assign addresses",
  interface_kinds_mixed: (_, n) =>
    `must all use ${n.field("subnetId")} or all use ${n.field("vpcPrefixId")}, not a mix of both`,
  device_info_mixed: (_, n) =>
    `must all carry ${n.field("device")} and ${n.field("deviceInstance")}, or none of them may carry either`,
  multiple_physical_interfaces: (_, n) =>
    `may mark at most one interface with ${n.field("isPhysical")} = true when no interface has device info`,
  network_source_conflict: (_, n) =>
    `and ${n.field("vpcPrefixId")} cannot both be given; keep one of them`,
  network_source_required: (_, n) => `or ${n.field("vpcPrefixId")} must be given`,
  device_required: (_, n) => `is required when ${n.field("deviceInstance")} is given`,
  device_instance_required: (_, n) => `is required when ${n.field("device")} is given`,
  device_needs_vpc_prefix: (_, n) => `is required when ${n.field("device")} is given`,
  virtual_function_id_required: (_, n) =>
    `is required (1 to 16) when ${n.field("device")} is given and ${n.field("isPhysical")} is false`,
  ip_address_with_subnet: (_, n) =>
    `is only accepted on interfaces that use ${n.field("vpcPrefixId")}`,
  ip_address_host_bit: () => "must have its last bit set to 1",
  duplicate_nvlink_device_instance: (p, n) =>
    `repeats ${n.field("deviceInstance")} ${String(p.deviceInstance)} of ${n.path(["nvLinkInterfaces", Number(p.firstIndex)])}`,
  duplicate_infiniband_device: (p, n) =>
    `repeats ${n.field("device")} ${JSON.stringify(p.device)} with ${n.field("deviceInstance")} ${String(p.deviceInstance)} of ${n.path(["infinibandInterfaces", Number(p.firstIndex)])}`,
  duplicate_dpu_deployment: (p, n) =>
    `repeats service ${String(p.serviceId)} at version ${JSON.stringify(p.version)} of ${n.path(["dpuExtensionServiceDeployments", Number(p.firstIndex)])}`,
  reboot_with_changes: () =>
    "cannot be combined with attribute changes; send the reboot and the changes as separate requests",
  reboot_option_without_reboot: (_, n) => `needs ${n.field("triggerReboot")}: true`,
  invalid_json: () => "must be valid JSON",
  too_many_issues: (p) =>
    `has ${String(p.omitted)} more issues that are not listed; fix the first ${String(p.reported)} and validate again to see the rest`,
};

/**
 * Returns the wording of the rule behind `code`, filled in with `params`. Field names inside the
 * wording come from `names`, by default the request's own spelling.
 */
export function describeRule(
  code: string,
  params: RuleParams,
  names: FieldNames = requestFieldNames,
): string {
  const text = ruleTexts[code];
  return text ? text(params, names) : `breaks rule ${code}`;
}
