import { issuesToErrorData, validateInstanceDeleteRequest } from "@nico/sdk/schema";
import { ApiError } from "../errors.js";
import type { ServiceContext } from "./context.js";
import { loadOwnedInstance } from "./context.js";
import { lifecycleMessages } from "./lifecycle.js";
import type { DeleteInput } from "./requests.js";

/** Plain-text body of an accepted deletion. */
export const deletionAcceptedText = "Deletion request was accepted";

/**
 * Starts deleting an instance: status `Terminating` now, removal and machine release once the
 * terminate delay has passed. Deleting a terminating instance again changes nothing.
 */
export async function deleteInstance(
  context: ServiceContext,
  org: string,
  instanceId: string,
  body: unknown,
): Promise<void> {
  const { tenant, instance } = await loadOwnedInstance(context, org, instanceId);
  const site = context.catalog.get("site", instance.siteId);
  if (site !== undefined && site.status !== "Registered") {
    throw new ApiError("instance_site_not_registered_delete", { id: site.id, status: site.status });
  }
  let request: DeleteInput = {};
  if (body !== undefined && body !== null) {
    const result = validateInstanceDeleteRequest(body);
    if (!result.success) {
      throw new ApiError("delete_request_invalid", {}, issuesToErrorData(result.issues));
    }
    request = result.data satisfies DeleteInput;
  }
  if (request.isRepairTenant === true && !tenant.capabilities.targetedInstanceCreation) {
    throw new ApiError("repair_tenant_not_allowed", { tenantId: tenant.id });
  }

  const started = await context.store.transaction(async (session) => {
    const current = await session.getInstance(instance.id);
    if (current === undefined) {
      throw new ApiError("instance_not_found", { id: instance.id });
    }
    if (current.status === "Terminating") {
      return false;
    }
    const now = context.lifecycle.now();
    const at = new Date(now).toISOString();
    await session.updateInstance({
      ...current,
      status: "Terminating",
      powerStatus: null,
      updated: at,
      nextTransition: context.lifecycle.deletionTransition(now),
    });
    await session.appendStatusHistory([
      {
        instanceId: current.id,
        status: "Terminating",
        message: lifecycleMessages.terminating,
        created: at,
      },
    ]);
    return true;
  });
  context.logger.info(
    {
      instanceId: instance.id,
      machineId: instance.machineId,
      alreadyTerminating: !started,
      machineHealthIssue: request.machineHealthIssue?.category,
    },
    "instance deletion accepted",
  );
}
