import { ApiError } from "../errors.js";
import type { Catalog } from "../inventory/catalog.js";
import type { Capability, InstanceType, Site, Tenant, Vpc } from "../inventory/schema.js";
import type {
  DpuDeploymentInput,
  InfinibandInterfaceInput,
  InterfaceInput,
  NvLinkInterfaceInput,
} from "./requests.js";

/** Objects every reference of a request is checked against. */
export interface Scope {
  tenant: Tenant;
  site: Site;
  instanceType: InstanceType;
  vpc: Vpc;
}

/** Interface with the VPC its subnet or prefix belongs to. */
export interface ResolvedInterface {
  subnetId: string | null;
  vpcPrefixId: string | null;
  vpcId: string;
  device: string | null;
  deviceInstance: number | null;
  virtualFunctionId: number | null;
  isPhysical: boolean;
  requestedIpAddress: string | null;
}

/** NVLink attachment with the GPU device name it came from. */
export interface ResolvedNvLinkInterface {
  nvLinkLogicalPartitionId: string;
  deviceInstance: number;
  device: string | null;
}

/** Boot settings after merging the request with its operating system. */
export interface BootSettings {
  operatingSystemId: string | null;
  ipxeScript: string | null;
  userData: string | null;
  phoneHomeEnabled: boolean;
  alwaysBootWithCustomIpxe: boolean;
}

type Capabilities<T extends Capability["type"]> = Extract<Capability, { type: T }>[];

function capabilitiesOf<T extends Capability["type"]>(
  type: InstanceType,
  kind: T,
): Capabilities<T> {
  return type.capabilities.filter((capability) => capability.type === kind) as Capabilities<T>;
}

/** GPU capabilities with NVLink of an instance type. */
export function nvLinkCapabilities(type: InstanceType): Capabilities<"GPU"> {
  return capabilitiesOf(type, "GPU").filter((capability) => capability.deviceType === "NVLink");
}

/** Checks the org's tenant, `tenantId` and returns the tenant (batch create order). */
export function resolveTenant(catalog: Catalog, org: string, tenantId: string): Tenant {
  const tenant = catalog.tenantByOrg(org);
  if (tenant === undefined) {
    throw new ApiError("org_tenant_missing", { org });
  }
  if (catalog.get("tenant", tenantId) === undefined) {
    throw new ApiError("tenant_id_unknown", { tenantId });
  }
  if (tenantId !== tenant.id) {
    throw new ApiError("tenant_id_mismatch", { tenantId, org, orgTenantId: tenant.id });
  }
  return tenant;
}

/** Checks instance type, VPC and site of a batch, in the order the API documents. */
export function resolveScope(
  catalog: Catalog,
  tenant: Tenant,
  request: { instanceTypeId: string; vpcId: string; autoNetwork?: boolean | null },
): Scope {
  const instanceType = catalog.get("instanceType", request.instanceTypeId);
  if (instanceType === undefined) {
    throw new ApiError("instance_type_not_found", { id: request.instanceTypeId });
  }
  const vpc = catalog.get("vpc", request.vpcId);
  if (vpc === undefined) {
    throw new ApiError("vpc_not_found", { id: request.vpcId });
  }
  if (vpc.tenantId !== tenant.id) {
    throw new ApiError("vpc_not_owned", { id: vpc.id });
  }
  if (vpc.status !== "Ready") {
    throw new ApiError("vpc_not_ready", { id: vpc.id, status: vpc.status });
  }
  if (request.autoNetwork === true && vpc.networkVirtualizationType !== "FLAT") {
    throw new ApiError(
      "vpc_auto_network_requires_flat",
      {},
      {
        autoNetwork:
          `autoNetwork needs a VPC whose networkVirtualizationType is FLAT, ` +
          `but VPC ${vpc.id} is ${vpc.networkVirtualizationType ?? "untyped"}`,
      },
    );
  }
  if (vpc.siteId !== instanceType.siteId) {
    throw new ApiError("vpc_site_mismatch", {
      vpcId: vpc.id,
      vpcSiteId: vpc.siteId,
      instanceTypeId: instanceType.id,
      typeSiteId: instanceType.siteId,
    });
  }
  const site = catalog.get("site", instanceType.siteId);
  if (site === undefined) {
    throw new ApiError("site_not_found", { id: instanceType.siteId });
  }
  if (site.status !== "Registered") {
    throw new ApiError("site_not_registered", { id: site.id, status: site.status });
  }
  return { tenant, site, instanceType, vpc };
}

/** Checks that each secondary VPC exists, belongs to the tenant, is ready and at the site. */
export function checkSecondaryVpcs(catalog: Catalog, scope: Scope, ids: readonly string[]): void {
  for (const id of ids) {
    const vpc = catalog.get("vpc", id);
    if (vpc === undefined) {
      throw new ApiError("secondary_vpc_not_found", { id });
    }
    if (vpc.tenantId !== scope.tenant.id) {
      throw new ApiError("secondary_vpc_not_owned", { id });
    }
    if (vpc.status !== "Ready") {
      throw new ApiError("secondary_vpc_not_ready", { id, status: vpc.status });
    }
    if (vpc.siteId !== scope.site.id) {
      throw new ApiError("secondary_vpc_site_mismatch", {
        id,
        vpcSiteId: vpc.siteId,
        siteId: scope.site.id,
      });
    }
  }
}

function resolveSubnetInterface(catalog: Catalog, scope: Scope, subnetId: string): string {
  const subnet = catalog.get("subnet", subnetId);
  if (subnet === undefined) {
    throw new ApiError("subnet_not_found", { id: subnetId });
  }
  if (subnet.tenantId !== scope.tenant.id) {
    throw new ApiError("subnet_not_owned", { id: subnetId });
  }
  if (subnet.status !== "Ready") {
    throw new ApiError("subnet_not_ready", { id: subnetId, status: subnet.status });
  }
  if (subnet.vpcId !== scope.vpc.id) {
    throw new ApiError("subnet_vpc_mismatch", {
      id: subnetId,
      subnetVpcId: subnet.vpcId,
      vpcId: scope.vpc.id,
    });
  }
  const type = scope.vpc.networkVirtualizationType;
  if (type !== null && type !== "ETHERNET_VIRTUALIZER") {
    throw new ApiError("subnet_requires_ethernet_vpc", { vpcId: scope.vpc.id, type });
  }
  return subnet.vpcId;
}

function resolvePrefixInterface(
  catalog: Catalog,
  scope: Scope,
  prefixId: string,
  declaredVpcs: ReadonlySet<string>,
): string {
  const prefix = catalog.get("vpcPrefix", prefixId);
  if (prefix === undefined) {
    throw new ApiError("prefix_not_found", { id: prefixId });
  }
  if (prefix.tenantId !== scope.tenant.id) {
    throw new ApiError("prefix_not_owned", { id: prefixId });
  }
  if (prefix.status !== "Ready") {
    throw new ApiError("prefix_not_ready", { id: prefixId, status: prefix.status });
  }
  if (prefix.siteId !== scope.site.id) {
    throw new ApiError("prefix_site_mismatch", {
      id: prefixId,
      prefixSiteId: prefix.siteId,
      siteId: scope.site.id,
    });
  }
  const type = scope.vpc.networkVirtualizationType;
  if (type !== "FNN") {
    throw new ApiError("prefix_requires_fnn_vpc", { vpcId: scope.vpc.id, type: type ?? "untyped" });
  }
  if (!declaredVpcs.has(prefix.vpcId)) {
    throw new ApiError("prefix_vpc_undeclared", { id: prefixId, prefixVpcId: prefix.vpcId });
  }
  return prefix.vpcId;
}

/**
 * Checks every interface in request order, then the FNN rules: the primary physical interface
 * uses a prefix of the primary VPC, and the interfaces reach exactly the declared VPCs.
 */
export function resolveInterfaces(
  catalog: Catalog,
  scope: Scope,
  interfaces: readonly InterfaceInput[],
  secondaryVpcIds: readonly string[],
): ResolvedInterface[] {
  const declared = new Set([scope.vpc.id, ...secondaryVpcIds]);
  const resolved = interfaces.map((input): ResolvedInterface => {
    const vpcId =
      input.subnetId !== undefined && input.subnetId !== null
        ? resolveSubnetInterface(catalog, scope, input.subnetId)
        : resolvePrefixInterface(catalog, scope, input.vpcPrefixId ?? "", declared);
    return {
      subnetId: input.subnetId ?? null,
      vpcPrefixId: input.vpcPrefixId ?? null,
      vpcId,
      device: input.device ?? null,
      deviceInstance: input.deviceInstance ?? null,
      virtualFunctionId: input.virtualFunctionId ?? null,
      isPhysical: input.isPhysical ?? false,
      requestedIpAddress: input.ipAddress ?? null,
    };
  });

  if (resolved.length > 0 && scope.vpc.networkVirtualizationType === "FNN") {
    const withDevices = resolved.some((iface) => iface.device !== null);
    const primary = withDevices
      ? resolved.find((iface) => iface.isPhysical && iface.deviceInstance === 0)
      : resolved.find((iface) => iface.isPhysical);
    if (primary !== undefined && primary.vpcId !== scope.vpc.id) {
      throw new ApiError(
        withDevices
          ? "primary_physical_interface_off_vpc_device"
          : "primary_physical_interface_off_vpc",
        { id: primary.vpcPrefixId ?? "", prefixVpcId: primary.vpcId, vpcId: scope.vpc.id },
      );
    }
    const used = new Set(resolved.map((iface) => iface.vpcId));
    if (used.size !== declared.size) {
      throw new ApiError("prefix_vpc_set_mismatch", {
        used: [...used].sort().join(", "),
        declared: [...declared].sort().join(", "),
      });
    }
  }
  return resolved;
}

/** Checks DPU extension service deployments: existence, owner and site (403), active version. */
export function checkDpuDeployments(
  catalog: Catalog,
  scope: Scope,
  deployments: readonly DpuDeploymentInput[],
): void {
  for (const deployment of deployments) {
    const id = deployment.dpuExtensionServiceId;
    const service = catalog.get("dpuExtensionService", id);
    if (service === undefined) {
      throw new ApiError("dpu_service_not_found", { id });
    }
    if (service.tenantId !== scope.tenant.id) {
      throw new ApiError("dpu_service_not_owned", { id });
    }
    if (service.siteId !== scope.site.id) {
      throw new ApiError("dpu_service_site_mismatch", {
        id,
        serviceSiteId: service.siteId,
        siteId: scope.site.id,
      });
    }
    if (!service.activeVersions.includes(deployment.version)) {
      throw new ApiError("dpu_service_version_not_found", {
        id,
        version: deployment.version,
        active: service.activeVersions.join(", ") || "none",
      });
    }
  }
}

/** Checks a network security group: existence (400), then site and owner (403). */
export function checkNetworkSecurityGroup(catalog: Catalog, scope: Scope, id: string): void {
  const group = catalog.get("networkSecurityGroup", id);
  if (group === undefined) {
    throw new ApiError("nsg_not_found", { id });
  }
  if (group.siteId !== scope.site.id) {
    throw new ApiError("nsg_site_mismatch", { id, nsgSiteId: group.siteId, siteId: scope.site.id });
  }
  if (group.tenantId !== scope.tenant.id) {
    throw new ApiError("nsg_not_owned", { id });
  }
}

/** Checks SSH key groups in order: existence, owner, association with the site. */
export function checkSshKeyGroups(catalog: Catalog, scope: Scope, ids: readonly string[]): void {
  for (const id of ids) {
    const group = catalog.get("sshKeyGroup", id);
    if (group === undefined) {
      throw new ApiError("ssh_key_group_not_found", { id });
    }
    if (group.tenantId !== scope.tenant.id) {
      throw new ApiError("ssh_key_group_not_owned", { id });
    }
    if (!group.siteIds.includes(scope.site.id)) {
      throw new ApiError("ssh_key_group_site_missing", { id, siteId: scope.site.id });
    }
  }
}

/**
 * Checks the operating system and merges its defaults into the boot settings: missing
 * `ipxeScript`, `userData` and `phoneHomeEnabled` come from the operating system.
 */
export function resolveBootSettings(
  catalog: Catalog,
  scope: Scope,
  request: {
    operatingSystemId?: string | null;
    ipxeScript?: string | null;
    userData?: string | null;
    phoneHomeEnabled?: boolean | null;
    alwaysBootWithCustomIpxe?: boolean | null;
  },
): BootSettings {
  const osId = request.operatingSystemId ?? "";
  if (osId === "") {
    return {
      operatingSystemId: null,
      ipxeScript: request.ipxeScript ?? null,
      userData: request.userData ?? null,
      phoneHomeEnabled: request.phoneHomeEnabled ?? false,
      alwaysBootWithCustomIpxe: request.alwaysBootWithCustomIpxe ?? false,
    };
  }
  const os = catalog.get("operatingSystem", osId);
  if (os === undefined) {
    throw new ApiError("os_not_found", { id: osId }, { id: osId });
  }
  if (os.tenantId !== scope.tenant.id) {
    throw new ApiError("os_not_owned", { id: osId });
  }
  if (os.type === "Image" && !scope.site.capabilities.imageBasedOperatingSystem) {
    throw new ApiError("os_image_unsupported", { id: osId, siteId: scope.site.id });
  }
  const settings: BootSettings = {
    operatingSystemId: os.id,
    ipxeScript: request.ipxeScript ?? os.ipxeScript,
    userData: request.userData ?? os.userData,
    phoneHomeEnabled: request.phoneHomeEnabled ?? os.phoneHomeEnabled,
    alwaysBootWithCustomIpxe: request.alwaysBootWithCustomIpxe ?? false,
  };
  const problems: Record<string, string> = {};
  if (!os.isActive) {
    problems.isActive = `operating system ${os.id} is deactivated`;
  }
  if (os.type === "Image") {
    if ((request.ipxeScript ?? "") !== "") {
      problems.ipxeScript = "ipxeScript cannot be combined with an image-based operating system";
    }
    if (settings.alwaysBootWithCustomIpxe) {
      problems.alwaysBootWithCustomIpxe =
        "alwaysBootWithCustomIpxe cannot be true with an image-based operating system";
    }
  } else if ((settings.ipxeScript ?? "") === "") {
    problems.ipxeScript = `operating system ${os.id} has no iPXE script, so the request must give one`;
  }
  if ((request.userData ?? null) !== null && !os.allowOverride) {
    problems.allowOverride = `operating system ${os.id} does not allow replacing its userData`;
  }
  // TODO: the upstream API also rewrites YAML userData to add or drop a phone-home block; this
  // server stores userData unchanged.
  if (Object.keys(problems).length > 0) {
    throw new ApiError("os_options_invalid", { id: os.id }, problems);
  }
  return settings;
}

/** Checks InfiniBand ports against partitions and the instance type's capabilities. */
export function checkInfinibandInterfaces(
  catalog: Catalog,
  scope: Scope,
  interfaces: readonly InfinibandInterfaceInput[],
): void {
  if (interfaces.length === 0) {
    return;
  }
  const capabilities = capabilitiesOf(scope.instanceType, "InfiniBand");
  if (capabilities.length === 0) {
    throw new ApiError("ib_not_supported", { id: scope.instanceType.id });
  }
  for (const iface of interfaces) {
    const id = iface.partitionId;
    const partition = catalog.get("infinibandPartition", id);
    if (partition === undefined) {
      throw new ApiError("ib_partition_not_found", { id });
    }
    if (partition.siteId !== scope.site.id) {
      throw new ApiError("ib_partition_site_mismatch", {
        id,
        partitionSiteId: partition.siteId,
        siteId: scope.site.id,
      });
    }
    if (partition.tenantId !== scope.tenant.id) {
      throw new ApiError("ib_partition_not_owned", { id });
    }
    if (partition.status !== "Ready") {
      throw new ApiError("ib_partition_not_ready", { id, status: partition.status });
    }
  }
  const problems: Record<string, Record<string, string>> = {};
  const seen = new Set<string>();
  interfaces.forEach((iface, index) => {
    const deviceInstance = iface.deviceInstance ?? 0;
    const capability = capabilities.find((candidate) => candidate.name === iface.device);
    let problem: [string, string] | undefined;
    const key = `${iface.device}#${deviceInstance}`;
    if (seen.has(key)) {
      problem = [
        "deviceInstance",
        `device ${iface.device} instance ${deviceInstance} is listed twice`,
      ];
    } else if (capability === undefined) {
      const names = capabilities.map((candidate) => candidate.name).join(", ");
      problem = [
        "device",
        `device ${iface.device} is not an InfiniBand device of the instance type (${names})`,
      ];
    } else if (
      iface.vendor !== undefined &&
      iface.vendor !== null &&
      capability.vendor !== null &&
      iface.vendor !== capability.vendor
    ) {
      problem = ["vendor", `vendor ${iface.vendor} does not match ${capability.vendor}`];
    } else if (deviceInstance >= capability.count) {
      problem = [
        "deviceInstance",
        `deviceInstance ${deviceInstance} is out of range; ${iface.device} has ${capability.count} devices`,
      ];
    } else if (capability.inactiveDevices.includes(deviceInstance)) {
      problem = [
        "deviceInstance",
        `deviceInstance ${deviceInstance} of ${iface.device} is inactive`,
      ];
    }
    seen.add(key);
    if (problem !== undefined) {
      problems[String(index)] = { [problem[0]]: problem[1] };
    }
  });
  const first = Object.values(problems)[0];
  if (first !== undefined) {
    throw new ApiError(
      "ib_interfaces_invalid",
      { id: scope.instanceType.id, detail: Object.values(first)[0] ?? "" },
      { infinibandInterfaces: problems },
    );
  }
}

/** Checks DPU device info of interfaces against the instance type's DPU capabilities. */
export function checkDpuDevices(scope: Scope, interfaces: readonly ResolvedInterface[]): void {
  const withDevice = interfaces.filter((iface) => iface.device !== null);
  if (withDevice.length === 0) {
    return;
  }
  const capabilities = capabilitiesOf(scope.instanceType, "Network");
  if (capabilities.length === 0) {
    throw new ApiError("dpu_device_not_supported", { id: scope.instanceType.id });
  }
  const problems: Record<string, Record<string, string>> = {};
  const seen = new Set<string>();
  interfaces.forEach((iface, index) => {
    if (iface.device === null) {
      return;
    }
    const deviceInstance = iface.deviceInstance ?? 0;
    const capability = capabilities.find((candidate) => candidate.name === iface.device);
    const key = `${iface.device}#${deviceInstance}#${iface.isPhysical ? "pf" : `vf${iface.virtualFunctionId}`}`;
    if (seen.has(key)) {
      problems[String(index)] = {
        device: `device ${iface.device} instance ${deviceInstance} is listed twice for the same function`,
      };
    } else if (capability === undefined) {
      const names = capabilities.map((candidate) => candidate.name).join(", ");
      problems[String(index)] = {
        device: `device ${iface.device} is not a DPU of the instance type (${names})`,
      };
    } else if (deviceInstance >= capability.count) {
      problems[String(index)] = {
        deviceInstance: `deviceInstance ${deviceInstance} is out of range; ${iface.device} has ${capability.count} devices`,
      };
    }
    seen.add(key);
  });
  const first = Object.values(problems)[0];
  if (first !== undefined) {
    throw new ApiError(
      "dpu_interfaces_invalid",
      { id: scope.instanceType.id, detail: Object.values(first)[0] ?? "" },
      { interfaces: problems },
    );
  }
}

/**
 * Checks NVLink attachments against the GPUs of the instance type and the VPC's default
 * partition. Without attachments and with a default partition, returns one per NVLink GPU.
 */
export function resolveNvLinkInterfaces(
  catalog: Catalog,
  scope: Scope,
  interfaces: readonly NvLinkInterfaceInput[],
): ResolvedNvLinkInterface[] {
  const capabilities = nvLinkCapabilities(scope.instanceType);
  const defaultPartition = scope.vpc.nvLinkLogicalPartitionId;
  if (interfaces.length === 0) {
    if (defaultPartition === null) {
      return [];
    }
    const generated: ResolvedNvLinkInterface[] = [];
    for (const capability of capabilities) {
      for (let index = 0; index < capability.count; index += 1) {
        generated.push({
          nvLinkLogicalPartitionId: defaultPartition,
          deviceInstance: index,
          device: capability.name,
        });
      }
    }
    return generated;
  }
  if (capabilities.length === 0) {
    throw new ApiError("nvlink_not_supported", { id: scope.instanceType.id });
  }
  const gpuCount = capabilities.reduce((sum, capability) => sum + capability.count, 0);
  const fail = (detail: string): never => {
    throw new ApiError(
      "nvlink_interfaces_invalid",
      { id: scope.instanceType.id, detail },
      { nvLinkInterfaces: detail },
    );
  };
  if (interfaces.length > gpuCount) {
    fail(
      `${interfaces.length} NVLink interfaces were requested, but the instance type has ${gpuCount} GPUs`,
    );
  }
  const seen = new Set<number>();
  for (const iface of interfaces) {
    const deviceInstance = iface.deviceInstance ?? 0;
    if (deviceInstance >= gpuCount) {
      fail(
        `deviceInstance ${deviceInstance} is out of range; the instance type has ${gpuCount} GPUs`,
      );
    }
    if (seen.has(deviceInstance)) {
      fail(`deviceInstance ${deviceInstance} is listed twice`);
    }
    seen.add(deviceInstance);
  }
  for (const iface of interfaces) {
    const id = iface.nvLinkLogicalPartitionId;
    if (defaultPartition !== null) {
      if (id !== defaultPartition) {
        throw new ApiError("nvlink_partition_vpc_mismatch", {
          id,
          vpcId: scope.vpc.id,
          vpcPartitionId: defaultPartition,
        });
      }
      continue;
    }
    const partition = catalog.get("nvLinkLogicalPartition", id);
    if (partition === undefined) {
      throw new ApiError("nvlink_partition_not_found", { id });
    }
    if (partition.siteId !== scope.site.id) {
      throw new ApiError("nvlink_partition_site_mismatch", {
        id,
        partitionSiteId: partition.siteId,
        siteId: scope.site.id,
      });
    }
    if (partition.tenantId !== scope.tenant.id) {
      throw new ApiError("nvlink_partition_not_owned", { id });
    }
    if (partition.status !== "Ready") {
      throw new ApiError("nvlink_partition_not_ready", { id, status: partition.status });
    }
  }
  const firstName = capabilities[0]?.name ?? null;
  return interfaces.map((iface) => ({
    nvLinkLogicalPartitionId: iface.nvLinkLogicalPartitionId,
    deviceInstance: iface.deviceInstance ?? 0,
    device: firstName,
  }));
}
