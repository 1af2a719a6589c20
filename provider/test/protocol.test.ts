import { spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UnknownValue, unknown } from "../src/cty/value.js";
import {
  INSTANCE_BATCH_TYPE,
  batchConfig,
  diagnosticPath,
  dynamic,
  fromDynamic,
  interfaceBlock,
  providerDir,
  providerType,
  startProvider,
  type ProviderProcess,
} from "./harness.js";

const NESTING_NAMES = ["invalid", "single", "list", "set", "map", "group"];

/** Converts a served tfplugin6 Schema message to the `providers schema -json` shape. */
function schemaMessageToJson(schema: any): object {
  return { version: Number(schema.version), block: blockMessageToJson(schema.block) };
}

function blockMessageToJson(block: any): object {
  const json: Record<string, unknown> = {};
  if (block.attributes.length > 0) {
    json.attributes = Object.fromEntries(
      block.attributes.map((attribute: any) => {
        const entry: Record<string, unknown> = { type: JSON.parse(attribute.type.toString()) };
        if (attribute.description) entry.description = attribute.description;
        entry.description_kind = "plain";
        for (const flag of ["required", "optional", "computed", "sensitive"]) {
          if (attribute[flag]) entry[flag] = true;
        }
        return [attribute.name, entry];
      }),
    );
  }
  if (block.block_types.length > 0) {
    json.block_types = Object.fromEntries(
      block.block_types.map((nested: any) => {
        const entry: Record<string, unknown> = {
          nesting_mode: NESTING_NAMES[nested.nesting],
          block: blockMessageToJson(nested.block),
        };
        if (Number(nested.min_items)) entry.min_items = Number(nested.min_items);
        if (Number(nested.max_items)) entry.max_items = Number(nested.max_items);
        return [nested.type_name, entry];
      }),
    );
  }
  if (block.description) json.description = block.description;
  json.description_kind = "plain";
  return json;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return port;
}

describe("plugin process", () => {
  it("handshake announces grpc over tcp", async () => {
    const provider = await startProvider({ tls: true });
    try {
      expect(provider.handshake).toMatch(/^1\|6\|tcp\|127\.0\.0\.1:\d+\|grpc\|[A-Za-z0-9+/]+$/);
    } finally {
      await provider.close();
    }
  });

  it("handshake certificate is unpadded base64", async () => {
    const provider = await startProvider({ tls: true });
    try {
      const cert = provider.handshake.split("|")[5]!;
      expect(cert).not.toContain("=");
      const parsed = new X509Certificate(Buffer.from(cert, "base64"));
      expect(parsed.subject).toContain("CN=localhost");
    } finally {
      await provider.close();
    }
  });

  it("serves plaintext when TLS is disabled", async () => {
    const provider = await startProvider({ tls: false });
    try {
      expect(provider.handshake.split("|")).toHaveLength(5);
      const schema = await provider.call("GetProviderSchema");
      expect(Object.keys(schema.resource_schemas)).toEqual([INSTANCE_BATCH_TYPE]);
    } finally {
      await provider.close();
    }
  });

  it("binds inside the plugin port range", async () => {
    const port = await freePort();
    const provider = await startProvider({
      env: { PLUGIN_MIN_PORT: String(port), PLUGIN_MAX_PORT: String(port) },
    });
    try {
      expect(provider.handshake.split("|")[3]).toBe(`127.0.0.1:${port}`);
    } finally {
      await provider.close();
    }
  });

  it("exits after GRPCController.Shutdown", async () => {
    const provider = await startProvider({ tls: true });
    try {
      expect(await provider.shutdown()).toBe(0);
    } finally {
      await provider.close();
    }
  });

  it("writes hclog JSON lines to stderr", async () => {
    const provider = await startProvider({ tls: true });
    try {
      await provider.call("GetProviderSchema");
      const line = provider
        .stderr()
        .split("\n")
        .find((text) => text.includes("plugin server listening"));
      const record = JSON.parse(line ?? "{}");
      expect(record["@timestamp"]).toMatch(/\.\d{6}Z$/);
      expect(record["@level"]).toBe("info");
      expect(record["@module"]).toBe("nico");
    } finally {
      await provider.close();
    }
  });

  it("explains itself when run by hand", async () => {
    const env = { ...process.env };
    delete env.TF_PLUGIN_MAGIC_COOKIE;
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(providerDir, "src", "main.ts")],
      {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(stderr).toContain("Terraform provider plugin");
  });
});

describe("provider RPCs", () => {
  let provider: ProviderProcess;

  beforeAll(async () => {
    provider = await startProvider({ tls: true });
  });

  afterAll(async () => {
    await provider.close();
  });

  it("GetProviderSchema matches schema.json", async () => {
    const response = await provider.call("GetProviderSchema");
    const committed = JSON.parse(await readFile(join(providerDir, "schema.json"), "utf8"));
    const entry = committed.provider_schemas["registry.terraform.io/nico/nico"];
    const served = {
      provider: schemaMessageToJson(response.provider),
      resource_schemas: Object.fromEntries(
        Object.entries(response.resource_schemas).map(([name, schema]) => [
          name,
          schemaMessageToJson(schema),
        ]),
      ),
    };
    expect(served).toEqual(entry);
  });

  it("ValidateResourceConfig accepts a valid batch", async () => {
    const response = await provider.call("ValidateResourceConfig", {
      type_name: INSTANCE_BATCH_TYPE,
      config: dynamic(batchConfig()),
    });
    expect(response.diagnostics).toEqual([]);
  });

  it("ValidateResourceConfig maps count to instance_count", async () => {
    const response = await provider.call("ValidateResourceConfig", {
      type_name: INSTANCE_BATCH_TYPE,
      config: dynamic(batchConfig({ instance_count: 40 })),
    });
    expect(response.diagnostics.map(diagnosticPath)).toEqual(["instance_count"]);
  });

  it("ValidateResourceConfig points into nested blocks", async () => {
    const config = batchConfig({
      interface: [interfaceBlock({ subnet_id: "not-a-uuid" })],
    });
    const response = await provider.call("ValidateResourceConfig", {
      type_name: INSTANCE_BATCH_TYPE,
      config: dynamic(config),
    });
    expect(response.diagnostics.map(diagnosticPath)).toContain("interface[0].subnet_id");
    expect(response.diagnostics[0].severity).toBe(1);
  });

  it("ValidateResourceConfig ignores unknown values", async () => {
    const config = batchConfig({ vpc_id: unknown, instance_count: unknown });
    const response = await provider.call("ValidateResourceConfig", {
      type_name: INSTANCE_BATCH_TYPE,
      config: dynamic(config),
    });
    expect(response.diagnostics).toEqual([]);
  });

  it("ValidateResourceConfig skips cross-field rules on unknowns", async () => {
    const config = batchConfig({ ipxe_script: null, operating_system_id: unknown });
    const response = await provider.call("ValidateResourceConfig", {
      type_name: INSTANCE_BATCH_TYPE,
      config: dynamic(config),
    });
    expect(response.diagnostics).toEqual([]);
  });

  it("ValidateResourceConfig still checks known values next to unknowns", async () => {
    const config = batchConfig({ vpc_id: unknown, instance_count: 1 });
    const response = await provider.call("ValidateResourceConfig", {
      type_name: INSTANCE_BATCH_TYPE,
      config: dynamic(config),
    });
    expect(response.diagnostics.map(diagnosticPath)).toEqual(["instance_count"]);
  });

  it("PlanResourceChange leaves computed values unknown on create", async () => {
    const config = batchConfig({ vpc_id: unknown });
    const response = await provider.call("PlanResourceChange", {
      type_name: INSTANCE_BATCH_TYPE,
      prior_state: dynamic(null),
      proposed_new_state: dynamic(config),
      config: dynamic(config),
    });
    const planned = fromDynamic(response.planned_state) as Record<string, unknown>;
    expect(response.diagnostics).toEqual([]);
    expect(planned.id).toBeInstanceOf(UnknownValue);
    expect(planned.instances).toBeInstanceOf(UnknownValue);
    expect(planned.vpc_id).toBeInstanceOf(UnknownValue);
    expect(planned.topology_optimized).toBe(true);
  });

  it("PlanResourceChange marks instance_count as forcing replacement", async () => {
    const prior = batchConfig({
      id: "a,b",
      topology_optimized: true,
      auto_network: false,
      always_boot_with_custom_ipxe: false,
      phone_home_enabled: false,
      instances: [],
    });
    const proposed = { ...prior, instance_count: 6 };
    const response = await provider.call("PlanResourceChange", {
      type_name: INSTANCE_BATCH_TYPE,
      prior_state: dynamic(prior),
      proposed_new_state: dynamic(proposed),
      config: dynamic(batchConfig({ instance_count: 6 })),
    });
    expect(response.requires_replace.map(diagnosticPathOf)).toEqual(["instance_count"]);
  });

  it("PlanResourceChange updates labels in place", async () => {
    const prior = batchConfig({ id: "a,b", topology_optimized: true, instances: [] });
    const proposed = { ...prior, labels: { team: "ml" } };
    const response = await provider.call("PlanResourceChange", {
      type_name: INSTANCE_BATCH_TYPE,
      prior_state: dynamic(prior),
      proposed_new_state: dynamic(proposed),
      config: dynamic(batchConfig({ labels: { team: "ml" } })),
    });
    expect(response.requires_replace).toEqual([]);
  });

  it("PlanResourceChange replaces a batch with missing members", async () => {
    const instances = [
      {
        index: 0,
        id: "a",
        name: "web-aaaaaa",
        machine_id: "m1",
        status: "Ready",
        nvlink_domain_id: null,
      },
      {
        index: 1,
        id: "b",
        name: "web-bbbbbb",
        machine_id: "m2",
        status: "Missing",
        nvlink_domain_id: null,
      },
    ];
    const prior = batchConfig({ id: "a,b", topology_optimized: true, instances });
    const response = await provider.call("PlanResourceChange", {
      type_name: INSTANCE_BATCH_TYPE,
      prior_state: dynamic(prior),
      proposed_new_state: dynamic(prior),
      config: dynamic(batchConfig()),
    });
    expect(response.requires_replace.map(diagnosticPathOf)).toEqual(["instances"]);
    expect(response.diagnostics[0].severity).toBe(2);
    expect(response.diagnostics[0].detail).toContain("web-bbbbbb");
  });

  it("UpgradeResourceState converts JSON state to msgpack", async () => {
    const state = batchConfig({ id: "a,b", instances: [] });
    const response = await provider.call("UpgradeResourceState", {
      type_name: INSTANCE_BATCH_TYPE,
      version: 0,
      raw_state: { json: Buffer.from(JSON.stringify(state)) },
    });
    expect(fromDynamic(response.upgraded_state)).toEqual(state);
  });

  it("ConfigureProvider names the missing setting and variable", async () => {
    const separate = await startProvider({
      env: { NICO_ENDPOINT: "", NICO_ORG: "", NICO_TOKEN: "" },
    });
    try {
      const response = await separate.call("ConfigureProvider", {
        terraform_version: "1.11.4",
        config: dynamic({ endpoint: "http://127.0.0.1:1", org: "acme", token: null }, providerType),
      });
      expect(response.diagnostics.map(diagnosticPath)).toEqual(["token"]);
      expect(response.diagnostics[0].detail).toContain("NICO_TOKEN");
    } finally {
      await separate.close();
    }
  });
});

function diagnosticPathOf(path: { steps: any[] }): string {
  return diagnosticPath({ attribute: path });
}
