import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import {
  signDevelopmentToken,
  startServer,
  type InventoryInput,
  type RunningServer,
  type StartServerOptions,
} from "../../src/index.js";
import { specViolations, type CheckedResponse } from "./openapi.js";
import { createDatabaseFromEnvironment } from "../../../test/support/postgres.js";

/** Secret every test server verifies tokens with. */
export const testSecret = "test-secret-of-the-reference-server";

/** Options of one request sent by a test. */
export interface RequestOptions {
  /** JSON body, or a string sent as is. */
  body?: unknown;
  /** Bearer token; default a TENANT_ADMIN token of org acme. Null sends no header. */
  token?: string | null;
  headers?: Record<string, string>;
  /** Skip the check against openapi.yaml (for statuses the spec does not declare). */
  unchecked?: boolean;
}

/** A reference server started for one test file. */
export interface TestServer extends RunningServer {
  /** Sends a request and fails when the response breaks openapi.yaml. */
  request(method: string, path: string, options?: RequestOptions): Promise<CheckedResponse>;
  /** Signs a token for `org` (default acme) with `roles` (default TENANT_ADMIN). */
  token(org?: string, roles?: string[]): Promise<string>;
  /** Temporary folder of the default database file; `close()` removes it. */
  directory: string;
}

/** Path of an org's API, such as `/v2/org/acme/nico/instance/batch`. */
export function apiPath(rest: string, org = "acme"): string {
  return `/v2/org/${org}/nico${rest}`;
}

/** Starts a server on a free port with a fresh database in a temporary folder. */
export async function startTestServer(
  inventory: InventoryInput | undefined,
  options: Partial<StartServerOptions> = {},
): Promise<TestServer> {
  const directory = mkdtempSync(join(tmpdir(), "nico-server-test-"));
  // test/reliability/server-suite-postgres.test.ts sets NICO_TEST_POSTGRES_URL to rerun these
  // tests on PostgreSQL; a test that passes its own database keeps it.
  const postgresDatabase =
    options.database === undefined ? await createDatabaseFromEnvironment() : undefined;
  let server: RunningServer;
  try {
    server = await startServer({
      host: "127.0.0.1",
      port: 0,
      inventory,
      database: postgresDatabase ?? join(directory, "nico.db"),
      jwtSecret: testSecret,
      readyAfterMs: 60_000,
      terminateAfterMs: 60_000,
      logger: pino({ level: process.env.NICO_TEST_LOG_LEVEL ?? "silent" }),
      ...options,
    });
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
  const defaultToken = await signDevelopmentToken({ secret: testSecret, org: "acme" });

  async function request(method: string, path: string, options: RequestOptions = {}) {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? defaultToken : options.token;
    if (token !== null) {
      headers.authorization = `Bearer ${token}`;
    }
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    const response = await fetch(`${server.url}${path}`, { method, headers, body });
    const contentType = response.headers.get("content-type") ?? "";
    const text = await response.text();
    const parsed = contentType.includes("json") && text !== "" ? JSON.parse(text) : text;
    const checked: CheckedResponse = {
      status: response.status,
      contentType,
      headers: response.headers,
      body: parsed,
    };
    if (options.unchecked !== true) {
      const violations = specViolations(method, path.split("?")[0] ?? path, checked);
      if (violations.length > 0) {
        throw new Error(
          `${method} ${path} answered ${response.status} against openapi.yaml:\n` +
            `${violations.join("\n")}\nbody: ${text.slice(0, 2000)}`,
        );
      }
    }
    return checked;
  }

  return {
    ...server,
    directory,
    request,
    token: (org = "acme", roles = ["TENANT_ADMIN"]) =>
      signDevelopmentToken({ secret: testSecret, org, roles }),
    async close() {
      await server.close();
      // A database passed in options lives elsewhere, so this folder is empty then.
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Polls `check` every 20 ms until it returns a value other than undefined, for up to `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Instance fields the tests read. */
export interface InstanceBody {
  id: string;
  name: string;
  status: string;
  machineId: string;
  controllerInstanceId: string;
  secondaryVpcIds: string[];
  sshKeyGroupIds: string[] | null;
  sshKeyGroups: { id: string; name: string }[];
  interfaces: { isPhysical: boolean; status: string; ipAddresses: string[] | null }[];
  infinibandInterfaces: unknown[];
  nvLinkInterfaces: { nvLinkDomainId: string | null; status: string; deviceInstance: number }[];
  dpuExtensionServiceDeployments: { status: string; dpuExtensionService: unknown }[];
  statusHistory: { status: string; message: string | null }[];
  labels: Record<string, string> | null;
  description: string | null;
}

/** Error body fields the tests read. */
export interface ErrorBodyShape {
  source: string;
  message: string;
  data: Record<string, unknown> | null;
}
