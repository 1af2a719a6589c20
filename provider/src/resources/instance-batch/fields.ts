/**
 * Mapping between the resource's snake_case arguments and the camelCase fields of the batch
 * create request. The same table converts configuration into a request body and validation
 * issue paths back into attribute paths.
 */

/** Encoding of an argument in the request: a plain value, a set (array) or a map (object). */
export type FieldKind = "scalar" | "set" | "map";

/** One argument and its request field. */
export interface FieldMapping {
  attribute: string;
  field: string;
  kind: FieldKind;
}

/** One list block and the request array it becomes. */
export interface BlockMapping {
  attribute: string;
  field: string;
  fields: FieldMapping[];
}

const scalar = (attribute: string, field: string): FieldMapping => ({
  attribute,
  field,
  kind: "scalar",
});

/** Top-level arguments, in schema order. */
export const ARGUMENT_FIELDS: FieldMapping[] = [
  scalar("name_prefix", "namePrefix"),
  scalar("instance_count", "count"),
  scalar("tenant_id", "tenantId"),
  scalar("instance_type_id", "instanceTypeId"),
  scalar("vpc_id", "vpcId"),
  scalar("description", "description"),
  { attribute: "labels", field: "labels", kind: "map" },
  { attribute: "secondary_vpc_ids", field: "secondaryVpcIds", kind: "set" },
  scalar("user_data", "userData"),
  scalar("operating_system_id", "operatingSystemId"),
  scalar("ipxe_script", "ipxeScript"),
  scalar("always_boot_with_custom_ipxe", "alwaysBootWithCustomIpxe"),
  scalar("phone_home_enabled", "phoneHomeEnabled"),
  scalar("network_security_group_id", "networkSecurityGroupId"),
  scalar("auto_network", "autoNetwork"),
  scalar("topology_optimized", "topologyOptimized"),
  { attribute: "ssh_key_group_ids", field: "sshKeyGroupIds", kind: "set" },
];

/** List blocks, each shared by every instance of the batch. */
export const BLOCK_FIELDS: BlockMapping[] = [
  {
    attribute: "interface",
    field: "interfaces",
    fields: [
      scalar("subnet_id", "subnetId"),
      scalar("vpc_prefix_id", "vpcPrefixId"),
      scalar("device", "device"),
      scalar("device_instance", "deviceInstance"),
      scalar("virtual_function_id", "virtualFunctionId"),
      scalar("is_physical", "isPhysical"),
    ],
  },
  {
    attribute: "infiniband_interface",
    field: "infinibandInterfaces",
    fields: [
      scalar("partition_id", "partitionId"),
      scalar("device", "device"),
      scalar("vendor", "vendor"),
      scalar("device_instance", "deviceInstance"),
      scalar("is_physical", "isPhysical"),
    ],
  },
  {
    attribute: "nvlink_interface",
    field: "nvLinkInterfaces",
    fields: [
      scalar("nvlink_logical_partition_id", "nvLinkLogicalPartitionId"),
      scalar("device_instance", "deviceInstance"),
    ],
  },
  {
    attribute: "dpu_extension_service_deployment",
    field: "dpuExtensionServiceDeployments",
    fields: [
      scalar("dpu_extension_service_id", "dpuExtensionServiceId"),
      scalar("version", "version"),
    ],
  },
];

/** Arguments that change in place; every other argument forces a replacement. */
export const IN_PLACE_ATTRIBUTES = new Set(["labels", "description", "timeouts"]);

/** Request field names that the API matches case-insensitively and that may arrive in either spelling. */
const FIELD_ALIASES: Record<string, string> = {
  nvLinklogicalPartitionId: "nvLinkLogicalPartitionId",
};

/** Finds the mapping of a top-level request field. */
export function argumentForField(field: string): FieldMapping | undefined {
  return ARGUMENT_FIELDS.find((mapping) => mapping.field === field);
}

/** Finds the mapping of a list block by its request field. */
export function blockForField(field: string): BlockMapping | undefined {
  return BLOCK_FIELDS.find((mapping) => mapping.field === field);
}

/** Finds a field of a block element, accepting the alternative spellings the API accepts. */
export function blockField(block: BlockMapping, field: string): FieldMapping | undefined {
  const canonical = FIELD_ALIASES[field] ?? field;
  return block.fields.find((mapping) => mapping.field === canonical);
}
