import { pino } from "pino";
import {
  signDevelopmentToken,
  startServer,
  type RunningServer,
  type StartServerOptions,
} from "@nico/server";
import type { TestDatabase } from "./database.js";
import { reliabilityInventory } from "./inventory.js";

/** HS256 secret shared by every server of the reliability suite. */
export const reliabilitySecret = "reliability-suite-shared-secret";

/** Status and parsed body of one response; status null when no response arrived. */
export interface Response {
  status: number | null;
  body: unknown;
}

/** Options of `send`. */
export interface SendOptions {
  token?: string | null;
  /** JSON value, or a string sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Sends one request; a connection failure returns status null instead of throwing. */
export async function send(
  baseUrl: string,
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined && options.token !== null) {
    headers.authorization = `Bearer ${options.token}`;
  }
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  let response: globalThis.Response;
  try {
    response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  } catch {
    return { status: null, body: null };
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    return { status: null, body: null };
  }
  const isJson = (response.headers.get("content-type") ?? "").includes("json") && text !== "";
  let parsed: unknown = text;
  if (isJson) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: response.status, body: parsed };
}

/** Path of an org's API, such as `/v2/org/acme/nico/instance/batch`. */
export function apiPath(org: string, rest: string): string {
  return `/v2/org/${org}/nico${rest}`;
}

/** TENANT_ADMIN token of `org`, signed with the suite's secret. */
export function adminToken(org: string): Promise<string> {
  return signDevelopmentToken({ secret: reliabilitySecret, org, ttl: "2h" });
}

/** Starts `count` in-process servers on one database, seeding it from the reliability inventory. */
export async function startReplicas(
  database: TestDatabase,
  count: number,
  options: Partial<StartServerOptions> = {},
): Promise<RunningServer[]> {
  const start = () =>
    startServer({
      host: "127.0.0.1",
      port: 0,
      inventory: reliabilityInventory(),
      database: database.location,
      jwtSecret: reliabilitySecret,
      readyAfterMs: 100,
      terminateAfterMs: 50,
      logger: pino({ level: process.env.NICO_TEST_LOG_LEVEL ?? "silent" }),
      ...options,
    });
  // All replicas start together, so they race on the migrations and on seeding.
  const results = await Promise.allSettled(Array.from({ length: count }, start));
  const servers = results.flatMap((result) =>
    result.status === "fulfilled" ? [result.value] : [],
  );
  const failure = results.find((result) => result.status === "rejected");
  if (failure !== undefined) {
    await Promise.all(servers.map((server) => server.close()));
    throw failure.reason;
  }
  return servers;
}
