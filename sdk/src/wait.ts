import type { NicoLogger } from "./config.js";
import { NicoInstanceErrorStatusError, NicoNotFoundError, NicoTimeoutError } from "./errors.js";

/** Options of `waitForInstances` and `waitForInstancesGone`. */
export interface WaitOptions {
  /** Total time limit in milliseconds. */
  timeoutMs: number;
  /** Pause between two polling rounds in milliseconds. Default 1000. */
  pollIntervalMs?: number;
  /** Called after every polling round. */
  onProgress?: (progress: WaitProgress) => void;
  /** Aborts the wait; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Progress report after one polling round. */
export interface WaitProgress {
  /** Instances that reached the target (for `waitForInstancesGone`: that no longer exist). */
  ready: number;
  total: number;
  /**
   * Count of instances per last seen status; instances whose GET returned 404 count under
   * `Deleted`, and those that reported `Terminated` under `Terminated`.
   */
  byStatus: Record<string, number>;
}

/** The part of an instance the wait logic reads. */
export interface WaitableInstance {
  id: string;
  name: string;
  status: string;
  statusHistory?: { status: string; message?: string | null }[] | null;
}

/** Client operations and clock used by the wait functions. */
export interface WaitContext<T extends WaitableInstance> {
  getInstance(instanceId: string, signal?: AbortSignal): Promise<T>;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  now(): number;
  logger: NicoLogger;
}

const DEFAULT_POLL_INTERVAL_MS = 1000;
const DELETED = "Deleted";
/** Final stored state of a deleted instance that the upstream API may still return. */
const TERMINATED = "Terminated";

function isGone(status: string | undefined): boolean {
  return status === DELETED || status === TERMINATED;
}

/**
 * Polls every instance until all have `target` status and returns them in the order of `ids`.
 * Raises `NicoInstanceErrorStatusError` as soon as one reports `Error` (unless `Error` is the
 * target) and `NicoTimeoutError` naming the instances still short of the target.
 */
export async function waitForInstances<T extends WaitableInstance>(
  context: WaitContext<T>,
  ids: readonly string[],
  target: string,
  options: WaitOptions,
): Promise<T[]> {
  const unique = [...new Set(ids)];
  const pollIntervalMs = checkOptions(options);
  const deadline = context.now() + options.timeoutMs;
  const latest = new Map<string, T>();
  const done = new Set<string>();

  for (;;) {
    const open = unique.filter((id) => !done.has(id));
    const polled = await Promise.all(open.map((id) => context.getInstance(id, options.signal)));
    // Results are keyed by the requested id, not by the id in the body, so a server or mock
    // that returns another id cannot stall the wait.
    open.forEach((id, index) => {
      const instance = polled[index] as T;
      latest.set(id, instance);
      if (instance.status === target) done.add(id);
    });

    const failed = open.filter((id) => latest.get(id)?.status === "Error" && target !== "Error");
    if (failed.length > 0) {
      throw new NicoInstanceErrorStatusError(
        failed.map((id) => describeFailure(id, latest.get(id) as T)),
      );
    }

    const byStatus = countStatuses(unique.map((id) => latest.get(id)?.status ?? "Unknown"));
    options.onProgress?.({ ready: done.size, total: unique.length, byStatus });
    if (done.size === unique.length) {
      return ids.map((id) => latest.get(id) as T);
    }

    const pending = unique
      .filter((id) => !done.has(id))
      .map((id) => ({ id, status: latest.get(id)?.status ?? "Unknown" }));
    await pause(context, deadline, pollIntervalMs, options, "waitForInstances", () => {
      const list = pending.map((p) => `${p.id} (${p.status})`).join(", ");
      return new NicoTimeoutError(
        "waitForInstances",
        options.timeoutMs,
        `${pending.length} of ${unique.length} instance(s) not ${target}: ${list}`,
        pending,
      );
    });
  }
}

/**
 * Polls every instance until each is gone: a GET returns 404, or the instance reports the final
 * state `Terminated`. Any other state, `Unknown` included, keeps the wait going. Raises
 * `NicoTimeoutError` naming the instances that still exist, with their last status.
 */
export async function waitForInstancesGone<T extends WaitableInstance>(
  context: WaitContext<T>,
  ids: readonly string[],
  options: WaitOptions,
): Promise<void> {
  const unique = [...new Set(ids)];
  const pollIntervalMs = checkOptions(options);
  const deadline = context.now() + options.timeoutMs;
  const lastStatus = new Map<string, string>();

  for (;;) {
    const open = unique.filter((id) => !isGone(lastStatus.get(id)));
    const polled = await Promise.all(
      open.map(async (id) => ({ id, status: await statusOrDeleted(context, id, options.signal) })),
    );
    for (const { id, status } of polled) lastStatus.set(id, status);

    const statuses = unique.map((id) => lastStatus.get(id) ?? "Unknown");
    const gone = statuses.filter(isGone).length;
    options.onProgress?.({ ready: gone, total: unique.length, byStatus: countStatuses(statuses) });
    if (gone === unique.length) return;

    const pending = unique
      .filter((id) => !isGone(lastStatus.get(id)))
      .map((id) => ({ id, status: lastStatus.get(id) ?? "Unknown" }));
    await pause(context, deadline, pollIntervalMs, options, "waitForInstancesGone", () => {
      const list = pending.map((p) => `${p.id} (${p.status})`).join(", ");
      return new NicoTimeoutError(
        "waitForInstancesGone",
        options.timeoutMs,
        `${pending.length} of ${unique.length} instance(s) still exist: ${list}`,
        pending,
      );
    });
  }
}

async function statusOrDeleted<T extends WaitableInstance>(
  context: WaitContext<T>,
  id: string,
  signal: AbortSignal | undefined,
): Promise<string> {
  try {
    return (await context.getInstance(id, signal)).status;
  } catch (error) {
    if (error instanceof NicoNotFoundError) return DELETED;
    throw error;
  }
}

/** Sleeps until the next round, or raises the timeout error when the deadline has passed. */
async function pause<T extends WaitableInstance>(
  context: WaitContext<T>,
  deadline: number,
  pollIntervalMs: number,
  options: WaitOptions,
  operation: string,
  timeoutError: () => NicoTimeoutError,
): Promise<void> {
  const remaining = deadline - context.now();
  if (remaining <= 0) {
    const error = timeoutError();
    context.logger.warn({ operation, pending: error.pending }, "wait timed out");
    throw error;
  }
  await context.sleep(Math.min(pollIntervalMs, remaining), options.signal);
}

function checkOptions(options: WaitOptions): number {
  if (!(options.timeoutMs > 0)) {
    throw new RangeError(
      `timeoutMs must be a positive number of milliseconds, got ${options.timeoutMs}`,
    );
  }
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  if (!(pollIntervalMs > 0)) {
    throw new RangeError(
      `pollIntervalMs must be a positive number of milliseconds, got ${pollIntervalMs}`,
    );
  }
  options.signal?.throwIfAborted();
  return pollIntervalMs;
}

function countStatuses(statuses: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

function describeFailure(id: string, instance: WaitableInstance) {
  const errorEntry = instance.statusHistory?.find((entry) => entry.status === "Error");
  return { id, name: instance.name, message: errorEntry?.message ?? null };
}
