import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** Folder of the PostgreSQL 15 server binaries (Debian's postgresql-15 package). */
export const postgresBinDir = process.env.NICO_PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** A throwaway PostgreSQL server started by `startPostgres`. */
export interface RunningPostgres {
  /** Connection URL of the `postgres` database, as superuser `postgres`. */
  url: string;
  port: number;
  /** Creates an empty database and returns its connection URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and removes its data folder. */
  stop(): Promise<void>;
}

const superuser = "postgres";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs a PostgreSQL binary. initdb and the server reject root, so under root they run as the
 * system user `postgres` through runuser.
 */
function runPostgresTool(tool: string, args: string[]): void {
  const binary = join(postgresBinDir, tool);
  const asRoot = userInfo().uid === 0;
  const command = asRoot ? "runuser" : binary;
  const commandArgs = asRoot ? ["-u", superuser, "--", binary, ...args] : args;
  const result = spawnSync(command, commandArgs, { encoding: "utf8" });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
    throw new Error(`${tool} ${args.join(" ")} failed (exit ${result.status}):\n${output}`);
  }
}

function ownFolderAsPostgres(folder: string): void {
  if (userInfo().uid !== 0) {
    return;
  }
  const uid = Number(execFileSync("id", ["-u", superuser], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", superuser], { encoding: "utf8" }).trim());
  chownSync(folder, uid, gid);
}

/**
 * Starts a PostgreSQL server for tests: a new data folder under the system temp folder, initdb
 * with trust authentication, and a server on a free 127.0.0.1 port with its Unix socket in the
 * same temp folder and fsync off. Throws when the binaries are missing (install postgresql-15).
 */
export async function startPostgres(): Promise<RunningPostgres> {
  if (!existsSync(join(postgresBinDir, "initdb")) || !existsSync(join(postgresBinDir, "pg_ctl"))) {
    throw new Error(
      `PostgreSQL server binaries were not found in ${postgresBinDir}; install the postgresql-15 ` +
        "package (apt-get install postgresql-15) or set NICO_PG_BIN to the folder with initdb and pg_ctl.",
    );
  }
  const root = mkdtempSync(join(tmpdir(), "nico-pg-"));
  const dataDir = join(root, "data");
  const logFile = join(root, "server.log");
  ownFolderAsPostgres(root);
  writeFileSync(logFile, "");
  ownFolderAsPostgres(logFile);

  let started = false;
  const stopSync = () => {
    if (started) {
      started = false;
      spawnSync(
        userInfo().uid === 0 ? "runuser" : join(postgresBinDir, "pg_ctl"),
        userInfo().uid === 0
          ? [
              "-u",
              superuser,
              "--",
              join(postgresBinDir, "pg_ctl"),
              "-D",
              dataDir,
              "-m",
              "immediate",
              "stop",
            ]
          : ["-D", dataDir, "-m", "immediate", "stop"],
      );
    }
    rmSync(root, { recursive: true, force: true });
  };
  // A test run that exits without calling stop() must not leave a server behind.
  process.once("exit", stopSync);

  try {
    runPostgresTool("initdb", [
      "-D",
      dataDir,
      "-U",
      superuser,
      "-A",
      "trust",
      "--no-sync",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
    ]);
    let port = 0;
    for (let attempt = 1; ; attempt += 1) {
      port = await freePort();
      const options = [
        "-c listen_addresses=127.0.0.1",
        `-p ${port}`,
        `-k ${root}`,
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
        "-c max_connections=300",
      ].join(" ");
      try {
        runPostgresTool("pg_ctl", [
          "-D",
          dataDir,
          "-l",
          logFile,
          "-w",
          "-t",
          "60",
          "-o",
          options,
          "start",
        ]);
        break;
      } catch (error) {
        // Another process may have taken the port between the probe and the start.
        if (attempt >= 3) {
          throw error;
        }
      }
    }
    started = true;
    const url = `postgres://${superuser}@127.0.0.1:${port}/postgres`;
    return {
      url,
      port,
      async createDatabase(name: string) {
        if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
          throw new Error(`database name ${name} must match [a-z_][a-z0-9_]*`);
        }
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${name}`);
        } finally {
          await client.end();
        }
        return `postgres://${superuser}@127.0.0.1:${port}/${name}`;
      },
      async stop() {
        process.removeListener("exit", stopSync);
        if (started) {
          started = false;
          runPostgresTool("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
        }
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    process.removeListener("exit", stopSync);
    stopSync();
    throw error;
  }
}

/** Environment variable that points server tests at a PostgreSQL server instead of SQLite files. */
export const testPostgresUrlVariable = "NICO_TEST_POSTGRES_URL";

let environmentDatabases = 0;

/**
 * Creates an empty database on the PostgreSQL server named by NICO_TEST_POSTGRES_URL and returns
 * its URL, or returns undefined when the variable is not set (tests then use SQLite).
 */
export async function createDatabaseFromEnvironment(): Promise<string | undefined> {
  const adminUrl = process.env[testPostgresUrlVariable];
  if (adminUrl === undefined || adminUrl === "") {
    return undefined;
  }
  environmentDatabases += 1;
  const name = `server_test_${process.pid}_${environmentDatabases}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
