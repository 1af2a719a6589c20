import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { SCHEMA_PATH, renderSchemaDocument } from "../scripts/schema.js";
import { hclogTimestamp, logLevelFromEnv } from "../src/plugin/logger.js";
import { impliedType } from "../src/schema/types.js";
import { instanceBatchSchema } from "../src/resources/instance-batch/schema.js";

describe("schema.json", () => {
  it("is current", async () => {
    const committed = await readFile(SCHEMA_PATH, "utf8");
    expect(committed).toBe(await renderSchemaDocument());
  });

  it("has a description on every attribute", () => {
    const missing: string[] = [];
    const visit = (block: typeof instanceBatchSchema.block, prefix: string) => {
      for (const [name, attribute] of Object.entries(block.attributes)) {
        if (!attribute.description) missing.push(`${prefix}${name}`);
      }
      for (const [name, nested] of Object.entries(block.blockTypes ?? {})) {
        visit(nested.block, `${prefix}${name}.`);
      }
    };
    visit(instanceBatchSchema.block, "");
    expect(missing).toEqual([]);
  });

  it("avoids Terraform meta-argument names", () => {
    const type = impliedType(instanceBatchSchema.block) as ["object", Record<string, unknown>];
    const reserved = [
      "count",
      "for_each",
      "depends_on",
      "provider",
      "lifecycle",
      "connection",
      "provisioner",
    ];
    expect(Object.keys(type[1]).filter((name) => reserved.includes(name))).toEqual([]);
  });
});

describe("provider logger", () => {
  it("prefers TF_LOG_PROVIDER", () => {
    expect(logLevelFromEnv({ TF_LOG: "ERROR", TF_LOG_PROVIDER: "DEBUG" })).toBe("debug");
  });

  it("falls back to TF_LOG", () => {
    expect(logLevelFromEnv({ TF_LOG: "info" })).toBe("info");
  });

  it("is silent for OFF", () => {
    expect(logLevelFromEnv({ TF_LOG: "OFF" })).toBe("silent");
  });

  it("defaults to warn", () => {
    expect(logLevelFromEnv({})).toBe("warn");
  });

  it("writes six fractional digits", () => {
    expect(hclogTimestamp(Date.UTC(2026, 0, 2, 3, 4, 5, 6) + 0.789)).toBe(
      "2026-01-02T03:04:05.006789Z",
    );
  });
});
