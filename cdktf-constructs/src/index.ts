export { InstanceBatch } from "./instance-batch.js";
export type {
  InstanceBatchDpuExtensionServiceDeploymentProps,
  InstanceBatchInfinibandInterfaceProps,
  InstanceBatchInterfaceProps,
  InstanceBatchNvLinkInterfaceProps,
  InstanceBatchProps,
  InstanceBatchTimeoutsProps,
} from "./props.js";
export {
  InstanceBatchValidationError,
  toBatchRequest,
  toPropPath,
  validateInstanceBatchProps,
  type InstanceBatchPropIssue,
} from "./validate.js";
export { NicoProvider, type NicoProviderConfig } from "./gen/providers/nico/provider/index.js";
/** Every generated binding; `nico.instanceBatch.InstanceBatch` is the raw resource class. */
export * as nico from "./gen/providers/nico/index.js";
