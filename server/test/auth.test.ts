import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signDevelopmentToken } from "../src/index.js";
import { baseRequest, ids, sharedFixture } from "./helpers/fixture.js";
import {
  apiPath,
  startTestServer,
  testSecret,
  type ErrorBodyShape,
  type InstanceBody,
  type TestServer,
} from "./helpers/harness.js";

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function error(response: { body: unknown }): ErrorBodyShape {
  return response.body as ErrorBodyShape;
}

const listPath = apiPath("/instance");
const batchPath = apiPath("/instance/batch");

describe("auth with an HS256 secret", () => {
  let server: TestServer;
  let acmeInstance: InstanceBody;

  beforeAll(async () => {
    const inventory = sharedFixture();
    inventory.tenants.push({ id: "7d3f0d9e-2c1b-4a5e-9f00-3a2b1c0d9e8f", org: "umbrella" });
    server = await startTestServer(inventory);
    const created = await server.request("POST", batchPath, { body: baseRequest() });
    acmeInstance = (created.body as InstanceBody[])[0] as InstanceBody;
  });

  afterAll(async () => {
    await server.close();
  });

  const unauthorized: [string, () => Promise<Record<string, string> | null>][] = [
    ["missing header", async () => null],
    ["basic scheme", async () => ({ authorization: "Basic dXNlcjpwYXNz" })],
    ["bearer without token", async () => ({ authorization: "Bearer" })],
    ["three parts", async () => ({ authorization: "Bearer a b" })],
    ["malformed token", async () => ({ authorization: "Bearer not-a-jwt" })],
    [
      "expired token",
      async () => ({
        authorization: `Bearer ${await signDevelopmentToken({ secret: testSecret, org: "acme", ttl: -60 })}`,
      }),
    ],
    [
      "wrong secret",
      async () => ({
        authorization: `Bearer ${await signDevelopmentToken({ secret: "another-secret", org: "acme" })}`,
      }),
    ],
    [
      "alg none",
      async () => {
        const header = base64url({ alg: "none", typ: "JWT" });
        const payload = base64url({
          sub: "mallory",
          exp: Math.floor(Date.now() / 1000) + 600,
          orgs: { acme: { roles: ["TENANT_ADMIN"] } },
        });
        return { authorization: `Bearer ${header}.${payload}.` };
      },
    ],
    [
      "missing exp",
      async () => {
        const token = await new SignJWT({ orgs: { acme: { roles: ["TENANT_ADMIN"] } } })
          .setProtectedHeader({ alg: "HS256" })
          .setSubject("someone")
          .sign(new TextEncoder().encode(testSecret));
        return { authorization: `Bearer ${token}` };
      },
    ],
    [
      "orgs claim not an object",
      async () => {
        const token = await new SignJWT({ orgs: ["acme"] })
          .setProtectedHeader({ alg: "HS256" })
          .setSubject("someone")
          .setExpirationTime("1h")
          .sign(new TextEncoder().encode(testSecret));
        return { authorization: `Bearer ${token}` };
      },
    ],
  ];

  it.each(unauthorized)("401 for %s", async (_name, headers) => {
    const value = await headers();
    const response = await server.request("GET", listPath, {
      token: null,
      headers: value ?? {},
    });
    expect(response.status).toBe(401);
    expect(error(response).source).toBe("nico");
  });

  it("missing header on batch create", async () => {
    const response = await server.request("POST", batchPath, { body: baseRequest(), token: null });
    expect(response.status).toBe(401);
    expect(error(response).message).toContain("Authorization");
  });

  it("provider admin only", async () => {
    const token = await server.token("acme", ["PROVIDER_ADMIN"]);
    const response = await server.request("POST", batchPath, { body: "{not json", token });
    expect(response.status).toBe(403);
    expect(error(response).message).toContain("TENANT_ADMIN");
  });

  it("member of another org", async () => {
    const token = await server.token("globex");
    const response = await server.request("POST", batchPath, { body: baseRequest(), token });
    expect(response.status).toBe(403);
    expect(error(response).message).toContain("acme");
  });

  it("org without tenant on create", async () => {
    const token = await server.token("initech");
    const response = await server.request("POST", apiPath("/instance/batch", "initech"), {
      body: baseRequest(),
      token,
    });
    expect(response.status).toBe(400);
    expect(error(response).message).toContain("initech");
  });

  it("org without tenant on list", async () => {
    const token = await server.token("initech");
    const response = await server.request("GET", apiPath("/instance", "initech"), { token });
    expect(response.status).toBe(403);
  });

  it("org without tenant on get", async () => {
    const token = await server.token("initech");
    const path = apiPath(`/instance/${acmeInstance.id}`, "initech");
    const response = await server.request("GET", path, { token });
    expect(response.status).toBe(403);
  });

  const roles: [string, number][] = [
    ["TENANT_ADMIN", 200],
    ["FORGE_TENANT_ADMIN", 200],
    ["NICO_TENANT_ADMIN", 200],
    ["A_B_TENANT_ADMIN", 403],
    ["TENANT_ADMIN_X", 403],
    ["tenant_admin", 403],
    ["PROVIDER_ADMIN", 403],
  ];

  it.each(roles)("role %s gives %i", async (role, status) => {
    const token = await server.token("acme", [role]);
    const response = await server.request("GET", listPath, { token });
    expect(response.status).toBe(status);
  });

  it("org match ignores case", async () => {
    const token = await server.token("ACME");
    const response = await server.request("GET", apiPath("/instance", "Acme"), { token });
    expect(response.status).toBe(200);
  });

  it("other tenant's instance is 403 without details", async () => {
    const token = await server.token("globex");
    const path = apiPath(`/instance/${acmeInstance.id}`, "globex");
    for (const method of ["GET", "PATCH", "DELETE"]) {
      const response = await server.request(method, path, {
        token,
        body: method === "PATCH" ? { description: "taken over" } : undefined,
      });
      expect(response.status).toBe(403);
      expect(error(response).data).toBeNull();
      expect(error(response).message).not.toContain(acmeInstance.id);
      expect(error(response).message).not.toContain(ids.T1);
    }
  });

  it("other tenant's history is 403", async () => {
    const token = await server.token("globex");
    const path = apiPath(`/instance/${acmeInstance.id}/status-history`, "globex");
    const response = await server.request("GET", path, { token });
    expect(response.status).toBe(403);
  });

  it("other tenant's list excludes the instance", async () => {
    const token = await server.token("globex");
    const response = await server.request("GET", apiPath("/instance", "globex"), { token });
    expect(response.body).toEqual([]);
  });

  it("unknown path is 404 before auth", async () => {
    const response = await server.request("GET", "/v2/org/acme/nico/machine", { token: null });
    expect(response.status).toBe(404);
    expect(error(response).source).toBe("nico");
  });
});

describe("auth with an RS256 key set", () => {
  let server: TestServer;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair("RS256");
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
    const jwksFile = join(mkdtempSync(join(tmpdir(), "nico-jwks-")), "jwks.json");
    writeFileSync(jwksFile, JSON.stringify({ keys: [jwk] }));
    server = await startTestServer(sharedFixture(), { jwtSecret: undefined, jwksFile });
  });

  afterAll(async () => {
    await server.close();
  });

  async function rsToken(roles: string[], kid = "test-key"): Promise<string> {
    return new SignJWT({ orgs: { acme: { roles } } })
      .setProtectedHeader({ alg: "RS256", kid })
      .setSubject("rs-user")
      .setExpirationTime("10m")
      .sign(privateKey);
  }

  it("accepts an RS256 token", async () => {
    const response = await server.request("GET", listPath, {
      token: await rsToken(["TENANT_ADMIN"]),
    });
    expect(response.status).toBe(200);
  });

  it("rejects an HS256 token", async () => {
    const response = await server.request("GET", listPath);
    expect(response.status).toBe(401);
  });

  it("rejects an unknown key id", async () => {
    const response = await server.request("GET", listPath, {
      token: await rsToken(["TENANT_ADMIN"], "other-key"),
    });
    expect(response.status).toBe(401);
  });

  it("checks roles of RS256 tokens", async () => {
    const response = await server.request("GET", listPath, {
      token: await rsToken(["PROVIDER_ADMIN"]),
    });
    expect(response.status).toBe(403);
  });
});
