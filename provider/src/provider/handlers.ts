import type { Logger } from "pino";
import { schemaToProto } from "../schema/encode.js";
import { providerSchema } from "../schema/provider.js";
import { impliedType } from "../schema/types.js";
import type { UnaryHandler } from "../plugin/serve.js";
import {
  INSTANCE_BATCH_TYPE,
  createInstanceBatch,
  deleteInstanceBatch,
  importInstanceBatch,
  planInstanceBatch,
  readInstanceBatch,
  updateInstanceBatch,
  validateInstanceBatchConfig,
  type InstanceBatchApi,
  type OperationContext,
} from "../resources/instance-batch/index.js";
import {
  resolveProviderSettings,
  validateProviderConfig,
  type ProviderSettings,
} from "./config.js";
import { errorDiagnostic, toProtoPath, type Diagnostic } from "./diagnostics.js";
import {
  DynamicValueError,
  decodeObject,
  decodeValue,
  encodeValue,
  type DynamicValue,
} from "./dynamic-value.js";

/** Creates the API client once the provider is configured. */
export type ClientFactory = (settings: ProviderSettings, logger: Logger) => InstanceBatchApi;

/** Options of `createProviderHandlers`. */
export interface ProviderHandlerOptions {
  logger: Logger;
  createClient: ClientFactory;
  /** Environment for the NICO_* fallbacks. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

const providerType = impliedType(providerSchema.provider.block);
const batchType = impliedType(providerSchema.resources[INSTANCE_BATCH_TYPE]!.block);
const serverCapabilities = {
  plan_destroy: false,
  get_provider_schema_optional: false,
  move_resource_state: false,
};

/**
 * Builds the tfplugin6.Provider RPC handlers. The provider keeps its configured client in the
 * closure: Terraform starts one process per phase and configures each before resource calls.
 */
export function createProviderHandlers(
  options: ProviderHandlerOptions,
): Record<string, UnaryHandler> {
  const { logger } = options;
  let api: InstanceBatchApi | undefined;
  const stop = new AbortController();

  const context = (): OperationContext | Diagnostic => {
    if (api) return { api, logger, signal: stop.signal };
    return errorDiagnostic(
      "Provider not configured",
      "The nico provider received a resource call before a successful configuration. Fix the " +
        "errors reported for the provider block and run Terraform again.",
    );
  };
  const unknownType = (typeName: string): Diagnostic =>
    errorDiagnostic(
      `Unsupported resource type "${typeName}"`,
      `The nico provider only serves ${INSTANCE_BATCH_TYPE}.`,
    );

  const handlers: Record<string, UnaryHandler> = {
    GetMetadata: async () => ({
      server_capabilities: serverCapabilities,
      diagnostics: [],
      data_sources: [],
      resources: [{ type_name: INSTANCE_BATCH_TYPE }],
    }),

    GetProviderSchema: async () => {
      const resourceSchemas: Record<string, object> = {};
      for (const [name, schema] of Object.entries(providerSchema.resources)) {
        resourceSchemas[name] = schemaToProto(schema);
      }
      return {
        provider: schemaToProto(providerSchema.provider),
        resource_schemas: resourceSchemas,
        data_source_schemas: {},
        diagnostics: [],
        server_capabilities: serverCapabilities,
      };
    },

    ValidateProviderConfig: async (request: { config: DynamicValue }) => {
      const config = decodeObject(request.config, providerType, "provider configuration");
      return { diagnostics: validateProviderConfig(config) };
    },

    ConfigureProvider: async (request: { terraform_version: string; config: DynamicValue }) => {
      const config = decodeObject(request.config, providerType, "provider configuration");
      const { settings, diagnostics } = resolveProviderSettings(config, options.env);
      if (settings) {
        api = options.createClient(settings, logger);
        logger.info(
          {
            endpoint: settings.endpoint,
            org: settings.org,
            terraformVersion: request.terraform_version,
          },
          "provider configured",
        );
      }
      return { diagnostics };
    },

    ValidateResourceConfig: async (request: { type_name: string; config: DynamicValue }) => {
      if (request.type_name !== INSTANCE_BATCH_TYPE) {
        return { diagnostics: [unknownType(request.type_name)] };
      }
      const config = decodeObject(request.config, batchType, "resource configuration");
      return { diagnostics: config ? validateInstanceBatchConfig(config) : [] };
    },

    ValidateDataResourceConfig: async (request: { type_name: string }) => ({
      diagnostics: [unknownType(request.type_name)],
    }),

    UpgradeResourceState: async (request: {
      type_name: string;
      version: number;
      raw_state: { json: Buffer; flatmap: Record<string, string> };
    }) => {
      if (request.type_name !== INSTANCE_BATCH_TYPE) {
        return { diagnostics: [unknownType(request.type_name)] };
      }
      const schemaVersion = providerSchema.resources[INSTANCE_BATCH_TYPE]!.version;
      if (request.version > schemaVersion) {
        return {
          diagnostics: [
            errorDiagnostic(
              "State written by a newer provider",
              `The state has schema version ${request.version}, but this provider knows version ` +
                `${schemaVersion}. Upgrade the nico provider.`,
            ),
          ],
        };
      }
      const raw = request.raw_state?.json;
      const state = decodeValue(
        raw && raw.length > 0 ? { json: raw } : null,
        batchType,
        "stored resource state",
      );
      return {
        upgraded_state: encodeValue(state, batchType),
        diagnostics: [],
      };
    },

    ReadResource: async (request: {
      type_name: string;
      current_state: DynamicValue;
      private: Buffer;
    }) => {
      if (request.type_name !== INSTANCE_BATCH_TYPE) {
        return { diagnostics: [unknownType(request.type_name)] };
      }
      const current = decodeObject(request.current_state, batchType, "resource state");
      if (current === null) return { new_state: encodeValue(null, batchType), diagnostics: [] };
      const ctx = context();
      if (!("api" in ctx)) return { new_state: request.current_state, diagnostics: [ctx] };
      const result = await readInstanceBatch(current, ctx);
      return {
        new_state: encodeValue(result.state, batchType),
        diagnostics: result.diagnostics,
        private: request.private,
      };
    },

    PlanResourceChange: async (request: {
      type_name: string;
      prior_state: DynamicValue;
      proposed_new_state: DynamicValue;
      config: DynamicValue;
      prior_private: Buffer;
    }) => {
      if (request.type_name !== INSTANCE_BATCH_TYPE) {
        return { diagnostics: [unknownType(request.type_name)] };
      }
      const result = planInstanceBatch({
        prior: decodeObject(request.prior_state, batchType, "prior resource state"),
        proposed: decodeObject(request.proposed_new_state, batchType, "proposed resource state"),
        config: decodeObject(request.config, batchType, "resource configuration"),
      });
      return {
        planned_state: encodeValue(result.planned, batchType),
        requires_replace: result.requiresReplace.map(toProtoPath),
        planned_private: request.prior_private,
        diagnostics: result.diagnostics,
      };
    },

    ApplyResourceChange: async (request: {
      type_name: string;
      prior_state: DynamicValue;
      planned_state: DynamicValue;
      config: DynamicValue;
      planned_private: Buffer;
    }) => {
      if (request.type_name !== INSTANCE_BATCH_TYPE) {
        return { diagnostics: [unknownType(request.type_name)] };
      }
      const prior = decodeObject(request.prior_state, batchType, "prior resource state");
      const planned = decodeObject(request.planned_state, batchType, "planned resource state");
      const config = decodeObject(request.config, batchType, "resource configuration");
      const ctx = context();
      if (!("api" in ctx)) {
        return { new_state: encodeValue(prior, batchType), diagnostics: [ctx] };
      }
      let result;
      if (planned === null) {
        result = prior ? await deleteInstanceBatch(prior, ctx) : { state: null, diagnostics: [] };
      } else if (prior === null) {
        result = await createInstanceBatch(planned, config ?? planned, ctx);
      } else {
        result = await updateInstanceBatch(prior, planned, ctx);
      }
      return {
        new_state: encodeValue(result.state, batchType),
        private: request.planned_private,
        diagnostics: result.diagnostics,
      };
    },

    ImportResourceState: async (request: { type_name: string; id: string }) => {
      if (request.type_name !== INSTANCE_BATCH_TYPE) {
        return { imported_resources: [], diagnostics: [unknownType(request.type_name)] };
      }
      const ctx = context();
      if (!("api" in ctx)) return { imported_resources: [], diagnostics: [ctx] };
      const result = await importInstanceBatch(request.id, ctx);
      return {
        imported_resources: result.state
          ? [{ type_name: INSTANCE_BATCH_TYPE, state: encodeValue(result.state, batchType) }]
          : [],
        diagnostics: result.diagnostics,
      };
    },

    ReadDataSource: async (request: { type_name: string }) => ({
      diagnostics: [unknownType(request.type_name)],
    }),

    StopProvider: async () => {
      logger.info("stop requested; running waits end now");
      stop.abort(new Error("Terraform asked the provider to stop (interrupted run)"));
      return { Error: "" };
    },
  };
  return reportDecodeErrors(handlers, logger);
}

/**
 * Wraps each handler so that a value Terraform sent but the provider cannot decode becomes an
 * error diagnostic in the response instead of a failed RPC, which Terraform shows as an
 * internal gRPC error.
 */
function reportDecodeErrors(
  handlers: Record<string, UnaryHandler>,
  logger: Logger,
): Record<string, UnaryHandler> {
  const wrapped: Record<string, UnaryHandler> = {};
  for (const [method, handler] of Object.entries(handlers)) {
    wrapped[method] = async (request) => {
      try {
        return await handler(request);
      } catch (error) {
        if (!(error instanceof DynamicValueError)) throw error;
        logger.error({ err: error, method }, "cannot decode a value sent by Terraform");
        return { diagnostics: [error.diagnostic] };
      }
    };
  }
  return wrapped;
}
