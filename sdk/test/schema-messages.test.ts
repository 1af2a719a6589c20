import { describe, expect, it } from "vitest";
import {
  describeValue,
  formatIssues,
  validateBatchInstanceCreateRequest,
  validateInstanceUpdateRequest,
  type ValidationIssue,
  type ValidationResult,
} from "../src/schema/index";

const subnetId = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c61";
const prefixId = "e5f60718-2930-4a4b-9c5d-6e7f8091a2b3";
const partitionId = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

function body(changes: Record<string, unknown> = {}) {
  return {
    namePrefix: "train",
    count: 2,
    tenantId: "7f3e2a10-4c5b-4d8e-9a21-5b6c7d8e9f01",
    instanceTypeId: "3c1d9e42-8a7b-4f6c-b5d4-2e1f0a9b8c73",
    vpcId: "5a2b7c91-1d3e-4f5a-8b6c-9d0e1f2a3b45",
    ipxeScript: "#!ipxe",
    interfaces: [{ subnetId }],
    ...changes,
  };
}

/** Returns the parsed data of a result, failing the test with the issues when it is invalid. */
function dataOf<T>(result: ValidationResult<T>): T {
  if (!result.success) expect.fail(formatIssues(result.issues));
  return result.data;
}

function issuesOf(value: unknown): ValidationIssue[] {
  const result = validateBatchInstanceCreateRequest(value);
  return result.success ? [] : result.issues;
}

describe("interface kind issues", () => {
  it("one interface with both ids", () => {
    const issues = issuesOf(body({ interfaces: [{ subnetId, vpcPrefixId: prefixId }] }));
    expect(issues.map((issue) => issue.code)).toEqual(["network_source_conflict"]);
  });

  it("subnet and prefix interfaces mixed", () => {
    const issues = issuesOf(body({ interfaces: [{ subnetId }, { vpcPrefixId: prefixId }] }));
    expect(issues.map((issue) => issue.code)).toEqual(["interface_kinds_mixed"]);
  });
});

describe("count issues", () => {
  it("2**53 gives one issue", () => {
    expect(issuesOf(body({ count: 2 ** 53 }))).toHaveLength(1);
  });

  it("2**53 is above the batch maximum", () => {
    expect(issuesOf(body({ count: 2 ** 53 }))[0]?.message).toBe(
      "count must be at most 18 (got 9007199254740992)",
    );
  });

  it("2.5 is not an integer", () => {
    expect(issuesOf(body({ count: 2.5 }))[0]?.message).toBe("count must be an integer (got 2.5)");
  });
});

describe("label key issues", () => {
  const longKey = "k".repeat(300);

  it("too long key reports the key", () => {
    const issue = issuesOf(body({ labels: { [longKey]: "v" } }))[0];
    expect(issue?.value).toBe(longKey);
  });

  it("too long key message is shortened", () => {
    const issue = issuesOf(body({ labels: { [longKey]: "v" } }))[0];
    expect(issue?.message).toBe(
      `labels["${"k".repeat(63)}…"] key must be at most 255 bytes long (got "${"k".repeat(62)}…)`,
    );
  });

  it("blank key message shows the key", () => {
    const issue = issuesOf(body({ labels: { "  ": "value" } }))[0];
    expect(issue?.message).toBe(
      'labels["  "] key must contain a character other than whitespace (got "  ")',
    );
  });

  it("too long value reports the value", () => {
    const value = "v".repeat(300);
    const issue = issuesOf(body({ labels: { team: value } }))[0];
    expect(issue?.value).toBe(value);
  });
});

describe("describeValue", () => {
  it("keeps 64 characters", () => {
    expect(describeValue("x".repeat(100))).toHaveLength(64);
  });

  it("ends a cut value with an ellipsis", () => {
    expect(describeValue("x".repeat(100)).endsWith("…")).toBe(true);
  });

  it("keeps a short value whole", () => {
    expect(describeValue("short")).toBe('"short"');
  });
});

describe("null as absent in batch create", () => {
  const nullFields = {
    description: null,
    labels: null,
    sshKeyGroupIds: null,
    infinibandInterfaces: null,
    nvLinkInterfaces: null,
    dpuExtensionServiceDeployments: null,
    secondaryVpcIds: null,
    autoNetwork: null,
    topologyOptimized: null,
    alwaysBootWithCustomIpxe: null,
    phoneHomeEnabled: null,
    operatingSystemId: null,
    networkSecurityGroupId: null,
    userData: null,
  };

  it.each(Object.keys(nullFields))("accepts null %s", (field) => {
    expect(issuesOf(body({ [field]: null }))).toEqual([]);
  });

  it("null autoNetwork means false", () => {
    const result = validateBatchInstanceCreateRequest(body(nullFields));
    expect(dataOf(result).autoNetwork).toBe(false);
  });

  it("null topologyOptimized means true", () => {
    const result = validateBatchInstanceCreateRequest(body(nullFields));
    expect(dataOf(result).topologyOptimized).toBe(true);
  });

  it("null labels are dropped", () => {
    const result = validateBatchInstanceCreateRequest(body(nullFields));
    expect("labels" in dataOf(result)).toBe(false);
  });

  it("null interfaces with autoNetwork", () => {
    expect(issuesOf(body({ interfaces: null, autoNetwork: true }))).toEqual([]);
  });

  it("null interfaces without autoNetwork", () => {
    const issues = issuesOf(body({ interfaces: null }));
    expect(issues.map((issue) => issue.code)).toEqual(["interfaces_required"]);
  });

  it("null isPhysical defaults", () => {
    const result = validateBatchInstanceCreateRequest(
      body({
        interfaces: [
          { subnetId, isPhysical: null },
          { subnetId, isPhysical: null },
        ],
      }),
    );
    const flags = dataOf(result).interfaces.map((item) => item.isPhysical);
    expect(flags).toEqual([true, false]);
  });

  it("null NVLink deviceInstance means 0", () => {
    const result = validateBatchInstanceCreateRequest(
      body({ nvLinkInterfaces: [{ nvLinkLogicalPartitionId: partitionId, deviceInstance: null }] }),
    );
    expect(dataOf(result).nvLinkInterfaces?.[0]?.deviceInstance).toBe(0);
  });

  it("null InfiniBand deviceInstance means 0", () => {
    const item = { partitionId, device: "CX7", isPhysical: true, deviceInstance: null };
    const result = validateBatchInstanceCreateRequest(body({ infinibandInterfaces: [item] }));
    expect(dataOf(result).infinibandInterfaces?.[0]?.deviceInstance).toBe(0);
  });

  it("update drops null deviceInstance", () => {
    const result = validateInstanceUpdateRequest({
      nvLinkInterfaces: [{ nvLinkLogicalPartitionId: partitionId, deviceInstance: null }],
    });
    expect(dataOf(result).nvLinkInterfaces?.[0]).toEqual({
      nvLinkLogicalPartitionId: partitionId,
    });
  });
});

describe("upstream NVLink key spelling", () => {
  const issues = () =>
    issuesOf(body({ nvLinkInterfaces: [{ nvLinklogicalPartitionId: partitionId }] }));

  it("is rejected", () => {
    expect(issues().map((issue) => issue.code)).toContain("unrecognized_keys");
  });

  it("message names the accepted key", () => {
    const issue = issues().find((item) => item.code === "unrecognized_keys");
    expect(issue?.message).toBe(
      `nvLinkInterfaces[0].nvLinklogicalPartitionId is not a known field; did you mean nvLinkLogicalPartitionId? (got "${partitionId}")`,
    );
  });
});
