import Fastify, { LogController, type FastifyReply } from "fastify";
import { authorizeOrg, type Principal, type TokenVerifier } from "../auth.js";
import { ApiError, type ErrorBody } from "../errors.js";
import { createBatch } from "../service/batch.js";
import type { ServiceContext } from "../service/context.js";
import { deleteInstance, deletionAcceptedText } from "../service/delete.js";
import { getInstance, getStatusHistory, listInstances } from "../service/instances.js";
import type { PaginationHeader, QueryValues } from "../service/pagination.js";
import { updateInstance } from "../service/update.js";
import { StoreLockTimeoutError, StoreUnavailableError } from "../store/types.js";

/** Largest accepted request body in bytes (10 MiB). */
export const bodyLimitBytes = 10 * 1024 * 1024;

const prefix = "/v2/org/:org/nico";

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
  }
}

interface OrgParams {
  org: string;
}

interface InstanceParams extends OrgParams {
  instanceId: string;
}

function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  const body: ErrorBody = error.toBody();
  return reply.code(error.status).type("application/json").send(body);
}

function setPagination(reply: FastifyReply, pagination: PaginationHeader): void {
  const { pageNumber, pageSize, total, orderBy } = pagination;
  reply.header("X-Pagination", JSON.stringify({ pageNumber, pageSize, total, orderBy }));
}

/** Maps framework errors (body parsing, limits, media types) to API errors. */
function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) {
    return error;
  }
  const { code, statusCode, message } = (error ?? {}) as {
    code?: string;
    statusCode?: number;
    message?: string;
  };
  switch (code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new ApiError("body_too_large", { limit: bodyLimitBytes });
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new ApiError("body_media_type_unsupported", { type: "of the request" });
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new ApiError("body_invalid_json", { reason: "the body is empty" });
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new ApiError("request_invalid", { reason: "Content-Length does not match the body" });
    default:
      break;
  }
  if (error instanceof StoreLockTimeoutError) {
    return new ApiError("store_lock_timeout", { reason: error.message });
  }
  if (error instanceof StoreUnavailableError) {
    return new ApiError("store_unavailable", { reason: error.message });
  }
  if (error instanceof SyntaxError) {
    return new ApiError("body_invalid_json", { reason: error.message });
  }
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    return new ApiError("request_invalid", { reason: message ?? "malformed request" });
  }
  return undefined;
}

/** Builds the HTTP API on Fastify: auth hook, routes, JSON errors and 404s. */
export function buildApp(context: ServiceContext, verifyToken: TokenVerifier) {
  const app = Fastify({
    loggerInstance: context.logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: bodyLimitBytes,
    return503OnClosing: false,
  });

  // One parser for every JSON media type, so malformed JSON always becomes a 400 API error.
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser(
    /^application\/([\w.+-]+\+)?json(\s*;.*)?$/i,
    { parseAs: "string", bodyLimit: bodyLimitBytes },
    (_request, body, done) => {
      const text = String(body);
      if (text.trim() === "") {
        done(null, undefined);
        return;
      }
      try {
        done(null, JSON.parse(text));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        done(new ApiError("body_invalid_json", { reason }), undefined);
      }
    },
  );
  app.addContentTypeParser(
    "*",
    { parseAs: "string", bodyLimit: bodyLimitBytes },
    (request, body, done) => {
      if (String(body).trim() === "") {
        done(null, undefined);
        return;
      }
      const type = request.headers["content-type"] ?? "unknown";
      done(new ApiError("body_media_type_unsupported", { type }), undefined);
    },
  );

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? request.url;
    return sendError(reply, new ApiError("route_not_found", { method: request.method, path }));
  });

  app.setErrorHandler((error, request, reply) => {
    const apiError = toApiError(error);
    if (apiError === undefined) {
      request.log.error({ err: error, method: request.method, url: request.url }, "request failed");
      return sendError(reply, new ApiError("internal_error"));
    }
    request.log.info(
      { status: apiError.status, code: apiError.code, reason: apiError.message, url: request.url },
      "request rejected",
    );
    return sendError(reply, apiError);
  });

  // One debug line per request; the URL never carries a token, and headers are not logged.
  app.addHook("onResponse", async (request, reply) => {
    request.log.debug(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        elapsedMs: Math.round(reply.elapsedTime * 100) / 100,
      },
      "request completed",
    );
  });

  // Auth runs before the body is read, so a caller without access never gets a parse error.
  app.addHook<{ Params: Partial<OrgParams> }>("onRequest", async (request) => {
    if (request.routeOptions.url === undefined) {
      return;
    }
    const principal = await verifyToken(request.headers.authorization);
    authorizeOrg(principal, request.params.org ?? "");
    request.principal = principal;
  });

  app.post<{ Params: OrgParams; Body: unknown }>(
    `${prefix}/instance/batch`,
    async (request, reply) => {
      const header = request.headers["idempotency-key"];
      const key = Array.isArray(header) ? header[0] : header;
      if (key !== undefined && (key.length === 0 || key.length > 255)) {
        throw new ApiError("request_invalid", {
          reason: "Idempotency-Key must be 1 to 255 characters",
        });
      }
      const result = await createBatch(context, request.params.org, request.body, key);
      if (result.replayed) {
        reply.header("Idempotent-Replayed", "true");
      }
      return reply.code(201).send(result.instances);
    },
  );

  app.get<{ Params: OrgParams; Querystring: QueryValues }>(
    `${prefix}/instance`,
    async (request, reply) => {
      const result = await listInstances(context, request.params.org, request.query);
      setPagination(reply, result.pagination);
      return reply.code(200).send(result.items);
    },
  );

  app.get<{ Params: InstanceParams }>(`${prefix}/instance/:instanceId`, async (request, reply) => {
    const instance = await getInstance(context, request.params.org, request.params.instanceId);
    return reply.code(200).send(instance);
  });

  app.patch<{ Params: InstanceParams; Body: unknown }>(
    `${prefix}/instance/:instanceId`,
    async (request, reply) => {
      const { org, instanceId } = request.params;
      const instance = await updateInstance(context, org, instanceId, request.body);
      return reply.code(200).send(instance);
    },
  );

  app.delete<{ Params: InstanceParams; Body: unknown }>(
    `${prefix}/instance/:instanceId`,
    async (request, reply) => {
      const { org, instanceId } = request.params;
      await deleteInstance(context, org, instanceId, request.body);
      return reply.code(202).type("text/plain; charset=utf-8").send(deletionAcceptedText);
    },
  );

  app.get<{ Params: InstanceParams; Querystring: QueryValues }>(
    `${prefix}/instance/:instanceId/status-history`,
    async (request, reply) => {
      const { org, instanceId } = request.params;
      const result = await getStatusHistory(context, org, instanceId, request.query);
      setPagination(reply, result.pagination);
      return reply.code(200).send(result.items);
    },
  );

  return app;
}
