import { z } from "zod";
import { fromZodIssues, type ValidationResult } from "./issues.js";
import {
  BatchInstanceCreateRequestSchema,
  InstanceDeleteRequestSchema,
  InstanceIdListSchema,
  InstanceIdSchema,
  InstanceUpdateRequestSchema,
  ListInstancesQuerySchema,
  StatusHistoryQuerySchema,
  repeatableListParameters,
  type BatchInstanceCreateRequest,
  type InstanceDeleteRequest,
  type InstanceUpdateRequest,
  type ListInstancesQuery,
  type StatusHistoryQuery,
} from "./requests.js";
import {
  ErrorResponseSchema,
  InstanceListSchema,
  InstanceSchema,
  PaginationSchema,
  StatusDetailListSchema,
  type ErrorResponse,
  type Instance,
  type Pagination,
  type StatusDetail,
} from "./responses.js";

/**
 * Validates `value` with any schema of this module and converts failures to `ValidationIssue`s.
 * `root` names the whole value in messages, such as "response body"; default "request body".
 */
export function validateWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  root?: string,
): ValidationResult<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: fromZodIssues(result.error.issues, value, root) };
}

const responseRoot = "response body";

const instanceIdParameter = z.object({ instanceId: InstanceIdSchema });
const instanceIdListParameter = z.object({ instanceIds: InstanceIdListSchema });

/** Validates an instance id before it goes into a request path; issues have path `["instanceId"]`. */
export function validateInstanceId(instanceId: unknown): ValidationResult<string> {
  const result = validateWith(instanceIdParameter, { instanceId });
  return result.success ? { success: true, data: result.data.instanceId } : result;
}

/** Validates a list of instance ids; an issue's path is `["instanceIds", index]`. */
export function validateInstanceIds(instanceIds: unknown): ValidationResult<string[]> {
  const result = validateWith(instanceIdListParameter, { instanceIds });
  return result.success ? { success: true, data: result.data.instanceIds } : result;
}

/**
 * Validates a batch create body. On success, `data` has the defaults applied (`autoNetwork`
 * false, `topologyOptimized` true, the first interface physical when none is and no interface
 * has device info).
 */
export function validateBatchInstanceCreateRequest(
  body: unknown,
): ValidationResult<BatchInstanceCreateRequest> {
  return validateWith(BatchInstanceCreateRequestSchema, body);
}

/** Validates an instance update body. */
export function validateInstanceUpdateRequest(
  body: unknown,
): ValidationResult<InstanceUpdateRequest> {
  return validateWith(InstanceUpdateRequestSchema, body);
}

/** Validates an instance delete body; an absent body (undefined) is valid and yields `{}`. */
export function validateInstanceDeleteRequest(
  body: unknown,
): ValidationResult<InstanceDeleteRequest> {
  return validateWith(InstanceDeleteRequestSchema, body === undefined ? {} : body);
}

/** Validates a typed instance list query, as the SDK builds it; undefined counts as `{}`. */
export function validateListInstancesQuery(query: unknown): ValidationResult<ListInstancesQuery> {
  return validateWith(ListInstancesQuerySchema, query === undefined ? {} : query);
}

/** Validates a typed status history query, as the SDK builds it; undefined counts as `{}`. */
export function validateStatusHistoryQuery(query: unknown): ValidationResult<StatusHistoryQuery> {
  return validateWith(StatusHistoryQuerySchema, query === undefined ? {} : query);
}

/** Raw query parameters as a server receives them. */
export type RawQuery = URLSearchParams | Record<string, string | readonly string[] | undefined>;

const integerParameters = new Set(["pageNumber", "pageSize"]);

/**
 * Converts raw query parameters to typed values: repeatable parameters become arrays, integer
 * parameters written as decimal integers become numbers, and other values stay as they are so
 * that validation reports them.
 */
export function normalizeQuery(
  raw: RawQuery,
  repeatable: readonly string[],
): Record<string, unknown> {
  const entries: [string, string[]][] = [];
  if (raw instanceof URLSearchParams) {
    for (const key of new Set(raw.keys())) entries.push([key, raw.getAll(key)]);
  } else {
    for (const [key, value] of Object.entries(raw)) {
      if (value === undefined) continue;
      entries.push([key, typeof value === "string" ? [value] : [...value]]);
    }
  }
  const query: Record<string, unknown> = {};
  for (const [key, values] of entries) {
    if (repeatable.includes(key)) {
      query[key] = values;
      continue;
    }
    const single: unknown = values.length === 1 ? values[0] : values;
    if (integerParameters.has(key) && typeof single === "string" && /^-?\d+$/.test(single)) {
      query[key] = Number(single);
    } else {
      query[key] = single;
    }
  }
  return query;
}

/** Parses and validates the raw query of the instance list. */
export function parseListInstancesQuery(raw: RawQuery): ValidationResult<ListInstancesQuery> {
  return validateListInstancesQuery(normalizeQuery(raw, repeatableListParameters));
}

/** Parses and validates the raw query of the status history. */
export function parseStatusHistoryQuery(raw: RawQuery): ValidationResult<StatusHistoryQuery> {
  return validateStatusHistoryQuery(normalizeQuery(raw, []));
}

/** Checks one instance of a response body. */
export function parseInstance(value: unknown): ValidationResult<Instance> {
  return validateWith(InstanceSchema, value, responseRoot);
}

/** Checks a list of instances (batch create and list responses). */
export function parseInstances(value: unknown): ValidationResult<Instance[]> {
  return validateWith(InstanceListSchema, value, responseRoot);
}

/** Checks a status history response body. */
export function parseStatusDetails(value: unknown): ValidationResult<StatusDetail[]> {
  return validateWith(StatusDetailListSchema, value, responseRoot);
}

/** Checks an error response body. */
export function parseErrorResponse(value: unknown): ValidationResult<ErrorResponse> {
  return validateWith(ErrorResponseSchema, value, responseRoot);
}

/** Checks a page position, given as the `X-Pagination` header text or as a parsed object. */
export function parsePagination(value: unknown): ValidationResult<Pagination> {
  if (typeof value !== "string") return validateWith(PaginationSchema, value, "X-Pagination");
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return {
      success: false,
      issues: [
        {
          path: [],
          code: "invalid_json",
          message: `X-Pagination header must be valid JSON (got ${JSON.stringify(value.slice(0, 60))})`,
          value,
          crossField: false,
        },
      ],
    };
  }
  return validateWith(PaginationSchema, parsed, "X-Pagination");
}
