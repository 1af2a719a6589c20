import type { DatabaseState } from "./database.js";

/** What a client saw of one batch create request. */
export interface BatchOutcome {
  namePrefix: string;
  count: number;
  tenantId: string;
  /** HTTP status, or null when the connection failed before a response (server killed). */
  status: number | null;
  body: unknown;
}

/** Instance ids of a 201 batch response. */
export function createdIds(outcome: BatchOutcome): string[] {
  if (outcome.status !== 201 || !Array.isArray(outcome.body)) {
    return [];
  }
  return (outcome.body as { id: string }[]).map((instance) => instance.id);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Live instances that share a machine with another live instance. */
export function doubleAssignedMachines(state: DatabaseState): string[] {
  const byMachine = new Map<string, string[]>();
  for (const instance of state.instances.filter((row) => !row.deleted)) {
    byMachine.set(instance.machineId, [...(byMachine.get(instance.machineId) ?? []), instance.id]);
  }
  return [...byMachine.entries()]
    .filter(([, ids]) => ids.length > 1)
    .map(([machineId, ids]) => `machine ${machineId} hosts live instances ${ids.join(", ")}`);
}

/**
 * Disagreements between machine assignments and live instances: a machine reserved for an
 * instance that is gone or elsewhere, or a live instance whose machine is not reserved for it.
 */
export function leakedReservations(state: DatabaseState): string[] {
  const live = new Map(state.instances.filter((row) => !row.deleted).map((row) => [row.id, row]));
  const machines = new Map(state.machines.map((machine) => [machine.id, machine]));
  const problems: string[] = [];
  for (const machine of state.machines) {
    if (machine.assignedInstanceId === null) {
      continue;
    }
    const instance = live.get(machine.assignedInstanceId);
    if (instance === undefined || instance.machineId !== machine.id) {
      problems.push(
        `machine ${machine.id} is reserved for ${machine.assignedInstanceId}, which is not live on it`,
      );
    }
  }
  for (const instance of live.values()) {
    const machine = machines.get(instance.machineId);
    if (machine?.assignedInstanceId !== instance.id) {
      problems.push(
        `live instance ${instance.id} runs on ${instance.machineId}, which is not reserved for it`,
      );
    }
  }
  return problems;
}

/**
 * Batches stored in part, or stored although rejected, or missing although created. Each
 * request used its own name prefix, so the rows of a batch are the names `<prefix>-xxxxxx`,
 * deleted ones included.
 */
export function partialBatches(state: DatabaseState, outcomes: BatchOutcome[]): string[] {
  const byPrefix = new Map<string, BatchOutcome[]>();
  for (const outcome of outcomes) {
    byPrefix.set(outcome.namePrefix, [...(byPrefix.get(outcome.namePrefix) ?? []), outcome]);
  }
  const rowsByPrefix = new Map<string, string[]>();
  for (const row of state.instances) {
    const prefix = row.name.slice(0, -7);
    if (byPrefix.has(prefix) && /-[a-z0-9]{6}$/.test(row.name)) {
      rowsByPrefix.set(prefix, [...(rowsByPrefix.get(prefix) ?? []), row.id]);
    }
  }
  const withHistory = new Set(state.historyInstanceIds);
  const problems: string[] = [];
  for (const [prefix, group] of byPrefix) {
    const stored = rowsByPrefix.get(prefix) ?? [];
    const count = group[0]?.count ?? 0;
    const created = group.filter((outcome) => outcome.status === 201);
    if (stored.length !== 0 && stored.length !== count) {
      problems.push(`batch ${prefix} has ${stored.length} of ${count} instances stored`);
    }
    if (created.length > 0 && stored.length !== count) {
      problems.push(
        `batch ${prefix} was answered 201 but ${stored.length} of ${count} instances are stored`,
      );
    }
    for (const outcome of created) {
      const ids = createdIds(outcome);
      const missing = ids.filter((id) => !stored.includes(id));
      if (missing.length > 0) {
        problems.push(`batch ${prefix} answered ids that are not stored: ${missing.join(", ")}`);
      }
    }
    const rejected = group.every((outcome) => outcome.status !== null && outcome.status >= 400);
    if (rejected && stored.length > 0) {
      problems.push(
        `batch ${prefix} was rejected with ${group[0]?.status} but ${stored.length} instances are stored`,
      );
    }
    const withoutHistory = stored.filter((id) => !withHistory.has(id));
    if (withoutHistory.length > 0) {
      problems.push(
        `batch ${prefix} has instances without status history: ${withoutHistory.join(", ")}`,
      );
    }
    if (stored.length > 0) {
      const pattern = new RegExp(`^${escapeRegExp(prefix)}-[a-z0-9]{6}$`);
      const names = state.instances.filter((row) => stored.includes(row.id)).map((row) => row.name);
      if (!names.every((name) => pattern.test(name))) {
        problems.push(`batch ${prefix} has names outside its prefix: ${names.join(", ")}`);
      }
    }
  }
  return problems;
}

/** Tenants holding more live instances of a type than their Reserved quota. */
export function quotaOverruns(
  state: DatabaseState,
  quotas: { tenantId: string; instanceTypeId: string; max: number }[],
): string[] {
  const problems: string[] = [];
  for (const quota of quotas) {
    const live = state.instances.filter(
      (row) =>
        !row.deleted &&
        row.tenantId === quota.tenantId &&
        row.instanceTypeId === quota.instanceTypeId,
    ).length;
    if (live > quota.max) {
      problems.push(
        `tenant ${quota.tenantId} holds ${live} instances of ${quota.instanceTypeId}, quota ${quota.max}`,
      );
    }
  }
  return problems;
}

/** Responses that are server errors, or rejections without the error body and a reason. */
export function badResponses(outcomes: { status: number | null; body: unknown }[]): string[] {
  const problems: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.status === null || outcome.status < 400) {
      continue;
    }
    const body = outcome.body as { source?: unknown; message?: unknown } | null;
    if (outcome.status >= 500) {
      problems.push(`status ${outcome.status}: ${JSON.stringify(outcome.body).slice(0, 300)}`);
    } else if (body?.source !== "nico" || typeof body.message !== "string" || body.message === "") {
      problems.push(
        `status ${outcome.status} without a reason: ${JSON.stringify(outcome.body).slice(0, 300)}`,
      );
    }
  }
  return problems;
}
