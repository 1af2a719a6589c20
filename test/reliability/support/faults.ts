import type { InstanceRecord, Store, StoreSession } from "@nico/server";

/** Step of a batch create transaction at which the injected failure happens. */
export type FaultPoint =
  | { step: "before-machine-assignment" }
  | { step: "after-instance-row"; index: number }
  | { step: "before-status-history" }
  | { step: "before-idempotency-key" }
  | { step: "before-commit" };

/** Error the injector throws; the server handles it like any unexpected failure, with 500. */
export class InjectedFault extends Error {
  override readonly name = "InjectedFault";
}

/** Readable name of a fault point, for test names and figures. */
export function describeFault(point: FaultPoint): string {
  return point.step === "after-instance-row"
    ? `after instance row ${point.index}`
    : point.step.replaceAll("-", " ");
}

/**
 * Store wrapper that fails one batch create transaction at a chosen step. `arm()` sets the
 * step; the next transaction that assigns machines fails there once, and the wrapper disarms.
 * Transactions that assign no machines (lifecycle steps, deletes) pass through unchanged.
 */
export class FaultInjector {
  #armed: FaultPoint | null = null;
  /** Faults thrown so far. */
  injected = 0;

  arm(point: FaultPoint): void {
    this.#armed = point;
  }

  /** Whether the armed fault is still waiting for its transaction. */
  get pending(): boolean {
    return this.#armed !== null;
  }

  #fire(step: FaultPoint["step"], index?: number): void {
    const armed = this.#armed;
    if (armed === null || armed.step !== step) {
      return;
    }
    if (armed.step === "after-instance-row" && armed.index !== index) {
      return;
    }
    this.#armed = null;
    this.injected += 1;
    throw new InjectedFault(`injected fault ${describeFault(armed)}`);
  }

  #wrapSession(session: StoreSession, batch: { active: boolean }): StoreSession {
    const injector = this;
    const overrides: Partial<StoreSession> = {
      async assignMachines(assignments) {
        batch.active = true;
        injector.#fire("before-machine-assignment");
        return session.assignMachines(assignments);
      },
      async insertInstances(instances: InstanceRecord[]) {
        if (!batch.active) {
          return session.insertInstances(instances);
        }
        // One row at a time, so the fault can fall between two rows of the batch.
        for (const [position, instance] of instances.entries()) {
          await session.insertInstances([instance]);
          injector.#fire("after-instance-row", position + 1);
        }
      },
      async appendStatusHistory(rows) {
        if (batch.active) {
          injector.#fire("before-status-history");
        }
        return session.appendStatusHistory(rows);
      },
      async putIdempotencyRecord(record) {
        injector.#fire("before-idempotency-key");
        return session.putIdempotencyRecord(record);
      },
    };
    return new Proxy(session, {
      get(target, property, receiver) {
        if (Object.hasOwn(overrides, property)) {
          return overrides[property as keyof StoreSession];
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }

  /** Wraps `store` so that its transactions pass through this injector. */
  wrap(store: Store): Store {
    const injector = this;
    const transaction = <T>(fn: (session: StoreSession) => Promise<T>): Promise<T> =>
      store.transaction(async (session) => {
        const batch = { active: false };
        const result = await fn(injector.#wrapSession(session, batch));
        if (batch.active) {
          injector.#fire("before-commit");
        }
        return result;
      });
    return new Proxy(store, {
      get(target, property, receiver) {
        if (property === "transaction") {
          return transaction;
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }
}
