import { createHash } from "node:crypto";
import type { InventoryInput } from "@nico/server";

/** Deterministic version-4 UUID derived from a readable name such as "tenant/acme". */
export function uuidFor(name: string): string {
  const hex = createHash("sha256").update(`reliability:${name}`).digest("hex");
  const variant = ((Number.parseInt(hex[16] ?? "0", 16) & 3) | 8).toString(16);
  const text = `${hex.slice(0, 12)}4${hex.slice(13, 16)}${variant}${hex.slice(17, 32)}`;
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/** One tenant of the reliability inventory with the references a valid batch needs. */
export interface TenantFixture {
  org: string;
  tenantId: string;
  vpcId: string;
  subnetId: string;
  /** Reserved quota per instance type id. */
  quota: Record<string, number>;
}

/** Ids of the reliability inventory. */
export const fixture = {
  siteId: uuidFor("site/west"),
  providerId: uuidFor("provider/p"),
  gpuTypeId: uuidFor("instance-type/gpu"),
  cpuTypeId: uuidFor("instance-type/cpu"),
  /** Org whose tenant has no allocation: its batches get 403. */
  orgWithoutAllocation: "initech",
  tenants: [] as TenantFixture[],
};

const gpuDomains = 8;
const machinesPerDomain = 18;
const cpuMachines = 24;

fixture.tenants.push(
  {
    org: "acme",
    tenantId: uuidFor("tenant/acme"),
    vpcId: uuidFor("vpc/acme"),
    subnetId: uuidFor("subnet/acme"),
    quota: { [fixture.gpuTypeId]: 120, [fixture.cpuTypeId]: 16 },
  },
  {
    org: "globex",
    tenantId: uuidFor("tenant/globex"),
    vpcId: uuidFor("vpc/globex"),
    subnetId: uuidFor("subnet/globex"),
    quota: { [fixture.gpuTypeId]: 50, [fixture.cpuTypeId]: 8 },
  },
);

/** Number of machines of each instance type. */
export const machineCounts = {
  [fixture.gpuTypeId]: gpuDomains * machinesPerDomain,
  [fixture.cpuTypeId]: cpuMachines,
};

function gpuMachineId(domain: number, slot: number): string {
  return `gpu-d${domain}-m${String(slot).padStart(2, "0")}`;
}

/**
 * Inventory of the reliability suite: 8 NVLink domains of 18 GPU machines and 24 CPU machines,
 * two tenants whose quotas together exceed the machines, and about 70% of the GPU machines
 * already taken by seeded instances, unevenly per domain, so batches run near full capacity.
 */
export function reliabilityInventory(): InventoryInput {
  const [acme, globex] = fixture.tenants as [TenantFixture, TenantFixture];
  const machines: NonNullable<InventoryInput["machines"]> = [];
  for (let domain = 0; domain < gpuDomains; domain += 1) {
    for (let slot = 1; slot <= machinesPerDomain; slot += 1) {
      machines.push({
        id: gpuMachineId(domain, slot),
        siteId: fixture.siteId,
        instanceTypeId: fixture.gpuTypeId,
        status: "Ready",
        nvLinkDomainId: uuidFor(`domain/${domain}`),
      });
    }
  }
  for (let index = 1; index <= cpuMachines; index += 1) {
    machines.push({
      id: `cpu-m${String(index).padStart(2, "0")}`,
      siteId: fixture.siteId,
      instanceTypeId: fixture.cpuTypeId,
      status: "Ready",
      nvLinkDomainId: null,
    });
  }

  // Seeded instances: domain d keeps 2 + (d % 4) * 2 free machines (2, 4, 6 or 8).
  const instances: NonNullable<InventoryInput["instances"]> = [];
  for (let domain = 0; domain < gpuDomains; domain += 1) {
    const taken = machinesPerDomain - (2 + (domain % 4) * 2);
    for (let slot = 1; slot <= taken; slot += 1) {
      const owner = instances.length % 4 === 3 ? globex : acme;
      instances.push({
        id: uuidFor(`seed/${domain}/${slot}`),
        name: `seed-d${domain}-m${slot}`,
        tenantId: owner.tenantId,
        machineId: gpuMachineId(domain, slot),
        vpcId: owner.vpcId,
      });
    }
  }

  return {
    tenants: [
      ...fixture.tenants.map((tenant) => ({ id: tenant.tenantId, org: tenant.org })),
      { id: uuidFor("tenant/initech"), org: fixture.orgWithoutAllocation },
    ],
    sites: [
      {
        id: fixture.siteId,
        name: "west",
        status: "Registered",
        infrastructureProviderId: fixture.providerId,
      },
    ],
    allocations: fixture.tenants.map((tenant) => ({
      id: uuidFor(`allocation/${tenant.org}`),
      tenantId: tenant.tenantId,
      siteId: fixture.siteId,
      constraints: Object.entries(tenant.quota).map(([instanceTypeId, value]) => ({
        instanceTypeId,
        constraintType: "Reserved" as const,
        value,
      })),
    })),
    instanceTypes: [
      {
        id: fixture.gpuTypeId,
        name: "gpu",
        siteId: fixture.siteId,
        capabilities: [{ type: "GPU", deviceType: "NVLink", name: "GB200", count: 4 }],
      },
      { id: fixture.cpuTypeId, name: "cpu", siteId: fixture.siteId, capabilities: [] },
    ],
    vpcs: fixture.tenants.map((tenant) => ({
      id: tenant.vpcId,
      name: `${tenant.org}-vpc`,
      tenantId: tenant.tenantId,
      siteId: fixture.siteId,
      status: "Ready" as const,
      networkVirtualizationType: "ETHERNET_VIRTUALIZER" as const,
    })),
    subnets: fixture.tenants.map((tenant, index) => ({
      id: tenant.subnetId,
      name: `${tenant.org}-subnet`,
      tenantId: tenant.tenantId,
      vpcId: tenant.vpcId,
      status: "Ready" as const,
      ipv4Prefix: `10.${index + 1}.0.0/16`,
    })),
    machines,
    instances,
  };
}

/** A valid batch request of `tenant` with a unique name prefix. */
export function validBatch(
  tenant: TenantFixture,
  namePrefix: string,
  options: { count: number; instanceTypeId: string; topologyOptimized: boolean },
): Record<string, unknown> {
  return {
    namePrefix,
    count: options.count,
    tenantId: tenant.tenantId,
    instanceTypeId: options.instanceTypeId,
    vpcId: tenant.vpcId,
    interfaces: [{ subnetId: tenant.subnetId }],
    ipxeScript: "#!ipxe\nchain http://boot.example.internal/os.ipxe",
    topologyOptimized: options.topologyOptimized,
  };
}
