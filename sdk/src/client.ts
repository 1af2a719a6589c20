import createClient, { type Client, type QuerySerializerOptions } from "openapi-fetch";
import { resolveConnection, silentLogger, type NicoClientOptions } from "./config.js";
import {
  NicoRequestValidationError,
  NicoResponseValidationError,
  type NicoApiError,
} from "./errors.js";
import {
  DEFAULT_ALL_PAGES_SIZE,
  iteratePages,
  parsePaginationHeader,
  type Page,
} from "./pagination.js";
import { createSender, type HttpRequest } from "./http.js";
import { isRetryableMethod, resolveRetryOptions, sleep as realSleep } from "./retry.js";
import { execute, type RawResult, type TransportSettings } from "./transport.js";
import type {
  BatchInstanceCreateRequest,
  Instance,
  InstanceDeleteRequest,
  InstanceUpdateRequest,
  ListInstancesQuery,
  NicoErrorResponseUnion,
  OperationId,
  StatusDetail,
  StatusHistoryQuery,
  paths,
} from "./types.js";
import {
  checkBatchCreateRequest,
  checkDeleteRequest,
  checkUpdateRequest,
  checkInstance,
  checkInstanceId,
  checkInstanceIds,
  checkInstances,
  checkListInstancesQuery,
  checkStatusDetails,
  checkStatusHistoryQuery,
  type Check,
} from "./validation.js";
import {
  waitForInstances as waitUntil,
  waitForInstancesGone as waitUntilGone,
  type WaitContext,
  type WaitOptions,
} from "./wait.js";

/**
 * Wire format of array query parameters. It must match the `style`/`explode` the contract
 * declares for them (`form`, exploded: `?status=Ready&status=Provisioning`).
 */
export const QUERY_ARRAY_SERIALIZATION = { style: "form", explode: true } as const;

const INSTANCES_PATH = "/v2/org/{org}/nico/instance";
const INSTANCE_PATH = "/v2/org/{org}/nico/instance/{instanceId}";
const BATCH_PATH = "/v2/org/{org}/nico/instance/batch";
const HISTORY_PATH = "/v2/org/{org}/nico/instance/{instanceId}/status-history";
const SDK_USER_AGENT = `nico-sdk/0.1.0 node/${process.versions.node}`;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Per-call options shared by every method. */
export interface CallOptions {
  /** Aborts the call, retries included. */
  signal?: AbortSignal;
}

/** Options of `createInstanceBatch`. */
export interface BatchCreateOptions extends CallOptions {
  /** Key sent as `Idempotency-Key` on every attempt. Default: a random UUID per call. */
  idempotencyKey?: string;
}

/** Options of `deleteInstance`. */
export interface DeleteOptions extends CallOptions {
  /** Optional body, for example a machine health report. */
  body?: InstanceDeleteRequest;
}

/** Typed client of the NICo Instance API. */
export interface NicoClient {
  /** Creates `body.count` instances at once and returns them in creation order. */
  createInstanceBatch(
    body: BatchInstanceCreateRequest,
    options?: BatchCreateOptions,
  ): Promise<Instance[]>;
  getInstance(instanceId: string, options?: CallOptions): Promise<Instance>;
  /** Returns one page of instances and the parsed `X-Pagination` header. */
  listInstances(query?: ListInstancesQuery, options?: CallOptions): Promise<Page<Instance>>;
  /** Iterates over the instances of every page, starting at `query.pageNumber` (default 1). */
  listAllInstances(query?: ListInstancesQuery, options?: CallOptions): AsyncIterable<Instance>;
  updateInstance(
    instanceId: string,
    body: InstanceUpdateRequest,
    options?: CallOptions,
  ): Promise<Instance>;
  /** Starts the deletion. The instance reads as `Terminating` until it is deleted. */
  deleteInstance(instanceId: string, options?: DeleteOptions): Promise<void>;
  getStatusHistory(
    instanceId: string,
    query?: StatusHistoryQuery,
    options?: CallOptions,
  ): Promise<Page<StatusDetail>>;
  /** Polls until every instance has `status`. The errors are listed on `waitForInstances` in wait.ts. */
  waitForInstances(
    ids: readonly string[],
    status: string,
    options: WaitOptions,
  ): Promise<Instance[]>;
  /** Polls until a GET of every instance returns 404 or reports the final state `Terminated`. */
  waitForInstancesGone(ids: readonly string[], options: WaitOptions): Promise<void>;
  /** The underlying openapi-fetch client, which also sends the token and `User-Agent`. */
  raw: Client<paths>;
  /** Org name used in every path. */
  org: string;
}

/**
 * Creates a client. Endpoint, org and token fall back to NICO_ENDPOINT, NICO_ORG and
 * NICO_TOKEN, and a missing one raises `NicoConfigurationError`.
 */
export function createNicoClient(options: NicoClientOptions = {}): NicoClient {
  const connection = resolveConnection(options);
  const logger = options.logger ?? silentLogger;
  const validate = options.validateResponses ?? true;
  const settings: TransportSettings = {
    retry: resolveRetryOptions(options.retry),
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    logger,
    sleep: options.sleep ?? realSleep,
    now: options.now ?? Date.now,
  };
  const userAgent = options.userAgent ? `${options.userAgent} ${SDK_USER_AGENT}` : SDK_USER_AGENT;
  const querySerializer: QuerySerializerOptions = { array: { ...QUERY_ARRAY_SERIALIZATION } };

  const fetchFunction = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const raw = createClient<paths>({
    baseUrl: connection.endpoint,
    fetch: fetchFunction,
    querySerializer,
  });
  raw.use({
    async onRequest({ request }) {
      if (!request.headers.has("Authorization")) {
        const token = await connection.tokenProvider();
        request.headers.set("Authorization", `Bearer ${token}`);
      }
      request.headers.set("User-Agent", userAgent);
      return request;
    },
  });

  // The typed methods send through a direct path that builds the same request as `raw` with
  // less work per call. Once a caller adds middleware to `raw`, they go through `raw` instead,
  // so that middleware applies to every request of the client.
  const sendDirect = createSender({
    baseUrl: connection.endpoint,
    fetch: fetchFunction,
    tokenProvider: connection.tokenProvider,
    userAgent,
    querySerializer,
  });
  let rawHasCallerMiddleware = false;
  const use = raw.use.bind(raw);
  raw.use = (...middleware) => {
    rawHasCallerMiddleware = true;
    use(...middleware);
  };
  const send = (request: HttpRequest): Promise<RawResult> => {
    if (!rawHasCallerMiddleware) return sendDirect(request);
    return raw.request(
      request.method.toLowerCase() as "get",
      request.path as never,
      {
        params: { path: request.pathParams, query: request.query, header: request.headers },
        body: request.body,
        parseAs: request.parseAs,
        signal: request.signal,
      } as never,
    ) as Promise<RawResult>;
  };

  const org = connection.org;

  async function call(
    operation: OperationId,
    method: string,
    callOptions: CallOptions | undefined,
    send: (signal: AbortSignal) => Promise<RawResult>,
    retryable = isRetryableMethod(method, settings.retry),
  ) {
    return execute({ operation, method, retryable, signal: callOptions?.signal, send }, settings);
  }

  function checked<T>(
    operation: OperationId,
    response: Response,
    data: unknown,
    check: Check<T>,
  ): T {
    if (!validate) return data as T;
    const result = check(data);
    if (!result.success) {
      logger.warn(
        { operation, status: response.status, issues: result.issues.length },
        "response does not match the API contract",
      );
      throw new NicoResponseValidationError(operation, response.status, result.issues);
    }
    return result.data;
  }

  /** Returns the validated value, or raises `NicoRequestValidationError` before anything is sent. */
  function rejectInvalid<T>(operation: OperationId, value: unknown, check: Check<T>): T {
    const result = check(value);
    if (!result.success) {
      logger.debug(
        { operation, issues: result.issues.length },
        "request rejected by validation, nothing sent",
      );
      throw new NicoRequestValidationError(operation, result.issues);
    }
    return result.data;
  }

  async function listInstances(query: ListInstancesQuery = {}, callOptions?: CallOptions) {
    rejectInvalid("listInstances", query, checkListInstancesQuery);
    const { data, response } = await call("listInstances", "GET", callOptions, (signal) =>
      send({ method: "GET", path: INSTANCES_PATH, pathParams: { org }, query, signal }),
    );
    return {
      items: checked("listInstances", response, data, checkInstances),
      pagination: parsePaginationHeader(response.headers.get("X-Pagination")),
    };
  }

  async function getInstance(instanceId: string, callOptions?: CallOptions) {
    rejectInvalid("getInstance", instanceId, checkInstanceId);
    const { data, response } = await call("getInstance", "GET", callOptions, (signal) =>
      send({ method: "GET", path: INSTANCE_PATH, pathParams: { org, instanceId }, signal }),
    );
    return checked("getInstance", response, data, checkInstance);
  }

  const waitContext: WaitContext<Instance> = {
    getInstance: (instanceId, signal) => getInstance(instanceId, { signal }),
    sleep: settings.sleep,
    now: settings.now,
    logger,
  };

  return {
    raw,
    org,

    async createInstanceBatch(body, callOptions) {
      rejectInvalid("createInstanceBatch", body, checkBatchCreateRequest);
      const idempotencyKey = callOptions?.idempotencyKey ?? crypto.randomUUID();
      // Every attempt carries the same key, so the server returns the first result to a retry
      // instead of allocating a second batch. That makes this POST safe to retry.
      const { data, response } = await call(
        "createInstanceBatch",
        "POST",
        callOptions,
        (signal) =>
          send({
            method: "POST",
            path: BATCH_PATH,
            pathParams: { org },
            headers: { "Idempotency-Key": idempotencyKey },
            body,
            signal,
          }),
        true,
      );
      return checked("createInstanceBatch", response, data, checkInstances);
    },

    getInstance,
    listInstances,

    listAllInstances(query: ListInstancesQuery = {}, callOptions?: CallOptions) {
      const fetchPage = (pageNumber: number, pageSize: number) =>
        listInstances({ ...query, pageNumber, pageSize }, callOptions);
      return iteratePages(
        fetchPage,
        query.pageNumber ?? 1,
        query.pageSize ?? DEFAULT_ALL_PAGES_SIZE,
      );
    },

    async updateInstance(instanceId, body, callOptions) {
      rejectInvalid("updateInstance", instanceId, checkInstanceId);
      rejectInvalid("updateInstance", body, checkUpdateRequest);
      const { data, response } = await call("updateInstance", "PATCH", callOptions, (signal) =>
        send({
          method: "PATCH",
          path: INSTANCE_PATH,
          pathParams: { org, instanceId },
          body,
          signal,
        }),
      );
      return checked("updateInstance", response, data, checkInstance);
    },

    async deleteInstance(instanceId, callOptions) {
      rejectInvalid("deleteInstance", instanceId, checkInstanceId);
      if (callOptions?.body !== undefined) {
        rejectInvalid("deleteInstance", callOptions.body, checkDeleteRequest);
      }
      // The 202 body is the plain text "Deletion request was accepted", so it is read as text.
      // An empty body or a 204 resolves the same way.
      await call("deleteInstance", "DELETE", callOptions, (signal) =>
        send({
          method: "DELETE",
          path: INSTANCE_PATH,
          pathParams: { org, instanceId },
          body: callOptions?.body,
          parseAs: "text",
          signal,
        }),
      );
    },

    async getStatusHistory(instanceId, query = {}, callOptions) {
      rejectInvalid("getInstanceStatusHistory", instanceId, checkInstanceId);
      rejectInvalid("getInstanceStatusHistory", query, checkStatusHistoryQuery);
      const { data, response } = await call(
        "getInstanceStatusHistory",
        "GET",
        callOptions,
        (signal) =>
          send({
            method: "GET",
            path: HISTORY_PATH,
            pathParams: { org, instanceId },
            query,
            signal,
          }),
      );
      return {
        items: checked("getInstanceStatusHistory", response, data, checkStatusDetails),
        pagination: parsePaginationHeader(response.headers.get("X-Pagination")),
      };
    },

    async waitForInstances(ids, status, waitOptions) {
      rejectInvalid("getInstance", ids, checkInstanceIds);
      return waitUntil(waitContext, ids, status, waitOptions);
    },
    async waitForInstancesGone(ids, waitOptions) {
      rejectInvalid("getInstance", ids, checkInstanceIds);
      return waitUntilGone(waitContext, ids, waitOptions);
    },
  };
}

/**
 * Returns the error as a `{ status, body }` union over the error statuses the contract declares
 * for `operation`, so a `switch` on `status` narrows `body`. Raises a `TypeError` when the error
 * came from another operation.
 */
export function errorResponseOf<K extends OperationId>(
  error: NicoApiError,
  operation: K,
): NicoErrorResponseUnion<K> {
  if (error.operation !== operation) {
    throw new TypeError(`error came from ${error.operation}, not from ${operation}`);
  }
  return { status: error.status, body: error.body } as NicoErrorResponseUnion<K>;
}
