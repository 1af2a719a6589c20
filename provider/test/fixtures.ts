import { startServer, signDevelopmentToken, type RunningServer } from "@nico/server";
import { once } from "node:events";
import { createServer, request as httpRequest, type Server } from "node:http";
import pino from "pino";

/** Ids of the test inventory. */
export const inventoryIds = {
  tenant: "0b6f3c1e-1111-4aaa-8bbb-000000000001",
  site: "0b6f3c1e-2222-4aaa-8bbb-000000000001",
  provider: "0b6f3c1e-3333-4aaa-8bbb-000000000001",
  allocation: "0b6f3c1e-4444-4aaa-8bbb-000000000001",
  instanceType: "0b6f3c1e-5555-4aaa-8bbb-000000000001",
  vpc: "0b6f3c1e-6666-4aaa-8bbb-000000000001",
  subnet: "0b6f3c1e-7777-4aaa-8bbb-000000000001",
  sshKeyGroupA: "0b6f3c1e-8888-4aaa-8bbb-00000000000a",
  sshKeyGroupB: "0b6f3c1e-8888-4aaa-8bbb-00000000000b",
  nvLinkPartition: "0b6f3c1e-9999-4aaa-8bbb-000000000001",
};

/** Org used by the tests. */
export const ORG = "acme";
const SECRET = "provider-test-secret-provider-test-secret";

/** NVLink domains of the test inventory, 8 machines each. */
export const DOMAINS = [
  "0b6f3c1e-aaaa-4aaa-8bbb-00000000000a",
  "0b6f3c1e-aaaa-4aaa-8bbb-00000000000b",
  "0b6f3c1e-aaaa-4aaa-8bbb-00000000000c",
];
const MACHINES_PER_DOMAIN = 8;

/** NVLink domain of a machine of the test inventory. */
export function domainOfMachine(machineId: string): string | undefined {
  return DOMAINS.find((_domain, index) => machineId.startsWith(`machine-${index}-`));
}

/** Inventory with one GB200 instance type in three NVLink domains of 8 machines. */
export function testInventory() {
  const machines = DOMAINS.flatMap((domain, index) =>
    Array.from({ length: MACHINES_PER_DOMAIN }, (_, i) => ({
      id: `machine-${index}-${i + 1}`,
      siteId: inventoryIds.site,
      instanceTypeId: inventoryIds.instanceType,
      status: "Ready" as const,
      nvLinkDomainId: domain,
    })),
  );
  return {
    tenants: [{ id: inventoryIds.tenant, org: ORG }],
    sites: [
      {
        id: inventoryIds.site,
        name: "site-1",
        status: "Registered" as const,
        infrastructureProviderId: inventoryIds.provider,
      },
    ],
    allocations: [
      {
        id: inventoryIds.allocation,
        tenantId: inventoryIds.tenant,
        siteId: inventoryIds.site,
        constraints: [
          {
            instanceTypeId: inventoryIds.instanceType,
            constraintType: "Reserved" as const,
            value: 60,
          },
        ],
      },
    ],
    instanceTypes: [
      {
        id: inventoryIds.instanceType,
        name: "gb200",
        siteId: inventoryIds.site,
        capabilities: [
          { type: "GPU" as const, deviceType: "NVLink" as const, name: "GB200", count: 4 },
        ],
      },
    ],
    vpcs: [
      {
        id: inventoryIds.vpc,
        name: "vpc-1",
        tenantId: inventoryIds.tenant,
        siteId: inventoryIds.site,
        status: "Ready" as const,
        networkVirtualizationType: "ETHERNET_VIRTUALIZER" as const,
      },
    ],
    subnets: [
      {
        id: inventoryIds.subnet,
        name: "subnet-1",
        tenantId: inventoryIds.tenant,
        vpcId: inventoryIds.vpc,
        status: "Ready" as const,
      },
    ],
    sshKeyGroups: [
      {
        id: inventoryIds.sshKeyGroupA,
        name: "keys-a",
        tenantId: inventoryIds.tenant,
        siteIds: [inventoryIds.site],
      },
      {
        id: inventoryIds.sshKeyGroupB,
        name: "keys-b",
        tenantId: inventoryIds.tenant,
        siteIds: [inventoryIds.site],
      },
    ],
    nvLinkLogicalPartitions: [
      {
        id: inventoryIds.nvLinkPartition,
        name: "nvl-partition",
        tenantId: inventoryIds.tenant,
        siteId: inventoryIds.site,
        status: "Ready" as const,
      },
    ],
    machines,
  };
}

/** A reference server behind a proxy that records every request. */
export interface TestBackend {
  /** URL of the recording proxy; point the provider here. */
  url: string;
  token: string;
  server: RunningServer;
  /** Requests seen so far, as "METHOD /path". */
  requests: string[];
  close(): Promise<void>;
}

/** Starts the reference server on a free port with fast lifecycles, behind a recording proxy. */
export async function startBackend(): Promise<TestBackend> {
  const server = await startServer({
    host: "127.0.0.1",
    port: 0,
    inventory: testInventory(),
    database: ":memory:",
    jwtSecret: SECRET,
    readyAfterMs: 100,
    terminateAfterMs: 100,
    logger: pino({ level: "silent" }),
  });
  const token = await signDevelopmentToken({ secret: SECRET, org: ORG, ttl: "2h" });
  const requests: string[] = [];
  const target = new URL(server.url);
  const proxy: Server = createServer((incoming, outgoing) => {
    requests.push(`${incoming.method} ${incoming.url}`);
    const forwarded = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    forwarded.on("error", () => {
      outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(forwarded);
  });
  proxy.listen(0, "127.0.0.1");
  await once(proxy, "listening");
  const { port } = proxy.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    server,
    requests,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await server.close();
    },
  };
}
