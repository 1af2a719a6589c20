import { Testing, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import {
  InstanceBatch,
  InstanceBatchValidationError,
  NicoProvider,
  nico,
  toPropPath,
  type InstanceBatchProps,
} from "../src/index.js";

const validProps: InstanceBatchProps = {
  namePrefix: "train",
  instanceCount: 8,
  tenantId: "5b0c9b1e-4a57-4d36-9a4c-1f2f4a8e2a10",
  instanceTypeId: "0d5c6a52-87c2-4b7a-9c55-3a1ef3b1c001",
  vpcId: "7f3b1e2a-6d4c-4a8b-9e1f-2c3d4e5f6a70",
  interfaces: [{ subnetId: "1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d" }],
  ipxeScript: "#!ipxe\nchain http://boot.example.internal/gb200.ipxe",
  topologyOptimized: true,
  labels: { team: "training" },
};

function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "test");
  new NicoProvider(stack, "nico", {});
  return stack;
}

function synthesize(build: (scope: Construct) => void): Record<string, any> {
  const stack = newStack();
  build(stack);
  return JSON.parse(Testing.synth(stack));
}

function validationError(props: InstanceBatchProps): InstanceBatchValidationError {
  try {
    new InstanceBatch(newStack(), "batch", props);
  } catch (error) {
    if (error instanceof InstanceBatchValidationError) return error;
    throw error;
  }
  throw new Error("InstanceBatch accepted the props");
}

function onlyResource(synthesized: Record<string, any>): Record<string, any> {
  const resources = Object.values(synthesized.resource.nico_instance_batch);
  expect(resources).toHaveLength(1);
  return resources[0] as Record<string, any>;
}

describe("InstanceBatch synth", () => {
  it("writes snake_case arguments", () => {
    const synthesized = Testing.synthScope((scope) => {
      new InstanceBatch(scope, "batch", validProps);
    });
    const matches = Testing.toHaveResourceWithProperties(
      synthesized,
      nico.instanceBatch.InstanceBatch.tfResourceType,
      {
        name_prefix: "train",
        instance_count: 8,
        tenant_id: validProps.tenantId,
        topology_optimized: true,
        labels: { team: "training" },
      },
    );
    expect(matches).toBe(true);
  });

  it("writes interface blocks", () => {
    const resource = onlyResource(synthesize((scope) => new InstanceBatch(scope, "b", validProps)));
    expect(resource.interface).toEqual([{ subnet_id: validProps.interfaces?.[0]?.subnetId }]);
  });

  it("maps nvLinkInterfaces to nvlink_interface", () => {
    const partition = "9c8b7a6d-5e4f-4a3b-8c1d-0e9f8a7b6c5d";
    const resource = onlyResource(
      synthesize(
        (scope) =>
          new InstanceBatch(scope, "b", {
            ...validProps,
            nvLinkInterfaces: [
              { nvLinkLogicalPartitionId: partition, deviceInstance: 0 },
              { nvLinkLogicalPartitionId: partition, deviceInstance: 1 },
            ],
          }),
      ),
    );
    expect(resource.nvlink_interface).toEqual([
      { nvlink_logical_partition_id: partition, device_instance: 0 },
      { nvlink_logical_partition_id: partition, device_instance: 1 },
    ]);
  });

  it("leaves unset props out", () => {
    const resource = onlyResource(synthesize((scope) => new InstanceBatch(scope, "b", validProps)));
    expect(Object.keys(resource)).not.toContain("description");
  });

  it("writes timeouts", () => {
    const resource = onlyResource(
      synthesize(
        (scope) => new InstanceBatch(scope, "b", { ...validProps, timeouts: { create: "45m" } }),
      ),
    );
    expect(resource.timeouts).toEqual({ create: "45m" });
  });

  it("produces a full synth with the stack", () => {
    const stack = newStack();
    new InstanceBatch(stack, "batch", validProps);
    const outdir = Testing.fullSynth(stack);
    expect(Testing.toHaveResource(Testing.synth(stack), "nico_instance_batch")).toBe(true);
    expect(outdir).toMatch(/\S/);
  });
});

describe("InstanceBatch attributes", () => {
  function outputsOf(build: (batch: InstanceBatch, stack: TerraformStack) => void) {
    const stack = newStack();
    const batch = new InstanceBatch(stack, "batch", validProps);
    build(batch, stack);
    const synthesized = JSON.parse(Testing.synth(stack));
    const address = `nico_instance_batch.${Object.keys(synthesized.resource.nico_instance_batch)[0]}`;
    return { outputs: synthesized.output as Record<string, { value: unknown }>, address };
  }

  it("lists instance ids", () => {
    const { outputs, address } = outputsOf((batch, stack) => {
      new TerraformOutput(stack, "ids", { value: batch.instanceIds });
    });
    expect(outputs.ids?.value).toBe(`\${${address}.instances[*].id}`);
  });

  it("lists names", () => {
    const { outputs, address } = outputsOf((batch, stack) => {
      new TerraformOutput(stack, "names", { value: batch.names });
    });
    expect(outputs.names?.value).toBe(`\${${address}.instances[*].name}`);
  });

  it("lists machine ids", () => {
    const { outputs, address } = outputsOf((batch, stack) => {
      new TerraformOutput(stack, "machines", { value: batch.machineIds });
    });
    expect(outputs.machines?.value).toBe(`\${${address}.instances[*].machine_id}`);
  });

  it("lists NVLink domain ids", () => {
    const { outputs, address } = outputsOf((batch, stack) => {
      new TerraformOutput(stack, "domains", { value: batch.nvLinkDomainIds });
    });
    expect(outputs.domains?.value).toBe(`\${${address}.instances[*].nvlink_domain_id}`);
  });

  it("indexes the first member", () => {
    const { outputs, address } = outputsOf((batch, stack) => {
      new TerraformOutput(stack, "first", { value: batch.instances.get(0).machineId });
    });
    expect(outputs.first?.value).toBe(`\${${address}.instances[0].machine_id}`);
  });

  it("exposes the batch id", () => {
    const { outputs, address } = outputsOf((batch, stack) => {
      new TerraformOutput(stack, "id", { value: batch.batchId });
    });
    expect(outputs.id?.value).toBe(`\${${address}.id}`);
  });
});

describe("InstanceBatch validation", () => {
  it("rejects instanceCount below 2", () => {
    const error = validationError({ ...validProps, instanceCount: 1 });
    expect(error.issues.map((issue) => issue.propPath)).toEqual(["instanceCount"]);
  });

  it("names prop, value and rule", () => {
    const error = validationError({ ...validProps, instanceCount: 19 });
    const issue = error.issues[0];
    expect(issue?.code).toBe("too_big");
    expect(issue?.value).toBe(19);
    expect(issue?.message).toMatch(/^instanceCount /);
    expect(issue?.message).toContain("19");
    expect(issue?.message).toContain("18");
  });

  it("includes the construct path", () => {
    const error = validationError({ ...validProps, instanceCount: 1 });
    expect(error.message).toContain('InstanceBatch "test/batch"');
  });

  it("points into interfaces", () => {
    const error = validationError({ ...validProps, interfaces: [{ subnetId: "subnet-1" }] });
    expect(error.issues.map((issue) => issue.propPath)).toContain("interfaces[0].subnetId");
  });

  it("reports every broken rule", () => {
    const error = validationError({ ...validProps, namePrefix: " x", vpcId: "vpc" });
    const paths = error.issues.map((issue) => issue.propPath);
    expect(paths).toContain("namePrefix");
    expect(paths).toContain("vpcId");
  });

  it("rejects missing os and ipxe", () => {
    const { ipxeScript: _ipxeScript, ...withoutBoot } = validProps;
    const error = validationError(withoutBoot);
    expect(error.issues.length).toBeGreaterThan(0);
  });

  it("rejects vpcId in secondaryVpcIds", () => {
    const error = validationError({ ...validProps, secondaryVpcIds: [validProps.vpcId] });
    expect(error.issues.length).toBeGreaterThan(0);
  });

  it("accepts a token vpcId", () => {
    const stack = newStack();
    const vpc = new TerraformVariable(stack, "vpc", { type: "string" });
    expect(
      () => new InstanceBatch(stack, "b", { ...validProps, vpcId: vpc.stringValue }),
    ).not.toThrow();
  });

  it("accepts a token instanceCount", () => {
    const stack = newStack();
    const size = new TerraformVariable(stack, "size", { type: "number" });
    const props = { ...validProps, instanceCount: size.numberValue };
    expect(() => new InstanceBatch(stack, "b", props)).not.toThrow();
  });

  it("accepts a token list", () => {
    const stack = newStack();
    const groups = new TerraformVariable(stack, "groups", { type: "list(string)" });
    const props = { ...validProps, sshKeyGroupIds: groups.listValue };
    expect(() => new InstanceBatch(stack, "b", props)).not.toThrow();
  });

  it("accepts a token autoNetwork", () => {
    const stack = newStack();
    const auto = new TerraformVariable(stack, "auto", { type: "bool" });
    const props = { ...validProps, autoNetwork: auto.booleanValue };
    expect(() => new InstanceBatch(stack, "b", props)).not.toThrow();
  });

  it("still checks known props next to tokens", () => {
    const stack = newStack();
    const vpc = new TerraformVariable(stack, "vpc", { type: "string" });
    const props = { ...validProps, vpcId: vpc.stringValue, instanceCount: 40 };
    expect(() => new InstanceBatch(stack, "b", props)).toThrow(/instanceCount/);
  });
});

describe("toPropPath", () => {
  it("renames count", () => {
    expect(toPropPath(["count"])).toBe("instanceCount");
  });

  it("formats nested paths", () => {
    expect(toPropPath(["interfaces", 0, "subnetId"])).toBe("interfaces[0].subnetId");
  });

  it("quotes label keys", () => {
    expect(toPropPath(["labels", "a b"])).toBe('labels["a b"]');
  });
});
