import { INSTANCE_BATCH_TYPE, instanceBatchSchema } from "../resources/instance-batch/schema.js";
import type { ProviderSchemas, Schema } from "./types.js";

/** Registry address of the provider. */
export const PROVIDER_ADDRESS = "registry.terraform.io/nico/nico";
/** Version of the provider. */
export const PROVIDER_VERSION = "0.1.0";

/** Schema of the provider block; every attribute falls back to an environment variable. */
export const providerConfigSchema: Schema = {
  version: 0,
  block: {
    description: "Connects to the NVIDIA Infra Controller (NICo) REST API.",
    attributes: {
      endpoint: {
        type: "string",
        optional: true,
        description:
          "Base URL of the NICo API, such as https://nico.example.com. Defaults to NICO_ENDPOINT.",
      },
      org: {
        type: "string",
        optional: true,
        description: "Organization name used in API paths. Defaults to NICO_ORG.",
      },
      token: {
        type: "string",
        optional: true,
        sensitive: true,
        description: "Bearer token for the API. Defaults to NICO_TOKEN.",
      },
    },
  },
};

/** Every schema the provider serves, the single source for GetProviderSchema and schema.json. */
export const providerSchema: ProviderSchemas = {
  provider: providerConfigSchema,
  resources: { [INSTANCE_BATCH_TYPE]: instanceBatchSchema },
};
