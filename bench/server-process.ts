/**
 * Runs one reference server in its own process, so a load generator in the parent process does
 * not share its event loop. The only argument is a JSON object of `ServerProcessOptions`. The
 * process prints one JSON line `{"url": ...}` on stdout once the server listens, and it closes
 * the server on SIGTERM or when stdin ends (the parent died).
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { startServer } from "@nico/server";

/** Settings of a server started by `spawnServerProcess`. */
export interface ServerProcessOptions {
  /** Inventory JSON file. */
  inventoryFile: string;
  /** SQLite file or `postgres://` URL. */
  database: string;
  jwtSecret: string;
  /** Milliseconds from creation to Ready, and from a delete request until the instance is gone. */
  lifecycleDelayMs: number;
  /** pino level of the server log, written to stderr. */
  logLevel: string;
}

/** A server running in a child process. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** Stops the server (SIGTERM) and resolves once the process has exited. */
  stop(): Promise<void>;
}

const entryPoint = fileURLToPath(import.meta.url);

/** Starts a reference server in a child process under tsx and waits for its URL. */
export async function spawnServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean),
      "--import",
      "tsx",
      entryPoint,
      JSON.stringify(options),
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once("line", (line) => {
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch (error) {
        reject(new Error(`Unexpected first output line of the server process: ${line}`));
      }
    });
    void exited.then((code) => reject(new Error(`Server process exited with code ${code}`)));
  });
  return {
    url,
    pid: child.pid as number,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
      }
      await exited;
      lines.close();
    },
  };
}

async function runChild(options: ServerProcessOptions): Promise<void> {
  const server = await startServer({
    host: "127.0.0.1",
    port: 0,
    inventory: options.inventoryFile,
    database: options.database,
    jwtSecret: options.jwtSecret,
    readyAfterMs: options.lifecycleDelayMs,
    terminateAfterMs: options.lifecycleDelayMs,
    logger: pino({ level: options.logLevel }, pino.destination(2)),
  });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.stdin.resume();
  process.stdin.once("end", stop);
}

if (process.argv[1] === entryPoint) {
  await runChild(JSON.parse(process.argv[2] ?? "{}") as ServerProcessOptions);
}
