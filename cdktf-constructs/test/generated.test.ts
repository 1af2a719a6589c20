import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Testing, TerraformOutput, TerraformStack } from "cdktf";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  defaultOutDir,
  defaultSchemaPath,
  generateBindings,
  readTree,
} from "../scripts/generate.js";
import { InstanceBatch } from "../src/gen/providers/nico/instance-batch/index.js";
import { NicoProvider } from "../src/gen/providers/nico/provider/index.js";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const regenerateHint = "run `npm run generate -w @nico/cdktf-constructs`";

function synthesizeBatch(): Record<string, any> {
  const app = Testing.app();
  const stack = new TerraformStack(app, "bindings");
  new NicoProvider(stack, "nico", {});
  const batch = new InstanceBatch(stack, "batch", {
    namePrefix: "train",
    instanceCount: 4,
    tenantId: "5b0c9b1e-4a57-4d36-9a4c-1f2f4a8e2a10",
    instanceTypeId: "0d5c6a52-87c2-4b7a-9c55-3a1ef3b1c001",
    vpcId: "7f3b1e2a-6d4c-4a8b-9e1f-2c3d4e5f6a70",
  });
  new TerraformOutput(stack, "first_machine", { value: batch.instances.get(0).machineId });
  return JSON.parse(Testing.synth(stack));
}

describe("generated bindings", () => {
  it("match the provider schema", async () => {
    expect(existsSync(defaultSchemaPath), `${defaultSchemaPath} is missing`).toBe(true);
    const regenerated = await generateBindings(defaultSchemaPath);
    const committed = readTree(defaultOutDir);

    expect([...committed.keys()].sort(), regenerateHint).toEqual([...regenerated.keys()].sort());
    for (const [relativePath, text] of regenerated) {
      expect(committed.get(relativePath), `${relativePath} is stale; ${regenerateHint}`).toBe(text);
    }
  });

  it("compile with tsc", () => {
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const result = spawnSync(
      process.execPath,
      [tsc, "-p", path.join(packageDir, "tsconfig.json"), "--noEmit"],
      {
        encoding: "utf8",
      },
    );
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("index instances as a list", () => {
    const synthesized = synthesizeBatch();
    expect(synthesized.output.first_machine.value).toBe(
      "${nico_instance_batch.batch.instances[0].machine_id}",
    );
  });

  it("type instance fields", () => {
    expectTypeOf<InstanceBatch["instances"]["get"]>().returns.toHaveProperty("machineId");
    expectTypeOf<
      ReturnType<InstanceBatch["instances"]["get"]>["machineId"]
    >().toEqualTypeOf<string>();
    expectTypeOf<ReturnType<InstanceBatch["instances"]["get"]>["index"]>().toEqualTypeOf<number>();
  });

  it("name the size instance_count", () => {
    const resource = synthesizeBatch().resource.nico_instance_batch.batch;
    expect(resource.instance_count).toBe(4);
    expect(resource).not.toHaveProperty("count");
  });

  it("pin the provider source and version", () => {
    const required = synthesizeBatch().terraform.required_providers.nico;
    expect(required).toEqual({ source: "nico/nico", version: "0.1.0" });
  });
});
