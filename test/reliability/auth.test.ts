import { SignJWT } from "jose";
import { signDevelopmentToken, type RunningServer } from "@nico/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type RunningPostgres } from "../support/postgres.js";
import { createTestDatabase, type StoreKind, type TestDatabase } from "./support/database.js";
import { recordFigures, type Figure } from "./support/figures.js";
import {
  adminToken,
  apiPath,
  reliabilitySecret,
  send,
  startReplicas,
  type Response,
} from "./support/http.js";
import { fixture, validBatch, type TenantFixture } from "./support/inventory.js";

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** Claims of a valid acme TENANT_ADMIN token. */
function acmeClaims(): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { sub: "tester", iat: now, exp: now + 600, orgs: { acme: { roles: ["TENANT_ADMIN"] } } };
}

/** Authorization header values that must all get 401, by case name. */
async function unauthenticatedHeaders(): Promise<[string, string | null][]> {
  const secret = new TextEncoder().encode(reliabilitySecret);
  const valid = await adminToken("acme");
  const [header, payload] = valid.split(".");
  const expired = await signDevelopmentToken({ secret: reliabilitySecret, org: "acme", ttl: -60 });
  const wrongSecret = await signDevelopmentToken({ secret: "another-secret", org: "acme" });
  const withoutExp = await new SignJWT({ orgs: { acme: { roles: ["TENANT_ADMIN"] } } })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("tester")
    .sign(secret);
  const hs512 = await new SignJWT(acmeClaims()).setProtectedHeader({ alg: "HS512" }).sign(secret);
  return [
    ["missing header", null],
    ["empty header", ""],
    ["basic scheme", `Basic ${Buffer.from("acme:secret").toString("base64")}`],
    ["bearer without token", "Bearer"],
    ["bearer with two tokens", `Bearer ${valid} ${valid}`],
    ["not a JWT", "Bearer not-a-token"],
    ["two segments", `Bearer ${header}.${payload}`],
    ["garbage segments", "Bearer a.b.c"],
    ["expired", `Bearer ${expired}`],
    ["wrong secret", `Bearer ${wrongSecret}`],
    [
      "alg none without signature",
      `Bearer ${base64url({ alg: "none", typ: "JWT" })}.${base64url(acmeClaims())}.`,
    ],
    [
      "alg none with the original signature",
      `Bearer ${base64url({ alg: "none" })}.${payload}.${valid.split(".")[2]}`,
    ],
    [
      "payload swapped under a valid signature",
      `Bearer ${header}.${base64url({ ...acmeClaims(), sub: "admin" })}.${valid.split(".")[2]}`,
    ],
    ["without exp", `Bearer ${withoutExp}`],
    ["HS512 algorithm", `Bearer ${hs512}`],
  ];
}

const storeKinds: StoreKind[] = ["sqlite", "postgres"];
let postgres: RunningPostgres | undefined;
const figures: Figure[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
});

afterAll(async () => {
  await postgres?.stop();
  if (figures.length > 0) {
    await recordFigures(
      "auth",
      "Auth: bad tokens, missing roles, other tenants' instances",
      figures,
    );
  }
});

describe.each(storeKinds)("auth %s", (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let acmeInstance: { id: string; name: string; machineId: string };
  const [acme, globex] = fixture.tenants as [TenantFixture, TenantFixture];
  let requests = 0;

  const request = async (
    method: string,
    path: string,
    authorization: string | null,
    body?: unknown,
  ) => {
    requests += 1;
    const headers: Record<string, string> = authorization === null ? {} : { authorization };
    return send(server.url, method, path, { headers, body });
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind, postgres);
    [server] = (await startReplicas(database, 1, { readyAfterMs: 60_000 })) as [RunningServer];
    const created = await send(server.url, "POST", apiPath("acme", "/instance/batch"), {
      token: await adminToken("acme"),
      body: validBatch(acme, "auth-owned", {
        count: 2,
        instanceTypeId: fixture.cpuTypeId,
        topologyOptimized: false,
      }),
    });
    if (created.status !== 201) {
      throw new Error(`setup batch failed with ${created.status}: ${JSON.stringify(created.body)}`);
    }
    acmeInstance = (
      created.body as { id: string; name: string; machineId: string }[]
    )[0] as typeof acmeInstance;
  });

  afterAll(async () => {
    await server?.close();
    database?.remove();
    figures.push({ label: `${kind}: requests with bad credentials or scope`, value: requests });
  });

  it("rejects every bad token on every route with 401", async () => {
    const routes: [string, string][] = [
      ["GET", apiPath("acme", "/instance")],
      ["POST", apiPath("acme", "/instance/batch")],
      ["GET", apiPath("acme", `/instance/${acmeInstance.id}`)],
      ["DELETE", apiPath("acme", `/instance/${acmeInstance.id}`)],
    ];
    const wrong: string[] = [];
    for (const [name, authorization] of await unauthenticatedHeaders()) {
      for (const [method, path] of routes) {
        const response = await request(
          method,
          path,
          authorization,
          method === "POST" ? {} : undefined,
        );
        if (response.status !== 401) {
          wrong.push(`${name} ${method} ${path}: ${response.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("gives every 401 an error body with a reason", async () => {
    const response = await request("GET", apiPath("acme", "/instance"), "Bearer not-a-token");
    const body = response.body as { source?: string; message?: string };
    expect(body.source).toBe("nico");
    expect(body.message).toMatch(/token/i);
  });

  it("rejects a token without the tenant admin role with 403", async () => {
    const token = await signDevelopmentToken({
      secret: reliabilitySecret,
      org: "acme",
      roles: ["VIEWER"],
    });
    const response = await request("GET", apiPath("acme", "/instance"), `Bearer ${token}`);
    expect(response.status).toBe(403);
  });

  it("rejects a lookalike admin role with 403", async () => {
    const token = await signDevelopmentToken({
      secret: reliabilitySecret,
      org: "acme",
      roles: ["A_B_TENANT_ADMIN", "TENANT_ADMINISTRATOR"],
    });
    const response = await request(
      "POST",
      apiPath("acme", "/instance/batch"),
      `Bearer ${token}`,
      {},
    );
    expect(response.status).toBe(403);
  });

  it("rejects a token of another org with 403", async () => {
    const token = await adminToken("globex");
    const response = await request("GET", apiPath("acme", "/instance"), `Bearer ${token}`);
    expect(response.status).toBe(403);
  });

  it("rejects a batch for another org's tenant", async () => {
    const token = await adminToken("globex");
    const body = validBatch(acme, "auth-foreign", {
      count: 2,
      instanceTypeId: fixture.cpuTypeId,
      topologyOptimized: false,
    });
    const response = await request(
      "POST",
      apiPath("globex", "/instance/batch"),
      `Bearer ${token}`,
      body,
    );
    expect(response.status).toBe(400);
  });

  it("reveals nothing of another tenant's instance", async () => {
    const authorization = `Bearer ${await adminToken(globex.org)}`;
    const base = apiPath(globex.org, `/instance/${acmeInstance.id}`);
    const attempts: [string, string, unknown][] = [
      ["GET", base, undefined],
      ["GET", `${base}/status-history`, undefined],
      ["PATCH", base, { description: "taken over" }],
      ["DELETE", base, undefined],
    ];
    const leaks: string[] = [];
    for (const [method, path, body] of attempts) {
      const response: Response = await request(method, path, authorization, body);
      const text = JSON.stringify(response.body);
      if (response.status !== 403 && response.status !== 404) {
        leaks.push(`${method} ${path}: status ${response.status}`);
      }
      for (const secret of [acmeInstance.name, acmeInstance.machineId, acme.tenantId, acme.vpcId]) {
        if (text.includes(secret)) {
          leaks.push(`${method} ${path}: body contains ${secret}`);
        }
      }
      if ((response.body as { data?: unknown } | null)?.data !== null) {
        leaks.push(`${method} ${path}: body has data ${text}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("leaves another tenant's instance unchanged", async () => {
    const response = await send(
      server.url,
      "GET",
      apiPath("acme", `/instance/${acmeInstance.id}`),
      {
        token: await adminToken("acme"),
      },
    );
    const body = response.body as { status: string; description: string | null };
    expect(body.status).not.toBe("Terminating");
    expect(body.description).toBeNull();
  });

  it("lists no instance of another tenant", async () => {
    const response = await request(
      "GET",
      apiPath(globex.org, "/instance?pageSize=100"),
      `Bearer ${await adminToken(globex.org)}`,
    );
    const ids = (response.body as { id: string }[]).map((instance) => instance.id);
    expect(ids).not.toContain(acmeInstance.id);
  });
});
