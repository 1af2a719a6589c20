import { describe, expect, it } from "vitest";
import { silentLogger } from "../src/config.js";
import {
  NicoInstanceErrorStatusError,
  NicoNotFoundError,
  NicoTimeoutError,
} from "../src/errors.js";
import {
  waitForInstances,
  waitForInstancesGone,
  type WaitContext,
  type WaitProgress,
  type WaitableInstance,
} from "../src/wait.js";

/** Fake API whose instances follow a scripted status per polling round. */
function fakeContext(script: Record<string, (string | "gone")[]>) {
  let clock = 0;
  let round = 0;
  const calls: string[] = [];
  const context: WaitContext<WaitableInstance> = {
    async getInstance(id) {
      calls.push(id);
      const statuses = script[id] ?? ["gone"];
      const status = statuses[Math.min(round, statuses.length - 1)] as string;
      if (status === "gone") {
        throw new NicoNotFoundError({
          operation: "getInstance",
          status: 404,
          body: {
            source: "nico",
            message: "Could not find Instance with specified ID",
            data: null,
          },
        });
      }
      const statusHistory = status === "Error" ? [{ status, message: "machine failed POST" }] : [];
      return { id, name: `name-${id}`, status, statusHistory };
    },
    async sleep(ms) {
      clock += ms;
      round++;
    },
    now: () => clock,
    logger: silentLogger,
  };
  return { context, calls, elapsed: () => clock };
}

describe("waitForInstances", () => {
  it("resolves once all are ready", async () => {
    const { context } = fakeContext({
      a: ["Pending", "Ready"],
      b: ["Pending", "Provisioning", "Ready"],
    });
    const instances = await waitForInstances(context, ["a", "b"], "Ready", { timeoutMs: 60_000 });
    expect(instances.map((i) => i.status)).toEqual(["Ready", "Ready"]);
  });

  it("keeps the order of ids", async () => {
    const { context } = fakeContext({ a: ["Pending", "Ready"], b: ["Ready"] });
    const instances = await waitForInstances(context, ["b", "a"], "Ready", { timeoutMs: 60_000 });
    expect(instances.map((i) => i.id)).toEqual(["b", "a"]);
  });

  it("stops polling ready instances", async () => {
    const { context, calls } = fakeContext({ a: ["Ready"], b: ["Pending", "Pending", "Ready"] });
    await waitForInstances(context, ["a", "b"], "Ready", { timeoutMs: 60_000 });
    expect(calls.filter((id) => id === "a")).toHaveLength(1);
  });

  it("reports progress", async () => {
    const { context } = fakeContext({ a: ["Pending", "Ready"], b: ["Ready"] });
    const reports: WaitProgress[] = [];
    await waitForInstances(context, ["a", "b"], "Ready", {
      timeoutMs: 60_000,
      onProgress: (progress) => reports.push(progress),
    });
    expect(reports[0]).toEqual({ ready: 1, total: 2, byStatus: { Pending: 1, Ready: 1 } });
  });

  it("fails fast on Error status", async () => {
    const { context } = fakeContext({ a: ["Pending", "Error"], b: ["Pending"] });
    const wait = waitForInstances(context, ["a", "b"], "Ready", { timeoutMs: 60_000 });
    await expect(wait).rejects.toBeInstanceOf(NicoInstanceErrorStatusError);
  });

  it("names the failed instance", async () => {
    const { context } = fakeContext({ a: ["Pending", "Error"], b: ["Pending"] });
    const error = await waitForInstances(context, ["a", "b"], "Ready", { timeoutMs: 60_000 }).catch(
      (e: unknown) => e,
    );
    expect((error as NicoInstanceErrorStatusError).instances).toEqual([
      { id: "a", name: "name-a", message: "machine failed POST" },
    ]);
  });

  it("times out naming pending instances", async () => {
    const { context } = fakeContext({ a: ["Ready"], b: ["Provisioning"] });
    const error = await waitForInstances(context, ["a", "b"], "Ready", {
      timeoutMs: 5000,
      pollIntervalMs: 1000,
    }).catch((e: unknown) => e);
    expect((error as NicoTimeoutError).pending).toEqual([{ id: "b", status: "Provisioning" }]);
  });

  it("timeout message names the instance", async () => {
    const { context } = fakeContext({ b: ["Provisioning"] });
    const wait = waitForInstances(context, ["b"], "Ready", { timeoutMs: 3000 });
    await expect(wait).rejects.toThrow(/b \(Provisioning\)/);
  });

  it("never sleeps past the deadline", async () => {
    const { context, elapsed } = fakeContext({ b: ["Provisioning"] });
    await waitForInstances(context, ["b"], "Ready", {
      timeoutMs: 2500,
      pollIntervalMs: 1000,
    }).catch(() => undefined);
    expect(elapsed()).toBe(2500);
  });

  it("keys results by requested id", async () => {
    const { context } = fakeContext({ a: ["Ready"] });
    const mismatched: WaitContext<WaitableInstance> = {
      ...context,
      getInstance: async () => ({ id: "other", name: "x", status: "Ready" }),
    };
    const instances = await waitForInstances(mismatched, ["a", "b"], "Ready", { timeoutMs: 1000 });
    expect(instances).toHaveLength(2);
  });

  it("honours an aborted signal", async () => {
    const { context } = fakeContext({ a: ["Pending"] });
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    const wait = waitForInstances(context, ["a"], "Ready", {
      timeoutMs: 1000,
      signal: controller.signal,
    });
    await expect(wait).rejects.toThrow("stop");
  });

  it("rejects a zero timeout", async () => {
    const { context } = fakeContext({ a: ["Ready"] });
    await expect(waitForInstances(context, ["a"], "Ready", { timeoutMs: 0 })).rejects.toThrow(
      RangeError,
    );
  });
});

describe("waitForInstancesGone", () => {
  it("resolves once all return 404", async () => {
    const { context } = fakeContext({ a: ["Terminating", "gone"], b: ["gone"] });
    await expect(
      waitForInstancesGone(context, ["a", "b"], { timeoutMs: 60_000 }),
    ).resolves.toBeUndefined();
  });

  it("counts deleted instances", async () => {
    const { context } = fakeContext({ a: ["Terminating", "gone"], b: ["gone"] });
    const reports: WaitProgress[] = [];
    await waitForInstancesGone(context, ["a", "b"], {
      timeoutMs: 60_000,
      onProgress: (progress) => reports.push(progress),
    });
    expect(reports[0]).toEqual({ ready: 1, total: 2, byStatus: { Terminating: 1, Deleted: 1 } });
  });

  it("times out naming remaining instances", async () => {
    const { context } = fakeContext({ a: ["Terminating"] });
    const error = await waitForInstancesGone(context, ["a"], { timeoutMs: 3000 }).catch(
      (e: unknown) => e,
    );
    expect((error as NicoTimeoutError).pending).toEqual([{ id: "a", status: "Terminating" }]);
  });
});
