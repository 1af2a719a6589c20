// Cross-field rules beside invalid fields, capped issue lists, lower-case ids, reserved label
// keys and messages rebuilt with other field names.
import { describe, expect, it } from "vitest";
import {
  issuesToErrorData,
  maxReportedIssues,
  renderIssueMessage,
  validateBatchInstanceCreateRequest,
  validateInstanceUpdateRequest,
  type FieldNames,
  type ValidationIssue,
} from "../src/schema/index";
import { batchBase as fullBatchBase, uuidA, uuidB } from "./spec-bases";

// Subnet interfaces cannot go with secondaryVpcIds, so the base leaves them out.
const { secondaryVpcIds: _secondary, ...batchBase } = fullBatchBase;

function issuesOf(body: unknown): ValidationIssue[] {
  const result = validateBatchInstanceCreateRequest(body);
  return result.success ? [] : result.issues;
}

const codes = (issues: readonly ValidationIssue[]) => issues.map((issue) => issue.code);

const physicalPair = [
  { subnetId: uuidA, isPhysical: true },
  { subnetId: uuidB, isPhysical: true },
];

describe("cross-field rules beside invalid fields", () => {
  const { vpcId: _vpcId, operatingSystemId: _os, ipxeScript: _ipxe, ...withoutVpc } = batchBase;
  const body = { ...withoutVpc, interfaces: physicalPair };

  it("reports the missing vpcId", () => {
    expect(codes(issuesOf(body))).toContain("required");
  });

  it("reports the missing boot source", () => {
    expect(codes(issuesOf(body))).toContain("boot_source_required");
  });

  it("reports two physical interfaces", () => {
    expect(codes(issuesOf(body))).toContain("multiple_physical_interfaces");
  });

  it("skips a rule reading an invalid field", () => {
    const issues = issuesOf({
      ...batchBase,
      interfaces: [{ subnetId: uuidA }, { subnetId: "not-a-uuid", vpcPrefixId: null }],
    });
    expect(codes(issues)).toEqual(["invalid_format"]);
  });

  it("runs a rule on a list with an invalid item field", () => {
    const issues = issuesOf({
      ...batchBase,
      autoNetwork: true,
      interfaces: [{ subnetId: "not-a-uuid" }],
    });
    expect(codes(issues)).toContain("interfaces_not_allowed_with_auto_network");
  });

  it("skips rules reading an invalid autoNetwork", () => {
    const issues = issuesOf({ ...batchBase, autoNetwork: "yes", interfaces: [] });
    expect(codes(issues)).toEqual(["invalid_type"]);
  });

  it("runs rules beside an unknown key", () => {
    const { operatingSystemId: _o, ipxeScript: _i, ...noBoot } = batchBase;
    const issues = issuesOf({ ...noBoot, interfaces: physicalPair.slice(0, 1), colour: "red" });
    expect(codes(issues)).toEqual(["unrecognized_keys", "boot_source_required"]);
  });

  it("survives items of the wrong type", () => {
    const issues = issuesOf({
      ...batchBase,
      interfaces: ["eth0", { subnetId: uuidA }],
      secondaryVpcIds: [7],
      dpuExtensionServiceDeployments: [null],
    });
    expect(codes(issues)).not.toContain("interface_kinds_mixed");
  });

  it("runs update rules beside an invalid name", () => {
    const result = validateInstanceUpdateRequest({ name: "", rebootWithCustomIpxe: true });
    const found = result.success ? [] : codes(result.issues);
    expect(found).toContain("reboot_option_without_reboot");
  });

  it("lists deviceInstance among the physical rule's fields", () => {
    const issue = issuesOf({ ...batchBase, interfaces: physicalPair }).find(
      (item) => item.code === "multiple_physical_interfaces",
    );
    expect(issue?.fields).toContainEqual(["interfaces", 1, "deviceInstance"]);
  });
});

describe("issue cap", () => {
  const body: Record<string, unknown> = { ...batchBase };
  for (let index = 0; index < 400_000; index++) body[`extra${index}`] = index;
  const issues = issuesOf(body);

  it("returns the cap plus one summary", () => {
    expect(issues).toHaveLength(maxReportedIssues + 1);
  });

  it("ends with the summary issue", () => {
    expect(issues.at(-1)?.code).toBe("too_many_issues");
  });

  it("counts the omitted issues", () => {
    expect(issues.at(-1)?.message).toContain(`has ${400_000 - maxReportedIssues} more issues`);
  });

  it("keeps the error data small", () => {
    expect(JSON.stringify(issuesToErrorData(issues)).length).toBeLessThan(20_000);
  });

  it("adds no summary under the cap", () => {
    const small = issuesOf({ ...batchBase, extra1: 1, extra2: 2 });
    expect(codes(small)).toEqual(["unrecognized_keys", "unrecognized_keys"]);
  });
});

describe("uuid case", () => {
  it("rejects upper-case hex", () => {
    const issues = issuesOf({ ...batchBase, tenantId: uuidA.toUpperCase() });
    expect(issues[0]?.message).toContain("lower case");
  });

  it("accepts lower-case hex", () => {
    expect(issuesOf({ ...batchBase, tenantId: uuidA })).toEqual([]);
  });
});

describe("label key __proto__", () => {
  const labels = JSON.parse('{"__proto__": "x", "team": "ml"}') as Record<string, string>;
  const issues = issuesOf({ ...batchBase, labels });

  it("is reported once", () => {
    expect(issues).toHaveLength(1);
  });

  it("is reported on the key", () => {
    expect(issues[0]?.path).toEqual(["labels", "__proto__"]);
  });

  it("names the reserved key", () => {
    expect(issues[0]?.message).toContain('must not be "__proto__"');
  });

  it("rejects a non-string value", () => {
    expect(codes(issuesOf({ ...batchBase, labels: { team: 5 } }))).toEqual(["invalid_type"]);
  });
});

describe("message rendering", () => {
  const snakeNames: FieldNames = {
    path: (path) => path.map((segment) => String(segment)).join("/"),
    field: (name) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
  };

  it("uses the given subject", () => {
    const [issue] = issuesOf({ ...batchBase, count: 1 });
    expect(renderIssueMessage(issue!, snakeNames)).toBe("count must be at least 2 (got 1)");
  });

  it("uses the given field names", () => {
    const [issue] = issuesOf({ ...batchBase, autoNetwork: true, interfaces: physicalPair });
    expect(renderIssueMessage(issue!, snakeNames)).toContain("when auto_network is true");
  });

  it("keeps the default message", () => {
    const [issue] = issuesOf({ ...batchBase, autoNetwork: true, interfaces: physicalPair });
    expect(issue?.message).toContain("when autoNetwork is true");
  });

  it("gives one issue for count 1e30", () => {
    expect(codes(issuesOf({ ...batchBase, count: 1e30 }))).toEqual(["too_big"]);
  });
});
