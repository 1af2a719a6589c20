import { afterEach, describe, expect, it } from "vitest";
import {
  addExistingInstances,
  addInstanceType,
  baseRequest,
  machines,
  sharedFixture,
  uid,
} from "./helpers/fixture.js";
import {
  apiPath,
  startTestServer,
  type ErrorBodyShape,
  type InstanceBody,
  type TestServer,
} from "./helpers/harness.js";

const nvlA = uid("domain/nvl-a");
const nvlB = uid("domain/nvl-b");
let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function create(target: TestServer, body: Record<string, unknown>) {
  return target.request("POST", apiPath("/instance/batch"), { body });
}

async function domainsOf(target: TestServer, created: InstanceBody[]): Promise<string[]> {
  const domains = new Set<string>();
  for (const instance of created) {
    domains.add((await target.store.getMachine(instance.machineId))?.nvLinkDomainId ?? "none");
  }
  return [...domains];
}

describe("fragmented capacity", () => {
  it("rejects at once with the largest placeable count", async () => {
    const inventory = sharedFixture();
    const a = machines("nvl-a", 8, { instanceTypeId: "", domain: nvlA });
    const b = machines("nvl-b", 8, { instanceTypeId: "", domain: nvlB });
    const type = addInstanceType(inventory, {
      name: "fragmented",
      quota: 40,
      machines: [...a, ...b],
    });
    addExistingInstances(
      inventory,
      [...a.slice(0, 4), ...b.slice(0, 4)].map((machine) => machine.id),
    );
    server = await startTestServer(inventory);
    const response = await create(server, baseRequest({ instanceTypeId: type, count: 8 }));
    expect(response.status).toBe(409);
    const data = (response.body as ErrorBodyShape).data;
    expect(data?.code).toBe("insufficient_capacity");
    expect(data?.largestDomainFree).toBe(4);
    expect(data?.available).toBe(8);
    expect(data?.requested).toBe(8);
  });

  it("packs small batches so a large one fits", async () => {
    const inventory = sharedFixture();
    const type = addInstanceType(inventory, {
      name: "fragmented",
      quota: 40,
      machines: [
        ...machines("nvl-a", 8, { instanceTypeId: "", domain: nvlA }),
        ...machines("nvl-b", 8, { instanceTypeId: "", domain: nvlB }),
      ],
    });
    server = await startTestServer(inventory);
    const small = new Set<string>();
    for (let round = 0; round < 3; round += 1) {
      const response = await create(
        server,
        baseRequest({ instanceTypeId: type, namePrefix: `s${round}` }),
      );
      expect(response.status).toBe(201);
      for (const domain of await domainsOf(server, response.body as InstanceBody[])) {
        small.add(domain);
      }
    }
    expect(small.size).toBe(1);
    const large = await create(server, baseRequest({ instanceTypeId: type, count: 8 }));
    expect(large.status).toBe(201);
    expect(await domainsOf(server, large.body as InstanceBody[])).toHaveLength(1);
  });
});

describe("machines without NVLink domain", () => {
  async function start(): Promise<{ target: TestServer; type: string }> {
    const inventory = sharedFixture();
    const type = addInstanceType(inventory, {
      name: "unlabelled",
      quota: 10,
      machines: [
        ...machines("m", 3, { instanceTypeId: "", domain: null }),
        ...machines("nvl-a", 2, { instanceTypeId: "", domain: nvlA }),
      ],
    });
    server = await startTestServer(inventory);
    return { target: server, type };
  }

  it("never forms a pseudo-domain", async () => {
    const { target, type } = await start();
    const response = await create(target, baseRequest({ instanceTypeId: type, count: 3 }));
    expect(response.status).toBe(409);
    const body = response.body as ErrorBodyShape;
    expect(body.data?.code).toBe("insufficient_capacity");
    expect(body.data?.largestDomainFree).toBe(2);
    expect(body.message).toContain("no NVLink domain");
  });

  it("places a fitting batch in the labelled domain", async () => {
    const { target, type } = await start();
    const response = await create(target, baseRequest({ instanceTypeId: type, count: 2 }));
    expect(response.status).toBe(201);
    expect(await domainsOf(target, response.body as InstanceBody[])).toEqual([nvlA]);
  });
});

describe("placement policy", () => {
  it("most-free picks the emptiest domain", async () => {
    const inventory = sharedFixture();
    const type = addInstanceType(inventory, {
      name: "P",
      quota: 40,
      machines: [
        ...machines("small", 3, { instanceTypeId: "", domain: nvlA }),
        ...machines("large", 8, { instanceTypeId: "", domain: nvlB }),
      ],
    });
    server = await startTestServer(inventory, { placement: "most-free" });
    const response = await create(server, baseRequest({ instanceTypeId: type }));
    expect(await domainsOf(server, response.body as InstanceBody[])).toEqual([nvlB]);
  });

  it("best-fit picks the smallest fitting domain", async () => {
    const inventory = sharedFixture();
    const type = addInstanceType(inventory, {
      name: "P",
      quota: 40,
      machines: [
        ...machines("small", 3, { instanceTypeId: "", domain: nvlA }),
        ...machines("large", 8, { instanceTypeId: "", domain: nvlB }),
      ],
    });
    server = await startTestServer(inventory);
    const response = await create(server, baseRequest({ instanceTypeId: type }));
    expect(await domainsOf(server, response.body as InstanceBody[])).toEqual([nvlA]);
  });
});
