// Prop paths in construct validation messages.
import { describe, expect, it } from "vitest";
import { toPropPath, validateInstanceBatchProps } from "../src/validate.js";

const subnet = "1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d";

describe("list-wide rule paths", () => {
  const issues = validateInstanceBatchProps({
    namePrefix: "train",
    instanceCount: 2,
    tenantId: "5b0c9b1e-4a57-4d36-9a4c-1f2f4a8e2a10",
    instanceTypeId: "0d5c6a52-87c2-4b7a-9c55-3a1ef3b1c001",
    vpcId: "7f3b1e2a-6d4c-4a8b-9e1f-2c3d4e5f6a70",
    ipxeScript: "#!ipxe",
    interfaces: [
      { subnetId: subnet, isPhysical: true },
      { subnetId: subnet, isPhysical: true },
    ],
  });

  it("name the list", () => {
    expect(issues.map((issue) => issue.propPath)).toEqual(["interfaces"]);
  });

  it("keep __all__ out of the message", () => {
    expect(issues[0]?.message).not.toContain("__all__");
  });

  it("start the message with the prop", () => {
    expect(issues[0]?.message).toMatch(/^interfaces may mark at most one/);
  });

  it("drop a trailing __all__", () => {
    expect(toPropPath(["interfaces", "__all__"])).toBe("interfaces");
  });
});
