import { describe, expect, it } from "vitest";
import {
  NicoRequestValidationError,
  NicoResponseValidationError,
  createNicoClient,
  type WaitProgress,
} from "../src/index.js";
import { apiError, fakeFetch, instance, json, rejection, testOptions } from "./client-support.js";

const ID = "0b6e4d2f-3a1c-4e5b-9f87-6d5c4b3a2e10";

function clientWithoutServer() {
  const fake = fakeFetch(() => json(200, instance(ID)));
  const nico = createNicoClient(testOptions(fake.fetch).options);
  return { nico, requests: fake.requests };
}

describe("client checks before sending", () => {
  const calls: [string, (nico: ReturnType<typeof createNicoClient>) => Promise<unknown>][] = [
    ["getInstance empty id", (nico) => nico.getInstance("")],
    ["getInstance non-UUID id", (nico) => nico.getInstance("nope")],
    ["getInstance urn:uuid id", (nico) => nico.getInstance(`urn:uuid:${ID}`)],
    ["updateInstance non-UUID id", (nico) => nico.updateInstance("nope", { description: "x" })],
    ["deleteInstance non-UUID id", (nico) => nico.deleteInstance("nope")],
    ["getStatusHistory non-UUID id", (nico) => nico.getStatusHistory("nope")],
    [
      "waitForInstances non-UUID id",
      (nico) => nico.waitForInstances(["nope"], "Ready", { timeoutMs: 1000 }),
    ],
    [
      "waitForInstancesGone non-UUID id",
      (nico) => nico.waitForInstancesGone(["nope"], { timeoutMs: 1000 }),
    ],
    ["listInstances pageSize 500", (nico) => nico.listInstances({ pageSize: 500 })],
    [
      "listInstances unknown status",
      (nico) => nico.listInstances({ status: ["Sleeping"] } as never),
    ],
    ["getStatusHistory pageSize 0", (nico) => nico.getStatusHistory(ID, { pageSize: 0 })],
  ];

  it.each(calls)("%s raises NicoRequestValidationError", async (_name, call) => {
    const { nico } = clientWithoutServer();
    const error = await rejection(call(nico));
    expect(error).toBeInstanceOf(NicoRequestValidationError);
  });

  it.each(calls)("%s sends nothing", async (_name, call) => {
    const { nico, requests } = clientWithoutServer();
    await rejection(call(nico));
    expect(requests).toHaveLength(0);
  });

  it("names the bad id", async () => {
    const { nico } = clientWithoutServer();
    const error = await rejection<NicoRequestValidationError>(nico.getInstance("nope"));
    expect(error.issues[0]?.message).toBe(
      'instanceId must be a UUID (8-4-4-4-12 hexadecimal digits) (got "nope")',
    );
  });

  it("names the index of a bad wait id", async () => {
    const { nico } = clientWithoutServer();
    const error = await rejection<NicoRequestValidationError>(
      nico.waitForInstances([ID, "nope"], "Ready", { timeoutMs: 1000 }),
    );
    expect(error.issues[0]?.path).toEqual(["instanceIds", 1]);
  });

  it("sends a valid list query", async () => {
    const fake = fakeFetch(() => json(200, [instance(ID)]));
    const nico = createNicoClient(testOptions(fake.fetch).options);
    await nico.listInstances({ status: ["Terminated"], pageSize: 10 });
    expect(fake.requests[0]?.url).toContain("status=Terminated");
  });
});

describe("client response statuses", () => {
  it.each(["Terminated", "Unknown"])("getInstance accepts %s", async (status) => {
    const fake = fakeFetch(() => json(200, instance(ID, status)));
    const nico = createNicoClient(testOptions(fake.fetch).options);
    expect((await nico.getInstance(ID)).status).toBe(status);
  });

  it("waitForInstancesGone treats Terminated as gone", async () => {
    const fake = fakeFetch(() => json(200, instance(ID, "Terminated")));
    const nico = createNicoClient(testOptions(fake.fetch).options);
    const progress: WaitProgress[] = [];
    await nico.waitForInstancesGone([ID], {
      timeoutMs: 10_000,
      onProgress: (p) => progress.push(p),
    });
    expect(progress.at(-1)?.byStatus).toEqual({ Terminated: 1 });
  });

  it("waitForInstancesGone keeps waiting on Unknown", async () => {
    const fake = fakeFetch((_request, index) =>
      index === 0
        ? json(200, instance(ID, "Unknown"))
        : apiError(404, "Could not find Instance with specified ID"),
    );
    const nico = createNicoClient(testOptions(fake.fetch).options);
    await nico.waitForInstancesGone([ID], { timeoutMs: 10_000, pollIntervalMs: 10 });
    expect(fake.requests).toHaveLength(2);
  });

  it("response message names the response body", async () => {
    const fake = fakeFetch(() => json(200, "not an instance"));
    const nico = createNicoClient(testOptions(fake.fetch).options);
    const error = await rejection<NicoResponseValidationError>(nico.getInstance(ID));
    expect(error.issues[0]?.message).toMatch(/^response body must be an object/);
  });

  it("response message avoids request body", async () => {
    const fake = fakeFetch(() => json(200, "not an instance"));
    const nico = createNicoClient(testOptions(fake.fetch).options);
    const error = await rejection<NicoResponseValidationError>(nico.getInstance(ID));
    expect(error.message).not.toContain("request body");
  });
});
