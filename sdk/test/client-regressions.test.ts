import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  NicoBadRequestError,
  QUERY_ARRAY_SERIALIZATION,
  createNicoClient,
  errorResponseOf,
  type ErrorResponse,
  type NicoErrorResponseUnion,
} from "../src/index.js";
import {
  apiError,
  fakeFetch,
  json,
  rejection,
  spec,
  testOptions,
  validBatchRequest,
} from "./client-support.js";

const ID = "6f1d2c3a-0000-4000-8000-000000000001";

describe("empty success bodies", () => {
  let server: Server;
  let endpoint: string;
  const seen: { contentLength: string | undefined; transferEncoding: string | undefined }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url?.startsWith("/204/")) {
        response.writeHead(204);
        response.end();
        return;
      }
      // Success status, JSON content type, chunked transfer and a zero-byte body.
      response.writeHead(202, {
        "Content-Type": "application/json",
        "Transfer-Encoding": "chunked",
      });
      response.flushHeaders();
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const recordingFetch = async (request: Request) => {
    const response = await fetch(request);
    seen.push({
      contentLength: response.headers.get("Content-Length") ?? undefined,
      transferEncoding: response.headers.get("Transfer-Encoding") ?? undefined,
    });
    return response;
  };

  const client = (base: string) =>
    createNicoClient({
      endpoint: base,
      org: "demo-org",
      token: "t",
      env: {},
      fetch: recordingFetch,
    });

  it("server sends chunked without length", async () => {
    await client(endpoint).raw.DELETE("/v2/org/{org}/nico/instance/{instanceId}", {
      params: { path: { org: "demo-org", instanceId: ID } },
    });
    expect(seen.at(-1)).toEqual({ contentLength: undefined, transferEncoding: "chunked" });
  });

  it("raw DELETE resolves on chunked empty JSON", async () => {
    const result = await client(endpoint).raw.DELETE("/v2/org/{org}/nico/instance/{instanceId}", {
      params: { path: { org: "demo-org", instanceId: ID } },
    });
    expect({ data: result.data, error: result.error, status: result.response.status }).toEqual({
      data: undefined,
      error: undefined,
      status: 202,
    });
  });

  it("raw DELETE resolves on 204", async () => {
    const result = await client(`${endpoint}/204`).raw.DELETE(
      "/v2/org/{org}/nico/instance/{instanceId}",
      { params: { path: { org: "demo-org", instanceId: ID } } },
    );
    expect({ data: result.data, error: result.error, status: result.response.status }).toEqual({
      data: undefined,
      error: undefined,
      status: 204,
    });
  });

  it("deleteInstance resolves on chunked empty JSON", async () => {
    await expect(client(endpoint).deleteInstance(ID)).resolves.toBeUndefined();
  });

  it("deleteInstance resolves on 204", async () => {
    await expect(client(`${endpoint}/204`).deleteInstance(ID)).resolves.toBeUndefined();
  });
});

describe("array query serialization", () => {
  it("explodes two status values", async () => {
    const api = fakeFetch(() => json(200, []));
    await createNicoClient(testOptions(api.fetch).options).listInstances({
      status: ["Ready", "Provisioning"],
    });
    expect(api.requests[0]?.url).toBe(
      "http://nico.test/v2/org/demo-org/nico/instance?status=Ready&status=Provisioning",
    );
  });

  it("sends one status value", async () => {
    const api = fakeFetch(() => json(200, []));
    await createNicoClient(testOptions(api.fetch).options).listInstances({ status: ["Ready"] });
    expect(api.requests[0]?.url).toBe(
      "http://nico.test/v2/org/demo-org/nico/instance?status=Ready",
    );
  });

  it("raw client uses the same format", async () => {
    const api = fakeFetch(() => json(200, []));
    const nico = createNicoClient(testOptions(api.fetch).options);
    await nico.raw.GET("/v2/org/{org}/nico/instance", {
      params: { path: { org: "demo-org" }, query: { status: ["Ready", "Provisioning"] } },
    });
    expect(new URL(api.requests[0]?.url ?? "").search).toBe("?status=Ready&status=Provisioning");
  });

  // Every array query parameter of the contract must use the wire format the client sends.
  const arrayParameters = Object.entries(spec.paths as Record<string, any>).flatMap(
    ([path, item]) =>
      Object.entries(item as Record<string, any>).flatMap(([method, operation]) =>
        ((operation?.parameters ?? []) as any[])
          .filter((parameter) => parameter.in === "query" && parameter.schema?.type === "array")
          .map((parameter) => [`${method} ${path} ${parameter.name}`, parameter] as const),
      ),
  );

  it("contract declares array parameters", () => {
    expect(arrayParameters.map(([name]) => name)).toContain(
      "get /v2/org/{org}/nico/instance status",
    );
  });

  it.each(arrayParameters)("%s matches the serializer", (_, parameter) => {
    const style = parameter.style ?? "form";
    const explode = parameter.explode ?? style === "form";
    expect({ style, explode }).toEqual(QUERY_ARRAY_SERIALIZATION);
  });
});

describe("error union per operation", () => {
  type BatchErrors = NicoErrorResponseUnion<"createInstanceBatch">;

  it("covers every declared batch status", () => {
    expectTypeOf<BatchErrors["status"]>().toEqualTypeOf<
      400 | 401 | 403 | 404 | 409 | 429 | 500 | 503
    >();
  });

  it("types each body as ErrorResponse", () => {
    expectTypeOf<Extract<BatchErrors, { status: 400 }>["body"]>().toEqualTypeOf<ErrorResponse>();
    expectTypeOf<Extract<BatchErrors, { status: 409 }>["body"]>().toEqualTypeOf<ErrorResponse>();
  });

  it("narrows a 400 at run time", async () => {
    const api = fakeFetch(() =>
      apiError(400, "Error validating batch instance creation request data", {
        count: "count is 19, but a batch holds at most 18 instances",
      }),
    );
    const nico = createNicoClient(testOptions(api.fetch).options);
    const error = await rejection<NicoBadRequestError>(
      nico.createInstanceBatch(validBatchRequest()),
    );
    const response = errorResponseOf(error, "createInstanceBatch");
    const detail = response.status === 400 ? (response.body.data as Record<string, unknown>) : {};
    expect(detail.count).toMatch(/at most 18/);
  });

  it("rejects another operation's error", async () => {
    const api = fakeFetch(() => apiError(404, "gone"));
    const error = await rejection<NicoBadRequestError>(
      createNicoClient(testOptions(api.fetch).options).getInstance(ID),
    );
    expect(() => errorResponseOf(error, "createInstanceBatch")).toThrow(/getInstance/);
  });
});
