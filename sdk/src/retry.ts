/** Retry settings of a client; every field is optional. */
export interface RetryOptions {
  /** Attempts per call, the first one included, so 1 turns retries off. Default 4. */
  maxAttempts?: number;
  /** Upper bound of the first backoff delay in milliseconds. Default 200. */
  baseDelayMs?: number;
  /** Upper bound of any backoff delay in milliseconds. Default 5000. */
  maxDelayMs?: number;
  /**
   * Maximum `Retry-After` the client waits, in milliseconds. A longer one ends the retries and
   * raises the 429 or 503 error. Default 60000.
   */
  maxRetryAfterMs?: number;
  /** Retry PATCH calls too. PATCH is not idempotent in general, so the default is false. */
  retryPatch?: boolean;
  /** Source of randomness in [0, 1) for the jitter. Defaults to `Math.random`. */
  random?: () => number;
}

/** Retry settings with every default filled in. */
export type ResolvedRetryOptions = Required<RetryOptions>;

/** HTTP statuses that mean the request was not processed and may be sent again. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Fills the defaults of the retry settings and checks their ranges. */
export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  const resolved: ResolvedRetryOptions = {
    maxAttempts: options.maxAttempts ?? 4,
    baseDelayMs: options.baseDelayMs ?? 200,
    maxDelayMs: options.maxDelayMs ?? 5000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    retryPatch: options.retryPatch ?? false,
    random: options.random ?? Math.random,
  };
  if (!Number.isInteger(resolved.maxAttempts) || resolved.maxAttempts < 1) {
    throw new RangeError(`retry.maxAttempts must be an integer >= 1, got ${resolved.maxAttempts}`);
  }
  if (resolved.baseDelayMs < 0 || resolved.maxDelayMs < 0) {
    throw new RangeError("retry.baseDelayMs and retry.maxDelayMs must not be negative");
  }
  return resolved;
}

/**
 * Computes the delay before retry number `retry` (1 for the first retry) with exponential
 * backoff and full jitter: a uniform draw in [0, min(maxDelayMs, baseDelayMs * 2^(retry-1))).
 */
export function backoffDelayMs(retry: number, options: ResolvedRetryOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(options.random() * ceiling);
}

/**
 * Parses a `Retry-After` header (delay in seconds or an HTTP date) into milliseconds from `now`.
 * Returns undefined when the header is absent or unreadable, and 0 for a date in the past.
 */
export function parseRetryAfterMs(
  header: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Whether calls with this HTTP method may be repeated under the given settings. */
export function isRetryableMethod(method: string, options: ResolvedRetryOptions): boolean {
  switch (method.toUpperCase()) {
    case "GET":
    case "HEAD":
    case "PUT":
    case "DELETE":
    case "OPTIONS":
      return true;
    case "PATCH":
      return options.retryPatch;
    default:
      return false;
  }
}

/** Sleeps for `ms` milliseconds, ending early with the abort reason when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
