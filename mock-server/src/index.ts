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
 * 127.0.0.1 and resolves once it answers HTTP requests. Rejects with `PortInUseError` when
 * `port` is already taken.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const spec = options.spec ?? DEFAULT_SPEC_PATH;
  const port = options.port || (await findFreePort());
  const url = `http://127.0.0.1:${port}`;
  const args = [prismEntryPoint(), "mock", "-h", "127.0.0.1", "-p", String(port), spec];

  // The Prism entry runs under this node binary directly, so the child PID is Prism itself and
  // stopping it never leaves an orphan behind a wrapper such as npx.
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  const log = new StartupLog(url, options.onLog);
  child.stdout?.on("data", (chunk: Buffer) => log.write("stdout", chunk));
  child.stderr?.on("data", (chunk: Buffer) => log.write("stderr", chunk));

  // "close" rather than "exit": it fires after the output streams are drained, so a bind
  // error printed just before the exit has been seen by then.
  const exited = new Promise<number | null>((resolve) =>
    child.once("close", (code) => resolve(code)),
  );
  try {
    await waitUntilListening(url, child, log, exited, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await stop(child, exited);
    if (error instanceof PortInUseError) throw error;
    const tail = log.tail(10).join("\n");
    throw new Error(`Prism mock did not start on ${url}: ${(error as Error).message}\n${tail}`);
  }

  return {
    url,
    port,
    pid: child.pid as number,
    close: () => stop(child, exited),
  };
}

/** Raised when the requested port on 127.0.0.1 is already bound by another process. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `port ${port} on 127.0.0.1 is already in use. Stop the process bound to it, choose another port, or leave the port out to get a free one.`,
    );
    this.name = "PortInUseError";
  }
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

/**
 * Prism's output during startup: the last lines for error messages, and whether Prism has
 * announced that it listens on the expected URL or failed to bind the port.
 */
export class StartupLog {
  listening = false;
  bindFailed = false;
  private readonly lines: string[] = [];
  private readonly partial = { stdout: "", stderr: "" };

  constructor(
    private readonly url: string,
    private readonly onLog?: (line: string) => void,
  ) {}

  /** Appends a chunk of one stream; a line split across chunks is kept until it ends. */
  write(stream: "stdout" | "stderr", chunk: Buffer | string): void {
    const text = this.partial[stream] + chunk.toString();
    const parts = text.split("\n");
    this.partial[stream] = parts.pop() ?? "";
    for (const line of parts) this.addLine(line);
  }

  /** Returns up to `count` of the most recent lines. */
  tail(count: number): string[] {
    return this.lines.slice(-count);
  }

  private addLine(line: string): void {
    if (line.trim() === "") return;
    if (line.includes("EADDRINUSE")) this.bindFailed = true;
    if (line.includes(`listening on ${this.url}`)) this.listening = true;
    this.lines.push(line);
    if (this.lines.length > 50) this.lines.shift();
    this.onLog?.(line);
  }
}

/**
 * Resolves once the Prism child itself serves `url`. An HTTP answer alone is not enough,
 * because another process may hold the port: the child must have logged that it listens on
 * `url`, must answer a request, and must still be running afterwards. A bind failure in the
 * child's output raises `PortInUseError`.
 */
export async function waitUntilListening(
  url: string,
  child: ChildProcess,
  log: StartupLog,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const port = Number(new URL(url).port);
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });

  while (Date.now() < deadline) {
    if (log.bindFailed) throw new PortInUseError(port);
    if (exitCode !== undefined) throw new Error(`Prism exited with code ${exitCode}`);
    if (log.listening) {
      try {
        // Any HTTP response, even a 404 for this path, shows the server accepts requests.
        await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
        if (isRunning(child) && !log.bindFailed) return;
      } catch {
        // Prism does not accept connections yet, so poll again.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no HTTP response within ${timeoutMs} ms`);
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (!isRunning(child)) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}
