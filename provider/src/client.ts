import { createNicoClient } from "@nico/sdk";
import type { Logger } from "pino";
import type { ProviderSettings } from "./provider/config.js";
import type { InstanceBatchApi } from "./resources/instance-batch/api.js";

/** Creates the SDK client the resource calls, with the provider's logger. */
export function createSdkClient(settings: ProviderSettings, logger: Logger): InstanceBatchApi {
  const client: InstanceBatchApi = createNicoClient({
    endpoint: settings.endpoint,
    org: settings.org,
    token: settings.token,
    logger: logger.child({ component: "sdk" }),
  });
  return client;
}
