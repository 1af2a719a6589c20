import { expectTypeOf } from "expect-type";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { components, operations } from "../src/generated/openapi";
import {
  BatchInstanceCreateRequestSchema,
  DpuExtensionServiceDeploymentRequestSchema,
  ErrorResponseSchema,
  InfiniBandInterfaceCreateRequestSchema,
  InstanceDeleteRequestSchema,
  InstanceSchema,
  InstanceUpdateRequestSchema,
  InterfaceCreateRequestSchema,
  ListInstancesQuerySchema,
  NVLinkInterfaceCreateRequestSchema,
  PaginationSchema,
  StatusDetailSchema,
  StatusHistoryQuerySchema,
  parseInstance,
} from "../src/schema/index";

type Schemas = components["schemas"];

describe("zod input types", () => {
  it("match the generated request types", () => {
    expectTypeOf<z.input<typeof InfiniBandInterfaceCreateRequestSchema>>().toEqualTypeOf<
      Schemas["InfiniBandInterfaceCreateRequest"]
    >();
    expectTypeOf<z.input<typeof NVLinkInterfaceCreateRequestSchema>>().toEqualTypeOf<
      Schemas["NVLinkInterfaceCreateRequest"]
    >();
    expectTypeOf<z.input<typeof DpuExtensionServiceDeploymentRequestSchema>>().toEqualTypeOf<
      Schemas["DpuExtensionServiceDeploymentRequest"]
    >();
    expectTypeOf<z.input<typeof InstanceDeleteRequestSchema>>().toEqualTypeOf<
      Schemas["InstanceDeleteRequest"]
    >();
  });

  // The spec expresses some rules over several fields (boot source, one network source per
  // interface, autoNetwork and interfaces), so the generated types of these requests are unions
  // narrower than the zod input types, which check those rules at run time. Every body the
  // generated type allows must type-check as zod input, and both must name the same fields.
  it("cover the generated cross-field request types", () => {
    expectTypeOf<Schemas["BatchInstanceCreateRequest"]>().toExtend<
      z.input<typeof BatchInstanceCreateRequestSchema>
    >();
    expectTypeOf<keyof Schemas["BatchInstanceCreateRequest"]>().toEqualTypeOf<
      keyof z.input<typeof BatchInstanceCreateRequestSchema>
    >();
    expectTypeOf<Schemas["InterfaceCreateRequest"]>().toExtend<
      z.input<typeof InterfaceCreateRequestSchema>
    >();
    expectTypeOf<keyof Schemas["InterfaceCreateRequest"]>().toEqualTypeOf<
      keyof z.input<typeof InterfaceCreateRequestSchema>
    >();
    expectTypeOf<Schemas["InstanceUpdateRequest"]>().toExtend<
      z.input<typeof InstanceUpdateRequestSchema>
    >();
    expectTypeOf<keyof Schemas["InstanceUpdateRequest"]>().toEqualTypeOf<
      keyof z.input<typeof InstanceUpdateRequestSchema>
    >();
  });

  it("match the generated query types", () => {
    type ListQuery = NonNullable<operations["listInstances"]["parameters"]["query"]>;
    type HistoryQuery = NonNullable<operations["getInstanceStatusHistory"]["parameters"]["query"]>;
    expectTypeOf<z.input<typeof ListInstancesQuerySchema>>().toEqualTypeOf<ListQuery>();
    expectTypeOf<z.input<typeof StatusHistoryQuerySchema>>().toEqualTypeOf<HistoryQuery>();
  });

  it("match the generated response types", () => {
    // Response schemas keep unknown keys, so they are compared by assignability both ways.
    expectTypeOf<z.output<typeof StatusDetailSchema>>().toExtend<Schemas["StatusDetail"]>();
    expectTypeOf<Schemas["StatusDetail"]>().toExtend<z.input<typeof StatusDetailSchema>>();
    expectTypeOf<Schemas["Instance"]>().toExtend<z.input<typeof InstanceSchema>>();
    expectTypeOf<z.output<typeof InstanceSchema>>().toExtend<Schemas["Instance"]>();
    expectTypeOf<Schemas["Pagination"]>().toExtend<z.input<typeof PaginationSchema>>();
    expectTypeOf<z.output<typeof PaginationSchema>>().toExtend<Schemas["Pagination"]>();
    expectTypeOf<Schemas["ErrorResponse"]>().toExtend<z.input<typeof ErrorResponseSchema>>();
    expectTypeOf<z.output<typeof ErrorResponseSchema>>().toExtend<Schemas["ErrorResponse"]>();
  });
});

describe("nullable fields", () => {
  it("generate exactly string | null", () => {
    expectTypeOf<Schemas["Instance"]["description"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Schemas["Instance"]["operatingSystemId"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Schemas["NVLinkInterface"]["nvLinkDomainId"]>().toEqualTypeOf<string | null>();
  });

  const freshInstance = () => {
    const example = structuredClone(instanceExample);
    return example;
  };

  it("accept null for a nullable uuid", () => {
    const result = parseInstance({ ...freshInstance(), operatingSystemId: null });
    expect(result.success).toBe(true);
  });

  it("accept a valid uuid for a nullable uuid", () => {
    const result = parseInstance({
      ...freshInstance(),
      operatingSystemId: "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293",
    });
    expect(result.success).toBe(true);
  });

  it("reject a number for a nullable uuid", () => {
    const result = parseInstance({ ...freshInstance(), operatingSystemId: 5 });
    expect(result.success).toBe(false);
  });

  it("reject an empty string for a nullable uuid", () => {
    const result = parseInstance({ ...freshInstance(), operatingSystemId: "" });
    expect(result.success).toBe(false);
  });

  it("accept null for a nullable string", () => {
    const result = parseInstance({ ...freshInstance(), description: null });
    expect(result.success).toBe(true);
  });

  it("reject a number for a nullable string", () => {
    const result = parseInstance({ ...freshInstance(), description: 5 });
    expect(result.success).toBe(false);
  });
});

const instanceExample = {
  id: "0b6e4d2f-3a1c-4e5b-9f87-6d5c4b3a2e10",
  name: "train-k3m9q2",
  description: null,
  controllerInstanceId: "0b6e4d2f-3a1c-4e5b-9f87-6d5c4b3a2e10",
  tenantId: "7f3e2a10-4c5b-4d8e-9a21-5b6c7d8e9f01",
  infrastructureProviderId: "2c3d4e5f-6071-4829-9ab1-c2d3e4f50617",
  siteId: "1b2c3d4e-5f60-4718-89a0-b1c2d3e4f506",
  instanceTypeId: "3c1d9e42-8a7b-4f6c-b5d4-2e1f0a9b8c73",
  vpcId: "5a2b7c91-1d3e-4f5a-8b6c-9d0e1f2a3b45",
  secondaryVpcIds: [],
  machineId: "fm100htq8dq4ahnvsg6ss6c6b9i2rrsdfrgs3u9rm7r1r5b3q0hsg7m0d3g",
  operatingSystemId: null,
  ipxeScript: "#!ipxe",
  alwaysBootWithCustomIpxe: false,
  phoneHomeEnabled: false,
  userData: null,
  labels: null,
  isUpdatePending: false,
  serialConsoleUrl: null,
  networkSecurityGroupId: null,
  networkSecurityGroupPropagationDetails: null,
  networkSecurityGroupInherited: false,
  tpmEkCertificate: null,
  status: "Pending",
  autoNetwork: false,
  interfaces: [],
  infinibandInterfaces: [],
  dpuExtensionServiceDeployments: [],
  nvLinkInterfaces: [],
  sshKeyGroupIds: null,
  sshKeyGroups: [],
  statusHistory: [],
  created: "2026-03-02T09:12:57.918264Z",
  updated: "2026-03-02T09:12:57.918264Z",
  deprecations: [],
};
