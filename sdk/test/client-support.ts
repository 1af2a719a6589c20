import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { Instance } from "../src/index.js";

/** The repository's OpenAPI document, parsed. */
export const spec = parse(
  readFileSync(new URL("../../openapi.yaml", import.meta.url), "utf8"),
) as Record<string, any>;

/** Named example of `components.examples` in the OpenAPI document. */
export function specExample<T>(name: string): T {
  const example = spec.components?.examples?.[name];
  if (!example) throw new Error(`openapi.yaml has no components.examples.${name}`);
  return structuredClone(example.value) as T;
}

/** Ready instance of the spec's examples with the given id and status. */
export function instance(id: string, status = "Ready"): Instance {
  const value = specExample<Instance>("ReadyInstance");
  return { ...value, id, status: status as Instance["status"] };
}

/** A request seen by the fake fetch, with its body read as text. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

type Handler = (request: RecordedRequest, index: number) => Response | Promise<Response>;

/** Fetch stand-in that records every request and returns the response of `handler`. */
export function fakeFetch(handler: Handler) {
  const requests: RecordedRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const recorded = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: await request.text(),
    };
    requests.push(recorded);
    return handler(recorded, requests.length - 1);
  };
  return { fetch, requests };
}

/** JSON response with the given status and headers. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

/** Error response in the wire shape. */
export function apiError(status: number, message: string, data: unknown = null, headers = {}) {
  return json(status, { source: "nico", message, data }, headers);
}

/** Batch create body that passes every field rule. */
export function validBatchRequest() {
  return {
    namePrefix: "train",
    count: 2,
    tenantId: "7f3e2a10-4c5b-4d8e-9a21-5b6c7d8e9f01",
    instanceTypeId: "3c1d9e42-8a7b-4f6c-b5d4-2e1f0a9b8c73",
    vpcId: "5a2b7c91-1d3e-4f5a-8b6c-9d0e1f2a3b45",
    ipxeScript: "#!ipxe\nchain https://boot.internal/train.ipxe",
    interfaces: [{ subnetId: "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c61", isPhysical: true }],
  };
}

/** Options that make a client deterministic: no env, fake sleep, zero jitter. */
export function testOptions(fetch: (request: Request) => Promise<Response>) {
  const delays: number[] = [];
  return {
    delays,
    options: {
      endpoint: "http://nico.test",
      org: "demo-org",
      token: "secret-token-value",
      env: {},
      fetch,
      sleep: async (ms: number) => {
        delays.push(ms);
      },
      retry: { random: () => 0.5, baseDelayMs: 100 },
    },
  };
}

/** Awaits a call that must fail and returns its error; raises when the call succeeds. */
export async function rejection<E>(call: Promise<unknown>): Promise<E> {
  try {
    await call;
  } catch (error) {
    return error as E;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
