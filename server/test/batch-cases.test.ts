import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import {
  addExistingInstances,
  addInstanceType,
  baseRequest,
  ids,
  machines,
  sharedFixture,
  uid,
  without,
  type FixtureInventory,
} from "./helpers/fixture.js";
import {
  apiPath,
  startTestServer,
  type ErrorBodyShape,
  type InstanceBody,
  type TestServer,
} from "./helpers/harness.js";

const batchPath = apiPath("/instance/batch");
const namePattern = /^web-[a-z0-9]{6}$/;

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(inventory: FixtureInventory = sharedFixture()): Promise<TestServer> {
  server = await startTestServer(inventory);
  return server;
}

async function create(target: TestServer, body: unknown) {
  return target.request("POST", batchPath, { body });
}

function instances(response: { body: unknown }): InstanceBody[] {
  return response.body as InstanceBody[];
}

function error(response: { body: unknown }): ErrorBodyShape {
  return response.body as ErrorBodyShape;
}

async function domainsOf(target: TestServer, created: InstanceBody[]): Promise<Set<string | null>> {
  const domains = new Set<string | null>();
  for (const instance of created) {
    domains.add((await target.store.getMachine(instance.machineId))?.nvLinkDomainId ?? null);
  }
  return domains;
}

async function assignedCount(target: TestServer, instanceTypeId = ids.IT1): Promise<number> {
  const all = await target.store.listMachines({ instanceTypeId });
  return all.filter((machine) => machine.assignedInstanceId !== null).length;
}

describe("batch create: allocation cases", () => {
  it("basic success", async () => {
    const target = await start();
    const response = await create(target, baseRequest({ count: 3 }));
    expect(response.status).toBe(201);
    const created = instances(response);
    expect(created).toHaveLength(3);
    for (const instance of created) {
      expect(instance.name).toMatch(namePattern);
      expect(instance.status).toBe("Pending");
      expect(instance.controllerInstanceId).toBe(instance.id);
      expect(instance.statusHistory).toHaveLength(1);
      expect(instance.statusHistory[0]?.status).toBe("Pending");
    }
    expect(new Set(created.map((instance) => instance.machineId)).size).toBe(3);
    expect(new Set(created.map((instance) => instance.name)).size).toBe(3);
    expect([...(await domainsOf(target, created))]).toEqual([ids.D1]);
    expect(await assignedCount(target)).toBe(3);
  });

  it("same prefix twice", async () => {
    const target = await start();
    const first = instances(await create(target, baseRequest({ count: 3 })));
    const response = await create(target, baseRequest());
    expect(response.status).toBe(201);
    const second = instances(response);
    expect(second).toHaveLength(2);
    const firstNames = new Set(first.map((instance) => instance.name));
    for (const instance of second) {
      expect(instance.name).toMatch(namePattern);
      expect(firstNames.has(instance.name)).toBe(false);
    }
    expect([...(await domainsOf(target, second))]).toEqual([ids.D1]);
  });

  it("secondary VPC via prefix interfaces", async () => {
    const target = await start();
    const response = await create(
      target,
      baseRequest({
        vpcId: ids.VF,
        secondaryVpcIds: [ids.VF2],
        interfaces: [
          { vpcPrefixId: ids.P1, isPhysical: true, device: "BF2", deviceInstance: 0 },
          { vpcPrefixId: ids.P2, isPhysical: true, device: "BF2", deviceInstance: 1 },
        ],
      }),
    );
    expect(response.status).toBe(201);
    for (const instance of instances(response)) {
      expect(instance.secondaryVpcIds).toEqual([ids.VF2]);
      expect(instance.interfaces).toHaveLength(2);
    }
    expect((await domainsOf(target, instances(response))).size).toBe(1);
  });

  it("quota first batch fits", async () => {
    const inventory = sharedFixture();
    const it2 = addInstanceType(inventory, {
      name: "IT2",
      quota: 5,
      machines: machines("it2", 10, { instanceTypeId: "", domain: ids.D1 }),
    });
    const target = await start(inventory);
    const response = await create(target, baseRequest({ instanceTypeId: it2, count: 3 }));
    expect(response.status).toBe(201);
    expect(instances(response)).toHaveLength(3);
    expect((await domainsOf(target, instances(response))).size).toBe(1);
  });

  it("quota exceeded", async () => {
    const inventory = sharedFixture();
    const it2Machines = machines("it2", 10, { instanceTypeId: "", domain: ids.D1 });
    const it2 = addInstanceType(inventory, { name: "IT2", quota: 5, machines: it2Machines });
    addExistingInstances(
      inventory,
      it2Machines.slice(0, 5).map((machine) => machine.id),
    );
    const target = await start(inventory);
    const response = await create(target, baseRequest({ instanceTypeId: it2, count: 3 }));
    expect(response.status).toBe(403);
    expect(error(response).message).toContain("Current: 5, Requested: 3, Max: 5");
    expect(await assignedCount(target, it2)).toBe(5);
    const list = await target.request("GET", apiPath(`/instance?instanceTypeId=${it2}`));
    expect(list.body).toHaveLength(5);
  });

  it("not enough machines", async () => {
    const inventory = sharedFixture();
    const it3 = addInstanceType(inventory, {
      name: "IT3",
      quota: 10,
      machines: [
        ...machines("it3a", 1, { instanceTypeId: "", domain: uid("domain/Da") }),
        ...machines("it3b", 1, { instanceTypeId: "", domain: uid("domain/Db") }),
      ],
    });
    const target = await start(inventory);
    const response = await create(target, baseRequest({ instanceTypeId: it3, count: 5 }));
    expect(response.status).toBe(409);
    expect(error(response).message).toContain("requested 5, available 2");
    expect(error(response).data?.code).toBe("insufficient_machines");
  });

  it("SSH key groups shared", async () => {
    const target = await start();
    const response = await create(target, baseRequest({ sshKeyGroupIds: [ids.K1] }));
    expect(response.status).toBe(201);
    for (const instance of instances(response)) {
      expect(instance.sshKeyGroupIds).toEqual([ids.K1]);
      expect(instance.sshKeyGroups).toEqual([{ id: ids.K1, name: "K1" }]);
    }
    expect((await domainsOf(target, instances(response))).size).toBe(1);
  });

  it("DPU extension service deployment", async () => {
    const target = await start();
    const response = await create(
      target,
      baseRequest({
        dpuExtensionServiceDeployments: [{ dpuExtensionServiceId: ids.DES1, version: "v1" }],
      }),
    );
    expect(response.status).toBe(201);
    for (const instance of instances(response)) {
      expect(instance.dpuExtensionServiceDeployments).toHaveLength(1);
      expect(instance.dpuExtensionServiceDeployments[0]?.status).toBe("Pending");
      expect(instance.dpuExtensionServiceDeployments[0]?.dpuExtensionService).toBeNull();
    }
  });

  it("same DPU service two versions", async () => {
    const target = await start();
    const response = await create(
      target,
      baseRequest({
        dpuExtensionServiceDeployments: [
          { dpuExtensionServiceId: ids.DES1, version: "v1" },
          { dpuExtensionServiceId: ids.DES1, version: "v2" },
        ],
      }),
    );
    expect(response.status).toBe(201);
    for (const instance of instances(response)) {
      expect(instance.dpuExtensionServiceDeployments).toHaveLength(2);
    }
  });

  it("explicit NVLink interfaces", async () => {
    const target = await start();
    const nvLinkInterfaces = [0, 1, 2, 3].map((deviceInstance) => ({
      nvLinkLogicalPartitionId: ids.NL1,
      deviceInstance,
    }));
    const response = await create(target, baseRequest({ nvLinkInterfaces }));
    expect(response.status).toBe(201);
    for (const instance of instances(response)) {
      expect(instance.nvLinkInterfaces).toHaveLength(4);
      for (const iface of instance.nvLinkInterfaces) {
        expect(iface.status).toBe("Pending");
        expect(iface.nvLinkDomainId).toBeNull();
      }
    }
    expect((await domainsOf(target, instances(response))).size).toBe(1);
  });

  it("InfiniBand interface", async () => {
    const target = await start();
    const response = await create(
      target,
      baseRequest({
        infinibandInterfaces: [
          {
            partitionId: ids.IBP1,
            device: "CX6",
            vendor: "Mellanox",
            deviceInstance: 0,
            isPhysical: true,
          },
        ],
      }),
    );
    expect(response.status).toBe(201);
    for (const instance of instances(response)) {
      expect(instance.infinibandInterfaces).toHaveLength(1);
    }
  });

  it("spread mode ignores domains", async () => {
    const inventory = sharedFixture();
    const dx = uid("domain/Dx");
    const dy = uid("domain/Dy");
    const it7 = addInstanceType(inventory, {
      name: "IT7",
      quota: 10,
      machines: [
        ...machines("it7x", 3, { instanceTypeId: "", domain: dx }),
        ...machines("it7y", 3, { instanceTypeId: "", domain: dy }),
      ],
    });
    const target = await start(inventory);
    const response = await create(
      target,
      baseRequest({ instanceTypeId: it7, count: 4, topologyOptimized: false }),
    );
    expect(response.status).toBe(201);
    expect(instances(response)).toHaveLength(4);
    expect(await domainsOf(target, instances(response))).toEqual(new Set([dx, dy]));
  });

  it("machines without NVLink domain default mode", async () => {
    const inventory = sharedFixture();
    const it6 = addInstanceType(inventory, {
      name: "IT6",
      quota: 10,
      machines: machines("it6", 6, { instanceTypeId: "", domain: null }),
    });
    const target = await start(inventory);
    const response = await create(target, baseRequest({ instanceTypeId: it6 }));
    expect(response.status).toBe(409);
    expect(error(response).data?.code).toBe("insufficient_capacity");
    expect(error(response).data?.largestDomainFree).toBe(0);
    expect(error(response).data?.available).toBe(6);
  });

  it("machines without NVLink domain spread mode", async () => {
    const inventory = sharedFixture();
    const it6 = addInstanceType(inventory, {
      name: "IT6",
      quota: 10,
      machines: machines("it6", 6, { instanceTypeId: "", domain: null }),
    });
    const target = await start(inventory);
    const response = await create(
      target,
      baseRequest({ instanceTypeId: it6, topologyOptimized: false }),
    );
    expect(response.status).toBe(201);
    expect(instances(response)).toHaveLength(2);
  });

  it("only Ready unassigned machines count", async () => {
    const inventory = sharedFixture();
    const ready = machines("it5", 7, { instanceTypeId: "", domain: ids.D1 });
    const maintenance = machines("it5m", 2, {
      instanceTypeId: "",
      domain: ids.D1,
      status: "Maintenance",
    });
    const it5 = addInstanceType(inventory, {
      name: "IT5",
      quota: 20,
      machines: [...ready, ...maintenance],
    });
    addExistingInstances(
      inventory,
      ready.slice(0, 3).map((machine) => machine.id),
    );
    const target = await start(inventory);
    const response = await create(target, baseRequest({ instanceTypeId: it5, count: 5 }));
    expect(response.status).toBe(409);
    expect(error(response).message).toContain("requested 5, available 4");
  });

  it("other instance types invisible", async () => {
    const inventory = sharedFixture();
    const it5 = addInstanceType(inventory, {
      name: "IT5",
      quota: 20,
      machines: machines("it5", 2, { instanceTypeId: "", domain: ids.D1 }),
    });
    const target = await start(inventory);
    const response = await create(target, baseRequest({ instanceTypeId: it5, count: 3 }));
    expect(response.status).toBe(409);
    expect(error(response).message).toContain("requested 3, available 2");
  });

  it("first interface becomes physical", async () => {
    const target = await start();
    const response = await create(target, baseRequest());
    expect(response.status).toBe(201);
    for (const instance of instances(response)) {
      expect(instance.interfaces[0]?.isPhysical).toBe(true);
    }
  });
});

describe("batch create: validation cases", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["missing namePrefix", without(baseRequest(), "namePrefix"), "namePrefix"],
    ["count zero", baseRequest({ count: 0 }), "count"],
    ["count 73", baseRequest({ count: 73 }), "count"],
    ["count 19", baseRequest({ count: 19 }), "count"],
    [
      "malformed OS id",
      without(baseRequest({ operatingSystemId: "not-a-valid-uuid" }), "ipxeScript"),
      "operatingSystemId",
    ],
    ["neither OS nor iPXE", without(baseRequest(), "ipxeScript"), "operatingSystemId"],
    [
      "subnet and prefix mixed",
      baseRequest({ interfaces: [{ subnetId: ids.SN1 }, { vpcPrefixId: ids.P1 }] }),
      "interfaces",
    ],
    [
      "two physical subnet interfaces",
      baseRequest({
        interfaces: [
          { subnetId: ids.SN1, isPhysical: true },
          { subnetId: ids.SN1, isPhysical: true },
        ],
      }),
      "interfaces",
    ],
    ["tenantId missing", without(baseRequest(), "tenantId"), "tenantId"],
    ["count as string", baseRequest({ count: "3" }), "count"],
    ["unknown key", baseRequest({ colour: "red" }), "colour"],
  ];

  it.each(cases)("%s", async (_name, body, key) => {
    const target = await start();
    const response = await create(target, body);
    expect(response.status).toBe(400);
    expect(error(response).message).toBe("Error validating batch instance creation request data");
    expect(error(response).data).toHaveProperty(key);
    expect(await assignedCount(target)).toBe(0);
  });

  it("explicit IP in batch", async () => {
    const target = await start();
    const response = await create(
      target,
      baseRequest({ vpcId: ids.VF, interfaces: [{ vpcPrefixId: ids.P1, ipAddress: "10.0.0.11" }] }),
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(error(response).data)).toContain("ipAddress");
  });

  it("data under interfaces __all__", async () => {
    const target = await start();
    const response = await create(
      target,
      baseRequest({ interfaces: [{ subnetId: ids.SN1 }, { vpcPrefixId: ids.P1 }] }),
    );
    expect((error(response).data?.interfaces as Record<string, unknown>).__all__).toBeTypeOf(
      "string",
    );
  });

  it("malformed JSON body", async () => {
    const target = await start();
    const response = await target.request("POST", batchPath, { body: '{"namePrefix": "web",' });
    expect(response.status).toBe(400);
    expect(error(response).source).toBe("nico");
  });

  it("JSON array body", async () => {
    const target = await start();
    const response = await target.request("POST", batchPath, { body: "[1,2]" });
    expect(response.status).toBe(400);
  });

  it("empty body", async () => {
    const target = await start();
    const response = await target.request("POST", batchPath, { body: "" });
    expect(response.status).toBe(400);
  });

  it("body over 10 MB", async () => {
    const target = await start();
    const response = await target.request("POST", batchPath, {
      body: baseRequest({ description: "x".repeat(11 * 1024 * 1024) }),
      unchecked: true,
    });
    expect(response.status).toBe(413);
    expect(error(response).source).toBe("nico");
  });

  it("text body", async () => {
    const target = await start();
    const response = await target.request("POST", batchPath, {
      body: "namePrefix=web",
      headers: { "content-type": "text/plain" },
      unchecked: true,
    });
    expect(response.status).toBe(415);
  });
});

describe("batch create: reference cases", () => {
  const P = ids;
  const cases: [string, () => FixtureInventory, Record<string, unknown>, number, string[]][] = [
    [
      "declared secondary VPC unused",
      sharedFixture,
      baseRequest({
        vpcId: P.VF,
        secondaryVpcIds: [P.VF2],
        interfaces: [{ vpcPrefixId: P.P1, isPhysical: true, device: "BF2", deviceInstance: 0 }],
      }),
      400,
      [P.VF, P.VF2],
    ],
    [
      "undeclared VPC",
      sharedFixture,
      baseRequest({
        vpcId: P.VF,
        interfaces: [
          { vpcPrefixId: P.P1, isPhysical: true, device: "BF2", deviceInstance: 0 },
          { vpcPrefixId: P.P2, isPhysical: true, device: "BF2", deviceInstance: 1 },
        ],
      }),
      400,
      [P.P2, P.VF2],
    ],
    [
      "primary physical on secondary VPC with device",
      sharedFixture,
      baseRequest({
        vpcId: P.VF,
        secondaryVpcIds: [P.VF2],
        interfaces: [{ vpcPrefixId: P.P2, isPhysical: true, device: "BF2", deviceInstance: 0 }],
      }),
      400,
      ["deviceInstance 0", P.P2],
    ],
    [
      "primary physical on secondary VPC",
      sharedFixture,
      baseRequest({
        vpcId: P.VF,
        secondaryVpcIds: [P.VF2],
        interfaces: [{ vpcPrefixId: P.P2, isPhysical: true }],
      }),
      400,
      ["primary physical interface", P.P2],
    ],
    [
      "primary prefix from another site",
      sharedFixture,
      baseRequest({
        vpcId: P.VF,
        interfaces: [{ vpcPrefixId: P.P3, isPhysical: true, device: "BF2", deviceInstance: 0 }],
      }),
      400,
      [P.P3, P.S2],
    ],
    [
      "secondary prefix from another site",
      sharedFixture,
      baseRequest({
        vpcId: P.VF,
        secondaryVpcIds: [P.VF2],
        interfaces: [
          { vpcPrefixId: P.P1, isPhysical: true, device: "BF2", deviceInstance: 0 },
          { vpcPrefixId: P.P3, isPhysical: true, device: "BF2", deviceInstance: 1 },
        ],
      }),
      400,
      [P.P3, P.S2],
    ],
    [
      "unknown tenantId",
      sharedFixture,
      baseRequest({ tenantId: uid("tenant/none") }),
      400,
      [uid("tenant/none")],
    ],
    [
      "unknown instance type",
      sharedFixture,
      baseRequest({ instanceTypeId: uid("instance-type/none") }),
      400,
      ["Instance type", uid("instance-type/none")],
    ],
    [
      "unknown VPC",
      sharedFixture,
      baseRequest({ vpcId: uid("vpc/none") }),
      400,
      ["VPC", uid("vpc/none")],
    ],
    [
      "subnet not ready",
      () => {
        const inventory = sharedFixture();
        inventory.subnets.push({
          id: uid("subnet/SNX"),
          name: "SNX",
          tenantId: P.T1,
          vpcId: P.VE,
          status: "Pending",
        });
        return inventory;
      },
      baseRequest({ interfaces: [{ subnetId: uid("subnet/SNX") }] }),
      400,
      [uid("subnet/SNX"), "Ready"],
    ],
    [
      "inactive DPU service version",
      sharedFixture,
      baseRequest({
        dpuExtensionServiceDeployments: [
          { dpuExtensionServiceId: P.DES1, version: "INVALID-VERSION" },
          { dpuExtensionServiceId: P.DES1, version: "v1" },
        ],
      }),
      400,
      ["INVALID-VERSION", P.DES1],
    ],
    [
      "unknown DPU service",
      sharedFixture,
      baseRequest({
        dpuExtensionServiceDeployments: [{ dpuExtensionServiceId: uid("dpu/none"), version: "v1" }],
      }),
      400,
      [uid("dpu/none")],
    ],
    [
      "DPU service at another site",
      sharedFixture,
      baseRequest({
        dpuExtensionServiceDeployments: [{ dpuExtensionServiceId: P.DES2, version: "v1" }],
      }),
      403,
      [P.DES2, P.SP],
    ],
    [
      "image OS without site capability",
      sharedFixture,
      without(baseRequest({ operatingSystemId: P.OSI }), "ipxeScript"),
      400,
      [P.OSI, "image-based"],
    ],
    [
      "OS of another tenant",
      sharedFixture,
      without(baseRequest({ operatingSystemId: P.OSX }), "ipxeScript"),
      400,
      [P.OSX, "another tenant"],
    ],
    [
      "tenantId of another tenant",
      sharedFixture,
      baseRequest({ tenantId: P.T2 }),
      400,
      [P.T2, "acme"],
    ],
    [
      "unknown SSH key group",
      sharedFixture,
      baseRequest({ sshKeyGroupIds: [uid("ssh/none")] }),
      400,
      [uid("ssh/none")],
    ],
    [
      "NVLink partition not the VPC default",
      () => {
        const inventory = sharedFixture();
        const vpc = inventory.vpcs.find((candidate) => candidate.id === P.VE);
        if (vpc !== undefined) {
          vpc.nvLinkLogicalPartitionId = P.NL1;
        }
        inventory.nvLinkLogicalPartitions.push({
          id: uid("nvlink/other"),
          name: "other",
          tenantId: P.T1,
          siteId: P.S1,
          status: "Ready",
        });
        return inventory;
      },
      baseRequest({ nvLinkInterfaces: [{ nvLinkLogicalPartitionId: uid("nvlink/other") }] }),
      400,
      [uid("nvlink/other"), P.NL1],
    ],
    [
      "InfiniBand device not in capabilities",
      sharedFixture,
      baseRequest({
        infinibandInterfaces: [
          { partitionId: P.IBP1, device: "CX7", deviceInstance: 0, isPhysical: true },
        ],
      }),
      400,
      ["CX7"],
    ],
    [
      "InfiniBand deviceInstance out of range",
      sharedFixture,
      baseRequest({
        infinibandInterfaces: [
          { partitionId: P.IBP1, device: "CX6", deviceInstance: 3, isPhysical: true },
        ],
      }),
      400,
      ["deviceInstance 3"],
    ],
    [
      "DPU device not in capabilities",
      sharedFixture,
      baseRequest({
        vpcId: P.VF,
        interfaces: [{ vpcPrefixId: P.P1, isPhysical: true, device: "BF3", deviceInstance: 0 }],
      }),
      400,
      ["BF3"],
    ],
    ["subnet interface on FNN VPC", sharedFixture, baseRequest({ vpcId: P.VF }), 400, [P.SN1]],
  ];

  it.each(cases)("%s", async (_name, inventory, body, status, fragments) => {
    const target = await start(inventory());
    const response = await create(target, body);
    expect(response.status).toBe(status);
    for (const fragment of fragments) {
      expect(error(response).message).toContain(fragment);
    }
    expect(await assignedCount(target)).toBe(0);
  });

  it("site not registered", async () => {
    const inventory = sharedFixture();
    const it4 = addInstanceType(inventory, {
      name: "IT4",
      quota: 10,
      siteId: ids.SP,
      machines: machines("it4", 5, { instanceTypeId: "", domain: ids.D1, siteId: ids.SP }),
    });
    inventory.vpcs.push({
      id: uid("vpc/VP"),
      name: "VP",
      tenantId: ids.T1,
      siteId: ids.SP,
      status: "Ready",
      networkVirtualizationType: "ETHERNET_VIRTUALIZER",
    });
    inventory.subnets.push({
      id: uid("subnet/SNP"),
      name: "SNP",
      tenantId: ids.T1,
      vpcId: uid("vpc/VP"),
      status: "Ready",
    });
    const target = await start(inventory);
    const response = await create(
      target,
      baseRequest({
        instanceTypeId: it4,
        vpcId: uid("vpc/VP"),
        interfaces: [{ subnetId: uid("subnet/SNP") }],
      }),
    );
    expect(response.status).toBe(400);
    expect(error(response).message).toContain("Registered");
    expect(error(response).message).toContain(ids.SP);
  });

  it("VPC not ready", async () => {
    const inventory = sharedFixture();
    inventory.vpcs.push({
      id: uid("vpc/VN"),
      name: "VN",
      tenantId: ids.T1,
      siteId: ids.S1,
      status: "Pending",
      networkVirtualizationType: "ETHERNET_VIRTUALIZER",
    });
    inventory.subnets.push({
      id: uid("subnet/SNN"),
      name: "SNN",
      tenantId: ids.T1,
      vpcId: uid("vpc/VN"),
      status: "Ready",
    });
    const target = await start(inventory);
    const response = await create(
      target,
      baseRequest({ vpcId: uid("vpc/VN"), interfaces: [{ subnetId: uid("subnet/SNN") }] }),
    );
    expect(response.status).toBe(400);
    expect(error(response).message).toContain("not ready");
  });

  it("autoNetwork on a non-FLAT VPC", async () => {
    const target = await start();
    const response = await create(target, baseRequest({ interfaces: [], autoNetwork: true }));
    expect(response.status).toBe(400);
    expect(error(response).data?.autoNetwork).toContain("FLAT");
  });

  it("autoNetwork on a FLAT VPC", async () => {
    const inventory = sharedFixture();
    inventory.vpcs.push({
      id: uid("vpc/VFL"),
      name: "VFL",
      tenantId: ids.T1,
      siteId: ids.S1,
      status: "Ready",
      networkVirtualizationType: "FLAT",
    });
    const target = await start(inventory);
    const response = await create(
      target,
      baseRequest({ vpcId: uid("vpc/VFL"), interfaces: [], autoNetwork: true }),
    );
    expect(response.status).toBe(201);
    expect(instances(response)[0]?.interfaces).toEqual([]);
  });

  it("default NVLink partition generates one interface per GPU", async () => {
    const inventory = sharedFixture();
    const vpc = inventory.vpcs.find((candidate) => candidate.id === ids.VE);
    if (vpc !== undefined) {
      vpc.nvLinkLogicalPartitionId = ids.NL1;
    }
    const target = await start(inventory);
    const response = await create(target, baseRequest());
    expect(response.status).toBe(201);
    const nvLink = instances(response)[0]?.nvLinkInterfaces ?? [];
    expect(nvLink.map((iface) => iface.deviceInstance)).toEqual([0, 1, 2, 3]);
  });

  it("unknown tenantId is not a 404", async () => {
    const target = await start();
    const response = await create(target, baseRequest({ tenantId: randomUUID() }));
    expect(response.status).toBe(400);
  });
});
