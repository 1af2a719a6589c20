import { createHash } from "node:crypto";
import type { InventoryInput } from "@nico/server";

/** Machines per NVLink domain of a GB200 NVL72 rack. */
export const machinesPerDomain = 18;

/** Org of the benchmark tenant. */
export const benchOrg = "bench";

/** Deterministic version-4 UUID derived from a readable name such as "tenant/bench". */
export function benchUuid(name: string): string {
  const hex = createHash("sha256").update(`bench:${name}`).digest("hex");
  const variant = ((Number.parseInt(hex[16] ?? "0", 16) & 3) | 8).toString(16);
  const text = `${hex.slice(0, 12)}4${hex.slice(13, 16)}${variant}${hex.slice(17, 32)}`;
  return [
    text.slice(0, 8),
    text.slice(8, 12),
    text.slice(12, 16),
    text.slice(16, 20),
    text.slice(20),
  ].join("-");
}

/** Ids of the benchmark inventory that batch requests refer to. */
export const benchIds = {
  tenantId: benchUuid("tenant/bench"),
  siteId: benchUuid("site/bench"),
  instanceTypeId: benchUuid("instance-type/gpu"),
  vpcId: benchUuid("vpc/bench"),
  subnetId: benchUuid("subnet/bench"),
};

/**
 * Builds an inventory of one site with `domainCount` NVLink domains of 18 free GPU machines and
 * one tenant whose Reserved quota equals the machine count, so only capacity limits batches.
 */
export function buildBenchInventory(domainCount: number): InventoryInput {
  const machines: NonNullable<InventoryInput["machines"]> = [];
  for (let domain = 0; domain < domainCount; domain += 1) {
    const nvLinkDomainId = benchUuid(`domain/${domain}`);
    for (let slot = 0; slot < machinesPerDomain; slot += 1) {
      machines.push({
        id: `gpu-d${String(domain).padStart(5, "0")}-m${String(slot).padStart(2, "0")}`,
        siteId: benchIds.siteId,
        instanceTypeId: benchIds.instanceTypeId,
        status: "Ready",
        nvLinkDomainId,
      });
    }
  }
  return {
    tenants: [{ id: benchIds.tenantId, org: benchOrg, name: "Benchmark tenant" }],
    sites: [
      {
        id: benchIds.siteId,
        name: "bench-site",
        status: "Registered",
        infrastructureProviderId: benchUuid("provider/bench"),
      },
    ],
    allocations: [
      {
        id: benchUuid("allocation/bench"),
        tenantId: benchIds.tenantId,
        siteId: benchIds.siteId,
        constraints: [
          {
            instanceTypeId: benchIds.instanceTypeId,
            constraintType: "Reserved",
            value: machines.length,
          },
        ],
      },
    ],
    instanceTypes: [
      {
        id: benchIds.instanceTypeId,
        name: "gb200-bench",
        siteId: benchIds.siteId,
        capabilities: [{ type: "GPU", deviceType: "NVLink", name: "GB200", count: 4 }],
      },
    ],
    vpcs: [
      {
        id: benchIds.vpcId,
        name: "bench-vpc",
        tenantId: benchIds.tenantId,
        siteId: benchIds.siteId,
        status: "Ready",
        networkVirtualizationType: "ETHERNET_VIRTUALIZER",
      },
    ],
    subnets: [
      {
        id: benchIds.subnetId,
        name: "bench-subnet",
        tenantId: benchIds.tenantId,
        vpcId: benchIds.vpcId,
        status: "Ready",
        ipv4Prefix: "10.64.0.0/12",
      },
    ],
    machines,
  };
}

/** Builds a valid topology-optimized batch request of `count` GPU instances for the benchmark tenant. */
export function benchBatchRequest(namePrefix: string, count: number) {
  return {
    namePrefix,
    count,
    tenantId: benchIds.tenantId,
    instanceTypeId: benchIds.instanceTypeId,
    vpcId: benchIds.vpcId,
    interfaces: [{ subnetId: benchIds.subnetId }],
    ipxeScript: "#!ipxe\nchain http://boot.example.internal/os.ipxe",
    topologyOptimized: true,
    labels: { purpose: "benchmark" },
  };
}
