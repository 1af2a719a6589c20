import {
  createFinalURL,
  createQuerySerializer,
  defaultPathSerializer,
  type QuerySerializerOptions,
} from "openapi-fetch";
import type { RawResult } from "./transport.js";

/** One request of a typed method: a contract path template, its parameters and body. */
export interface HttpRequest {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Path template of the contract, such as `/v2/org/{org}/nico/instance/{instanceId}`. */
  path: string;
  pathParams: Record<string, string>;
  query?: object;
  headers?: Record<string, string>;
  body?: unknown;
  /** Format of a success body: "json" (default) or "text". */
  parseAs?: "json" | "text";
  signal: AbortSignal;
}

/** Settings of `createSender`. */
export interface SenderSettings {
  baseUrl: string;
  fetch: (request: Request) => Promise<Response>;
  tokenProvider: () => string | Promise<string>;
  userAgent: string;
  querySerializer: QuerySerializerOptions;
}

/**
 * Returns the function the typed methods send their requests with. It builds the same URL,
 * headers and body as the openapi-fetch client in `raw` and reads the response the same way.
 * It writes the headers once into a plain object, creates a single `Request` and runs no
 * middleware chain, so each call does less work.
 */
export function createSender(
  settings: SenderSettings,
): (request: HttpRequest) => Promise<RawResult> {
  const serializeQuery = createQuerySerializer(settings.querySerializer);
  return async (spec) => {
    const url = createFinalURL(spec.path, {
      baseUrl: settings.baseUrl,
      params: { path: spec.pathParams, query: spec.query as Record<string, unknown> | undefined },
      querySerializer: serializeQuery,
      pathSerializer: defaultPathSerializer,
    });
    const headers: Record<string, string> = {};
    let body: string | undefined;
    if (spec.body !== undefined) {
      body = JSON.stringify(spec.body);
      headers["Content-Type"] = "application/json";
    }
    if (spec.headers) Object.assign(headers, spec.headers);
    const token = settings.tokenProvider();
    headers.Authorization = `Bearer ${typeof token === "string" ? token : await token}`;
    headers["User-Agent"] = settings.userAgent;
    const response = await settings.fetch(
      new Request(url, { method: spec.method, headers, body, signal: spec.signal }),
    );
    return readResponse(response, spec.method, spec.parseAs ?? "json");
  };
}

/**
 * Reads a response as openapi-fetch does. A 204, a HEAD or an explicit zero length has no body.
 * A success body is read as JSON (or text). An error body is read as JSON when it parses, else
 * as text.
 */
async function readResponse(
  response: Response,
  method: string,
  parseAs: "json" | "text",
): Promise<RawResult> {
  const length = response.headers.get("Content-Length");
  const empty =
    response.status === 204 ||
    method === "HEAD" ||
    (length === "0" && !response.headers.get("Transfer-Encoding")?.includes("chunked"));
  if (empty) {
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  }
  const text = await response.text();
  if (response.ok) {
    if (parseAs === "text") return { data: text, response };
    return { data: text === "" ? undefined : (JSON.parse(text) as unknown), response };
  }
  let error: unknown = text;
  try {
    error = JSON.parse(text);
  } catch {
    // Not JSON: the error stays the plain text.
  }
  return { error, response };
}
