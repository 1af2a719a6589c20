import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addInstanceType,
  baseRequest,
  ids,
  machines,
  sharedFixture,
  uid,
} from "./helpers/fixture.js";
import { apiPath, startTestServer, type InstanceBody, type TestServer } from "./helpers/harness.js";

let server: TestServer;
let web: InstanceBody[];
let db: InstanceBody[];
let it2: string;

beforeAll(async () => {
  const inventory = sharedFixture();
  it2 = addInstanceType(inventory, {
    name: "IT2",
    quota: 10,
    machines: machines("it2", 4, { instanceTypeId: "", domain: ids.D1 }),
  });
  server = await startTestServer(inventory);
  web = (
    await server.request("POST", apiPath("/instance/batch"), {
      body: baseRequest({ count: 3, labels: { role: "frontend" }, description: "public web tier" }),
    })
  ).body as InstanceBody[];
  db = (
    await server.request("POST", apiPath("/instance/batch"), {
      body: baseRequest({ namePrefix: "db", instanceTypeId: it2, count: 2 }),
    })
  ).body as InstanceBody[];
});

afterAll(async () => {
  await server.close();
});

async function list(query: string) {
  const response = await server.request("GET", apiPath(`/instance${query}`));
  return {
    status: response.status,
    items: response.body as InstanceBody[],
    pagination: JSON.parse(response.headers.get("x-pagination") ?? "null") as {
      pageNumber: number;
      pageSize: number;
      total: number;
      orderBy: string | null;
    } | null,
  };
}

describe("instance list", () => {
  it("lists all in creation order", async () => {
    const result = await list("");
    expect(result.items.map((item) => item.id)).toEqual([...web, ...db].map((item) => item.id));
  });

  it("sends the pagination header", async () => {
    const result = await list("?pageSize=2&pageNumber=2");
    expect(result.pagination).toEqual({ pageNumber: 2, pageSize: 2, total: 5, orderBy: null });
    expect(result.items).toHaveLength(2);
  });

  it("orders by name descending", async () => {
    const result = await list("?orderBy=NAME_DESC");
    const names = result.items.map((item) => item.name);
    expect(names).toEqual([...names].sort().reverse());
    expect(result.pagination?.orderBy).toBe("NAME_DESC");
  });

  it("filters by instance type", async () => {
    const result = await list(`?instanceTypeId=${it2}`);
    expect(result.items.map((item) => item.id).sort()).toEqual(db.map((item) => item.id).sort());
  });

  it("filters by exact name", async () => {
    const result = await list(`?name=${web[1]?.name}`);
    expect(result.items.map((item) => item.id)).toEqual([web[1]?.id]);
  });

  it("filters by status array", async () => {
    const both = await list("?status=Pending&status=Ready");
    expect(both.items).toHaveLength(5);
    const ready = await list("?status=Ready");
    expect(ready.items).toHaveLength(0);
  });

  it("filters by VPC", async () => {
    const result = await list(`?vpcId=${ids.VE}`);
    expect(result.items).toHaveLength(5);
  });

  it("filters by machine", async () => {
    const result = await list(`?machineId=${db[0]?.machineId}&machineId=unknown-machine`);
    expect(result.items.map((item) => item.id)).toEqual([db[0]?.id]);
  });

  it("unknown machines give an empty page", async () => {
    const result = await list("?machineId=unknown-machine");
    expect(result.items).toEqual([]);
    expect(result.pagination?.total).toBe(0);
  });

  it("searches labels and description", async () => {
    expect((await list("?query=frontend")).items).toHaveLength(3);
    expect((await list("?query=PUBLIC")).items).toHaveLength(3);
  });

  it("search treats percent literally", async () => {
    expect((await list("?query=%25")).items).toHaveLength(0);
  });

  const rejected: [string, string, number][] = [
    ["bad status", "?status=Sleeping", 400],
    ["bad site id", "?siteId=not-a-uuid", 400],
    ["unknown site", `?siteId=${uid("site/none")}`, 404],
    ["site without allocation", `?siteId=${ids.S2}`, 403],
    ["unknown VPC", `?vpcId=${uid("vpc/none")}`, 404],
    ["unknown instance type", `?instanceTypeId=${uid("it/none")}`, 404],
    ["page size 0", "?pageSize=0", 400],
    ["page size 101", "?pageSize=101", 400],
    ["page number text", "?pageNumber=first", 400],
    ["bad orderBy", "?orderBy=COLOUR_ASC", 400],
    ["unknown parameter", "?colour=red", 400],
  ];

  it.each(rejected)("rejects %s", async (_name, query, status) => {
    const response = await server.request("GET", apiPath(`/instance${query}`));
    expect(response.status).toBe(status);
  });

  it("site filter matches", async () => {
    const result = await list(`?siteId=${ids.S1}`);
    expect(result.items).toHaveLength(5);
  });
});
