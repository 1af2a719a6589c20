import type { Catalog } from "../inventory/catalog.js";
import type { InstanceRecord, StatusHistoryRecord } from "../store/types.js";

/** History rows shown inside an instance. */
export const embeddedHistoryLimit = 20;

const deprecations = [
  {
    attribute: "sshkeygroups",
    replacedby: "sshKeyGroups",
    effective: "2025-06-01T00:00:00Z",
    notice: "The sshkeygroups attribute is deprecated; read sshKeyGroups instead.",
  },
];

/** Status shown by the API: a running reboot shows as `Rebooting` on a Ready instance. */
export function visibleStatus(record: InstanceRecord): string {
  if (record.status === "Ready" && record.powerStatus === "Rebooting") {
    return "Rebooting";
  }
  return record.status;
}

/** Converts one status history row to the API shape. */
export function toStatusDetail(row: StatusHistoryRecord) {
  return { status: row.status, message: row.message, created: row.created, updated: row.created };
}

/** Options of `toInstanceView`. */
export interface InstanceViewOptions {
  /** Newest history rows first; at most `embeddedHistoryLimit` are shown. */
  history: StatusHistoryRecord[];
  /** The batch create response leaves out service summaries and inherited security groups. */
  batchResponse?: boolean;
}

/** Builds the API representation of an instance. */
export function toInstanceView(
  record: InstanceRecord,
  catalog: Catalog,
  options: InstanceViewOptions,
) {
  const site = catalog.get("site", record.siteId);
  const vpc = catalog.get("vpc", record.vpcId);
  const inheritedGroup =
    options.batchResponse !== true && record.networkSecurityGroupId === null
      ? (vpc?.networkSecurityGroupId ?? null)
      : null;
  return {
    id: record.id,
    name: record.name,
    description: record.description,
    controllerInstanceId: record.id,
    tenantId: record.tenantId,
    infrastructureProviderId: record.infrastructureProviderId,
    siteId: record.siteId,
    instanceTypeId: record.instanceTypeId,
    vpcId: record.vpcId,
    secondaryVpcIds: record.secondaryVpcIds,
    machineId: record.machineId,
    operatingSystemId: record.operatingSystemId,
    ipxeScript: record.ipxeScript,
    alwaysBootWithCustomIpxe: record.alwaysBootWithCustomIpxe,
    phoneHomeEnabled: record.phoneHomeEnabled,
    userData: record.userData,
    labels: record.labels,
    isUpdatePending: record.isUpdatePending,
    serialConsoleUrl:
      site?.serialConsoleHostname == null
        ? null
        : `ssh://${record.id}@${site.serialConsoleHostname}`,
    networkSecurityGroupId: record.networkSecurityGroupId,
    networkSecurityGroupPropagationDetails:
      inheritedGroup === null
        ? null
        : { vpcId: record.vpcId, networkSecurityGroupId: inheritedGroup, status: "Synchronized" },
    networkSecurityGroupInherited: inheritedGroup !== null,
    tpmEkCertificate: null,
    status: visibleStatus(record),
    autoNetwork: record.autoNetwork,
    interfaces: record.interfaces.map((iface) => ({
      id: iface.id,
      instanceId: record.id,
      subnetId: iface.subnetId,
      vpcPrefixId: iface.vpcPrefixId,
      device: iface.device,
      deviceInstance: iface.deviceInstance,
      virtualFunctionId: iface.virtualFunctionId,
      isPhysical: iface.isPhysical,
      macAddress: iface.macAddress,
      ipAddresses: iface.ipAddresses,
      requestedIpAddress: iface.requestedIpAddress,
      status: iface.status,
      created: iface.created,
      updated: iface.updated,
    })),
    infinibandInterfaces: record.infinibandInterfaces.map((iface) => ({
      id: iface.id,
      instanceId: record.id,
      partitionId: iface.partitionId,
      device: iface.device,
      vendor: iface.vendor,
      deviceInstance: iface.deviceInstance,
      isPhysical: iface.isPhysical,
      virtualFunctionId: iface.virtualFunctionId,
      guid: iface.guid,
      status: iface.status,
      created: iface.created,
      updated: iface.updated,
    })),
    dpuExtensionServiceDeployments: record.dpuExtensionServiceDeployments.map((deployment) => {
      const service = catalog.get("dpuExtensionService", deployment.dpuExtensionServiceId);
      return {
        id: deployment.id,
        dpuExtensionService:
          options.batchResponse === true || service === undefined
            ? null
            : { id: service.id, name: service.name },
        version: deployment.version,
        status: deployment.status,
        created: deployment.created,
        updated: deployment.updated,
      };
    }),
    nvLinkInterfaces: record.nvLinkInterfaces.map((iface) => ({
      id: iface.id,
      instanceId: record.id,
      nvLinkLogicalPartitionId: iface.nvLinkLogicalPartitionId,
      nvLinkDomainId: iface.nvLinkDomainId,
      deviceInstance: iface.deviceInstance,
      gpuGuid: iface.gpuGuid,
      status: iface.status,
      created: iface.created,
      updated: iface.updated,
    })),
    sshKeyGroupIds: record.sshKeyGroupIds.length === 0 ? null : record.sshKeyGroupIds,
    sshKeyGroups: record.sshKeyGroupIds.map((id) => ({
      id,
      name: catalog.get("sshKeyGroup", id)?.name ?? id,
    })),
    statusHistory: options.history.slice(0, embeddedHistoryLimit).map(toStatusDetail),
    created: record.created,
    updated: record.updated,
    deprecations,
  };
}

/** API representation of an instance. */
export type InstanceView = ReturnType<typeof toInstanceView>;
