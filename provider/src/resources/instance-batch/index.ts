export { INSTANCE_BATCH_TYPE, instanceBatchSchema } from "./schema.js";
export { planInstanceBatch } from "./plan.js";
export { validateInstanceBatchConfig } from "./validate.js";
export {
  createInstanceBatch,
  deleteInstanceBatch,
  importInstanceBatch,
  readInstanceBatch,
  updateInstanceBatch,
  type OperationContext,
} from "./operations.js";
export type { InstanceBatchApi } from "./api.js";
