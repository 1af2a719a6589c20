import { startMockServer } from "@nico/mock-server";
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
