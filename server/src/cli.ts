import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import type { PlacementPolicy } from "@nico/allocator";
import { pino } from "pino";
import { signDevelopmentToken } from "./auth.js";
import { InventoryError } from "./inventory/load.js";
import { defaultDatabase, startServer } from "./server.js";
import { isPostgresUrl } from "./store/postgres.js";

const usage = `Usage:
  nico-reference-server [options]
  nico-reference-server token --org ORG [--role ROLE]... [--ttl 1h] [--secret SECRET]

Server options:
  --host HOST              interface to bind (default 127.0.0.1)
  --port PORT              TCP port, 0 for a free one (default 8080)
  --inventory FILE         inventory JSON that seeds an empty database
  --database FILE|URL      SQLite database file (default ${defaultDatabase}), or a
                           postgres://user:password@host:port/db URL shared by several replicas
  --jwt-secret SECRET      HS256 secret for bearer tokens (default NICO_JWT_SECRET, else a
                           random secret stored in dev-jwt-secret next to the database)
  --jwks FILE              JSON Web Key Set with RS256 public keys for bearer tokens
  --ready-after MS         milliseconds from creation to Ready (default 2000)
  --terminate-after MS     milliseconds from a delete request until the instance is gone (default 1000)
  --placement POLICY       best-fit or most-free NVLink domain choice (default best-fit)
  --log-level LEVEL        pino level: fatal, error, warn, info, debug, trace (default info)

Token options:
  --org ORG                org the token grants access to
  --role ROLE              org role, repeatable (default TENANT_ADMIN)
  --ttl SPAN               lifetime such as 30m, 1h, 7d (default 1h)
  --secret SECRET          HS256 secret (default NICO_JWT_SECRET, else the stored development secret)
  --database FILE          database whose stored development secret to use (default ${defaultDatabase})
`;

class UsageError extends Error {}

function secretFile(database: string): string {
  const folder = database === ":memory:" ? ".nico-data" : dirname(database);
  return join(folder, "dev-jwt-secret");
}

/** Reads the development secret stored next to the database, creating it when `create` is set. */
function storedSecret(database: string, create: boolean): string | undefined {
  const file = secretFile(database);
  if (existsSync(file)) {
    return readFileSync(file, "utf8").trim();
  }
  if (!create) {
    return undefined;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

function parseMilliseconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) {
    return fallback;
  }
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new UsageError(`--${name} must be a whole number of milliseconds, got '${value}'`);
  }
  return parsed;
}

async function runToken(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: "string" },
      role: { type: "string", multiple: true },
      ttl: { type: "string", default: "1h" },
      secret: { type: "string" },
      database: { type: "string", default: defaultDatabase },
    },
    strict: true,
  });
  if (values.org === undefined) {
    throw new UsageError("token needs --org");
  }
  const secret =
    values.secret ?? process.env.NICO_JWT_SECRET ?? storedSecret(values.database, false);
  if (secret === undefined) {
    throw new UsageError(
      `no secret: pass --secret, set NICO_JWT_SECRET, or start the server once so that ${secretFile(values.database)} exists`,
    );
  }
  const ttl = /^\d+$/.test(values.ttl) ? Number(values.ttl) : values.ttl;
  const token = await signDevelopmentToken({
    secret,
    org: values.org,
    roles: values.role ?? ["TENANT_ADMIN"],
    ttl,
  });
  process.stdout.write(`${token}\n`);
}

async function runServer(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "8080" },
      inventory: { type: "string" },
      database: { type: "string", default: defaultDatabase },
      "jwt-secret": { type: "string" },
      jwks: { type: "string" },
      "ready-after": { type: "string" },
      "terminate-after": { type: "string" },
      placement: { type: "string", default: "best-fit" },
      "log-level": { type: "string", default: "info" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help === true) {
    process.stdout.write(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be 0 to 65535, got '${values.port}'`);
  }
  if (values.placement !== "best-fit" && values.placement !== "most-free") {
    throw new UsageError(`--placement must be best-fit or most-free, got '${values.placement}'`);
  }
  const placement: PlacementPolicy = values.placement;
  const envSecret = process.env.NICO_JWT_SECRET;
  let jwtSecret = values["jwt-secret"] ?? (envSecret === "" ? undefined : envSecret);
  let secretSource = jwtSecret === undefined ? "stored" : "given";
  if (jwtSecret === undefined && values.jwks === undefined) {
    if (isPostgresUrl(values.database)) {
      throw new UsageError(
        "a PostgreSQL database needs a secret that every replica shares: pass --jwt-secret or --jwks, or set NICO_JWT_SECRET",
      );
    }
    jwtSecret = storedSecret(values.database, true);
    secretSource = "stored";
  }
  const logger = pino({ level: values["log-level"] });
  const server = await startServer({
    host: values.host,
    port,
    inventory: values.inventory,
    database: values.database,
    jwtSecret,
    jwksFile: values.jwks,
    readyAfterMs: parseMilliseconds("ready-after", values["ready-after"], 2000),
    terminateAfterMs: parseMilliseconds("terminate-after", values["terminate-after"], 1000),
    placement,
    logger,
  });

  const databaseFlag = values.database === defaultDatabase ? "" : ` --database ${values.database}`;
  const secretHint =
    secretSource === "stored" ? databaseFlag : " --secret <the secret the server was started with>";
  process.stderr.write(
    `\nNICo reference server listening on ${server.url}\n` +
      `API base: ${server.url}/v2/org/<org>/nico/instance\n` +
      `Get a token: npx tsx server/src/cli.ts token --org acme --role TENANT_ADMIN${secretHint}\n\n`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, "stopping reference server");
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "stopping the reference server failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

/** Runs the command line with `argv` (without node and script). */
export async function main(argv: string[]): Promise<number> {
  try {
    if (argv[0] === "token") {
      await runToken(argv.slice(1));
    } else {
      await runServer(argv);
    }
    return 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      process.stderr.write(`nico-reference-server: ${(error as Error).message}\n\n${usage}`);
      return 2;
    }
    if (error instanceof InventoryError) {
      process.stderr.write(`nico-reference-server: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(
      `nico-reference-server: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

const exitCode = await main(process.argv.slice(2));
if (exitCode !== 0) {
  process.exit(exitCode);
}
