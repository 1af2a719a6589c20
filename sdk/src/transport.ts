import type { NicoLogger } from "./config.js";
import {
  NicoNetworkError,
  NicoTimeoutError,
  createApiError,
  type NicoApiError,
  type NicoErrorBody,
} from "./errors.js";
import {
  RETRYABLE_STATUSES,
  backoffDelayMs,
  parseRetryAfterMs,
  type ResolvedRetryOptions,
} from "./retry.js";

/** Result of one openapi-fetch call, reduced to what the transport reads. */
export interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Settings shared by every call of a client. */
export interface TransportSettings {
  retry: ResolvedRetryOptions;
  requestTimeoutMs: number;
  logger: NicoLogger;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  now(): number;
}

/** One logical API call, possibly sent several times. */
export interface Call {
  operation: string;
  method: string;
  /** Whether the call may be sent again after a network error or a 429/502/503/504. */
  retryable: boolean;
  signal?: AbortSignal;
  /** Sends one attempt; `signal` combines the caller's signal and the attempt time limit. */
  send(signal: AbortSignal): Promise<RawResult>;
}

/** Successful result of a call: the parsed body and the response. */
export interface CallResult {
  data: unknown;
  response: Response;
}

/**
 * Sends the call, retrying as the settings allow, and returns the first success response.
 * Raises the matching `NicoApiError` subclass, `NicoNetworkError` or `NicoTimeoutError`.
 */
export async function execute(call: Call, settings: TransportSettings): Promise<CallResult> {
  const maxAttempts = call.retryable ? settings.retry.maxAttempts : 1;

  for (let attempt = 1; ; attempt++) {
    call.signal?.throwIfAborted();
    const limit = attemptSignal(call.signal, settings.requestTimeoutMs);
    let failure: Error;
    let retryAfterMs: number | undefined;
    let status: number | undefined;

    try {
      const result = await call.send(limit.signal).finally(limit.release);
      status = result.response.status;
      if (result.response.ok) {
        settings.logger.debug(
          { operation: call.operation, method: call.method, status, attempt },
          "request succeeded",
        );
        return { data: result.data, response: result.response };
      }
      failure = toApiError(call.operation, result);
      if (!RETRYABLE_STATUSES.has(status)) throw failure;
      retryAfterMs = parseRetryAfterMs(result.response.headers.get("Retry-After"), settings.now());
    } catch (error) {
      if (status !== undefined) throw error;
      if (call.signal?.aborted) throw call.signal.reason;
      failure = limit.timedOut()
        ? new NicoTimeoutError(
            call.operation,
            settings.requestTimeoutMs,
            `no response to ${call.method} within the request time limit`,
          )
        : new NicoNetworkError(call.operation, error);
    }

    if (attempt >= maxAttempts) throw failure;
    if (retryAfterMs !== undefined && retryAfterMs > settings.retry.maxRetryAfterMs) {
      settings.logger.warn(
        { operation: call.operation, status, attempt, retryAfterMs },
        "server asked for a longer pause than retry.maxRetryAfterMs allows; not retrying",
      );
      throw failure;
    }

    const delayMs = retryAfterMs ?? backoffDelayMs(attempt, settings.retry);
    settings.logger.warn(
      {
        operation: call.operation,
        method: call.method,
        attempt,
        maxAttempts,
        status,
        error: status === undefined ? failure.message : undefined,
        delayMs,
      },
      "retrying request",
    );
    await settings.sleep(delayMs, call.signal);
  }
}

/** Abort signal of one attempt, with the timer and listener it holds. */
interface AttemptSignal {
  signal: AbortSignal;
  /** Whether the attempt time limit fired. */
  timedOut(): boolean;
  /** Stops the timer and detaches from the caller's signal once the attempt has settled. */
  release(): void;
}

/**
 * Combines the caller's signal with the attempt time limit. One controller and one timer per
 * attempt, both released when the attempt settles, cost less per call than
 * `AbortSignal.timeout` plus `AbortSignal.any`, whose timer stays armed for the whole limit.
 */
function attemptSignal(callerSignal: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException("The attempt time limit elapsed", "TimeoutError"));
  }, timeoutMs);
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    release() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}

/** Builds the typed error for a non-2xx result, keeping the body when it has the wire shape. */
export function toApiError(operation: string, result: RawResult): NicoApiError {
  const { response } = result;
  const raw = result.error;
  const body: NicoErrorBody = isErrorBody(raw)
    ? raw
    : {
        source: "",
        message: typeof raw === "string" && raw !== "" ? raw : response.statusText || "no body",
        data: null,
      };
  return createApiError({
    operation,
    status: response.status,
    body,
    rawBody: raw,
    requestId: response.headers.get("X-Request-Id") ?? undefined,
    headers: response.headers,
  });
}

function isErrorBody(value: unknown): value is NicoErrorBody {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.source === "string" &&
    typeof record.message === "string" &&
    (record.data === null || (typeof record.data === "object" && !Array.isArray(record.data)))
  );
}
