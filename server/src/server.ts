import type { PlacementPolicy } from "@nico/allocator";
import { pino, type Logger } from "pino";
import { createTokenVerifier } from "./auth.js";
import { buildApp } from "./http/app.js";
import { Catalog } from "./inventory/catalog.js";
import { loadInventory } from "./inventory/load.js";
import type { InventoryInput } from "./inventory/schema.js";
import { isSeeded, seedInventory } from "./inventory/seed.js";
import { Lifecycle } from "./service/lifecycle.js";
import { PlacementCache } from "./service/placement.js";
import { PostgresStore, isPostgresUrl, redactDatabaseUrl } from "./store/postgres.js";
import { SqliteStore } from "./store/sqlite.js";
import type { Store, StoreSession } from "./store/types.js";

/** Default database file, relative to the working directory. */
export const defaultDatabase = ".nico-data/nico.db";

/** Options of `startServer`. */
export interface StartServerOptions {
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** TCP port; default 8080, 0 picks a free port. */
  port?: number;
  /** Inventory file path or object; needed only while the database is not seeded yet. */
  inventory?: string | InventoryInput;
  /**
   * SQLite database file, or a `postgres://` URL for a PostgreSQL database that several server
   * processes can share; default `.nico-data/nico.db`, `:memory:` for a throwaway database.
   */
  database?: string;
  /** Store to use instead of opening `database`; the server closes it on `close()`. */
  store?: Store;
  /** HS256 secret for bearer tokens; default the NICO_JWT_SECRET environment variable. */
  jwtSecret?: string;
  /** JSON Web Key Set file with the RS256 public keys for bearer tokens. */
  jwksFile?: string;
  /** Milliseconds from creation to Ready; default 2000. */
  readyAfterMs?: number;
  /** Milliseconds from a delete request until the instance is gone; default 1000. */
  terminateAfterMs?: number;
  /** Domain choice for topology-optimized batches; default "best-fit". */
  placement?: PlacementPolicy;
  /** pino logger; default a new one at `logLevel`. */
  logger?: Logger;
  /** Level of the default logger; default "info". */
  logLevel?: string;
}

/** A running reference server. */
export interface RunningServer {
  /** Base URL, such as `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  store: Store;
  /** Stops accepting requests, waits for running ones and closes the store. */
  close(): Promise<void>;
}

/**
 * Starts the reference server: opens and migrates the store, seeds it from the inventory when
 * it is empty, and listens for HTTP requests.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: options.logLevel ?? "info" });
  const jwtSecret = options.jwtSecret ?? process.env.NICO_JWT_SECRET;
  const verifyToken = createTokenVerifier({ jwtSecret, jwksFile: options.jwksFile });
  const inventory = options.inventory === undefined ? undefined : loadInventory(options.inventory);
  const database = options.database ?? defaultDatabase;
  const store: Store =
    options.store ??
    (isPostgresUrl(database)
      ? new PostgresStore({ url: database, logger })
      : new SqliteStore({ filename: database }));

  try {
    await store.migrate();
    // Under the migration lock, a replica that starts while another one seeds waits and then
    // reads the seeded data instead of an empty database.
    const seedOrCheck = async (session: StoreSession): Promise<boolean> => {
      if (inventory !== undefined) {
        await seedInventory(session, inventory, logger);
        return true;
      }
      return isSeeded(session);
    };
    const seeded =
      store.startupTransaction === undefined
        ? await store.transaction(seedOrCheck)
        : await store.startupTransaction(seedOrCheck);
    if (!seeded) {
      throw new Error(
        `Database ${redactDatabaseUrl(database)} is empty and no inventory was given; pass an inventory file to seed it.`,
      );
    }
  } catch (error) {
    await store.close();
    throw error;
  }

  const catalog = await store.transaction((session) => Catalog.load(session));
  const readyAfterMs = options.readyAfterMs ?? 2000;
  const terminateAfterMs = options.terminateAfterMs ?? 1000;
  const lifecycle = new Lifecycle(store, catalog, logger, { readyAfterMs, terminateAfterMs });
  const context = {
    store,
    catalog,
    lifecycle,
    logger,
    placementPolicy: options.placement ?? "best-fit",
    placements: new PlacementCache(logger),
  };
  const app = buildApp(context, verifyToken);

  let address: string;
  try {
    address = await app.listen({ host: options.host ?? "127.0.0.1", port: options.port ?? 8080 });
  } catch (error) {
    await store.close();
    throw error;
  }
  const tickMs = Math.min(
    250,
    Math.max(10, Math.floor(Math.min(readyAfterMs, terminateAfterMs) / 4)),
  );
  lifecycle.start(tickMs);
  const port = app.server.address();
  const boundPort = typeof port === "object" && port !== null ? port.port : (options.port ?? 8080);
  const url = address.replace("[::1]", "127.0.0.1");
  logger.info(
    {
      url,
      database: options.store === undefined ? redactDatabaseUrl(database) : "injected",
      readyAfterMs,
      terminateAfterMs,
      placement: context.placementPolicy,
    },
    "reference server started",
  );

  let closing: Promise<void> | undefined;
  return {
    url,
    port: boundPort,
    store,
    close() {
      closing ??= (async () => {
        await app.close();
        await lifecycle.stop();
        await store.close();
        logger.info({ url }, "reference server stopped");
      })();
      return closing;
    },
  };
}
