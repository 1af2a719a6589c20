export {
  QUERY_ARRAY_SERIALIZATION,
  createNicoClient,
  errorResponseOf,
  type BatchCreateOptions,
  type CallOptions,
  type DeleteOptions,
  type NicoClient,
} from "./client.js";
export type { NicoClientOptions, NicoLogger } from "./config.js";
export {
  NicoApiError,
  NicoBadRequestError,
  NicoConfigurationError,
  NicoConflictError,
  NicoError,
  NicoForbiddenError,
  NicoInstanceErrorStatusError,
  NicoNetworkError,
  NicoNotFoundError,
  NicoRequestValidationError,
  NicoResponseValidationError,
  NicoServerError,
  NicoTimeoutError,
  NicoUnauthorizedError,
  type NicoErrorBody,
  type NicoValidationIssue,
} from "./errors.js";
export { parsePaginationHeader, type Page, type Pagination } from "./pagination.js";
export { parseRetryAfterMs, type RetryOptions } from "./retry.js";
export type {
  BatchInstanceCreateRequest,
  ErrorResponse,
  Instance,
  InstanceDeleteRequest,
  InstanceStatus,
  InstanceUpdateRequest,
  ListInstancesQuery,
  NicoErrorResponseUnion,
  OperationId,
  StatusDetail,
  StatusHistoryQuery,
  components,
  operations,
  paths,
} from "./types.js";
export type { WaitOptions, WaitProgress } from "./wait.js";
