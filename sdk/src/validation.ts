import {
  parseInstance,
  parseInstances,
  parseStatusDetails,
  validateBatchInstanceCreateRequest,
  validateInstanceDeleteRequest,
  validateInstanceId,
  validateInstanceIds,
  validateInstanceUpdateRequest,
  validateListInstancesQuery,
  validateStatusHistoryQuery,
  type ValidationResult,
} from "./schema/index.js";
import type { Instance, ListInstancesQuery, StatusDetail, StatusHistoryQuery } from "./types.js";

/** A zod-backed check of a request body or a response body. */
export type Check<T> = (value: unknown) => ValidationResult<T>;

// The zod module infers its own types, while the client exposes the types generated from the
// contract. Both assignments type-check because the zod output types extend the generated ones.
export const checkInstance: Check<Instance> = parseInstance;
export const checkInstances: Check<Instance[]> = parseInstances;
export const checkStatusDetails: Check<StatusDetail[]> = parseStatusDetails;
export const checkBatchCreateRequest: Check<unknown> = validateBatchInstanceCreateRequest;
export const checkUpdateRequest: Check<unknown> = validateInstanceUpdateRequest;
export const checkDeleteRequest: Check<unknown> = validateInstanceDeleteRequest;
export const checkInstanceId: Check<string> = validateInstanceId;
export const checkInstanceIds: Check<string[]> = validateInstanceIds;
export const checkListInstancesQuery: Check<ListInstancesQuery> = validateListInstancesQuery;
export const checkStatusHistoryQuery: Check<StatusHistoryQuery> = validateStatusHistoryQuery;
