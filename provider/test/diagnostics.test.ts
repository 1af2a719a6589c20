// Diagnostics users see: rules at plan beside unknown values, attribute names in details,
// undecodable values, the endpoint check and import ids.
import { encode } from "@msgpack/msgpack";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { encodeMsgpack } from "../src/cty/msgpack.js";
import { unknown, type CtyObject, type CtyValue } from "../src/cty/value.js";
import { resolveProviderSettings, validateProviderConfig } from "../src/provider/config.js";
import type { Diagnostic } from "../src/provider/diagnostics.js";
import { createProviderHandlers } from "../src/provider/handlers.js";
import type { InstanceBatchApi } from "../src/resources/instance-batch/api.js";
import { apiErrorDiagnostics } from "../src/resources/instance-batch/errors.js";
import { importInstanceBatch } from "../src/resources/instance-batch/operations.js";
import { validateInstanceBatchConfig } from "../src/resources/instance-batch/validate.js";
import {
  batchConfig,
  diagnosticPath,
  ids,
  INSTANCE_BATCH_TYPE,
  interfaceBlock,
  providerType,
} from "./harness.js";

const logger = pino({ level: "silent" });

const details = (diagnostics: readonly Diagnostic[]) => diagnostics.map((item) => item.detail);
const paths = (diagnostics: readonly Diagnostic[]) => diagnostics.map(diagnosticPath);

const twoPhysical = [
  interfaceBlock({ subnet_id: ids.subnet, is_physical: true }),
  interfaceBlock({ subnet_id: ids.subnet, is_physical: true }),
];

describe("rules at plan with unknown vpc_id", () => {
  const config = batchConfig({
    vpc_id: unknown,
    ipxe_script: null,
    interface: twoPhysical,
  }) as CtyObject;
  const diagnostics = validateInstanceBatchConfig(config);

  it("reports the missing boot source", () => {
    expect(paths(diagnostics)).toContain("operating_system_id");
  });

  it("reports two physical interfaces", () => {
    expect(details(diagnostics).some((text) => text.includes("is_physical = true"))).toBe(true);
  });

  it("does not report vpc_id", () => {
    expect(paths(diagnostics)).not.toContain("vpc_id");
  });
});

describe("attribute names in details", () => {
  it("names instance_count", () => {
    const [diagnostic] = validateInstanceBatchConfig(batchConfig({ instance_count: 1 }));
    expect(diagnostic?.detail).toMatch(/^instance_count must be at least 2 \(got 1\)\. /);
  });

  it("names name_prefix", () => {
    const [diagnostic] = validateInstanceBatchConfig(batchConfig({ name_prefix: "x" }));
    expect(diagnostic?.detail).toMatch(/^name_prefix must be at least/);
  });

  it("names auto_network", () => {
    const [diagnostic] = validateInstanceBatchConfig(batchConfig({ auto_network: true }));
    expect(diagnostic?.detail).toContain("when auto_network is true");
  });

  it("names interface[0].subnet_id", () => {
    const config = batchConfig({ interface: [interfaceBlock({ subnet_id: "nope" })] });
    const [diagnostic] = validateInstanceBatchConfig(config);
    expect(diagnostic?.detail).toMatch(/^interface\[0\]\.subnet_id must be a UUID/);
  });

  it("gives one diagnostic for 1e30", () => {
    expect(validateInstanceBatchConfig(batchConfig({ instance_count: 1e30 }))).toHaveLength(1);
  });

  it("has no doubled period", () => {
    const all = validateInstanceBatchConfig(batchConfig({ tenant_id: "NOPE", instance_count: 1 }));
    expect(details(all).filter((text) => text.includes(".."))).toEqual([]);
  });
});

describe("api error wording", () => {
  const badRequest = Object.assign(new Error("bad request"), {
    status: 400,
    body: { message: "Invalid instance id.", data: { instanceId: "must be a UUID." } },
  });

  it("has no doubled period", () => {
    const [diagnostic] = apiErrorDiagnostics(badRequest, "read instance x");
    expect(diagnostic?.detail).not.toContain("..");
  });

  it("keeps the apply advice by default", () => {
    const [diagnostic] = apiErrorDiagnostics(badRequest, "read instance x");
    expect(diagnostic?.detail).toContain("apply again");
  });
});

function handlers(env: NodeJS.ProcessEnv = {}) {
  return createProviderHandlers({
    logger,
    env,
    createClient: () => ({}) as InstanceBatchApi,
  });
}

describe("undecodable values", () => {
  // The msgpack decoder refuses a map key named __proto__, as Terraform sends it for labels.
  const labels = JSON.parse('{"__proto__": "x"}') as CtyValue;
  const config = { msgpack: Buffer.from(encode(batchConfig({ labels }))) };

  it("become an error diagnostic", async () => {
    const response = (await handlers().ValidateResourceConfig!({
      type_name: INSTANCE_BATCH_TYPE,
      config,
    })) as { diagnostics: Diagnostic[] };
    expect(response.diagnostics[0]?.summary).toBe("Invalid resource configuration");
  });

  it("name the key in the detail", async () => {
    const response = (await handlers().PlanResourceChange!({
      type_name: INSTANCE_BATCH_TYPE,
      prior_state: null,
      proposed_new_state: config,
      config,
    })) as { diagnostics: Diagnostic[] };
    expect(response.diagnostics[0]?.detail).toContain('"__proto__"');
  });
});

describe("provider endpoint", () => {
  it("rejects a configured non-URL", () => {
    const [diagnostic] = validateProviderConfig({ endpoint: "not-a-url" });
    expect(diagnostic?.detail).toContain('must be an absolute http or https URL, got "not-a-url"');
  });

  it("attaches the diagnostic to endpoint", () => {
    const [diagnostic] = validateProviderConfig({ endpoint: "ftp://nico.test" });
    expect(diagnosticPath(diagnostic!)).toBe("endpoint");
  });

  it("accepts an https URL", () => {
    expect(validateProviderConfig({ endpoint: "https://nico.test" })).toEqual([]);
  });

  it("leaves an unknown endpoint to configuration", () => {
    expect(validateProviderConfig({ endpoint: unknown })).toEqual([]);
  });

  it("rejects NICO_ENDPOINT at configuration", () => {
    const env = { NICO_ENDPOINT: "not-a-url", NICO_ORG: "org", NICO_TOKEN: "t" };
    const { diagnostics } = resolveProviderSettings({ endpoint: null }, env);
    expect(diagnostics[0]?.detail).toContain("(from NICO_ENDPOINT)");
  });

  it("returns a diagnostic from ConfigureProvider", async () => {
    const config = {
      msgpack: Buffer.from(
        encodeMsgpack({ endpoint: "not-a-url", org: "org", token: "t" }, providerType),
      ),
    };
    const response = (await handlers().ConfigureProvider!({
      terraform_version: "1.11.0",
      config,
    })) as { diagnostics: Diagnostic[] };
    expect(paths(response.diagnostics)).toEqual(["endpoint"]);
  });

  it("returns a diagnostic from ValidateProviderConfig", async () => {
    const config = {
      msgpack: Buffer.from(
        encodeMsgpack({ endpoint: "not-a-url", org: null, token: null }, providerType),
      ),
    };
    const response = (await handlers().ValidateProviderConfig!({ config })) as {
      diagnostics: Diagnostic[];
    };
    expect(paths(response.diagnostics)).toEqual(["endpoint"]);
  });
});

describe("import id", () => {
  const api = {
    getInstance: async () => {
      throw Object.assign(new Error("bad request"), {
        status: 400,
        body: { message: "Invalid instance id", data: null },
      });
    },
  } as unknown as InstanceBatchApi;
  const importDetail = async (id: string) =>
    (await importInstanceBatch(id, { api, logger })).diagnostics[0]?.detail ?? "";

  it("rejects a repeated member", async () => {
    expect(await importDetail("a,a")).toContain("appears more than once");
  });

  it("rejects a single member", async () => {
    expect(await importDetail("a")).toContain("a batch has 2 to 18 members");
  });

  it("rejects 19 members", async () => {
    const id = Array.from({ length: 19 }, (_, index) => `m${index}`).join(",");
    expect(await importDetail(id)).toContain("lists 19 instance ids");
  });

  it("does not advise applying again", async () => {
    expect(await importDetail("a,b")).not.toContain("apply again");
  });
});
