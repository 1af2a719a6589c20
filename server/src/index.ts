export { startServer, defaultDatabase } from "./server.js";
export type { RunningServer, StartServerOptions } from "./server.js";
export {
  signDevelopmentToken,
  createTokenVerifier,
  isTenantAdminRole,
  developmentIssuer,
} from "./auth.js";
export type { DevelopmentTokenOptions, Principal } from "./auth.js";
export { loadInventory, InventoryError } from "./inventory/load.js";
export { inventorySchema } from "./inventory/schema.js";
export type { Inventory, InventoryInput } from "./inventory/schema.js";
export { SqliteStore } from "./store/sqlite.js";
export { PostgresStore } from "./store/postgres.js";
export type { PostgresStoreOptions } from "./store/postgres.js";
export { StoreConflictError, StoreLockTimeoutError, StoreUnavailableError } from "./store/types.js";
export type { Store, StoreSession, InstanceRecord, MachineRecord } from "./store/types.js";
export { errorTemplates, ApiError } from "./errors.js";
export type { ErrorCode, ErrorBody } from "./errors.js";
