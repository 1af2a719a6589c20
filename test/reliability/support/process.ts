import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { reliabilitySecret } from "./http.js";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
const cliPath = fileURLToPath(new URL("../../../server/src/cli.ts", import.meta.url));

/** A reference server running as a child process through its command line. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<string>;
  /** Last few kilobytes of the process's stderr, for failure messages. */
  output(): string;
}

/** Options of `spawnServer`. */
export interface SpawnServerOptions {
  /** SQLite file path or PostgreSQL URL. */
  database: string;
  inventoryFile: string;
  /** Extra command line arguments, such as `["--ready-after", "200"]`. */
  args?: string[];
}

/**
 * Starts `nico-reference-server` through tsx on a free port and resolves once it prints the
 * address it listens on. Rejects when the process ends first or takes longer than 60 s.
 */
export function spawnServer(options: SpawnServerOptions): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      cliPath,
      "--port",
      "0",
      "--database",
      options.database,
      "--inventory",
      options.inventoryFile,
      "--log-level",
      "warn",
      ...(options.args ?? []),
    ],
    {
      cwd: repositoryRoot,
      env: { ...process.env, NICO_JWT_SECRET: reliabilitySecret },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-8192);
  };
  child.stdout?.on("data", keep);
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => resolve(signal ?? `exit ${code}`));
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server did not start within 60 s:\n${output}`));
    }, 60_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      keep(chunk);
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ url: match[1], child, exited, output: () => output });
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the server ended (${how}) before it listened:\n${output}`));
    });
  });
}
