import { describe, expect, it } from "vitest";
import { unknown } from "../src/cty/value.js";
import { formatPath } from "../src/provider/diagnostics.js";
import { parseDuration } from "../src/resources/instance-batch/durations.js";
import {
  dependsOnUnknown,
  requestPathToAttributePath,
  validateInstanceBatchConfig,
} from "../src/resources/instance-batch/validate.js";
import { buildBatchRequest } from "../src/resources/instance-batch/request.js";
import { batchConfig, diagnosticPath, interfaceBlock } from "./harness.js";

const issue = (path: (string | number)[], extra: object = {}) => ({
  path,
  code: "invalid_value",
  message: "broken",
  value: undefined,
  crossField: false,
  ...extra,
});

describe("request path mapping", () => {
  it.each([
    [["count"], "instance_count"],
    [["namePrefix"], "name_prefix"],
    [["interfaces", 0, "subnetId"], "interface[0].subnet_id"],
    [["interfaces", "__all__"], "interface"],
    [
      ["nvLinkInterfaces", 1, "nvLinkLogicalPartitionId"],
      "nvlink_interface[1].nvlink_logical_partition_id",
    ],
    [
      ["nvLinkInterfaces", 1, "nvLinklogicalPartitionId"],
      "nvlink_interface[1].nvlink_logical_partition_id",
    ],
    [
      ["dpuExtensionServiceDeployments", 0, "version"],
      "dpu_extension_service_deployment[0].version",
    ],
    [["labels", "env"], 'labels["env"]'],
    [["secondaryVpcIds", 1], "secondary_vpc_ids"],
    [["sshKeyGroupIds"], "ssh_key_group_ids"],
  ])("%j becomes %s", (path, expected) => {
    expect(formatPath(requestPathToAttributePath(path))).toBe(expected);
  });
});

describe("unknown filtering", () => {
  it("drops an issue on an unknown path", () => {
    expect(dependsOnUnknown(issue(["vpcId"]), [["vpcId"]])).toBe(true);
  });

  it("drops an issue under an unknown list", () => {
    expect(dependsOnUnknown(issue(["interfaces", 0, "subnetId"]), [["interfaces"]])).toBe(true);
  });

  it("drops an issue above an unknown element", () => {
    expect(dependsOnUnknown(issue(["interfaces"]), [["interfaces", 0, "subnetId"]])).toBe(true);
  });

  it("keeps an issue beside an unknown", () => {
    expect(dependsOnUnknown(issue(["count"]), [["vpcId"]])).toBe(false);
  });

  it("drops a cross-field issue reading an unknown", () => {
    const crossField = issue(["interfaces"], {
      crossField: true,
      fields: [["autoNetwork"], ["interfaces"]],
    });
    expect(dependsOnUnknown(crossField, [["autoNetwork"]])).toBe(true);
  });
});

describe("configuration validation", () => {
  it("reports auto_network against interfaces", () => {
    const diagnostics = validateInstanceBatchConfig(batchConfig({ auto_network: true }));
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.map(diagnosticPath)).toContain("interface");
  });

  it("accepts auto_network when interfaces are unknown", () => {
    const diagnostics = validateInstanceBatchConfig(
      batchConfig({ auto_network: unknown, interface: unknown }),
    );
    expect(diagnostics).toEqual([]);
  });

  it("reports a label key on its map key", () => {
    const diagnostics = validateInstanceBatchConfig(batchConfig({ labels: { " ": "x" } }));
    expect(diagnostics.map(diagnosticPath)).toEqual(['labels[" "]']);
  });

  it("reports an invalid timeout", () => {
    const diagnostics = validateInstanceBatchConfig(
      batchConfig({ timeouts: { create: "soon", delete: null } }),
    );
    expect(diagnostics.map(diagnosticPath)).toEqual(["timeouts.create"]);
  });

  it("leaves unknown interface fields out of the body", () => {
    const built = buildBatchRequest(
      batchConfig({ interface: [interfaceBlock({ subnet_id: unknown })] }),
    );
    expect(built.body.interfaces).toEqual([{}]);
    expect(built.unknownPaths).toEqual([["interfaces", 0, "subnetId"]]);
  });
});

describe("durations", () => {
  it.each([
    ["30m", 1_800_000],
    ["1h30m", 5_400_000],
    ["90s", 90_000],
    ["1.5h", 5_400_000],
  ])("%s is %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it("rejects text without a unit", () => {
    expect(parseDuration("30")).toBeUndefined();
  });
});
