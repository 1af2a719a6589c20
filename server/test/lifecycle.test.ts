import { afterEach, describe, expect, it } from "vitest";
import { baseRequest, ids, sharedFixture } from "./helpers/fixture.js";
import {
  apiPath,
  startTestServer,
  waitFor,
  type ErrorBodyShape,
  type InstanceBody,
  type TestServer,
} from "./helpers/harness.js";

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function startFast(): Promise<TestServer> {
  const inventory = sharedFixture();
  const vpc = inventory.vpcs.find((candidate) => candidate.id === ids.VE);
  if (vpc !== undefined) {
    vpc.nvLinkLogicalPartitionId = ids.NL1;
  }
  server = await startTestServer(inventory, { readyAfterMs: 150, terminateAfterMs: 150 });
  return server;
}

async function createTwo(target: TestServer): Promise<InstanceBody[]> {
  const response = await target.request("POST", apiPath("/instance/batch"), {
    body: baseRequest(),
  });
  expect(response.status).toBe(201);
  return response.body as InstanceBody[];
}

async function getInstance(target: TestServer, id: string) {
  return target.request("GET", apiPath(`/instance/${id}`));
}

async function waitForStatus(
  target: TestServer,
  id: string,
  status: string,
): Promise<InstanceBody> {
  return waitFor(async () => {
    const response = await getInstance(target, id);
    const body = response.body as InstanceBody;
    return body.status === status ? body : undefined;
  });
}

describe("instance lifecycle", () => {
  it("pending becomes ready", async () => {
    const target = await startFast();
    const [created] = await createTwo(target);
    expect(created?.status).toBe("Pending");
    const ready = await waitForStatus(target, created?.id ?? "", "Ready");
    expect(ready.statusHistory.map((row) => row.status)).toEqual([
      "Ready",
      "Provisioning",
      "Pending",
    ]);
  });

  it("ready instance has interfaces ready", async () => {
    const target = await startFast();
    const [created] = await createTwo(target);
    const ready = await waitForStatus(target, created?.id ?? "", "Ready");
    expect(ready.interfaces[0]?.status).toBe("Ready");
    expect(ready.interfaces[0]?.ipAddresses).toHaveLength(1);
  });

  it("ready NVLink interfaces carry the domain", async () => {
    const target = await startFast();
    const [created] = await createTwo(target);
    const ready = await waitForStatus(target, created?.id ?? "", "Ready");
    expect(ready.nvLinkInterfaces).toHaveLength(4);
    for (const iface of ready.nvLinkInterfaces) {
      expect(iface.nvLinkDomainId).toBe(ids.D1);
      expect(iface.status).toBe("Ready");
    }
  });

  it("status history endpoint lists newest first", async () => {
    const target = await startFast();
    const [created] = await createTwo(target);
    await waitForStatus(target, created?.id ?? "", "Ready");
    const response = await target.request(
      "GET",
      apiPath(`/instance/${created?.id}/status-history`),
    );
    expect(response.status).toBe(200);
    const statuses = (response.body as { status: string }[]).map((row) => row.status);
    expect(statuses).toEqual(["Ready", "Provisioning", "Pending"]);
    const pagination = JSON.parse(response.headers.get("x-pagination") ?? "{}");
    expect(pagination.total).toBe(3);
  });

  it("status history orders and pages", async () => {
    const target = await startFast();
    const [created] = await createTwo(target);
    await waitForStatus(target, created?.id ?? "", "Ready");
    const path = apiPath(
      `/instance/${created?.id}/status-history?orderBy=CREATED_ASC&pageSize=2&pageNumber=2`,
    );
    const response = await target.request("GET", path);
    expect((response.body as { status: string }[]).map((row) => row.status)).toEqual(["Ready"]);
  });

  it("status history rejects a bad orderBy", async () => {
    const target = await startFast();
    const [created] = await createTwo(target);
    const path = apiPath(`/instance/${created?.id}/status-history?orderBy=NAME_ASC`);
    const response = await target.request("GET", path);
    expect(response.status).toBe(400);
  });

  it("delete terminates then removes", async () => {
    const target = await startFast();
    const [created] = await createTwo(target);
    const id = created?.id ?? "";
    const machineId = created?.machineId ?? "";
    const response = await target.request("DELETE", apiPath(`/instance/${id}`));
    expect(response.status).toBe(202);
    expect(response.contentType).toContain("text/plain");
    expect(response.body).toBe("Deletion request was accepted");
    const during = await getInstance(target, id);
    expect([200, 404]).toContain(during.status);
    await waitFor(async () => ((await getInstance(target, id)).status === 404 ? true : undefined));
    const machine = await target.store.getMachine(machineId);
    expect(machine?.assignedInstanceId).toBeNull();
  });

  it("terminating instance shows in history", async () => {
    server = await startTestServer(sharedFixture(), {
      readyAfterMs: 60_000,
      terminateAfterMs: 60_000,
    });
    const target = server;
    const [created] = await createTwo(target);
    const id = created?.id ?? "";
    await target.request("DELETE", apiPath(`/instance/${id}`));
    const body = (await getInstance(target, id)).body as InstanceBody;
    expect(body.status).toBe("Terminating");
    expect(body.statusHistory[0]?.status).toBe("Terminating");
  });

  it("delete twice is accepted", async () => {
    server = await startTestServer(sharedFixture(), {
      readyAfterMs: 60_000,
      terminateAfterMs: 60_000,
    });
    const [created] = await createTwo(server);
    const path = apiPath(`/instance/${created?.id}`);
    expect((await server.request("DELETE", path)).status).toBe(202);
    expect((await server.request("DELETE", path)).status).toBe(202);
  });

  it("update of a terminating instance is 409", async () => {
    server = await startTestServer(sharedFixture(), {
      readyAfterMs: 60_000,
      terminateAfterMs: 60_000,
    });
    const [created] = await createTwo(server);
    const path = apiPath(`/instance/${created?.id}`);
    await server.request("DELETE", path);
    const response = await server.request("PATCH", path, { body: { description: "late" } });
    expect(response.status).toBe(409);
    expect((response.body as ErrorBodyShape).message).toContain("Terminating");
  });

  it("released machine is reused", async () => {
    const inventory = sharedFixture();
    inventory.machines = inventory.machines.slice(0, 2);
    server = await startTestServer(inventory, { readyAfterMs: 50, terminateAfterMs: 50 });
    const target = server;
    const first = await createTwo(target);
    const blocked = await target.request("POST", apiPath("/instance/batch"), {
      body: baseRequest(),
    });
    expect(blocked.status).toBe(409);
    for (const instance of first) {
      await target.request("DELETE", apiPath(`/instance/${instance.id}`));
    }
    for (const instance of first) {
      await waitFor(async () =>
        (await getInstance(target, instance.id)).status === 404 ? true : undefined,
      );
    }
    const again = await target.request("POST", apiPath("/instance/batch"), { body: baseRequest() });
    expect(again.status).toBe(201);
  });

  it("delete with health issue body", async () => {
    server = await startTestServer(sharedFixture());
    const [created] = await createTwo(server);
    const response = await server.request("DELETE", apiPath(`/instance/${created?.id}`), {
      body: { machineHealthIssue: { category: "Hardware", summary: "GPU 3 reports ECC errors" } },
    });
    expect(response.status).toBe(202);
  });

  it("delete with invalid body is 400", async () => {
    server = await startTestServer(sharedFixture());
    const [created] = await createTwo(server);
    const response = await server.request("DELETE", apiPath(`/instance/${created?.id}`), {
      body: { machineHealthIssue: { category: "Cosmic" } },
    });
    expect(response.status).toBe(400);
    expect((response.body as ErrorBodyShape).data).toHaveProperty("machineHealthIssue");
  });

  it("repair tenant needs the capability", async () => {
    server = await startTestServer(sharedFixture());
    const [created] = await createTwo(server);
    const response = await server.request("DELETE", apiPath(`/instance/${created?.id}`), {
      body: { isRepairTenant: true },
    });
    expect(response.status).toBe(403);
  });

  it("get with malformed id is 400", async () => {
    server = await startTestServer(sharedFixture());
    const response = await server.request("GET", apiPath("/instance/not-a-uuid"));
    expect(response.status).toBe(400);
  });

  it("get unknown id is 404", async () => {
    server = await startTestServer(sharedFixture());
    const response = await server.request(
      "GET",
      apiPath("/instance/6f1d2c3a-0000-4000-8000-000000000001"),
    );
    expect(response.status).toBe(404);
  });
});
