import * as grpc from "@grpc/grpc-js";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { decodeMsgpack, encodeMsgpack } from "../src/cty/msgpack.js";
import type { CtyValue } from "../src/cty/value.js";
import { loadProtos } from "../src/plugin/protos.js";
import { generateServerCertificate } from "../src/plugin/tls.js";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "../src/plugin/serve.js";
import {
  INSTANCE_BATCH_TYPE,
  instanceBatchSchema,
} from "../src/resources/instance-batch/schema.js";
import { providerConfigSchema } from "../src/schema/provider.js";
import { impliedType } from "../src/schema/types.js";

/** Provider package directory. */
export const providerDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/** cty type of `nico_instance_batch` values. */
export const batchType = impliedType(instanceBatchSchema.block);
/** cty type of the provider block. */
export const providerType = impliedType(providerConfigSchema.block);
export { INSTANCE_BATCH_TYPE };

/** Encodes a value as a DynamicValue message. */
export const dynamic = (value: CtyValue, type = batchType) => ({
  msgpack: Buffer.from(encodeMsgpack(value, type)),
});

/** Decodes a DynamicValue message. */
export const fromDynamic = (value: { msgpack: Buffer } | null | undefined, type = batchType) =>
  value ? decodeMsgpack(value.msgpack, type) : null;

/** A provider process started the way Terraform starts it, with a gRPC client connected. */
export interface ProviderProcess {
  child: ChildProcess;
  handshake: string;
  stderr: () => string;
  call<T = any>(method: string, request?: object): Promise<T>;
  shutdown(): Promise<number | null>;
  close(): Promise<void>;
}

/** Options of `startProvider`. */
export interface StartOptions {
  /** Use mutual TLS with a generated client certificate, as Terraform does by default. */
  tls?: boolean;
  env?: NodeJS.ProcessEnv;
}

const protos = loadProtos();

/** Starts src/main.ts through tsx with the go-plugin environment and connects to it. */
export async function startProvider(options: StartOptions = {}): Promise<ProviderProcess> {
  const clientCert = options.tls ? await generateServerCertificate() : undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: "5,6",
    TF_LOG: "DEBUG",
    ...options.env,
  };
  if (clientCert) env.PLUGIN_CLIENT_CERT = clientCert.certPem;
  else env.TF_DISABLE_PLUGIN_TLS = "1";
  delete env.NODE_OPTIONS;

  const child = spawn(process.execPath, ["--import", "tsx", join(providerDir, "src", "main.ts")], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const [handshake] = (await Promise.race([
    once(lines, "line"),
    once(child, "exit").then(([code]) => {
      throw new Error(`provider exited with ${code} before the handshake:\n${stderr}`);
    }),
  ])) as [string];

  const fields = handshake.split("|");
  const address = fields[3]!;
  let credentials = grpc.credentials.createInsecure();
  if (clientCert) {
    const serverCertPem = derToPem(Buffer.from(fields[5]!, "base64"));
    credentials = grpc.credentials.createSsl(
      Buffer.from(serverCertPem),
      Buffer.from(clientCert.keyPem),
      Buffer.from(clientCert.certPem),
    );
  }
  const channelOptions = { "grpc.ssl_target_name_override": "localhost" };
  const provider = new protos.ProviderClient(address, credentials, channelOptions);
  const controller = new protos.ControllerClient(address, credentials, channelOptions);

  const call = <T>(method: string, request: object = {}): Promise<T> =>
    new Promise((resolve, reject) => {
      (provider as any)[method](request, (error: Error | null, response: T) =>
        error ? reject(error) : resolve(response),
      );
    });

  const exited = once(child, "exit").then(([code]) => code as number | null);
  return {
    child,
    handshake,
    stderr: () => stderr,
    call,
    shutdown: async () => {
      await new Promise<void>((resolve, reject) =>
        (controller as any).Shutdown({}, (error: Error | null) =>
          error ? reject(error) : resolve(),
        ),
      );
      return exited;
    },
    close: async () => {
      provider.close();
      controller.close();
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}

function derToPem(der: Buffer): string {
  const body = der.toString("base64").replace(/(.{64})/g, "$1\n");
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

/** Made-up ids used by configuration-only tests. */
export const ids = {
  tenant: "7d3c1f0e-2b4a-4c6d-8e9f-0a1b2c3d4e5f",
  instanceType: "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
  vpc: "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b",
  subnet: "9c8b7a69-5847-4362-9150-a1b2c3d4e5f6",
};

/**
 * Builds a `nico_instance_batch` value with every attribute, as Terraform sends it: unset
 * arguments are null and absent blocks are empty lists.
 */
export function batchConfig(overrides: Record<string, CtyValue> = {}): Record<string, CtyValue> {
  const value: Record<string, CtyValue> = {};
  for (const name of Object.keys(instanceBatchSchema.block.attributes)) value[name] = null;
  for (const [name, nested] of Object.entries(instanceBatchSchema.block.blockTypes ?? {})) {
    value[name] = nested.nesting === "single" ? null : [];
  }
  return {
    ...value,
    name_prefix: "web",
    instance_count: 2,
    tenant_id: ids.tenant,
    instance_type_id: ids.instanceType,
    vpc_id: ids.vpc,
    ipxe_script: "#!ipxe",
    interface: [interfaceBlock({ subnet_id: ids.subnet })],
    ...overrides,
  };
}

/** Builds one `interface` block with every attribute. */
export function interfaceBlock(values: Record<string, CtyValue>): Record<string, CtyValue> {
  return {
    subnet_id: null,
    vpc_prefix_id: null,
    device: null,
    device_instance: null,
    virtual_function_id: null,
    is_physical: null,
    ...values,
  };
}

/** Attribute path of a diagnostic as a readable string, such as `interface[0].subnet_id`. */
export function diagnosticPath(diagnostic: { attribute?: { steps: any[] } | null }): string {
  let text = "";
  for (const step of diagnostic.attribute?.steps ?? []) {
    // Decoded messages name the set member in `selector`; locally built ones only carry it.
    const kind: string =
      step.selector ??
      ["attribute_name", "element_key_string", "element_key_int"].find((k) => k in step);
    if (kind === "attribute_name")
      text += text === "" ? step.attribute_name : `.${step.attribute_name}`;
    else if (kind === "element_key_int") text += `[${Number(step.element_key_int)}]`;
    else if (kind === "element_key_string") text += `[${JSON.stringify(step.element_key_string)}]`;
  }
  return text;
}
