import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseRequest, ids, sharedFixture } from "./helpers/fixture.js";
import { apiPath, startTestServer, type TestServer } from "./helpers/harness.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(sharedFixture());
});

afterAll(async () => {
  await server.close();
});

const fieldValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 40 }),
  fc.double(),
  fc.string({ maxLength: 300 }),
  fc.constantFrom(ids.T1, ids.T2, ids.VE, ids.VF, ids.SN1, ids.P1, ids.IT1, ids.NL1, ""),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

const fields = [
  "namePrefix",
  "count",
  "tenantId",
  "instanceTypeId",
  "vpcId",
  "interfaces",
  "ipxeScript",
  "operatingSystemId",
  "labels",
  "secondaryVpcIds",
  "nvLinkInterfaces",
  "infinibandInterfaces",
  "dpuExtensionServiceDeployments",
  "sshKeyGroupIds",
  "networkSecurityGroupId",
  "autoNetwork",
  "topologyOptimized",
  "unknownField",
];

describe("client input never causes 5xx", () => {
  it("mutated batch bodies", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...fields), fieldValue, { maxKeys: 4 }),
        async (overrides) => {
          const response = await server.request("POST", apiPath("/instance/batch"), {
            body: baseRequest(overrides),
          });
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("arbitrary JSON bodies", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (body) => {
        const response = await server.request("POST", apiPath("/instance/batch"), {
          body: JSON.stringify(body),
        });
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });

  it("arbitrary list queries", async () => {
    const name = fc.constantFrom(
      "status",
      "pageSize",
      "pageNumber",
      "orderBy",
      "siteId",
      "vpcId",
      "query",
      "name",
      "machineId",
      "x",
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(name, fc.string({ maxLength: 40 })), { maxLength: 5 }),
        async (pairs) => {
          const query = new URLSearchParams(pairs).toString();
          const response = await server.request("GET", apiPath(`/instance?${query}`));
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("arbitrary update bodies", async () => {
    const created = await server.request("POST", apiPath("/instance/batch"), {
      body: baseRequest({ namePrefix: "patch" }),
    });
    const id = (created.body as { id: string }[])[0]?.id;
    const updateFields = [
      "name",
      "description",
      "labels",
      "interfaces",
      "triggerReboot",
      "sshKeyGroupIds",
      "operatingSystemId",
      "ipxeScript",
      "nvLinkInterfaces",
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...updateFields), fieldValue, { maxKeys: 3 }),
        async (body) => {
          const response = await server.request("PATCH", apiPath(`/instance/${id}`), { body });
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 100 },
    );
  });
});
