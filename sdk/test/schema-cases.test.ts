import { describe, expect, it } from "vitest";
import {
  type ValidationIssue,
  type ValidationResult,
  formatIssues,
  issuesToErrorData,
  validateBatchInstanceCreateRequest,
  validateInstanceDeleteRequest,
  validateInstanceUpdateRequest,
} from "../src/schema/index";

function validData<T>(result: ValidationResult<T>): T {
  if (!result.success) expect.fail(formatIssues(result.issues));
  return result.data;
}

function failedIssues<T>(result: ValidationResult<T>): ValidationIssue[] {
  if (result.success) expect.fail("expected validation issues, but the value was valid");
  return result.issues;
}

const ids = {
  tenant: "7f3e2a10-4c5b-4d8e-9a21-5b6c7d8e9f01",
  instanceType: "3c1d9e42-8a7b-4f6c-b5d4-2e1f0a9b8c73",
  vpcEthernet: "5a2b7c91-1d3e-4f5a-8b6c-9d0e1f2a3b45",
  vpcFnn: "6b3c8d02-2e4f-4a6b-9c7d-0e1f2a3b4c56",
  vpcFnn2: "7c4d9e13-3f50-4b7c-8d8e-1f2a3b4c5d67",
  subnet: "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c61",
  prefix1: "e5f60718-2930-4a4b-9c5d-6e7f8091a2b3",
  prefix2: "f6071829-3a4b-4c5d-8e6f-708192a3b4c5",
  partition: "3c4d5e6f-7081-4293-a4b5-c6d7e8f90a12",
  nvLinkPartition: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
  dpuService: "5e6f7081-92a3-44b5-86d7-e8f90a1b2c34",
};

/** Builds the base request: two instances on one subnet, booting an iPXE script. */
function baseRequest(): Record<string, unknown> {
  return {
    namePrefix: "web",
    count: 2,
    tenantId: ids.tenant,
    instanceTypeId: ids.instanceType,
    vpcId: ids.vpcEthernet,
    interfaces: [{ subnetId: ids.subnet }],
    ipxeScript: "#!ipxe",
  };
}

function prefixRequest(interfaces: unknown[]): Record<string, unknown> {
  return { ...baseRequest(), vpcId: ids.vpcFnn, interfaces };
}

function issuesOf(body: unknown): ValidationIssue[] {
  const result = validateBatchInstanceCreateRequest(body);
  return result.success ? [] : result.issues;
}

function issueAt(body: unknown, path: (string | number)[]): ValidationIssue | undefined {
  return issuesOf(body).find((issue) => JSON.stringify(issue.path) === JSON.stringify(path));
}

function dataOf(body: unknown): Record<string, unknown> {
  return issuesToErrorData(issuesOf(body));
}

describe("batch request cases", () => {
  it("base request is valid", () => {
    expect(validateBatchInstanceCreateRequest(baseRequest()).success).toBe(true);
  });

  it("missing namePrefix reports namePrefix", () => {
    const { namePrefix: _removed, ...body } = baseRequest();
    const issue = issueAt(body, ["namePrefix"]);
    expect(issue?.code).toBe("required");
    expect(dataOf(body)).toHaveProperty("namePrefix");
  });

  it("count zero counts as missing", () => {
    const body = { ...baseRequest(), count: 0 };
    expect(issueAt(body, ["count"])?.code).toBe("required");
    expect(Object.keys(dataOf(body))).toEqual(["count"]);
  });

  it("count 73 is above the maximum", () => {
    const body = { ...baseRequest(), count: 73 };
    expect(issueAt(body, ["count"])?.code).toBe("too_big");
    expect(Object.keys(dataOf(body))).toEqual(["count"]);
  });

  it("count 19 is above the maximum", () => {
    expect(issueAt({ ...baseRequest(), count: 19 }, ["count"])?.code).toBe("too_big");
  });

  it("count 18 is accepted", () => {
    expect(validateBatchInstanceCreateRequest({ ...baseRequest(), count: 18 }).success).toBe(true);
  });

  it("count 1 is below the minimum", () => {
    expect(issueAt({ ...baseRequest(), count: 1 }, ["count"])?.code).toBe("too_small");
  });

  it("explicit ipAddress is rejected", () => {
    const body = prefixRequest([{ vpcPrefixId: ids.prefix1, ipAddress: "10.0.0.11" }]);
    const issue = issueAt(body, ["interfaces", 0, "ipAddress"]);
    expect(issue?.code).toBe("ip_address_not_supported");
    expect(dataOf(body)).toHaveProperty(["interfaces", "0", "ipAddress"]);
  });

  it("malformed operatingSystemId reports operatingSystemId", () => {
    const { ipxeScript: _removed, ...rest } = baseRequest();
    const body = { ...rest, operatingSystemId: "not-a-valid-uuid" };
    expect(issueAt(body, ["operatingSystemId"])?.code).toBe("invalid_format");
    expect(Object.keys(dataOf(body))).toEqual(["operatingSystemId"]);
  });

  it("neither OS nor iPXE reports operatingSystemId", () => {
    const { ipxeScript: _removed, ...body } = baseRequest();
    const issue = issueAt(body, ["operatingSystemId"]);
    expect(issue?.code).toBe("boot_source_required");
    expect(issue?.crossField).toBe(true);
    expect(issue?.fields).toEqual([["operatingSystemId"], ["ipxeScript"]]);
  });

  it("null OS and null iPXE report operatingSystemId", () => {
    const body = { ...baseRequest(), ipxeScript: null, operatingSystemId: null };
    expect(issueAt(body, ["operatingSystemId"])?.code).toBe("boot_source_required");
  });

  it("empty iPXE without OS reports ipxeScript", () => {
    const body = { ...baseRequest(), ipxeScript: "" };
    expect(issueAt(body, ["ipxeScript"])?.code).toBe("ipxe_script_empty");
  });

  it("empty iPXE with an OS is accepted", () => {
    const body = { ...baseRequest(), ipxeScript: "", operatingSystemId: ids.tenant };
    expect(validateBatchInstanceCreateRequest(body).success).toBe(true);
  });

  it("mixed interface kinds report interfaces __all__", () => {
    const body = {
      ...baseRequest(),
      interfaces: [{ subnetId: ids.subnet }, { vpcPrefixId: ids.prefix1 }],
    };
    expect(issueAt(body, ["interfaces", "__all__"])?.code).toBe("interface_kinds_mixed");
    expect(dataOf(body)).toHaveProperty(["interfaces", "__all__"]);
  });

  it("two physical subnet interfaces are rejected", () => {
    const body = {
      ...baseRequest(),
      interfaces: [
        { subnetId: ids.subnet, isPhysical: true },
        { subnetId: ids.subnet, isPhysical: true },
      ],
    };
    expect(issueAt(body, ["interfaces", "__all__"])?.code).toBe("multiple_physical_interfaces");
  });

  it("first interface becomes physical by default", () => {
    const result = validateBatchInstanceCreateRequest(baseRequest());
    expect(validData(result).interfaces[0]?.isPhysical).toBe(true);
  });

  it("only the first of two interfaces becomes physical", () => {
    const body = prefixRequest([{ vpcPrefixId: ids.prefix1 }, { vpcPrefixId: ids.prefix1 }]);
    const result = validateBatchInstanceCreateRequest(body);
    expect(validData(result).interfaces.map((item) => item.isPhysical)).toEqual([true, false]);
  });

  it("device interfaces keep isPhysical as given", () => {
    const body = prefixRequest([
      { vpcPrefixId: ids.prefix1, device: "BF2", deviceInstance: 0, virtualFunctionId: 1 },
    ]);
    const result = validateBatchInstanceCreateRequest(body);
    expect(validData(result).interfaces[0]?.isPhysical).toBe(false);
  });

  it("defaults autoNetwork and topologyOptimized", () => {
    const result = validateBatchInstanceCreateRequest({
      ...baseRequest(),
      topologyOptimized: null,
    });
    expect(validData(result).topologyOptimized).toBe(true);
    expect(validData(result).autoNetwork).toBe(false);
  });

  it("keeps topologyOptimized false", () => {
    const result = validateBatchInstanceCreateRequest({
      ...baseRequest(),
      topologyOptimized: false,
    });
    expect(validData(result).topologyOptimized).toBe(false);
  });

  it("missing tenantId reports tenantId", () => {
    const { tenantId: _removed, ...body } = baseRequest();
    expect(issueAt(body, ["tenantId"])?.code).toBe("required");
  });
});

describe("batch cross-field rules", () => {
  it("autoNetwork with interfaces is rejected", () => {
    const body = { ...baseRequest(), autoNetwork: true };
    expect(issueAt(body, ["interfaces"])?.code).toBe("interfaces_not_allowed_with_auto_network");
  });

  it("autoNetwork without interfaces is accepted", () => {
    const { interfaces: _removed, ...rest } = baseRequest();
    const body = { ...rest, autoNetwork: true };
    expect(validateBatchInstanceCreateRequest(body).success).toBe(true);
  });

  it("no interfaces without autoNetwork is rejected", () => {
    const body = { ...baseRequest(), interfaces: [] };
    expect(issueAt(body, ["interfaces"])?.code).toBe("interfaces_required");
  });

  it("17 interfaces are too many", () => {
    const body = {
      ...baseRequest(),
      interfaces: Array.from({ length: 17 }, () => ({ subnetId: ids.subnet })),
    };
    expect(issueAt(body, ["interfaces"])?.code).toBe("too_big");
  });

  it("empty secondaryVpcIds with autoNetwork is rejected", () => {
    const { interfaces: _removed, ...rest } = baseRequest();
    const body = { ...rest, autoNetwork: true, secondaryVpcIds: [] };
    expect(issueAt(body, ["secondaryVpcIds"])?.code).toBe(
      "secondary_vpcs_not_allowed_with_auto_network",
    );
  });

  it("empty secondaryVpcIds with subnet interfaces is rejected", () => {
    const body = { ...baseRequest(), secondaryVpcIds: [] };
    expect(issueAt(body, ["secondaryVpcIds"])?.code).toBe("secondary_vpcs_need_prefix_interfaces");
  });

  it("null secondaryVpcIds with subnet interfaces is accepted", () => {
    const body = { ...baseRequest(), secondaryVpcIds: null };
    expect(validateBatchInstanceCreateRequest(body).success).toBe(true);
  });

  it("secondaryVpcIds with prefix interfaces are accepted", () => {
    const body = {
      ...prefixRequest([
        { vpcPrefixId: ids.prefix1, isPhysical: true, device: "BF2", deviceInstance: 0 },
        { vpcPrefixId: ids.prefix2, isPhysical: true, device: "BF2", deviceInstance: 1 },
      ]),
      secondaryVpcIds: [ids.vpcFnn2],
    };
    expect(validateBatchInstanceCreateRequest(body).success).toBe(true);
  });

  it("duplicate secondary VPC is rejected", () => {
    const body = {
      ...prefixRequest([{ vpcPrefixId: ids.prefix1 }]),
      secondaryVpcIds: [ids.vpcFnn2, ids.vpcFnn2],
    };
    expect(issueAt(body, ["secondaryVpcIds", 1])?.code).toBe("duplicate_secondary_vpc");
  });

  it("primary VPC among secondaries is rejected", () => {
    const body = {
      ...prefixRequest([{ vpcPrefixId: ids.prefix1 }]),
      secondaryVpcIds: [ids.vpcFnn],
    };
    expect(issueAt(body, ["secondaryVpcIds", 0])?.code).toBe("secondary_vpc_is_primary");
  });

  it("subnet and prefix on one interface are rejected", () => {
    const body = prefixRequest([{ subnetId: ids.subnet, vpcPrefixId: ids.prefix1 }]);
    expect(issueAt(body, ["interfaces", 0, "subnetId"])?.code).toBe("network_source_conflict");
  });

  it("interface without subnet or prefix is rejected", () => {
    const body = prefixRequest([{ isPhysical: true }]);
    expect(issueAt(body, ["interfaces", 0, "subnetId"])?.code).toBe("network_source_required");
  });

  it("device info on some interfaces is rejected", () => {
    const body = prefixRequest([
      { vpcPrefixId: ids.prefix1, isPhysical: true, device: "BF2", deviceInstance: 0 },
      { vpcPrefixId: ids.prefix1 },
    ]);
    expect(issueAt(body, ["interfaces", "__all__"])?.code).toBe("device_info_mixed");
  });

  it("device info allows several physical interfaces", () => {
    const body = prefixRequest([
      { vpcPrefixId: ids.prefix1, isPhysical: true, device: "BF2", deviceInstance: 0 },
      { vpcPrefixId: ids.prefix1, isPhysical: true, device: "BF2", deviceInstance: 1 },
    ]);
    expect(validateBatchInstanceCreateRequest(body).success).toBe(true);
  });

  it("deviceInstance without device is rejected", () => {
    const body = prefixRequest([{ vpcPrefixId: ids.prefix1, deviceInstance: 0 }]);
    expect(issueAt(body, ["interfaces", 0, "device"])?.code).toBe("device_required");
  });

  it("device without deviceInstance is rejected", () => {
    const body = prefixRequest([{ vpcPrefixId: ids.prefix1, device: "BF2", isPhysical: true }]);
    expect(issueAt(body, ["interfaces", 0, "deviceInstance"])?.code).toBe(
      "device_instance_required",
    );
  });

  it("device on a subnet interface is rejected", () => {
    const body = {
      ...baseRequest(),
      interfaces: [{ subnetId: ids.subnet, device: "BF2", deviceInstance: 0, isPhysical: true }],
    };
    expect(issueAt(body, ["interfaces", 0, "vpcPrefixId"])?.code).toBe("device_needs_vpc_prefix");
  });

  it("virtual function without id is rejected", () => {
    const body = prefixRequest([
      { vpcPrefixId: ids.prefix1, device: "BF2", deviceInstance: 0, isPhysical: false },
    ]);
    expect(issueAt(body, ["interfaces", 0, "virtualFunctionId"])?.code).toBe(
      "virtual_function_id_required",
    );
  });

  it("virtualFunctionId 17 is out of range", () => {
    const body = prefixRequest([
      { vpcPrefixId: ids.prefix1, device: "BF2", deviceInstance: 0, virtualFunctionId: 17 },
    ]);
    expect(issueAt(body, ["interfaces", 0, "virtualFunctionId"])?.code).toBe("too_big");
  });

  it("NVLink deviceInstance 4 is out of range", () => {
    const body = {
      ...baseRequest(),
      nvLinkInterfaces: [{ nvLinkLogicalPartitionId: ids.nvLinkPartition, deviceInstance: 4 }],
    };
    expect(issueAt(body, ["nvLinkInterfaces", 0, "deviceInstance"])?.code).toBe("too_big");
  });

  it("NVLink deviceInstance repeated is rejected", () => {
    const body = {
      ...baseRequest(),
      nvLinkInterfaces: [
        { nvLinkLogicalPartitionId: ids.nvLinkPartition },
        { nvLinkLogicalPartitionId: ids.nvLinkPartition, deviceInstance: 0 },
      ],
    };
    expect(issueAt(body, ["nvLinkInterfaces", 1, "deviceInstance"])?.code).toBe(
      "duplicate_nvlink_device_instance",
    );
  });

  it("four NVLink interfaces are accepted", () => {
    const body = {
      ...baseRequest(),
      nvLinkInterfaces: [0, 1, 2, 3].map((deviceInstance) => ({
        nvLinkLogicalPartitionId: ids.nvLinkPartition,
        deviceInstance,
      })),
    };
    expect(validateBatchInstanceCreateRequest(body).success).toBe(true);
  });

  it("InfiniBand device repeated is rejected", () => {
    const port = { partitionId: ids.partition, device: "CX6", deviceInstance: 0, isPhysical: true };
    const body = { ...baseRequest(), infinibandInterfaces: [port, { ...port }] };
    expect(issueAt(body, ["infinibandInterfaces", 1, "deviceInstance"])?.code).toBe(
      "duplicate_infiniband_device",
    );
  });

  it("InfiniBand virtual function is rejected", () => {
    const port = { partitionId: ids.partition, device: "CX6", isPhysical: false };
    const body = { ...baseRequest(), infinibandInterfaces: [port] };
    expect(issueAt(body, ["infinibandInterfaces", 0, "isPhysical"])?.code).toBe("invalid_value");
  });

  it("InfiniBand virtualFunctionId is rejected", () => {
    const port = {
      partitionId: ids.partition,
      device: "CX6",
      isPhysical: true,
      virtualFunctionId: 1,
    };
    const body = { ...baseRequest(), infinibandInterfaces: [port] };
    expect(issueAt(body, ["infinibandInterfaces", 0, "virtualFunctionId"])?.code).toBe(
      "invalid_type",
    );
  });

  it("DPU deployment repeated is rejected", () => {
    const deployment = { dpuExtensionServiceId: ids.dpuService, version: "v1" };
    const body = {
      ...baseRequest(),
      dpuExtensionServiceDeployments: [deployment, { ...deployment }],
    };
    expect(issueAt(body, ["dpuExtensionServiceDeployments", 1])?.code).toBe(
      "duplicate_dpu_deployment",
    );
  });

  it("DPU service in two versions is accepted", () => {
    const body = {
      ...baseRequest(),
      dpuExtensionServiceDeployments: [
        { dpuExtensionServiceId: ids.dpuService, version: "v1" },
        { dpuExtensionServiceId: ids.dpuService, version: "v2" },
      ],
    };
    expect(validateBatchInstanceCreateRequest(body).success).toBe(true);
  });

  it("duplicate SSH key groups are accepted", () => {
    const body = { ...baseRequest(), sshKeyGroupIds: [ids.tenant, ids.tenant] };
    expect(validateBatchInstanceCreateRequest(body).success).toBe(true);
  });
});

describe("batch field rules", () => {
  it("unknown key is rejected at its path", () => {
    const body = { ...baseRequest(), nvLinklogicalPartitionId: "x" };
    expect(issueAt(body, ["nvLinklogicalPartitionId"])?.code).toBe("unrecognized_keys");
  });

  it("unknown interface key is rejected", () => {
    const body = { ...baseRequest(), interfaces: [{ subnetId: ids.subnet, mtu: 9000 }] };
    expect(issueAt(body, ["interfaces", 0, "mtu"])?.code).toBe("unrecognized_keys");
  });

  it("namePrefix with leading space is rejected", () => {
    expect(issueAt({ ...baseRequest(), namePrefix: " web" }, ["namePrefix"])?.code).toBe(
      "invalid_format",
    );
  });

  it("namePrefix with trailing newline is rejected", () => {
    expect(issueAt({ ...baseRequest(), namePrefix: "web\n" }, ["namePrefix"])?.code).toBe(
      "invalid_format",
    );
  });

  it("namePrefix of 240 bytes is accepted", () => {
    const body = { ...baseRequest(), namePrefix: "a".repeat(240) };
    expect(validateBatchInstanceCreateRequest(body).success).toBe(true);
  });

  it("namePrefix of 121 two-byte characters is too long", () => {
    const body = { ...baseRequest(), namePrefix: "é".repeat(121) };
    expect(issueAt(body, ["namePrefix"])?.code).toBe("too_big");
  });

  it("namePrefix of one two-byte character is accepted", () => {
    const body = { ...baseRequest(), namePrefix: "é" };
    expect(validateBatchInstanceCreateRequest(body).success).toBe(true);
  });

  it("description counts bytes", () => {
    const body = { ...baseRequest(), description: "€".repeat(342) };
    expect(issueAt(body, ["description"])?.code).toBe("too_big");
  });

  it("eleven labels are too many", () => {
    const labels = Object.fromEntries(Array.from({ length: 11 }, (_, index) => [`k${index}`, "v"]));
    expect(issueAt({ ...baseRequest(), labels }, ["labels"])?.code).toBe("too_big");
  });

  it("empty label key is rejected", () => {
    const body = { ...baseRequest(), labels: { "": "v" } };
    expect(issueAt(body, ["labels", ""])?.code).toBe("too_small");
  });

  it("whitespace label key is rejected", () => {
    const body = { ...baseRequest(), labels: { "  ": "v" } };
    expect(issueAt(body, ["labels", "  "])?.code).toBe("invalid_format");
  });

  it("long label value is rejected", () => {
    const body = { ...baseRequest(), labels: { team: "v".repeat(256) } };
    expect(issueAt(body, ["labels", "team"])?.code).toBe("too_big");
  });

  it("string count is an invalid type", () => {
    expect(issueAt({ ...baseRequest(), count: "3" }, ["count"])?.code).toBe("invalid_type");
  });

  it("fractional count is an invalid type", () => {
    expect(issueAt({ ...baseRequest(), count: 2.5 }, ["count"])?.code).toBe("invalid_type");
  });

  it("non-object body is an invalid type", () => {
    expect(issuesOf("text")[0]?.code).toBe("invalid_type");
  });
});

describe("issue messages", () => {
  it("name the field path", () => {
    const body = { ...baseRequest(), interfaces: [{ subnetId: "abc" }] };
    expect(issueAt(body, ["interfaces", 0, "subnetId"])?.message).toContain(
      "interfaces[0].subnetId",
    );
  });

  it("name the value", () => {
    expect(issueAt({ ...baseRequest(), count: 73 }, ["count"])?.message).toContain("73");
  });

  it("name the rule", () => {
    expect(issueAt({ ...baseRequest(), count: 73 }, ["count"])?.message).toContain("at most 18");
  });

  it("carry the offending value", () => {
    expect(issueAt({ ...baseRequest(), count: 73 }, ["count"])?.value).toBe(73);
  });

  it("mark field rules as single-field", () => {
    expect(issueAt({ ...baseRequest(), count: 73 }, ["count"])?.crossField).toBe(false);
  });
});

describe("update request", () => {
  it("name change is valid", () => {
    expect(validateInstanceUpdateRequest({ name: "train-2" }).success).toBe(true);
  });

  it("name of one byte is too short", () => {
    const result = validateInstanceUpdateRequest({ name: "a" });
    expect(failedIssues(result)[0]?.code).toBe("too_small");
  });

  it("name with trailing space is rejected", () => {
    const result = validateInstanceUpdateRequest({ name: "train " });
    expect(failedIssues(result)[0]?.path).toEqual(["name"]);
  });

  it("empty operatingSystemId clears the OS", () => {
    expect(validateInstanceUpdateRequest({ operatingSystemId: "" }).success).toBe(true);
  });

  it("malformed operatingSystemId is rejected", () => {
    const result = validateInstanceUpdateRequest({ operatingSystemId: "os-1" });
    expect(failedIssues(result)[0]?.code).toBe("invalid_format");
  });

  it("reboot with a change is rejected", () => {
    const result = validateInstanceUpdateRequest({ triggerReboot: true, name: "train-2" });
    expect(failedIssues(result)[0]?.code).toBe("reboot_with_changes");
  });

  it("reboot with its options is valid", () => {
    const body = { triggerReboot: true, rebootWithCustomIpxe: true, applyUpdatesOnReboot: true };
    expect(validateInstanceUpdateRequest(body).success).toBe(true);
  });

  it("reboot option without reboot is rejected", () => {
    const result = validateInstanceUpdateRequest({ applyUpdatesOnReboot: true });
    expect(failedIssues(result)[0]?.code).toBe("reboot_option_without_reboot");
  });

  it("secondaryVpcIds without interfaces is rejected", () => {
    const result = validateInstanceUpdateRequest({ secondaryVpcIds: [ids.vpcFnn2] });
    expect(failedIssues(result)[0]?.code).toBe("secondary_vpcs_need_interfaces");
  });

  it("ipAddress on a subnet interface is rejected", () => {
    const body = { interfaces: [{ subnetId: ids.subnet, ipAddress: "10.0.0.11" }] };
    const result = validateInstanceUpdateRequest(body);
    expect(failedIssues(result)[0]?.code).toBe("ip_address_with_subnet");
  });

  it("ipAddress with last bit 0 is rejected", () => {
    const body = { interfaces: [{ vpcPrefixId: ids.prefix1, ipAddress: "10.0.0.10" }] };
    const result = validateInstanceUpdateRequest(body);
    expect(failedIssues(result)[0]?.code).toBe("ip_address_host_bit");
  });

  it("ipAddress on a prefix interface is valid", () => {
    const body = { interfaces: [{ vpcPrefixId: ids.prefix1, ipAddress: "10.0.0.11" }] };
    expect(validateInstanceUpdateRequest(body).success).toBe(true);
  });

  it("IPv6 ipAddress on a prefix interface is valid", () => {
    const body = { interfaces: [{ vpcPrefixId: ids.prefix1, ipAddress: "fd00::1" }] };
    expect(validateInstanceUpdateRequest(body).success).toBe(true);
  });

  it("malformed ipAddress is rejected", () => {
    const body = { interfaces: [{ vpcPrefixId: ids.prefix1, ipAddress: "10.0.0.300" }] };
    const result = validateInstanceUpdateRequest(body);
    expect(failedIssues(result)[0]?.code).toBe("invalid_format");
  });

  it("empty interface list is too short", () => {
    const result = validateInstanceUpdateRequest({ interfaces: [] });
    expect(failedIssues(result)[0]?.code).toBe("too_small");
  });

  it("unknown key is rejected", () => {
    const result = validateInstanceUpdateRequest({ vpcId: ids.vpcFnn });
    expect(failedIssues(result)[0]?.code).toBe("unrecognized_keys");
  });
});

describe("delete request", () => {
  it("absent body is valid", () => {
    expect(validateInstanceDeleteRequest(undefined).success).toBe(true);
  });

  it("health issue is valid", () => {
    const body = { machineHealthIssue: { category: "Hardware", summary: "GPU 3 ECC errors" } };
    expect(validateInstanceDeleteRequest(body).success).toBe(true);
  });

  it("unknown category is rejected", () => {
    const body = { machineHealthIssue: { category: "Power", summary: "PSU failed" } };
    const result = validateInstanceDeleteRequest(body);
    expect(failedIssues(result)[0]?.path).toEqual(["machineHealthIssue", "category"]);
  });

  it("missing summary is required", () => {
    const result = validateInstanceDeleteRequest({ machineHealthIssue: { category: "Other" } });
    expect(failedIssues(result)[0]?.code).toBe("required");
  });
});
