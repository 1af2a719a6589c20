import { NicoConfigurationError } from "./errors.js";
import type { RetryOptions } from "./retry.js";

/** Logger interface satisfied by pino and by most structured loggers. */
export interface NicoLogger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** Options of `createNicoClient`. */
export interface NicoClientOptions {
  /** Base URL of the API, for example `https://nico.example.com`. Falls back to NICO_ENDPOINT. */
  endpoint?: string;
  /** Org name used in every path. Falls back to NICO_ORG. */
  org?: string;
  /** Bearer token. Falls back to NICO_TOKEN, and is ignored when `tokenProvider` is given. */
  token?: string;
  /** Function returning the bearer token, called before every request and every retry. */
  tokenProvider?: () => string | Promise<string>;
  /** Retry settings, with the defaults listed on `RetryOptions`. */
  retry?: RetryOptions;
  /** Check request bodies and success responses against the zod schemas. Default true. */
  validateResponses?: boolean;
  /** Time limit of a single HTTP attempt in milliseconds. Default 30000. */
  requestTimeoutMs?: number;
  /** Fetch implementation. Defaults to `globalThis.fetch`. */
  fetch?: (request: Request) => Promise<Response>;
  /** Structured logger for requests and retries. Nothing is logged by default. */
  logger?: NicoLogger;
  /** Product token sent before the SDK's own `User-Agent` value. */
  userAgent?: string;
  /** Environment read for the fallbacks. Defaults to `process.env`. */
  env?: Record<string, string | undefined>;
  /** Sleep function for tests: waits `ms` milliseconds or rejects when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock for tests, in milliseconds since the epoch. Defaults to `Date.now`. */
  now?: () => number;
}

/** Connection settings after applying the environment fallbacks. */
export interface ResolvedConnection {
  endpoint: string;
  org: string;
  tokenProvider: () => string | Promise<string>;
}

/** Reads endpoint, org and token from the options or the environment, and fails on a missing one. */
export function resolveConnection(options: NicoClientOptions): ResolvedConnection {
  const env = options.env ?? process.env;
  const endpoint = pick(options.endpoint, env.NICO_ENDPOINT, "endpoint", "NICO_ENDPOINT");
  const org = pick(options.org, env.NICO_ORG, "org", "NICO_ORG");
  let tokenProvider = options.tokenProvider;
  if (!tokenProvider) {
    const token = pick(options.token, env.NICO_TOKEN, "token", "NICO_TOKEN", "or `tokenProvider`");
    tokenProvider = () => token;
  }
  try {
    new URL(endpoint);
  } catch {
    throw new NicoConfigurationError(
      `invalid endpoint ${JSON.stringify(endpoint)}: expected an absolute URL such as http://127.0.0.1:8080`,
    );
  }
  return { endpoint: endpoint.replace(/\/+$/, ""), org, tokenProvider };
}

function pick(
  value: string | undefined,
  fallback: string | undefined,
  option: string,
  variable: string,
  alternative = "",
): string {
  const chosen = value ?? fallback;
  if (chosen === undefined || chosen.trim() === "") {
    const extra = alternative ? ` ${alternative}` : "";
    throw new NicoConfigurationError(
      `missing ${option}: pass the \`${option}\` option${extra} to createNicoClient or set ${variable}`,
    );
  }
  return chosen;
}

/** Logger that drops every record. */
export const silentLogger: NicoLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
