import type { Logger } from "pino";
import { createSdkClient } from "./client.js";
import { createProviderHandlers, type ClientFactory } from "./provider/handlers.js";
import { createProviderLogger } from "./plugin/logger.js";
import { startPluginServer, type PluginServer } from "./plugin/serve.js";

export { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "./plugin/serve.js";

/** Options of `serveProvider`. */
export interface ServeProviderOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Client factory; tests may inject one. Default: the `@nico/sdk` client. */
  createClient?: ClientFactory;
  /** Writes the handshake line. Default: stdout. */
  writeHandshake?: (line: string) => void;
  /** Called after Terraform requests that the plugin shut down. Default: exit the process. */
  onShutdown?: () => void;
}

/**
 * Serves the nico provider over the Terraform plugin protocol 6 and announces it with the
 * go-plugin handshake line. Returns the running server.
 */
export async function serveProvider(options: ServeProviderOptions = {}): Promise<PluginServer> {
  const env = options.env ?? process.env;
  const logger = options.logger ?? createProviderLogger();
  const handlers = createProviderHandlers({
    logger,
    env,
    createClient: options.createClient ?? createSdkClient,
  });
  const server = await startPluginServer({ handlers, logger, env, onShutdown: options.onShutdown });
  (options.writeHandshake ?? ((line) => process.stdout.write(line)))(`${server.handshake}\n`);
  return server;
}
