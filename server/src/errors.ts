/** Parameters a message template reads; every value is shown as text. */
type Params = Record<string, string | number>;

interface ErrorTemplate {
  status: number;
  message: (params: Params) => string;
}

function template(status: number, message: (params: Params) => string): ErrorTemplate {
  return { status, message };
}

/**
 * Every user-facing error of the server, keyed by code: HTTP status and message.
 *
 * Codes are snake_case and stable; messages name the value and, where it helps, the fix.
 */
export const errorTemplates = {
  route_not_found: template(404, (p) => `No API route matches ${p.method} ${p.path}.`),
  internal_error: template(500, () => "The server failed to process the request; see its log."),

  auth_header_missing: template(
    401,
    () => "Missing Authorization header; send 'Authorization: Bearer <token>'.",
  ),
  auth_header_invalid: template(
    401,
    () => "Invalid Authorization header; the expected form is 'Bearer <token>'.",
  ),
  auth_token_invalid: template(401, (p) => `Invalid bearer token: ${p.reason}.`),
  auth_token_expired: template(401, () => "The bearer token has expired; request a new one."),
  org_membership_missing: template(403, (p) => `The caller is not a member of org ${p.org}.`),
  tenant_admin_role_missing: template(
    403,
    (p) => `The caller does not hold the TENANT_ADMIN role in org ${p.org}.`,
  ),
  org_tenant_missing: template(400, (p) => `Org ${p.org} has no tenant.`),
  org_tenant_missing_read: template(403, (p) => `Org ${p.org} has no tenant.`),

  body_invalid_json: template(400, (p) => `The request body is not valid JSON: ${p.reason}.`),
  body_too_large: template(413, (p) => `The request body exceeds the limit of ${p.limit} bytes.`),
  body_media_type_unsupported: template(
    415,
    (p) => `Unsupported request content type ${p.type}; send application/json.`,
  ),
  request_invalid: template(400, (p) => `The request is invalid: ${p.reason}.`),

  batch_request_invalid: template(
    400,
    () => "Error validating batch instance creation request data",
  ),
  update_request_invalid: template(400, () => "Error validating instance update request data"),
  delete_request_invalid: template(400, () => "Error validating instance deletion request data"),

  tenant_id_unknown: template(400, (p) => `tenantId ${p.tenantId} does not match any tenant.`),
  tenant_id_mismatch: template(
    400,
    (p) => `tenantId ${p.tenantId} is not the tenant of org ${p.org} (${p.orgTenantId}).`,
  ),
  instance_type_not_found: template(400, (p) => `Instance type ${p.id} was not found.`),
  vpc_not_found: template(400, (p) => `VPC ${p.id} was not found.`),
  vpc_not_owned: template(400, (p) => `VPC ${p.id} belongs to another tenant.`),
  vpc_not_ready: template(400, (p) => `VPC ${p.id} is not ready (status ${p.status}).`),
  vpc_auto_network_requires_flat: template(
    400,
    () => "Error validating batch instance creation request data",
  ),
  vpc_site_mismatch: template(
    400,
    (p) =>
      `VPC ${p.vpcId} (site ${p.vpcSiteId}) and instance type ${p.instanceTypeId} (site ${p.typeSiteId}) are at different sites.`,
  ),
  site_not_found: template(400, (p) => `Site ${p.id} was not found.`),
  site_not_registered: template(
    400,
    (p) =>
      `Site ${p.id} is not in Registered state (status ${p.status}); instances cannot be created there.`,
  ),
  secondary_vpc_not_found: template(400, (p) => `Secondary VPC ${p.id} was not found.`),
  secondary_vpc_not_owned: template(400, (p) => `Secondary VPC ${p.id} belongs to another tenant.`),
  secondary_vpc_not_ready: template(
    400,
    (p) => `Secondary VPC ${p.id} is not ready (status ${p.status}).`,
  ),
  secondary_vpc_site_mismatch: template(
    400,
    (p) => `Secondary VPC ${p.id} is at site ${p.vpcSiteId}, not at site ${p.siteId}.`,
  ),

  subnet_not_found: template(400, (p) => `Subnet ${p.id} was not found.`),
  subnet_not_owned: template(400, (p) => `Subnet ${p.id} belongs to another tenant.`),
  subnet_not_ready: template(
    400,
    (p) => `Subnet ${p.id} is not in Ready state (status ${p.status}).`,
  ),
  subnet_vpc_mismatch: template(
    400,
    (p) => `Subnet ${p.id} is in VPC ${p.subnetVpcId}, not in VPC ${p.vpcId}.`,
  ),
  subnet_requires_ethernet_vpc: template(
    400,
    (p) =>
      `Subnet interfaces need a VPC of type ETHERNET_VIRTUALIZER, but VPC ${p.vpcId} is ${p.type}.`,
  ),
  prefix_not_found: template(400, (p) => `VPC prefix ${p.id} was not found.`),
  prefix_not_owned: template(400, (p) => `VPC prefix ${p.id} belongs to another tenant.`),
  prefix_not_ready: template(
    400,
    (p) => `VPC prefix ${p.id} is not in Ready state (status ${p.status}).`,
  ),
  prefix_site_mismatch: template(
    400,
    (p) =>
      `VPC prefix ${p.id} is at site ${p.prefixSiteId}, which is not the site ${p.siteId} of the instances.`,
  ),
  prefix_requires_fnn_vpc: template(
    400,
    (p) => `VPC prefix interfaces need a VPC of type FNN, but VPC ${p.vpcId} is ${p.type}.`,
  ),
  prefix_vpc_undeclared: template(
    400,
    (p) =>
      `VPC prefix ${p.id} belongs to VPC ${p.prefixVpcId}, which is neither vpcId nor listed in secondaryVpcIds.`,
  ),
  primary_physical_interface_off_vpc: template(
    400,
    (p) =>
      `The primary physical interface uses VPC prefix ${p.id} of VPC ${p.prefixVpcId}; it must use a prefix of vpcId ${p.vpcId}.`,
  ),
  primary_physical_interface_off_vpc_device: template(
    400,
    (p) =>
      `The primary physical interface for deviceInstance 0 uses VPC prefix ${p.id} of VPC ${p.prefixVpcId}; it must use a prefix of vpcId ${p.vpcId}.`,
  ),
  prefix_vpc_set_mismatch: template(
    400,
    (p) =>
      `The interfaces use VPC prefixes of VPCs [${p.used}], but vpcId and secondaryVpcIds declare [${p.declared}]; every declared VPC needs an interface.`,
  ),

  dpu_service_not_found: template(400, (p) => `DPU extension service ${p.id} was not found.`),
  dpu_service_not_owned: template(
    403,
    (p) => `DPU extension service ${p.id} belongs to another tenant.`,
  ),
  dpu_service_site_mismatch: template(
    403,
    (p) =>
      `DPU extension service ${p.id} is at site ${p.serviceSiteId}, not at the instances' site ${p.siteId}.`,
  ),
  dpu_service_version_not_found: template(
    400,
    (p) =>
      `Version ${p.version} is not an active version of DPU extension service ${p.id} (active: ${p.active}).`,
  ),
  nsg_not_found: template(400, (p) => `Network security group ${p.id} was not found.`),
  nsg_site_mismatch: template(
    403,
    (p) =>
      `Network security group ${p.id} is at site ${p.nsgSiteId}, not at the instances' site ${p.siteId}.`,
  ),
  nsg_not_owned: template(403, (p) => `Network security group ${p.id} belongs to another tenant.`),
  ssh_key_group_not_found: template(400, (p) => `SSH key group ${p.id} was not found.`),
  ssh_key_group_not_owned: template(400, (p) => `SSH key group ${p.id} belongs to another tenant.`),
  ssh_key_group_site_missing: template(
    400,
    (p) => `SSH key group ${p.id} is not associated with site ${p.siteId}.`,
  ),
  os_not_found: template(400, (p) => `Operating system ${p.id} was not found.`),
  os_not_owned: template(400, (p) => `Operating system ${p.id} belongs to another tenant.`),
  os_image_unsupported: template(
    400,
    (p) =>
      `Operating system ${p.id} is image based, but site ${p.siteId} lacks the image-based operating system capability.`,
  ),
  os_options_invalid: template(400, (p) => `Operating system options are invalid for ${p.id}.`),

  ib_not_supported: template(
    400,
    (p) =>
      `Instance type ${p.id} has no InfiniBand capability, so infinibandInterfaces must be empty.`,
  ),
  ib_partition_not_found: template(400, (p) => `InfiniBand partition ${p.id} was not found.`),
  ib_partition_site_mismatch: template(
    400,
    (p) => `InfiniBand partition ${p.id} is at site ${p.partitionSiteId}, not at site ${p.siteId}.`,
  ),
  ib_partition_not_owned: template(
    400,
    (p) => `InfiniBand partition ${p.id} belongs to another tenant.`,
  ),
  ib_partition_not_ready: template(
    400,
    (p) => `InfiniBand partition ${p.id} is not in Ready state (status ${p.status}).`,
  ),
  ib_interfaces_invalid: template(
    400,
    (p) => `InfiniBand interfaces do not match instance type ${p.id}: ${p.detail}`,
  ),
  dpu_device_not_supported: template(
    400,
    (p) =>
      `Instance type ${p.id} has no DPU network capability, so interfaces cannot name device and deviceInstance.`,
  ),
  dpu_interfaces_invalid: template(
    400,
    (p) => `Interfaces do not match the DPU capabilities of instance type ${p.id}: ${p.detail}`,
  ),
  nvlink_not_supported: template(
    400,
    (p) => `Instance type ${p.id} has no NVLink GPU capability, so nvLinkInterfaces must be empty.`,
  ),
  nvlink_interfaces_invalid: template(
    400,
    (p) => `NVLink interfaces do not match instance type ${p.id}: ${p.detail}`,
  ),
  nvlink_partition_vpc_mismatch: template(
    400,
    (p) =>
      `NVLink interface uses logical partition ${p.id}, but VPC ${p.vpcId} requires its default partition ${p.vpcPartitionId}.`,
  ),
  nvlink_partition_not_found: template(
    400,
    (p) => `NVLink logical partition ${p.id} was not found.`,
  ),
  nvlink_partition_site_mismatch: template(
    400,
    (p) =>
      `NVLink logical partition ${p.id} is at site ${p.partitionSiteId}, not at site ${p.siteId}.`,
  ),
  nvlink_partition_not_owned: template(
    400,
    (p) => `NVLink logical partition ${p.id} belongs to another tenant.`,
  ),
  nvlink_partition_not_ready: template(
    400,
    (p) => `NVLink logical partition ${p.id} is not in Ready state (status ${p.status}).`,
  ),

  allocation_missing: template(
    403,
    (p) => `Tenant ${p.tenantId} has no allocation at site ${p.siteId}.`,
  ),
  quota_missing: template(
    403,
    (p) =>
      `Tenant ${p.tenantId} has no Reserved allocation constraint for instance type ${p.instanceTypeId}.`,
  ),
  quota_exceeded: template(
    403,
    (p) =>
      `The batch would exceed the quota of tenant ${p.tenantId} for instance type ` +
      `${p.instanceTypeId}. Current: ${p.current}, Requested: ${p.requested}, Max: ${p.max}`,
  ),
  placement_rejected: template(409, (p) => String(p.message)),
  store_lock_timeout: template(
    409,
    (p) =>
      `Another request holds a database lock that this request needs (${p.reason}); retry the request.`,
  ),
  store_unavailable: template(
    503,
    (p) => `The database did not complete the request (${p.reason}); retry the request.`,
  ),
  placement_conflict: template(
    409,
    () => "Another request changed the machines or names this batch needed; retry the request.",
  ),
  idempotency_key_reused: template(
    409,
    (p) =>
      `Idempotency-Key ${p.key} was already used with a different request body; use a new key.`,
  ),

  instance_id_invalid: template(400, (p) => `Instance id ${p.id} in the URL is not a valid UUID.`),
  instance_not_found: template(404, (p) => `Instance ${p.id} was not found.`),
  instance_not_owned: template(403, () => "The instance belongs to another tenant."),
  instance_terminating: template(
    409,
    (p) => `Instance ${p.id} is ${p.status} and cannot be updated.`,
  ),
  instance_not_rebootable: template(
    409,
    (p) => `Instance ${p.id} is ${p.status}; only Ready instances can be rebooted.`,
  ),
  instance_name_taken: template(
    409,
    (p) => `Another instance of the tenant is already named ${p.name}.`,
  ),
  instance_site_not_registered: template(
    400,
    (p) => `Site ${p.id} of the instance is not in Registered state (status ${p.status}).`,
  ),
  instance_site_not_registered_delete: template(
    409,
    (p) =>
      `Site ${p.id} of the instance is not in Registered state (status ${p.status}); retry the deletion once it is.`,
  ),
  repair_tenant_not_allowed: template(
    403,
    (p) =>
      `isRepairTenant requires the targeted instance creation capability, which tenant ${p.tenantId} lacks.`,
  ),

  list_query_invalid: template(400, () => "Error validating query parameters"),
  query_reference_not_found: template(
    404,
    (p) => `Query parameter ${p.name} names ${p.kind} that do not exist: ${p.ids}.`,
  ),
  query_site_not_associated: template(
    403,
    (p) => `The tenant has no allocation at site ${p.id} named in the query.`,
  ),
} satisfies Record<string, ErrorTemplate>;

/** Code of a user-facing error. */
export type ErrorCode = keyof typeof errorTemplates;

/** Error body of every failed request. */
export interface ErrorBody {
  source: "nico";
  message: string;
  data: Record<string, unknown> | null;
}

/** Error a handler throws; the HTTP layer sends its status and the standard error body. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly code: ErrorCode;
  readonly status: number;
  readonly data: Record<string, unknown> | null;

  constructor(code: ErrorCode, params: Params = {}, data: Record<string, unknown> | null = null) {
    const entry: ErrorTemplate = errorTemplates[code];
    super(entry.message(params));
    this.code = code;
    this.status = entry.status;
    this.data = data;
  }

  /** Wire body of the error. */
  toBody(): ErrorBody {
    return { source: "nico", message: this.message, data: this.data };
  }
}
