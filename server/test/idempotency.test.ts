import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { baseRequest, ids, sharedFixture } from "./helpers/fixture.js";
import {
  apiPath,
  startTestServer,
  type ErrorBodyShape,
  type InstanceBody,
  type TestServer,
} from "./helpers/harness.js";

const batchPath = apiPath("/instance/batch");
let server: TestServer | undefined;
let folder: string | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  if (folder !== undefined) {
    rmSync(folder, { recursive: true, force: true });
    folder = undefined;
  }
});

async function start(): Promise<TestServer> {
  server = await startTestServer(sharedFixture());
  return server;
}

function idsOf(response: { body: unknown }): string[] {
  return (response.body as InstanceBody[]).map((instance) => instance.id);
}

async function liveCount(target: TestServer): Promise<number> {
  const response = await target.request("GET", apiPath("/instance?pageSize=100"));
  return (response.body as unknown[]).length;
}

describe("batch create idempotency", () => {
  it("same key and body replays the first result", async () => {
    const target = await start();
    const headers = { "idempotency-key": "key-1" };
    const first = await target.request("POST", batchPath, { body: baseRequest(), headers });
    const second = await target.request("POST", batchPath, { body: baseRequest(), headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(idsOf(second)).toEqual(idsOf(first));
    expect(await liveCount(target)).toBe(2);
  });

  it("key order in the body does not matter", async () => {
    const target = await start();
    const headers = { "idempotency-key": "key-order" };
    const body = baseRequest();
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const first = await target.request("POST", batchPath, { body, headers });
    const second = await target.request("POST", batchPath, { body: reordered, headers });
    expect(idsOf(second)).toEqual(idsOf(first));
  });

  it("same key with another body is 409", async () => {
    const target = await start();
    const headers = { "idempotency-key": "key-2" };
    await target.request("POST", batchPath, { body: baseRequest(), headers });
    const response = await target.request("POST", batchPath, {
      body: baseRequest({ count: 3 }),
      headers,
    });
    expect(response.status).toBe(409);
    expect((response.body as ErrorBodyShape).message).toContain("key-2");
    expect(await liveCount(target)).toBe(2);
  });

  it("replay allocates no machines", async () => {
    const target = await start();
    const headers = { "idempotency-key": "key-3" };
    await target.request("POST", batchPath, { body: baseRequest(), headers });
    await target.request("POST", batchPath, { body: baseRequest(), headers });
    const machines = await target.store.listMachines({ instanceTypeId: ids.IT1 });
    expect(machines.filter((machine) => machine.assignedInstanceId !== null)).toHaveLength(2);
  });

  it("parallel requests with one key create one batch", async () => {
    const target = await start();
    const headers = { "idempotency-key": "key-parallel" };
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        target.request("POST", batchPath, { body: baseRequest(), headers }),
      ),
    );
    for (const response of responses) {
      expect(response.status).toBe(201);
      expect(idsOf(response)).toEqual(idsOf(responses[0] ?? { body: [] }));
    }
    expect(await liveCount(target)).toBe(2);
  });

  it("keys are scoped per tenant", async () => {
    const target = await start();
    const headers = { "idempotency-key": "shared-key" };
    const acme = await target.request("POST", batchPath, { body: baseRequest(), headers });
    const globexBody = baseRequest({
      tenantId: ids.T2,
      vpcId: ids.VG,
      interfaces: [{ subnetId: ids.SNG }],
    });
    const globex = await target.request("POST", apiPath("/instance/batch", "globex"), {
      body: globexBody,
      headers,
      token: await target.token("globex"),
    });
    expect(globex.status).toBe(201);
    expect(idsOf(globex)).not.toEqual(idsOf(acme));
  });

  it("without a key every request creates", async () => {
    const target = await start();
    await target.request("POST", batchPath, { body: baseRequest() });
    await target.request("POST", batchPath, { body: baseRequest() });
    expect(await liveCount(target)).toBe(4);
  });

  it("key survives a restart", async () => {
    folder = mkdtempSync(join(tmpdir(), "nico-idempotency-"));
    const database = join(folder, "nico.db");
    const first = await startTestServer(sharedFixture(), { database });
    const headers = { "idempotency-key": "durable" };
    const created = await first.request("POST", batchPath, { body: baseRequest(), headers });
    await first.close();
    server = await startTestServer(undefined, { database });
    const replay = await server.request("POST", batchPath, { body: baseRequest(), headers });
    expect(idsOf(replay)).toEqual(idsOf(created));
  });
});
