import { describe, expect, it } from "vitest";
import {
  NicoBadRequestError,
  NicoConfigurationError,
  NicoConflictError,
  NicoForbiddenError,
  NicoNetworkError,
  NicoNotFoundError,
  NicoRequestValidationError,
  NicoResponseValidationError,
  NicoServerError,
  NicoUnauthorizedError,
  createNicoClient,
  type Instance,
  type NicoLogger,
} from "../src/index.js";
import {
  apiError,
  fakeFetch,
  instance,
  json,
  rejection,
  specExample,
  testOptions,
  validBatchRequest,
} from "./client-support.js";

const ID = "0b6e4d2f-3a1c-4e5b-9f87-6d5c4b3a2e10";
const pending = () => specExample<Instance[]>("PendingInstances");

describe("createNicoClient configuration", () => {
  it("names a missing endpoint", () => {
    expect(() => createNicoClient({ org: "o", token: "t", env: {} })).toThrow(/NICO_ENDPOINT/);
  });

  it("names a missing org", () => {
    const create = () => createNicoClient({ endpoint: "http://x", token: "t", env: {} });
    expect(create).toThrow(/`org` option.*NICO_ORG/);
  });

  it("names a missing token", () => {
    const create = () => createNicoClient({ endpoint: "http://x", org: "o", env: {} });
    expect(create).toThrow(NicoConfigurationError);
  });

  it("rejects a relative endpoint", () => {
    const create = () =>
      createNicoClient({ endpoint: "nico.local", org: "o", token: "t", env: {} });
    expect(create).toThrow(/absolute URL/);
  });

  it("reads the environment", async () => {
    const api = fakeFetch(() => json(200, instance(ID)));
    const nico = createNicoClient({
      env: { NICO_ENDPOINT: "http://env.test/", NICO_ORG: "env-org", NICO_TOKEN: "env-token" },
      fetch: api.fetch,
    });
    await nico.getInstance(ID);
    expect(api.requests[0]?.url).toBe(`http://env.test/v2/org/env-org/nico/instance/${ID}`);
  });

  it("accepts a tokenProvider without token", () => {
    const create = () =>
      createNicoClient({ endpoint: "http://x", org: "o", tokenProvider: () => "t", env: {} });
    expect(create).not.toThrow();
  });
});

describe("client headers", () => {
  it("sends the bearer token", async () => {
    const api = fakeFetch(() => json(200, instance(ID)));
    await createNicoClient(testOptions(api.fetch).options).getInstance(ID);
    expect(api.requests[0]?.headers.get("Authorization")).toBe("Bearer secret-token-value");
  });

  it("calls tokenProvider per attempt", async () => {
    const api = fakeFetch((_, index) =>
      index === 0 ? apiError(503, "busy") : json(200, instance(ID)),
    );
    let calls = 0;
    const { options } = testOptions(api.fetch);
    const nico = createNicoClient({ ...options, tokenProvider: async () => `token-${++calls}` });
    await nico.getInstance(ID);
    expect(api.requests.map((r) => r.headers.get("Authorization"))).toEqual([
      "Bearer token-1",
      "Bearer token-2",
    ]);
  });

  it("prefixes the user agent", async () => {
    const api = fakeFetch(() => json(200, instance(ID)));
    const { options } = testOptions(api.fetch);
    await createNicoClient({ ...options, userAgent: "my-tool/1.0" }).getInstance(ID);
    expect(api.requests[0]?.headers.get("User-Agent")).toMatch(/^my-tool\/1\.0 nico-sdk\//);
  });
});

describe("createInstanceBatch", () => {
  it("returns the created instances", async () => {
    const api = fakeFetch(() => json(201, pending()));
    const created = await createNicoClient(testOptions(api.fetch).options).createInstanceBatch(
      validBatchRequest(),
    );
    expect(created.map((i) => i.name)).toEqual(["train-k3m9q2", "train-p7x2wd"]);
  });

  it("posts the body unchanged", async () => {
    const api = fakeFetch(() => json(201, pending()));
    await createNicoClient(testOptions(api.fetch).options).createInstanceBatch(validBatchRequest());
    expect(JSON.parse(api.requests[0]?.body ?? "")).toEqual(validBatchRequest());
  });

  it("sends an Idempotency-Key", async () => {
    const api = fakeFetch(() => json(201, pending()));
    await createNicoClient(testOptions(api.fetch).options).createInstanceBatch(validBatchRequest());
    expect(api.requests[0]?.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("reuses the key on every retry", async () => {
    const api = fakeFetch((_, index) => (index < 2 ? apiError(503, "busy") : json(201, pending())));
    await createNicoClient(testOptions(api.fetch).options).createInstanceBatch(validBatchRequest());
    const keys = new Set(api.requests.map((r) => r.headers.get("Idempotency-Key")));
    expect({ attempts: api.requests.length, keys: keys.size }).toEqual({ attempts: 3, keys: 1 });
  });

  it("uses a fresh key per call", async () => {
    const api = fakeFetch(() => json(201, pending()));
    const nico = createNicoClient(testOptions(api.fetch).options);
    await nico.createInstanceBatch(validBatchRequest());
    await nico.createInstanceBatch(validBatchRequest());
    const [first, second] = api.requests.map((r) => r.headers.get("Idempotency-Key"));
    expect(first).not.toBe(second);
  });

  it("sends the caller's key", async () => {
    const api = fakeFetch(() => json(201, pending()));
    await createNicoClient(testOptions(api.fetch).options).createInstanceBatch(
      validBatchRequest(),
      {
        idempotencyKey: "job-42",
      },
    );
    expect(api.requests[0]?.headers.get("Idempotency-Key")).toBe("job-42");
  });

  it("sends nothing for an invalid body", async () => {
    const api = fakeFetch(() => json(201, pending()));
    const body = { ...validBatchRequest(), count: 19 };
    const call = createNicoClient(testOptions(api.fetch).options).createInstanceBatch(body);
    await expect(call).rejects.toBeInstanceOf(NicoRequestValidationError);
    expect(api.requests).toHaveLength(0);
  });

  it("lists every issue with path and value", async () => {
    const api = fakeFetch(() => json(201, pending()));
    const body = { ...validBatchRequest(), count: 19, namePrefix: " x" };
    const error = await rejection<NicoRequestValidationError>(
      createNicoClient(testOptions(api.fetch).options).createInstanceBatch(body),
    );
    expect(error.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["count", "namePrefix"]),
    );
    expect(error.message).toMatch(/count .*value 19/);
  });

  it("raises a typed 409", async () => {
    const api = fakeFetch(() =>
      apiError(409, "No NVLink domain has 8 free machines", { code: "insufficient_capacity" }),
    );
    const call = createNicoClient(testOptions(api.fetch).options).createInstanceBatch(
      validBatchRequest(),
    );
    await expect(call).rejects.toBeInstanceOf(NicoConflictError);
  });
});

describe("response validation", () => {
  it("rejects a malformed instance", async () => {
    const api = fakeFetch(() => json(200, { ...instance(ID), id: "not-a-uuid" }));
    const call = createNicoClient(testOptions(api.fetch).options).getInstance(ID);
    await expect(call).rejects.toBeInstanceOf(NicoResponseValidationError);
  });

  it("can be turned off", async () => {
    const api = fakeFetch(() => json(200, { ...instance(ID), id: "not-a-uuid" }));
    const { options } = testOptions(api.fetch);
    const result = await createNicoClient({ ...options, validateResponses: false }).getInstance(ID);
    expect(result.id).toBe("not-a-uuid");
  });
});

describe("error mapping", () => {
  const cases = [
    [400, NicoBadRequestError],
    [401, NicoUnauthorizedError],
    [403, NicoForbiddenError],
    [404, NicoNotFoundError],
    [409, NicoConflictError],
    [500, NicoServerError],
    [501, NicoServerError],
  ] as const;

  it.each(cases)("maps %i to its class", async (status, ErrorClass) => {
    const api = fakeFetch(() => apiError(status, "failed"));
    const call = createNicoClient(testOptions(api.fetch).options).getInstance(ID);
    await expect(call).rejects.toBeInstanceOf(ErrorClass);
  });

  it("keeps the wire body", async () => {
    const data = { count: "count is 19" };
    const api = fakeFetch(() => apiError(400, "Error validating", data));
    const error = await rejection<NicoBadRequestError>(
      createNicoClient(testOptions(api.fetch).options).getInstance(ID),
    );
    expect(error.body).toEqual({ source: "nico", message: "Error validating", data });
  });

  it("reads the request id header", async () => {
    const api = fakeFetch(() => apiError(404, "gone", null, { "X-Request-Id": "req-7" }));
    const error = await rejection<NicoNotFoundError>(
      createNicoClient(testOptions(api.fetch).options).getInstance(ID),
    );
    expect(error.requestId).toBe("req-7");
  });

  it("names the operation", async () => {
    const api = fakeFetch(() => apiError(404, "gone"));
    const error = await rejection<NicoNotFoundError>(
      createNicoClient(testOptions(api.fetch).options).getInstance(ID),
    );
    expect(error.operation).toBe("getInstance");
  });

  it("wraps a plain-text error body", async () => {
    const api = fakeFetch(() => new Response("upstream timeout", { status: 500 }));
    const error = await rejection<NicoServerError>(
      createNicoClient(testOptions(api.fetch).options).getInstance(ID),
    );
    expect(error.body.message).toBe("upstream timeout");
  });

  it("raises a network error", async () => {
    const { options } = testOptions(async () => {
      throw new TypeError("fetch failed");
    });
    const call = createNicoClient(options).getInstance(ID);
    await expect(call).rejects.toBeInstanceOf(NicoNetworkError);
  });
});

describe("retry policy", () => {
  it("retries GET on 503", async () => {
    const api = fakeFetch((_, index) =>
      index === 0 ? apiError(503, "busy") : json(200, instance(ID)),
    );
    await createNicoClient(testOptions(api.fetch).options).getInstance(ID);
    expect(api.requests).toHaveLength(2);
  });

  it("does not retry PATCH", async () => {
    const api = fakeFetch(() => apiError(503, "busy"));
    const call = createNicoClient(testOptions(api.fetch).options).updateInstance(ID, {
      description: "x",
    });
    await expect(call).rejects.toBeInstanceOf(NicoServerError);
    expect(api.requests).toHaveLength(1);
  });

  it("retries PATCH when configured", async () => {
    const api = fakeFetch((_, index) =>
      index === 0 ? apiError(503, "busy") : json(200, instance(ID)),
    );
    const { options } = testOptions(api.fetch);
    const nico = createNicoClient({ ...options, retry: { ...options.retry, retryPatch: true } });
    await nico.updateInstance(ID, { description: "x" });
    expect(api.requests).toHaveLength(2);
  });

  it("retries DELETE on 502", async () => {
    const api = fakeFetch((_, index) =>
      index === 0
        ? apiError(502, "bad gateway")
        : new Response("Deletion request was accepted", { status: 202 }),
    );
    await createNicoClient(testOptions(api.fetch).options).deleteInstance(ID);
    expect(api.requests).toHaveLength(2);
  });

  it("never logs the token", async () => {
    const lines: string[] = [];
    const record = (fields: Record<string, unknown>, message: string) => {
      lines.push(JSON.stringify({ fields, message }));
    };
    const logger: NicoLogger = { debug: record, info: record, warn: record, error: record };
    const api = fakeFetch((_, index) =>
      index === 0 ? apiError(503, "busy") : json(200, instance(ID)),
    );
    const { options } = testOptions(api.fetch);
    await createNicoClient({ ...options, logger }).getInstance(ID);
    expect(lines.join("\n")).not.toContain("secret-token-value");
  });
});

describe("updateInstance", () => {
  it("sends nothing for an invalid body", async () => {
    const api = fakeFetch(() => json(200, instance(ID)));
    const call = createNicoClient(testOptions(api.fetch).options).updateInstance(ID, {
      name: " padded ",
    });
    await expect(call).rejects.toBeInstanceOf(NicoRequestValidationError);
    expect(api.requests).toHaveLength(0);
  });

  it("returns the updated instance", async () => {
    const api = fakeFetch(() => json(200, instance(ID)));
    const updated = await createNicoClient(testOptions(api.fetch).options).updateInstance(ID, {
      description: "second shift",
    });
    expect(updated.id).toBe(ID);
  });
});

describe("deleteInstance", () => {
  it("accepts the text/plain 202", async () => {
    const api = fakeFetch(
      () =>
        new Response("Deletion request was accepted", {
          status: 202,
          headers: { "Content-Type": "text/plain" },
        }),
    );
    const call = createNicoClient(testOptions(api.fetch).options).deleteInstance(ID);
    await expect(call).resolves.toBeUndefined();
  });

  it("uses DELETE on the instance path", async () => {
    const api = fakeFetch(() => new Response("Deletion request was accepted", { status: 202 }));
    await createNicoClient(testOptions(api.fetch).options).deleteInstance(ID);
    expect(`${api.requests[0]?.method} ${api.requests[0]?.url}`).toBe(
      `DELETE http://nico.test/v2/org/demo-org/nico/instance/${ID}`,
    );
  });
});

describe("listInstances", () => {
  const header = (pageNumber: number, total: number) =>
    JSON.stringify({ pageNumber, pageSize: 2, total, orderBy: null });

  it("returns items and pagination", async () => {
    const api = fakeFetch(() => json(200, pending(), { "X-Pagination": header(1, 2) }));
    const page = await createNicoClient(testOptions(api.fetch).options).listInstances();
    expect(page.pagination).toEqual({ pageNumber: 1, pageSize: 2, total: 2, orderBy: null });
  });

  it("iterates every page", async () => {
    const api = fakeFetch((request) => {
      const pageNumber = Number(new URL(request.url).searchParams.get("pageNumber"));
      const items = pageNumber < 3 ? pending() : pending().slice(0, 1);
      return json(200, items, { "X-Pagination": header(pageNumber, 5) });
    });
    const nico = createNicoClient(testOptions(api.fetch).options);
    const names: string[] = [];
    for await (const item of nico.listAllInstances({ pageSize: 2 })) names.push(item.name);
    expect(names).toHaveLength(5);
  });

  it("passes filters to every page", async () => {
    const api = fakeFetch(() => json(200, [], { "X-Pagination": header(1, 0) }));
    const nico = createNicoClient(testOptions(api.fetch).options);
    for await (const _ of nico.listAllInstances({ name: "train-k3m9q2" })) void _;
    expect(new URL(api.requests[0]?.url ?? "").search).toBe(
      "?name=train-k3m9q2&pageNumber=1&pageSize=100",
    );
  });
});

describe("getStatusHistory", () => {
  it("returns the status rows", async () => {
    const rows = [
      {
        status: "Ready",
        message: "ready",
        created: "2026-03-02T09:16:41Z",
        updated: "2026-03-02T09:16:41Z",
      },
    ];
    const api = fakeFetch(() => json(200, rows));
    const page = await createNicoClient(testOptions(api.fetch).options).getStatusHistory(ID);
    expect(page.items.map((r) => r.status)).toEqual(["Ready"]);
  });
});

describe("waitForInstances on the client", () => {
  it("polls until ready", async () => {
    const api = fakeFetch((_, index) =>
      json(200, instance(ID, index === 0 ? "Provisioning" : "Ready")),
    );
    const nico = createNicoClient(testOptions(api.fetch).options);
    const ready = await nico.waitForInstances([ID], "Ready", { timeoutMs: 10_000 });
    expect(ready[0]?.status).toBe("Ready");
  });

  it("waits for 404", async () => {
    const api = fakeFetch((_, index) =>
      index === 0 ? json(200, instance(ID, "Terminating")) : apiError(404, "gone"),
    );
    const nico = createNicoClient(testOptions(api.fetch).options);
    await expect(nico.waitForInstancesGone([ID], { timeoutMs: 10_000 })).resolves.toBeUndefined();
  });
});
