import { createHash } from "node:crypto";
import type { Logger } from "pino";
import type { Catalog } from "../inventory/catalog.js";
import type {
  InstanceRecord,
  PendingTransition,
  StatusHistoryRecord,
  Store,
  StoreSession,
} from "../store/types.js";

/** Timing of the simulated provisioning. */
export interface LifecycleOptions {
  /** Milliseconds from creation (or a configuration change) to Ready. */
  readyAfterMs: number;
  /** Milliseconds from a delete request until the instance is gone. */
  terminateAfterMs: number;
  /** Clock in milliseconds since the Unix epoch; tests may replace it. */
  now?: () => number;
}

/** Status history messages of the simulated site, keyed by transition. */
export const lifecycleMessages = {
  created: "Received the instance creation request; provisioning is pending",
  provisioning: "The site is provisioning the instance on its machine",
  ready: "The instance is ready",
  configuring: "The site is applying the updated configuration",
  rebooting: "The instance is rebooting",
  rebooted: "The instance finished rebooting",
  terminating: "Received the deletion request; the instance is terminating",
  terminated: "The instance was deleted and its machine released",
} as const;

function macAddressFor(id: string): string {
  const bytes = createHash("sha256").update(id).digest().subarray(0, 5);
  // 0x02 marks a locally administered unicast address.
  return ["02", ...[...bytes].map((byte) => byte.toString(16).padStart(2, "0"))].join(":");
}

function parseIpv4Cidr(cidr: string): { base: number; size: number } | null {
  const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (match === null) {
    return null;
  }
  const octets = match.slice(1, 5).map(Number);
  const bits = Number(match[5]);
  if (octets.some((octet) => octet > 255) || bits < 8 || bits > 30) {
    return null;
  }
  const address = octets.reduce((value, octet) => value * 256 + octet, 0);
  const size = 2 ** (32 - bits);
  return { base: address - (address % size), size };
}

function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/**
 * Drives instances through Pending, Provisioning and Ready, and removes terminated ones.
 *
 * Every pending step is a due time stored with the instance, so any process sharing the database
 * can apply it, and a restart resumes where the last process stopped.
 */
export class Lifecycle {
  readonly #store: Store;
  readonly #catalog: Catalog;
  readonly #logger: Logger;
  readonly #options: LifecycleOptions;
  readonly #now: () => number;
  #running: Promise<number> | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(store: Store, catalog: Catalog, logger: Logger, options: LifecycleOptions) {
    this.#store = store;
    this.#catalog = catalog;
    this.#logger = logger;
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Current time in milliseconds since the Unix epoch. */
  now(): number {
    return this.#now();
  }

  /** First transition of an instance created at `createdAt` (epoch ms). */
  creationTransition(createdAt: number): PendingTransition {
    return { to: "Provisioning", dueAt: createdAt + Math.floor(this.#options.readyAfterMs / 2) };
  }

  /** Transition that ends a configuration change or reboot started at `startedAt`. */
  settleTransition(startedAt: number, to: "Ready" | "PowerOn"): PendingTransition {
    return { to, dueAt: startedAt + this.#options.readyAfterMs };
  }

  /** Transition that removes an instance whose deletion was requested at `requestedAt`. */
  deletionTransition(requestedAt: number): PendingTransition {
    return { to: "Deleted", dueAt: requestedAt + this.#options.terminateAfterMs };
  }

  /** Applies every transition that is due; concurrent calls share one run. */
  async applyDue(): Promise<number> {
    if (this.#running !== null) {
      return this.#running;
    }
    this.#running = this.#applyDue().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #applyDue(): Promise<number> {
    const now = this.#now();
    const next = await this.#store.nextDueAt();
    if (next === null || next > now) {
      return 0;
    }
    let applied = 0;
    for (;;) {
      const batch = await this.#store.transaction(async (session) => {
        const due = await session.listDueInstances(now, 200);
        for (const record of due) {
          await this.#advance(session, record, now);
        }
        return due.length;
      });
      applied += batch;
      if (batch < 200) {
        return applied;
      }
    }
  }

  async #advance(session: StoreSession, record: InstanceRecord, now: number): Promise<void> {
    const history: StatusHistoryRecord[] = [];
    let current = record;
    while (current.nextTransition !== null && current.nextTransition.dueAt <= now) {
      const transition = current.nextTransition;
      const at = new Date(transition.dueAt).toISOString();
      if (transition.to === "Deleted") {
        await session.deleteInstance(current.id, at);
        await session.releaseMachines([current.machineId]);
        history.push({
          instanceId: current.id,
          status: "Terminated",
          message: lifecycleMessages.terminated,
          created: at,
        });
        await session.appendStatusHistory(history);
        this.#logger.info(
          { instanceId: current.id, machineId: current.machineId },
          "instance deleted, machine released",
        );
        return;
      }
      current = await this.#step(session, current, transition, at, history);
    }
    await session.updateInstance(current);
    await session.appendStatusHistory(history);
  }

  async #step(
    session: StoreSession,
    record: InstanceRecord,
    transition: PendingTransition,
    at: string,
    history: StatusHistoryRecord[],
  ): Promise<InstanceRecord> {
    const add = (status: string, message: string) =>
      history.push({ instanceId: record.id, status, message, created: at });
    if (transition.to === "Provisioning") {
      add("Provisioning", lifecycleMessages.provisioning);
      return {
        ...record,
        status: "Provisioning",
        updated: at,
        interfaces: record.interfaces.map((iface) => ({
          ...iface,
          status: "Provisioning",
          updated: at,
        })),
        nextTransition: this.settleTransition(Date.parse(record.created), "Ready"),
      };
    }
    if (transition.to === "PowerOn") {
      add("Ready", lifecycleMessages.rebooted);
      return { ...record, powerStatus: null, updated: at, nextTransition: null };
    }
    if (transition.to === "Ready") {
      add("Ready", lifecycleMessages.ready);
      return this.#makeReady(session, record, at);
    }
    this.#logger.warn({ instanceId: record.id, transition }, "unknown transition dropped");
    return { ...record, nextTransition: null };
  }

  async #makeReady(
    session: StoreSession,
    record: InstanceRecord,
    at: string,
  ): Promise<InstanceRecord> {
    const machine = await session.getMachine(record.machineId);
    const interfaces = [];
    for (const iface of record.interfaces) {
      interfaces.push({
        ...iface,
        status: "Ready" as const,
        macAddress: iface.macAddress ?? macAddressFor(iface.id),
        ipAddresses: iface.ipAddresses ?? (await this.#assignAddress(session, iface)),
        updated: at,
      });
    }
    return {
      ...record,
      status: "Ready",
      powerStatus: null,
      isUpdatePending: false,
      updated: at,
      interfaces,
      infinibandInterfaces: record.infinibandInterfaces.map((iface) => ({
        ...iface,
        status: "Ready",
        guid: iface.guid ?? macAddressFor(`${iface.id}:guid`).replaceAll(":", ""),
        updated: at,
      })),
      nvLinkInterfaces: record.nvLinkInterfaces.map((iface) => ({
        ...iface,
        status: "Ready",
        nvLinkDomainId: machine?.nvLinkDomainId ?? null,
        gpuGuid:
          iface.gpuGuid ??
          `GPU-${createHash("sha256").update(iface.id).digest("hex").slice(0, 32)}`,
        updated: at,
      })),
      dpuExtensionServiceDeployments: record.dpuExtensionServiceDeployments.map((deployment) => ({
        ...deployment,
        status: "Running",
        updated: at,
      })),
      nextTransition: null,
    };
  }

  /** Next free IPv4 host address of the interface's subnet or prefix, or null without a CIDR. */
  async #assignAddress(
    session: StoreSession,
    iface: InstanceRecord["interfaces"][number],
  ): Promise<string[] | null> {
    const network =
      iface.subnetId !== null
        ? this.#catalog.get("subnet", iface.subnetId)?.ipv4Prefix
        : iface.vpcPrefixId !== null
          ? this.#catalog.get("vpcPrefix", iface.vpcPrefixId)?.prefix
          : null;
    const range = network == null ? null : parseIpv4Cidr(network);
    if (range === null) {
      return null;
    }
    const key = `ip_next:${iface.subnetId ?? iface.vpcPrefixId}`;
    const next = Number((await session.getMeta(key)) ?? "1");
    if (next >= range.size - 1) {
      // NOTE: addresses are never reused, so a long-running demo can exhaust a small subnet.
      return null;
    }
    await session.setMeta(key, String(next + 1));
    return [formatIpv4(range.base + next)];
  }

  /** Starts applying due transitions every `intervalMs` milliseconds. */
  start(intervalMs: number): void {
    this.stop();
    this.#timer = setInterval(() => {
      this.applyDue().catch((error: unknown) => {
        this.#logger.warn({ err: error }, "applying due lifecycle transitions failed; retrying");
      });
    }, intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer and waits for a running pass to finish. */
  async stop(): Promise<void> {
    if (this.#timer !== null) {
      clearInterval(this.#timer);
      this.#timer = null;
    }
    if (this.#running !== null) {
      await this.#running.catch(() => undefined);
    }
  }
}
