// Rule wording of every validation issue code, in one table. A message is
// "<field path> <rule> (got <value>)", so each entry describes the rule from the field's side.

/** Parameters a rule's wording may use, such as `minimum` or `values`. */
export type RuleParams = Record<string, unknown>;

type RuleText = (params: RuleParams) => string;

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

  interfaces_not_allowed_with_auto_network: () =>
    "must be empty or omitted when autoNetwork is true",
  interfaces_required: () => "needs at least one interface unless autoNetwork is true",
  secondary_vpcs_not_allowed_with_auto_network: () =>
    "must be omitted or null when autoNetwork is true (an empty list counts as given)",
  secondary_vpcs_need_prefix_interfaces: () =>
    "needs every interface to use vpcPrefixId (an empty list counts as given); omit it or send null when interfaces use subnets",
  secondary_vpcs_need_interfaces: () =>
    "needs interfaces in the same request, all using vpcPrefixId",
  duplicate_secondary_vpc: () => "lists a VPC id that appears earlier in secondaryVpcIds",
  secondary_vpc_is_primary: () => "must not contain the primary vpcId",
  boot_source_required: () => "or a non-empty ipxeScript must be given",
  ipxe_script_empty: () => "must not be empty when operatingSystemId is not given",
  ip_address_not_supported: () =>
    "is not accepted by batch create; remove it and let the site assign addresses",
  interface_kinds_mixed: () => "must all use subnetId or all use vpcPrefixId, not a mix of both",
  device_info_mixed: () =>
    "must all carry device and deviceInstance, or none of them may carry either",
  multiple_physical_interfaces: () =>
    "may mark at most one interface isPhysical: true when no interface has device info",
  network_source_conflict: () => "and vpcPrefixId cannot both be given; keep one of them",
  network_source_required: () => "or vpcPrefixId must be given",
  device_required: () => "is required when deviceInstance is given",
  device_instance_required: () => "is required when device is given",
  device_needs_vpc_prefix: () => "is required when device is given",
  virtual_function_id_required: () =>
    "is required (1 to 16) when device is given and isPhysical is false",
  ip_address_with_subnet: () => "is only accepted on interfaces that use vpcPrefixId",
  ip_address_host_bit: () => "must have its last bit set to 1",
  duplicate_nvlink_device_instance: (p) =>
    `repeats deviceInstance ${String(p.deviceInstance)} of nvLinkInterfaces[${String(p.firstIndex)}]`,
  duplicate_infiniband_device: (p) =>
    `repeats device ${JSON.stringify(p.device)} with deviceInstance ${String(p.deviceInstance)} of infinibandInterfaces[${String(p.firstIndex)}]`,
  duplicate_dpu_deployment: (p) =>
    `repeats service ${String(p.serviceId)} at version ${JSON.stringify(p.version)} of dpuExtensionServiceDeployments[${String(p.firstIndex)}]`,
  reboot_with_changes: () =>
    "cannot be combined with attribute changes; send the reboot and the changes as separate requests",
  reboot_option_without_reboot: () => "needs triggerReboot: true",
  invalid_json: () => "must be valid JSON",
};

/** Returns the wording of the rule behind `code`, filled in with `params`. */
export function describeRule(code: string, params: RuleParams): string {
  const text = ruleTexts[code];
  return text ? text(params) : `breaks rule ${code}`;
}
