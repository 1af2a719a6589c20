import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Default contract: `openapi.yaml` at the repository root. */
export const DEFAULT_SPEC_PATH = fileURLToPath(new URL("../../openapi.yaml", import.meta.url));

/** Options of `startMockServer`. */
export interface MockServerOptions {
  /** Path of the OpenAPI document; defaults to the repository's `openapi.yaml`. */
  spec?: string;
  /** TCP port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** Time limit for Prism to accept requests, in milliseconds. Default 30000. */
  startTimeoutMs?: number;
  /** Receives each line Prism writes to stdout or stderr; dropped by default. */
  onLog?: (line: string) => void;
}

/** A running Prism mock. */
export interface MockServer {
  /** Base URL, for example `http://127.0.0.1:40123`. */
  url: string;
  port: number;
  /** Process id of the Prism node process. */
  pid: number;
  /** Stops Prism (SIGTERM, then SIGKILL after 5 s) and resolves once the process has exited. */
  close(): Promise<void>;
}

/**
 * Starts Prism in mock mode (static examples, request validation on) as a child process on
 * 127.0.0.1 and resolves once it answers HTTP requests.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const spec = options.spec ?? DEFAULT_SPEC_PATH;
  const port = options.port || (await findFreePort());
  const url = `http://127.0.0.1:${port}`;
  const args = [prismEntryPoint(), "mock", "-h", "127.0.0.1", "-p", String(port), spec];

  // The Prism entry runs under this node binary directly, so the child PID is Prism itself and
  // stopping it never leaves an orphan behind a wrapper such as npx.
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (line.trim() === "") continue;
      output.push(line);
      if (output.length > 50) output.shift();
      options.onLog?.(line);
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  try {
    await waitUntilListening(url, exited, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await stop(child, exited);
    const tail = output.slice(-10).join("\n");
    throw new Error(`Prism mock did not start on ${url}: ${(error as Error).message}\n${tail}`);
  }

  return {
    url,
    port,
    pid: child.pid as number,
    close: () => stop(child, exited),
  };
}

/** Path of the Prism CLI's JavaScript entry point in the installed `@stoplight/prism-cli`. */
export function prismEntryPoint(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("@stoplight/prism-cli/package.json");
  const manifest = require(manifestPath) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin.prism;
  if (!bin) throw new Error(`@stoplight/prism-cli at ${manifestPath} declares no prism binary`);
  return join(dirname(manifestPath), bin);
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilListening(
  url: string,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`Prism exited with code ${exitCode}`);
    try {
      // Any HTTP response, even a 404 for this path, proves the server is up.
      await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`no HTTP response within ${timeoutMs} ms`);
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}
