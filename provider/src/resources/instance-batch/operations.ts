import { randomUUID } from "node:crypto";
import { maxBatchCount, minBatchCount } from "@nico/sdk/schema";
import type { Logger } from "pino";
import { containsUnknown, type CtyObject } from "../../cty/value.js";
import { errorDiagnostic, type Diagnostic } from "../../provider/diagnostics.js";
import { isNotFound, type ApiInstance, type InstanceBatchApi } from "./api.js";
import { DEFAULT_TIMEOUT_MS, parseDuration } from "./durations.js";
import { apiErrorDiagnostics } from "./errors.js";
import { buildBatchRequest } from "./request.js";
import {
  MISSING_STATUS,
  batchId,
  fillCreatedState,
  memberFromInstance,
  membersOf,
  membersValue,
  splitBatchId,
  stateFromInstances,
  type Member,
} from "./state.js";

/** Pause between two polls of the member instances while waiting, in milliseconds. */
export const POLL_INTERVAL_MS = 500;

/** API client and logger used by the resource operations. */
export interface OperationContext {
  api: InstanceBatchApi;
  logger: Logger;
  /** Aborted when Terraform calls StopProvider; ends running waits early. */
  signal?: AbortSignal;
}

/** New state and diagnostics of an operation; `state` null means the batch does not exist. */
export interface OperationResult {
  state: CtyObject | null;
  diagnostics: Diagnostic[];
}

function timeoutMs(state: CtyObject | null, name: "create" | "delete"): number {
  const timeouts = state?.timeouts;
  if (timeouts && typeof timeouts === "object" && !Array.isArray(timeouts)) {
    const text = (timeouts as CtyObject)[name];
    if (typeof text === "string") return parseDuration(text) ?? DEFAULT_TIMEOUT_MS;
  }
  return DEFAULT_TIMEOUT_MS;
}

/**
 * Creates the batch with one API call and one idempotency key, records the member ids, then
 * waits until every member is Ready. When the wait fails the state with the ids is still
 * returned next to the error, so Terraform keeps track of the instances.
 */
export async function createInstanceBatch(
  planned: CtyObject,
  config: CtyObject,
  context: OperationContext,
): Promise<OperationResult> {
  const { body, unknownPaths } = buildBatchRequest(config);
  if (unknownPaths.length > 0) {
    return {
      state: null,
      diagnostics: [
        errorDiagnostic(
          "Configuration still unknown at apply",
          `Values at ${unknownPaths.map((path) => path.join(".")).join(", ")} are not known, ` +
            "so the batch request cannot be sent. This is a bug in the provider; please report it.",
        ),
      ],
    };
  }
  const idempotencyKey = randomUUID();
  let created: ApiInstance[];
  try {
    created = await context.api.createInstanceBatch(body, { idempotencyKey });
  } catch (error) {
    context.logger.error({ err: error, idempotencyKey }, "batch create failed");
    return { state: null, diagnostics: apiErrorDiagnostics(error, "create the instance batch") };
  }
  let members = created.map(memberFromInstance);
  context.logger.info({ ids: members.map((m) => m.id), idempotencyKey }, "batch created");

  const ids = members.map((member) => member.id);
  const diagnostics: Diagnostic[] = [];
  try {
    const ready = await context.api.waitForInstances(ids, "Ready", {
      timeoutMs: timeoutMs(planned, "create"),
      pollIntervalMs: POLL_INTERVAL_MS,
      signal: context.signal,
    });
    if (Array.isArray(ready) && ready.length === members.length) {
      members = (ready as ApiInstance[]).map(memberFromInstance);
    }
  } catch (error) {
    context.logger.error({ err: error, ids }, "waiting for the batch to become Ready failed");
    diagnostics.push(
      ...(context.signal?.aborted
        ? [
            errorDiagnostic(
              "Interrupted while waiting for the batch",
              `${errorText(error)}. The batch is saved in state and marked tainted, so the ` +
                "next apply replaces it.",
            ),
          ]
        : waitFailureDiagnostics(error, members)),
    );
    members = await refreshMembers(members, context);
  }
  return { state: fillCreatedState(planned, created, members), diagnostics };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function waitFailureDiagnostics(error: unknown, members: Member[]): Diagnostic[] {
  const named = (id: string) => {
    const member = members.find((m) => m.id === id);
    return member ? `${member.name} (${id})` : id;
  };
  const failed = (error as { instances?: { id: string; message?: string | null }[] }).instances;
  if (Array.isArray(failed)) {
    const list = failed
      .map((item) => `${named(item.id)}${item.message ? `: ${item.message}` : ""}`)
      .join("; ");
    return [
      errorDiagnostic(
        "Batch member failed to provision",
        `These instances reached status Error: ${list}. The batch is saved in state and ` +
          "marked tainted, so the next apply replaces it.",
      ),
    ];
  }
  const pending = (error as { pending?: { id: string; status: string }[] }).pending;
  if (Array.isArray(pending)) {
    const list = pending.map((item) => `${named(item.id)} in ${item.status}`).join("; ");
    return [
      errorDiagnostic(
        "Timed out waiting for the batch to become Ready",
        `Not Ready within timeouts.create: ${list}. The batch is saved in state and marked ` +
          "tainted; raise timeouts.create if provisioning takes longer on this site.",
      ),
    ];
  }
  return apiErrorDiagnostics(error, "wait for the batch to become Ready");
}

async function refreshMembers(members: Member[], context: OperationContext): Promise<Member[]> {
  return Promise.all(
    members.map(async (member) => {
      try {
        return memberFromInstance(await context.api.getInstance(member.id), member.index);
      } catch {
        return member;
      }
    }),
  );
}

/**
 * Refreshes the batch by reading every member. Members that no longer exist stay in
 * `instances` with status "Missing", so the next plan replaces the batch. When none exists the
 * state becomes null. Labels and description come from the first member that still exists.
 */
export async function readInstanceBatch(
  state: CtyObject,
  context: OperationContext,
): Promise<OperationResult> {
  const members = membersOf(state);
  const diagnostics: Diagnostic[] = [];
  const results = await Promise.all(
    members.map(async (member) => {
      try {
        return { member, instance: await context.api.getInstance(member.id) };
      } catch (error) {
        if (isNotFound(error)) return { member, instance: null };
        diagnostics.push(...apiErrorDiagnostics(error, `read instance ${member.id}`));
        return { member, instance: undefined };
      }
    }),
  );
  if (diagnostics.length > 0) return { state, diagnostics };

  const present = results.filter((result) => result.instance);
  if (present.length === 0) {
    context.logger.info({ ids: members.map((m) => m.id) }, "every batch member is gone");
    return { state: null, diagnostics };
  }
  const refreshed = results.map(({ member, instance }) =>
    instance
      ? { ...memberFromInstance(instance, member.index), name: instance.name || member.name }
      : { ...member, status: MISSING_STATUS },
  );
  const first = present[0]!.instance!;
  return {
    state: {
      ...state,
      id: batchId(refreshed),
      instances: membersValue(refreshed),
      labels: refreshLabels(state.labels ?? null, first.labels ?? null),
      description: refreshDescription(state.description ?? null, first.description ?? null),
    },
    diagnostics,
  };
}

// The API treats null, "" and {} as "no description" or "no labels"; keep whichever form the
// state already has so an empty value does not show up as drift.
function refreshLabels(current: CtyObject[string], remote: Record<string, string> | null) {
  const remoteEmpty = remote === null || Object.keys(remote).length === 0;
  const currentEmpty =
    current === null ||
    (typeof current === "object" && !Array.isArray(current) && Object.keys(current).length === 0);
  if (remoteEmpty && currentEmpty) return current;
  return remote === null ? null : { ...remote };
}

function refreshDescription(current: CtyObject[string], remote: string | null) {
  if ((remote === null || remote === "") && (current === null || current === "")) return current;
  return remote;
}

/** Applies in-place changes: labels and description are patched on every existing member. */
export async function updateInstanceBatch(
  prior: CtyObject,
  planned: CtyObject,
  context: OperationContext,
): Promise<OperationResult> {
  const patch: Record<string, unknown> = {};
  if (JSON.stringify(prior.labels ?? null) !== JSON.stringify(planned.labels ?? null)) {
    patch.labels = planned.labels ?? {};
  }
  if ((prior.description ?? null) !== (planned.description ?? null)) {
    patch.description = planned.description ?? "";
  }
  if (Object.keys(patch).length === 0) return { state: planned, diagnostics: [] };

  const members = membersOf(prior).filter((member) => member.status !== MISSING_STATUS);
  const diagnostics: Diagnostic[] = [];
  await Promise.all(
    members.map(async (member) => {
      try {
        await context.api.updateInstance(member.id, patch);
      } catch (error) {
        diagnostics.push(...apiErrorDiagnostics(error, `update instance ${member.id}`));
      }
    }),
  );
  context.logger.info(
    { ids: members.map((m) => m.id), fields: Object.keys(patch) },
    "batch updated",
  );
  // On failure keep the prior state so the next plan retries the change.
  return { state: diagnostics.length > 0 ? prior : planned, diagnostics };
}

/** Deletes every member (a 404 counts as deleted) and waits until all are gone. */
export async function deleteInstanceBatch(
  prior: CtyObject,
  context: OperationContext,
): Promise<OperationResult> {
  const ids = membersOf(prior).map((member) => member.id);
  const diagnostics: Diagnostic[] = [];
  await Promise.all(
    ids.map(async (id) => {
      try {
        await context.api.deleteInstance(id);
      } catch (error) {
        if (!isNotFound(error))
          diagnostics.push(...apiErrorDiagnostics(error, `delete instance ${id}`));
      }
    }),
  );
  if (diagnostics.length > 0) return { state: prior, diagnostics };
  try {
    await context.api.waitForInstancesGone(ids, {
      timeoutMs: timeoutMs(prior, "delete"),
      pollIntervalMs: POLL_INTERVAL_MS,
      signal: context.signal,
    });
  } catch (error) {
    context.logger.error({ err: error, ids }, "waiting for the batch deletion failed");
    return { state: prior, diagnostics: apiErrorDiagnostics(error, "wait for the batch deletion") };
  }
  context.logger.info({ ids }, "batch deleted");
  return { state: null, diagnostics };
}

/** Fix suggestions for API failures during an import, where applying again does not help. */
const importFixes: Partial<Record<number, string>> = {
  400: "Check that every id in the import id is a lower-case instance UUID.",
  404: "Check the ids in the import id.",
};

const importIdFormat =
  'Use the member instance ids joined by commas, in index order, for example "<id-0>,<id-1>".';

/**
 * Checks the member ids of an import id: at least one, each id once, and as many as a batch can
 * have (2 to 18). Returns the diagnostic for the first broken rule, or undefined.
 */
function checkImportIds(id: string, ids: readonly string[]): Diagnostic | undefined {
  if (ids.length === 0) {
    return errorDiagnostic(
      "Invalid import id",
      `"${id}" contains no instance id. ${importIdFormat}`,
    );
  }
  const seen = new Set<string>();
  for (const memberId of ids) {
    if (seen.has(memberId)) {
      return errorDiagnostic(
        "Invalid import id",
        `Instance ${memberId} appears more than once in the import id, but each member of a ` +
          `batch must be listed exactly once. ${importIdFormat}`,
      );
    }
    seen.add(memberId);
  }
  if (ids.length < minBatchCount || ids.length > maxBatchCount) {
    return errorDiagnostic(
      "Invalid import id",
      `The import id lists ${ids.length} instance ids, but a batch has ${minBatchCount} to ` +
        `${maxBatchCount} members. List every member of one batch. ${importIdFormat}`,
    );
  }
  return undefined;
}

/**
 * Imports a batch from its member ids joined by commas. Every argument the API returns is
 * filled in, so a configuration matching the batch plans no changes after the import.
 */
export async function importInstanceBatch(
  id: string,
  context: OperationContext,
): Promise<OperationResult> {
  const ids = splitBatchId(id);
  const idProblem = checkImportIds(id, ids);
  if (idProblem) return { state: null, diagnostics: [idProblem] };
  const diagnostics: Diagnostic[] = [];
  const instances = await Promise.all(
    ids.map(async (instanceId) => {
      try {
        return await context.api.getInstance(instanceId);
      } catch (error) {
        diagnostics.push(
          ...(isNotFound(error)
            ? [
                errorDiagnostic(
                  "Cannot import a missing instance",
                  `Instance ${instanceId} does not exist in this org. Check the ids in the import id.`,
                ),
              ]
            : apiErrorDiagnostics(error, `read instance ${instanceId}`, importFixes)),
        );
        return undefined;
      }
    }),
  );
  if (diagnostics.length > 0) return { state: null, diagnostics };
  const state = stateFromInstances(instances as ApiInstance[]);
  if (containsUnknown(state)) throw new Error("imported state contains unknown values");
  return { state, diagnostics };
}
