import { startMockServer, type MockServer } from "@nico/mock-server";
import { validateBatchInstanceCreateRequest } from "@nico/sdk/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crossFieldCases } from "../../sdk/test/cross-field-cases.js";
import { defineContractSuite } from "./suite.js";

// Prism accepts any syntactically valid id, so the fixtures are the ids of the spec's examples.
defineContractSuite({
  name: "Prism mock",
  async start() {
    const server = await startMockServer();
    return { url: server.url, org: "acme", token: "prism-accepts-any-token", close: server.close };
  },
  fixtures: {
    tenantId: "7f3e2a10-4c5b-4d8e-9a21-5b6c7d8e9f01",
    instanceTypeId: "3c1d9e42-8a7b-4f6c-b5d4-2e1f0a9b8c73",
    vpcId: "5a2b7c91-1d3e-4f5a-8b6c-9d0e1f2a3b45",
    subnetId: "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c61",
  },
});

// Prism validates request bodies against openapi.yaml, so for each of these bodies it must give
// the verdict of the zod validator: 201 when zod accepts the body, 400 when zod rejects it.
describe("Prism and zod verdicts on cross-field rules", () => {
  let server: MockServer;

  beforeAll(async () => {
    server = await startMockServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it.each(crossFieldCases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const response = await fetch(`${server.url}/v2/org/acme/nico/instance/batch`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer any-token" },
      body: JSON.stringify(c.body),
    });
    await response.arrayBuffer();
    const zodAccepts = validateBatchInstanceCreateRequest(c.body).success;
    const violations = response.headers.get("sl-violations") ?? "";
    expect(response.status, violations).toBe(zodAccepts ? 201 : 400);
  });
});
