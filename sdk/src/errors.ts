/** Wire error body of every NICo API error response. */
export interface NicoErrorBody {
  source: string;
  message: string;
  data: Record<string, unknown> | null;
}

/** Validation issue as produced by the `@nico/sdk/schema` validators. */
export interface NicoValidationIssue {
  path: (string | number)[];
  code: string;
  message: string;
  value: unknown;
  crossField?: boolean;
  fields?: (string | number)[][];
}

/** Base class of every error raised by the SDK. */
export class NicoError extends Error {
  override name = "NicoError";
}

/** Raised by `createNicoClient` when a required setting is neither passed nor set in the environment. */
export class NicoConfigurationError extends NicoError {
  override name = "NicoConfigurationError";
}

/** Raised before any request is sent when a request body breaks the API's field rules. */
export class NicoRequestValidationError extends NicoError {
  override name = "NicoRequestValidationError";
  /** Every rule the body breaks, in the order the validator reported them. */
  readonly issues: NicoValidationIssue[];
  /** Operation id of the call that was not sent, for example `createInstanceBatch`. */
  readonly operation: string;

  constructor(operation: string, issues: NicoValidationIssue[]) {
    super(`${operation}: invalid request, nothing was sent\n${describeIssues(issues)}`);
    this.operation = operation;
    this.issues = issues;
  }
}

/** Raised when a success response does not match the schema of the API contract. */
export class NicoResponseValidationError extends NicoError {
  override name = "NicoResponseValidationError";
  readonly operation: string;
  readonly status: number;
  readonly issues: NicoValidationIssue[];

  constructor(operation: string, status: number, issues: NicoValidationIssue[]) {
    super(
      `${operation}: the ${status} response does not match the API contract\n${describeIssues(issues)}`,
    );
    this.operation = operation;
    this.status = status;
    this.issues = issues;
  }
}

/** Fields shared by every `NicoApiError`. */
export interface NicoApiErrorInit {
  operation: string;
  status: number;
  body: NicoErrorBody;
  /** Response body as received when it was not a valid error body; otherwise the parsed body. */
  rawBody?: unknown;
  requestId?: string;
  headers?: Headers;
}

/** Raised when the API responds with an error status. Each declared status has a subclass. */
export class NicoApiError extends NicoError {
  override name = "NicoApiError";
  /** HTTP status of the response. */
  readonly status: number;
  /** Error body `{ source, message, data }`; synthesized from the status text when the response had none. */
  readonly body: NicoErrorBody;
  readonly rawBody: unknown;
  /** Operation id of the failed call, for example `getInstance`. */
  readonly operation: string;
  /** Value of the `X-Request-Id` response header, when the server sent one. */
  readonly requestId: string | undefined;
  readonly headers: Headers;

  constructor(init: NicoApiErrorInit) {
    const suffix = init.requestId ? ` (request id ${init.requestId})` : "";
    super(`${init.operation} failed with HTTP ${init.status}: ${init.body.message}${suffix}`);
    this.status = init.status;
    this.body = init.body;
    this.rawBody = init.rawBody ?? init.body;
    this.operation = init.operation;
    this.requestId = init.requestId;
    this.headers = init.headers ?? new Headers();
  }
}

/** HTTP 400: the API rejected the request; `body.data` maps field paths to reasons. */
export class NicoBadRequestError extends NicoApiError {
  override name = "NicoBadRequestError";
}

/** HTTP 401: the token is missing, malformed, expired or not signed by a trusted issuer. */
export class NicoUnauthorizedError extends NicoApiError {
  override name = "NicoUnauthorizedError";
}

/** HTTP 403: the caller lacks org membership or role, or reached a quota. */
export class NicoForbiddenError extends NicoApiError {
  override name = "NicoForbiddenError";
}

/** HTTP 404: the instance or another referenced object does not exist. */
export class NicoNotFoundError extends NicoApiError {
  override name = "NicoNotFoundError";
}

/** HTTP 409: a conflict such as missing capacity, a duplicate name or a terminating instance. */
export class NicoConflictError extends NicoApiError {
  override name = "NicoConflictError";
}

/** HTTP 500 and every other 5xx status. */
export class NicoServerError extends NicoApiError {
  override name = "NicoServerError";
}

/** Raised when no HTTP response arrived: connection refused or reset, DNS failure, TLS failure. */
export class NicoNetworkError extends NicoError {
  override name = "NicoNetworkError";
  readonly operation: string;

  constructor(operation: string, cause: unknown) {
    super(`${operation}: network error: ${errorMessage(cause)}`, { cause });
    this.operation = operation;
  }
}

/** Raised when a request or a wait did not finish within its time limit. */
export class NicoTimeoutError extends NicoError {
  override name = "NicoTimeoutError";
  readonly operation: string;
  /** Time limit in milliseconds. */
  readonly timeoutMs: number;
  /** For waits: the instances that had not reached the target, with their last status. */
  readonly pending: { id: string; status: string }[];

  constructor(
    operation: string,
    timeoutMs: number,
    message: string,
    pending: { id: string; status: string }[] = [],
  ) {
    super(`${operation}: timed out after ${timeoutMs} ms: ${message}`);
    this.operation = operation;
    this.timeoutMs = timeoutMs;
    this.pending = pending;
  }
}

/** Raised by `waitForInstances` as soon as one of the awaited instances reports status `Error`. */
export class NicoInstanceErrorStatusError extends NicoError {
  override name = "NicoInstanceErrorStatusError";
  /** Instances in status `Error`, with the latest status-history message when there is one. */
  readonly instances: { id: string; name: string; message: string | null }[];

  constructor(instances: { id: string; name: string; message: string | null }[]) {
    const list = instances
      .map((i) => `${i.name} (${i.id})${i.message ? `: ${i.message}` : ""}`)
      .join("; ");
    super(`instance(s) in status Error: ${list}`);
    this.instances = instances;
  }
}

const errorClassByStatus: Record<number, typeof NicoApiError> = {
  400: NicoBadRequestError,
  401: NicoUnauthorizedError,
  403: NicoForbiddenError,
  404: NicoNotFoundError,
  409: NicoConflictError,
};

/** Builds the `NicoApiError` subclass that matches the status. */
export function createApiError(init: NicoApiErrorInit): NicoApiError {
  const ErrorClass =
    errorClassByStatus[init.status] ?? (init.status >= 500 ? NicoServerError : NicoApiError);
  return new ErrorClass(init);
}

/** Formats issues as one line each: path, rule code, offending value and message. */
export function describeIssues(issues: NicoValidationIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.join(".") : "(body)";
      return `  - ${path} [${issue.code}] value ${formatValue(issue.value)}: ${issue.message}`;
    })
    .join("\n");
}

function formatValue(value: unknown): string {
  if (value === undefined) return "missing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function errorMessage(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause;
    return inner instanceof Error ? `${cause.message} (${inner.message})` : cause.message;
  }
  return String(cause);
}
