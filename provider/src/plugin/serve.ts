import * as grpc from "@grpc/grpc-js";
import type { Logger } from "pino";
import { loadCompiledServices, type PluginServices } from "./compiled-protos.js";
import { findProtoDir } from "./proto-dir.js";
import { base64Raw, generateServerCertificate } from "./tls.js";

/** Environment variable in which Terraform passes the go-plugin magic cookie. */
export const MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE";
/** Magic cookie value of Terraform provider plugins. */
export const MAGIC_COOKIE_VALUE =
  "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

/** Protocol version of Terraform's plugin protocol that this provider speaks. */
export const PROTOCOL_VERSION = 6;
/** go-plugin's core protocol version, the first field of the handshake line. */
export const CORE_PROTOCOL_VERSION = 1;

/** Time the graceful shutdown may take before open calls are cut, in milliseconds. */
const SHUTDOWN_GRACE_MS = 200;

/** Handler of one unary tfplugin6 RPC: decoded request in, response message out. */
export type UnaryHandler = (request: any) => Promise<object>;

/** Options of `startPluginServer`. */
export interface PluginServerOptions {
  /** Handlers keyed by RPC name as written in tfplugin6.proto, such as `GetProviderSchema`. */
  handlers: Record<string, UnaryHandler>;
  logger: Logger;
  /** Environment to read go-plugin settings from. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Called once the reply to GRPCController.Shutdown is sent. Default: exit the process. */
  onShutdown?: () => void;
  /** Service definitions. Default: compiled JSON next to the .proto files, else the .proto files. */
  protos?: PluginServices;
}

/** A running plugin server and the handshake line that announces it. */
export interface PluginServer {
  server: grpc.Server;
  port: number;
  handshake: string;
  close(): Promise<void>;
}

/**
 * Starts the gRPC server with tfplugin6.Provider and the go-plugin services, on 127.0.0.1
 * inside PLUGIN_MIN_PORT..PLUGIN_MAX_PORT. With PLUGIN_CLIENT_CERT set (and
 * TF_DISABLE_PLUGIN_TLS unset) it requires mutual TLS with a freshly generated certificate.
 * Returns the handshake line; the caller prints it on stdout.
 */
export async function startPluginServer(options: PluginServerOptions): Promise<PluginServer> {
  const env = options.env ?? process.env;
  const logger = options.logger;
  const protos = options.protos ?? (await loadServices());
  const server = new grpc.Server();

  server.addService(protos.provider, wrapHandlers(options.handlers, logger));
  const openStreams = new Set<{ end(): void }>();
  const finish = options.onShutdown ?? (() => process.exit(0));
  server.addService(protos.controller, {
    Shutdown: (_call: unknown, callback: grpc.sendUnaryData<object>) => {
      logger.debug("shutdown requested");
      callback(null, {});
      // Let the reply reach Terraform before the process goes away: end the streams that
      // would keep the server busy, wait for the graceful shutdown, force it after a moment.
      for (const stream of openStreams) stream.end();
      let finished = false;
      const done = () => {
        if (finished) return;
        finished = true;
        finish();
      };
      setTimeout(() => {
        server.forceShutdown();
        done();
      }, SHUTDOWN_GRACE_MS).unref();
      server.tryShutdown(done);
    },
  });
  // Terraform opens both streams on every connection; nothing is ever written to them
  // because the provider logs to stderr, which Terraform reads directly.
  server.addService(protos.stdio, {
    StreamStdio: (call: grpc.ServerWritableStream<object, object>) => {
      openStreams.add(call);
      call.on("cancelled", () => openStreams.delete(call));
      call.on("error", () => openStreams.delete(call));
    },
  });
  server.addService(protos.broker, {
    StartStream: (call: grpc.ServerDuplexStream<object, object>) => {
      openStreams.add(call);
      call.on("data", () => undefined);
      call.on("end", () => call.end());
      call.on("cancelled", () => openStreams.delete(call));
      call.on("error", () => openStreams.delete(call));
    },
  });

  const tlsDisabled = isTruthy(env.TF_DISABLE_PLUGIN_TLS);
  const clientCert = env.PLUGIN_CLIENT_CERT;
  let credentials = grpc.ServerCredentials.createInsecure();
  let certField = "";
  if (clientCert && !tlsDisabled) {
    const cert = await generateServerCertificate();
    credentials = grpc.ServerCredentials.createSsl(
      Buffer.from(clientCert),
      [{ cert_chain: Buffer.from(cert.certPem), private_key: Buffer.from(cert.keyPem) }],
      true,
    );
    certField = `|${base64Raw(cert.der)}`;
  }

  const port = await bindInRange(server, credentials, portRange(env), logger);
  const handshake = `${CORE_PROTOCOL_VERSION}|${PROTOCOL_VERSION}|tcp|127.0.0.1:${port}|grpc${certField}`;
  logger.info({ port, tls: certField !== "" }, "plugin server listening");
  return {
    server,
    port,
    handshake,
    close: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
      }),
  };
}

/**
 * Loads the services from the compiled JSON when the build wrote it (the bundle), else parses
 * the .proto files with proto-loader, which is only loaded in that case.
 */
async function loadServices(): Promise<PluginServices> {
  const protoDir = findProtoDir();
  const compiled = loadCompiledServices(protoDir);
  if (compiled) return compiled;
  const { loadProtos } = await import("./protos.js");
  return loadProtos(protoDir);
}

function wrapHandlers(
  handlers: Record<string, UnaryHandler>,
  logger: Logger,
): grpc.UntypedServiceImplementation {
  const implementation: grpc.UntypedServiceImplementation = {};
  for (const [name, handler] of Object.entries(handlers)) {
    implementation[name] = (
      call: grpc.ServerUnaryCall<unknown, object>,
      callback: grpc.sendUnaryData<object>,
    ) => {
      logger.debug({ rpc: name }, "rpc started");
      handler(call.request).then(
        (response) => callback(null, response),
        (error: unknown) => {
          logger.error({ rpc: name, err: error }, "rpc failed");
          callback({
            code: grpc.status.INTERNAL,
            details: error instanceof Error ? error.message : String(error),
          });
        },
      );
    };
  }
  return implementation;
}

interface PortRange {
  min: number;
  max: number;
}

function portRange(env: NodeJS.ProcessEnv): PortRange | undefined {
  const min = Number(env.PLUGIN_MIN_PORT);
  const max = Number(env.PLUGIN_MAX_PORT);
  if (!Number.isInteger(min) || !Number.isInteger(max) || min <= 0 || max < min) return undefined;
  return { min, max };
}

async function bindInRange(
  server: grpc.Server,
  credentials: grpc.ServerCredentials,
  range: PortRange | undefined,
  logger: Logger,
): Promise<number> {
  if (!range) return bind(server, credentials, 0);
  const size = range.max - range.min + 1;
  const start = Math.floor(Math.random() * size);
  // Try every port of the range once, starting at a random offset so parallel providers spread out.
  for (let i = 0; i < size; i++) {
    const port = range.min + ((start + i) % size);
    try {
      return await bind(server, credentials, port);
    } catch (error) {
      logger.trace({ port, err: error }, "port unavailable");
    }
  }
  throw new Error(
    `no free port between PLUGIN_MIN_PORT=${range.min} and PLUGIN_MAX_PORT=${range.max}`,
  );
}

function bind(
  server: grpc.Server,
  credentials: grpc.ServerCredentials,
  port: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(`127.0.0.1:${port}`, credentials, (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
}

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}
