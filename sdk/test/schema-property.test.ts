import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ValidationIssue,
  type ValidationResult,
  formatIssues,
  validateBatchInstanceCreateRequest,
} from "../src/schema/index";

function validData<T>(result: ValidationResult<T>): T {
  if (!result.success) expect.fail(formatIssues(result.issues));
  return result.data;
}

function failedIssues<T>(result: ValidationResult<T>): ValidationIssue[] {
  if (result.success) expect.fail("expected validation issues, but the value was valid");
  return result.issues;
}

const uuid = fc.uuid();

const namePrefix = fc
  .tuple(
    fc.constantFrom("a", "Z", "7", "é", "日"),
    fc.string({ maxLength: 60 }),
    fc.constantFrom("b", "Y", "0", "ü", "本"),
  )
  .map(([first, middle, last]) => `${first}${middle}${last}`);

const labelKey = fc
  .string({ minLength: 1, maxLength: 20 })
  .filter((key) => key.trim() !== "" && key !== "__proto__");
const labels = fc.dictionary(labelKey, fc.string({ maxLength: 40 }), { maxKeys: 10 });

/** Physical flags with at most one `true`, for interfaces without device info. */
function physicalFlags(length: number) {
  return fc
    .integer({ min: -1, max: length - 1 })
    .map((physicalIndex) =>
      Array.from({ length }, (_, index) => (index === physicalIndex ? true : undefined)),
    );
}

const subnetNetwork = fc
  .integer({ min: 1, max: 16 })
  .chain((length) =>
    fc.tuple(fc.array(uuid, { minLength: length, maxLength: length }), physicalFlags(length)),
  )
  .map(([subnets, flags]) => ({
    interfaces: subnets.map((subnetId, index) =>
      flags[index] ? { subnetId, isPhysical: true } : { subnetId },
    ),
  }));

const prefixNetwork = fc
  .integer({ min: 1, max: 16 })
  .chain((length) =>
    fc.tuple(
      fc.array(uuid, { minLength: length, maxLength: length }),
      physicalFlags(length),
      fc.option(fc.uniqueArray(uuid, { maxLength: 3 }), { nil: undefined }),
    ),
  )
  .map(([prefixes, flags, secondaryVpcIds]) => ({
    interfaces: prefixes.map((vpcPrefixId, index) =>
      flags[index] ? { vpcPrefixId, isPhysical: true } : { vpcPrefixId },
    ),
    ...(secondaryVpcIds ? { secondaryVpcIds } : {}),
  }));

const deviceInterface = fc.record({
  vpcPrefixId: uuid,
  device: fc.constantFrom("BF2", "BlueField-3"),
  deviceInstance: fc.integer({ min: 0, max: 7 }),
  physical: fc.boolean(),
  virtualFunctionId: fc.integer({ min: 1, max: 16 }),
});

const deviceNetwork = fc.array(deviceInterface, { minLength: 1, maxLength: 16 }).map((items) => ({
  interfaces: items.map(({ physical, virtualFunctionId, ...item }) =>
    physical ? { ...item, isPhysical: true } : { ...item, isPhysical: false, virtualFunctionId },
  ),
}));

const autoNetwork = fc.constant({ autoNetwork: true });

const bootSource = fc.oneof(
  fc.record({ operatingSystemId: uuid }),
  fc.record({ ipxeScript: fc.string({ minLength: 1, maxLength: 80 }) }),
  fc.record({ operatingSystemId: uuid, ipxeScript: fc.string({ maxLength: 80 }) }),
);

const nvLinkInterfaces = fc
  .subarray([0, 1, 2, 3])
  .chain((instances) =>
    fc.tuple(
      fc.constant(instances),
      fc.array(uuid, { minLength: instances.length, maxLength: instances.length }),
    ),
  )
  .map(([instances, partitions]) =>
    instances.map((deviceInstance, index) => ({
      nvLinkLogicalPartitionId: partitions[index]!,
      deviceInstance,
    })),
  );

const infinibandInterfaces = fc.uniqueArray(
  fc.record({
    partitionId: uuid,
    device: fc.constantFrom("CX6", "CX7"),
    deviceInstance: fc.integer({ min: 0, max: 3 }),
    isPhysical: fc.constant(true as const),
  }),
  { maxLength: 4, selector: (item) => `${item.device}/${item.deviceInstance}` },
);

const dpuDeployments = fc.uniqueArray(
  fc.record({ dpuExtensionServiceId: uuid, version: fc.constantFrom("v1", "v2", "1.4.0") }),
  { maxLength: 3, selector: (item) => `${item.dpuExtensionServiceId}/${item.version}` },
);

const validRequest = fc
  .record({
    namePrefix,
    count: fc.integer({ min: 2, max: 18 }),
    tenantId: uuid,
    instanceTypeId: uuid,
    vpcId: uuid,
    network: fc.oneof(subnetNetwork, prefixNetwork, deviceNetwork, autoNetwork),
    boot: bootSource,
    description: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
    labels: fc.option(labels, { nil: undefined }),
    nvLinkInterfaces,
    infinibandInterfaces,
    dpuExtensionServiceDeployments: dpuDeployments,
    sshKeyGroupIds: fc.array(uuid, { maxLength: 3 }),
    topologyOptimized: fc.constantFrom(true, false, null, undefined),
  })
  .map(({ network, boot, ...rest }) => {
    const request: Record<string, unknown> = { ...rest, ...network, ...boot };
    for (const key of Object.keys(request)) {
      if (request[key] === undefined) delete request[key];
    }
    return request;
  });

type Mutation = { path: (string | number)[]; apply: (request: Record<string, unknown>) => void };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.oneof(fc.integer({ max: 1 }), fc.integer({ min: 19 })).map((count) => ({
    path: ["count"],
    apply: (request: Record<string, unknown>) => {
      request.count = count;
    },
  })),
  fc.constantFrom(" ", "\t", "\n").map((space) => ({
    path: ["namePrefix"],
    apply: (request: Record<string, unknown>) => {
      request.namePrefix = `${space}${String(request.namePrefix)}`;
    },
  })),
  fc.constantFrom("tenantId", "instanceTypeId", "vpcId").chain((field) =>
    fc.string({ maxLength: 20 }).map((text) => ({
      path: [field],
      apply: (request: Record<string, unknown>) => {
        request[field] = `x${text}`;
      },
    })),
  ),
  fc.constantFrom("tenantId", "instanceTypeId", "vpcId", "namePrefix", "count").map((field) => ({
    path: [field],
    apply: (request: Record<string, unknown>) => {
      delete request[field];
    },
  })),
  fc.stringMatching(/^[a-z]{3,12}$/).map((key) => ({
    path: [`unknown_${key}`],
    apply: (request: Record<string, unknown>) => {
      request[`unknown_${key}`] = true;
    },
  })),
  fc.string({ minLength: 1025, maxLength: 1100 }).map((description) => ({
    path: ["description"],
    apply: (request: Record<string, unknown>) => {
      request.description = description;
    },
  })),
);

describe("batch request properties", () => {
  it("valid requests are accepted", () => {
    fc.assert(
      fc.property(validRequest, (request) => {
        const result = validateBatchInstanceCreateRequest(request);
        expect(result.success ? [] : result.issues).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("defaults leave at most one physical interface", () => {
    fc.assert(
      fc.property(validRequest, (request) => {
        const result = validateBatchInstanceCreateRequest(request);
        if (!result.success) throw new Error("valid request was rejected");
        const interfaces = result.data.interfaces;
        const hasDeviceInfo = interfaces.some((item) => item.device != null);
        const physical = interfaces.filter((item) => item.isPhysical).length;
        if (!hasDeviceInfo && interfaces.length > 0) expect(physical).toBe(1);
      }),
      { numRuns: 200 },
    );
  });

  it("defaults make topologyOptimized a boolean", () => {
    fc.assert(
      fc.property(validRequest, (request) => {
        const result = validateBatchInstanceCreateRequest(request);
        expect(typeof validData(result).topologyOptimized).toBe("boolean");
      }),
      { numRuns: 100 },
    );
  });

  it("mutated requests are rejected at the mutated field", () => {
    fc.assert(
      fc.property(validRequest, mutation, (request, change) => {
        const mutated = structuredClone(request);
        change.apply(mutated);
        const result = validateBatchInstanceCreateRequest(mutated);
        const paths = result.success
          ? []
          : result.issues.map((issue) => JSON.stringify(issue.path));
        expect(paths).toContain(JSON.stringify(change.path));
      }),
      { numRuns: 300 },
    );
  });
});
