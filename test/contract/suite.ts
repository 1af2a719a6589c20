// Contract suite of the NICo Instance API, run against every target (the Prism mock, the
// reference server). Assertions hold for any correct implementation: status codes, response
// shapes checked by the SDK's zod parsers, and rejections of invalid requests. They never
// depend on the values a mock returns.
import {
  createNicoClient,
  parsePaginationHeader,
  type BatchInstanceCreateRequest,
  type NicoClient,
} from "@nico/sdk";
import {
  InstanceSchema,
  parseErrorResponse,
  parseInstance,
  parseInstances,
  parseStatusDetails,
  validateBatchInstanceCreateRequest,
  validateInstanceDeleteRequest,
  validateInstanceUpdateRequest,
  validateListInstancesQuery,
  validateStatusHistoryQuery,
} from "@nico/sdk/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** Ids of inventory objects a valid batch create request references. */
export interface ContractFixtures {
  tenantId: string;
  instanceTypeId: string;
  /** VPC with an Ethernet-virtualizer network and a Ready subnet `subnetId`. */
  vpcId: string;
  subnetId: string;
  /** Instances per batch. Default 2. */
  count?: number;
}

/** A running implementation of the API. */
export interface ContractEndpoint {
  url: string;
  org: string;
  /** Bearer token with the tenant admin role in `org`. */
  token: string;
  close(): Promise<void>;
}

/** One implementation the suite runs against. */
export interface ContractTarget {
  name: string;
  start(): Promise<ContractEndpoint>;
  fixtures: ContractFixtures;
}

const ORG_PATH = "/v2/org/{org}/nico/instance";
const INSTANCE_PATH = "/v2/org/{org}/nico/instance/{instanceId}";
const HISTORY_PATH = "/v2/org/{org}/nico/instance/{instanceId}/status-history";
const BATCH_PATH = "/v2/org/{org}/nico/instance/batch";

/** Returns a batch create body built from the target's fixtures. */
export function validBatchBody(fixtures: ContractFixtures): BatchInstanceCreateRequest {
  return {
    namePrefix: "contract",
    count: fixtures.count ?? 2,
    tenantId: fixtures.tenantId,
    instanceTypeId: fixtures.instanceTypeId,
    vpcId: fixtures.vpcId,
    description: "contract suite batch",
    ipxeScript: "#!ipxe\nchain http://127.0.0.1/boot.ipxe",
    interfaces: [{ subnetId: fixtures.subnetId, isPhysical: true }],
    labels: { suite: "contract" },
  };
}

/**
 * Text in which a target explains a rejection: the response body, plus the `sl-violations`
 * header with which Prism lists each schema violation.
 */
function rejectionText(response: Response, body: unknown): string {
  return `${JSON.stringify(body)} ${response.headers.get("sl-violations") ?? ""}`;
}

/** Registers the contract tests for `target` in the current vitest file. */
export function defineContractSuite(target: ContractTarget): void {
  describe(`contract: ${target.name}`, () => {
    let endpoint: ContractEndpoint;
    let nico: NicoClient;
    let created: string[] = [];

    const path = () => ({ org: endpoint.org });
    const instancePath = () => ({ org: endpoint.org, instanceId: created[0] as string });

    beforeAll(async () => {
      endpoint = await target.start();
      nico = createNicoClient({
        endpoint: endpoint.url,
        org: endpoint.org,
        token: endpoint.token,
        env: {},
        retry: { maxAttempts: 1 },
      });
    });

    afterAll(async () => {
      for (const id of created) {
        await nico?.deleteInstance(id).catch(() => undefined);
      }
      await endpoint?.close();
    });

    describe("valid requests", () => {
      it("createInstanceBatch returns 201", async () => {
        const { data, response } = await nico.raw.POST(BATCH_PATH, {
          params: { path: path() },
          body: validBatchBody(target.fixtures) as never,
        });
        expect(response.status).toBe(201);
        const parsed = parseInstances(data);
        expect(parsed.success ? [] : parsed.issues).toEqual([]);
        created = parsed.success ? parsed.data.map((instance) => instance.id) : [];
        expect(created.length).toBeGreaterThan(0);
      });

      it("createInstanceBatch through the SDK", async () => {
        const instances = await nico.createInstanceBatch(validBatchBody(target.fixtures));
        created.push(...instances.map((instance) => instance.id));
        expect(instances.length).toBeGreaterThan(0);
      });

      it("getInstance returns 200", async () => {
        const { data, response } = await nico.raw.GET(INSTANCE_PATH, {
          params: { path: instancePath() },
        });
        expect(response.status).toBe(200);
        const parsed = parseInstance(data);
        expect(parsed.success ? [] : parsed.issues).toEqual([]);
      });

      it("listInstances returns 200 with X-Pagination", async () => {
        const { data, response } = await nico.raw.GET(ORG_PATH, {
          params: { path: path(), query: { pageSize: 20 } },
        });
        expect(response.status).toBe(200);
        const parsed = parseInstances(data);
        expect(parsed.success ? [] : parsed.issues).toEqual([]);
        expect(parsePaginationHeader(response.headers.get("X-Pagination"))?.pageSize).toBe(20);
      });

      it("listInstances accepts repeated status", async () => {
        const { response } = await nico.raw.GET(ORG_PATH, {
          params: { path: path(), query: { status: ["Ready", "Provisioning", "Pending"] } },
        });
        expect(response.status).toBe(200);
      });

      it("listAllInstances through the SDK", async () => {
        let count = 0;
        for await (const _ of nico.listAllInstances({ pageSize: 100 })) count++;
        expect(count).toBeGreaterThan(0);
      });

      it("getInstanceStatusHistory returns 200", async () => {
        const { data, response } = await nico.raw.GET(HISTORY_PATH, {
          params: { path: instancePath() },
        });
        expect(response.status).toBe(200);
        const parsed = parseStatusDetails(data);
        expect(parsed.success ? [] : parsed.issues).toEqual([]);
      });

      it("updateInstance returns 200", async () => {
        const { data, response } = await nico.raw.PATCH(INSTANCE_PATH, {
          params: { path: instancePath() },
          body: { description: "updated by the contract suite", labels: { suite: "contract" } },
        });
        expect(response.status).toBe(200);
        const parsed = parseInstance(data);
        expect(parsed.success ? [] : parsed.issues).toEqual([]);
      });

      it("deleteInstance returns 202 text", async () => {
        const last = created.at(-1) as string;
        const { data, response } = await nico.raw.DELETE(INSTANCE_PATH, {
          params: { path: { org: endpoint.org, instanceId: last } },
          parseAs: "text",
        });
        expect(response.status).toBe(202);
        expect(response.headers.get("Content-Type")).toMatch(/^text\/plain/);
        expect(data).toBe("Deletion request was accepted");
      });
    });

    describe("invalid requests", () => {
      const expectRejected = (response: Response, body: unknown, status: number) => {
        expect(response.status).toBe(status);
        const parsed = parseErrorResponse(body);
        expect(parsed.success ? [] : parsed.issues).toEqual([]);
      };

      it("batch without count and tenantId", async () => {
        const { count: _count, tenantId: _tenant, ...body } = validBatchBody(target.fixtures);
        const { error, response } = await nico.raw.POST(BATCH_PATH, {
          params: { path: path() },
          body: body as never,
        });
        expectRejected(response, error, 400);
        expect(rejectionText(response, error)).toContain("count");
        const verdict = validateBatchInstanceCreateRequest(body);
        expect(verdict.success ? [] : verdict.issues.map((i) => i.path.join("."))).toContain(
          "count",
        );
      });

      it("batch with an unknown key", async () => {
        const body = { ...validBatchBody(target.fixtures), colour: "green" };
        const { error, response } = await nico.raw.POST(BATCH_PATH, {
          params: { path: path() },
          body: body as never,
        });
        expectRejected(response, error, 400);
        expect(validateBatchInstanceCreateRequest(body).success).toBe(false);
      });

      it("batch count above 18", async () => {
        const body = { ...validBatchBody(target.fixtures), count: 19 };
        const { error, response } = await nico.raw.POST(BATCH_PATH, {
          params: { path: path() },
          body: body as never,
        });
        expectRejected(response, error, 400);
        expect(validateBatchInstanceCreateRequest(body).success).toBe(false);
      });

      it("getInstance with a non-UUID id", async () => {
        const { error, response } = await nico.raw.GET(INSTANCE_PATH, {
          params: { path: { org: endpoint.org, instanceId: "not-a-uuid" } },
        });
        expectRejected(response, error, 400);
        // The path parameter follows the same uuid rule as the instance's `id` field.
        expect(InstanceSchema.shape.id.safeParse("not-a-uuid").success).toBe(false);
      });

      it("getInstance with a urn:uuid id", async () => {
        const instanceId = `urn:uuid:${target.fixtures.tenantId}`;
        const { error, response } = await nico.raw.GET(INSTANCE_PATH, {
          params: { path: { org: endpoint.org, instanceId } },
        });
        expectRejected(response, error, 400);
        expect(InstanceSchema.shape.id.safeParse(instanceId).success).toBe(false);
      });

      it("listInstances with pageSize 500", async () => {
        const query = { pageSize: 500 };
        const { error, response } = await nico.raw.GET(ORG_PATH, {
          params: { path: path(), query },
        });
        expectRejected(response, error, 400);
        expect(validateListInstancesQuery(query).success).toBe(false);
      });

      it("listInstances with an unknown status", async () => {
        const query = { status: ["Sleeping"] };
        const { error, response } = await nico.raw.GET(ORG_PATH, {
          params: { path: path(), query: query as never },
        });
        expectRejected(response, error, 400);
        expect(validateListInstancesQuery(query).success).toBe(false);
      });

      it("updateInstance with a padded name", async () => {
        const body = { name: " padded " };
        const { error, response } = await nico.raw.PATCH(INSTANCE_PATH, {
          params: { path: instancePath() },
          body,
        });
        expectRejected(response, error, 400);
        expect(validateInstanceUpdateRequest(body).success).toBe(false);
      });

      it("deleteInstance with an unknown category", async () => {
        const body = { machineHealthIssue: { category: "Cosmic", summary: "bit flip" } };
        const { error, response } = await nico.raw.DELETE(INSTANCE_PATH, {
          params: { path: instancePath() },
          body: body as never,
        });
        expectRejected(response, error, 400);
        expect(validateInstanceDeleteRequest(body).success).toBe(false);
      });

      it("getInstanceStatusHistory with pageSize 0", async () => {
        const query = { pageSize: 0 };
        const { error, response } = await nico.raw.GET(HISTORY_PATH, {
          params: { path: instancePath(), query },
        });
        expectRejected(response, error, 400);
        expect(validateStatusHistoryQuery(query).success).toBe(false);
      });

      it("request without a token", async () => {
        const response = await fetch(`${endpoint.url}/v2/org/${endpoint.org}/nico/instance`);
        expectRejected(response, await response.json(), 401);
      });
    });
  });
}
