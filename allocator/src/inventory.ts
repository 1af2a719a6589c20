import { StalePlacementError } from "./errors.js";
import { InstanceTypeIndex } from "./instance-type-index.js";
import { rejectionMessages } from "./messages.js";
import { compareIds } from "./sorted.js";
import type {
  InstanceTypeCapacity,
  Machine,
  Placement,
  PlacementPolicy,
  PlacementRejectionCode,
  PlacementRequest,
  PlacementResult,
} from "./types.js";

const policies: readonly PlacementPolicy[] = ["best-fit", "most-free"];

/** Returns whether a machine can take a new instance: Ready and unassigned. */
function isFree(machine: Machine): boolean {
  return machine.status === "Ready" && machine.assignedInstanceId === null;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

function validateMachine(machine: Machine): void {
  for (const field of ["id", "siteId", "instanceTypeId", "status"] as const) {
    if (!isNonEmptyString(machine[field])) {
      throw new TypeError(`Machine ${String(machine.id)}: ${field} must be a non-empty string`);
    }
  }
  for (const field of ["nvLinkDomainId", "assignedInstanceId"] as const) {
    if (machine[field] !== null && !isNonEmptyString(machine[field])) {
      throw new TypeError(
        `Machine ${machine.id}: ${field} must be null or a non-empty string, got ` +
          JSON.stringify(machine[field]),
      );
    }
  }
}

/**
 * In-memory machine inventory that places instance batches.
 *
 * Placement is two steps: `plan()` chooses machines without changing anything, and `commit()`
 * assigns them, all or nothing, if the inventory has not changed since. Placement never filters
 * by site because an instance type belongs to one site.
 */
export class Inventory {
  readonly #machines = new Map<string, Machine>();
  readonly #indexes = new Map<string, InstanceTypeIndex>();
  /** Instance id to the machine it is assigned to. */
  readonly #machineByInstance = new Map<string, string>();
  #version = 0;

  /** Creates an inventory holding `machines`, at version 0. */
  constructor(machines?: Iterable<Machine>) {
    if (machines !== undefined) {
      this.#insertMachines([...machines]);
    }
  }

  /** Counter that increases by one on every call that changes the inventory. */
  get version(): number {
    return this.#version;
  }

  /**
   * Chooses machines for a batch without changing the inventory.
   *
   * Only Ready, unassigned machines of the instance type are eligible. A topology-optimized batch
   * takes every machine from one NVLink domain chosen by `request.policy`, and machines without a
   * domain are never used for it. Otherwise machines without a domain go first, then domains
   * with the fewest free machines. Machines are taken by ascending id, so the same state and
   * request always give the same placement.
   *
   * Returns `insufficient_machines` when fewer eligible machines exist in total than requested,
   * otherwise `insufficient_capacity` when no single domain can take a topology-optimized batch.
   * Throws a RangeError on an invalid count or policy.
   */
  plan(request: PlacementRequest): PlacementResult {
    const { instanceTypeId, count, topologyOptimized } = request;
    const policy = request.policy ?? "best-fit";
    if (!Number.isInteger(count) || count < 1) {
      throw new RangeError(`Placement count must be a positive integer, got ${count}`);
    }
    if (!policies.includes(policy)) {
      throw new RangeError(`Unknown placement policy ${JSON.stringify(policy)}`);
    }
    const index = this.#indexes.get(instanceTypeId);
    if (index === undefined || index.freeTotal < count) {
      return this.#reject("insufficient_machines", instanceTypeId, count, index);
    }
    let machineIds: string[];
    let domainIds: string[];
    if (topologyOptimized) {
      const domainId = policy === "best-fit" ? index.bestFitDomain(count) : index.mostFreeDomain();
      if (domainId === undefined || index.freeInDomain(domainId) < count) {
        return this.#reject("insufficient_capacity", instanceTypeId, count, index);
      }
      machineIds = index.freeMachinesInDomain(domainId).slice(0, count);
      domainIds = [domainId];
    } else {
      ({ machineIds, domainIds } = this.#spread(index, count));
    }
    const placement: Placement = {
      instanceTypeId,
      machineIds,
      domainIds,
      topologyOptimized,
      policy,
      inventoryVersion: this.#version,
    };
    return { ok: true, placement };
  }

  /**
   * Assigns `instanceIds[n]` to `placement.machineIds[n]`, all or nothing.
   *
   * Throws StalePlacementError, changing nothing, when the inventory version differs from the
   * placement's or a chosen machine is no longer free. Throws a RangeError when the id lists
   * differ in length, contain duplicates, or an instance id is already assigned.
   */
  commit(placement: Placement, instanceIds: readonly string[]): void {
    const { machineIds } = placement;
    if (placement.inventoryVersion !== this.#version) {
      throw new StalePlacementError(
        `Placement was planned on inventory version ${placement.inventoryVersion}, ` +
          `but the inventory is now at version ${this.#version}. Plan again.`,
        placement.inventoryVersion,
        this.#version,
      );
    }
    this.#validateInstanceIds(machineIds, instanceIds);
    for (const machineId of machineIds) {
      const machine = this.#machines.get(machineId);
      if (
        machine === undefined ||
        machine.instanceTypeId !== placement.instanceTypeId ||
        !isFree(machine)
      ) {
        throw new StalePlacementError(
          `Machine ${machineId} is no longer a free ${placement.instanceTypeId} machine. Plan again.`,
          placement.inventoryVersion,
          this.#version,
        );
      }
    }
    machineIds.forEach((machineId, position) => {
      const machine = this.#machines.get(machineId) as Machine;
      const instanceId = instanceIds[position] as string;
      this.#indexOf(machine).markUsed(machine.id, machine.nvLinkDomainId);
      machine.assignedInstanceId = instanceId;
      this.#machineByInstance.set(instanceId, machine.id);
    });
    this.#version += 1;
  }

  /**
   * Unassigns the given machines and leaves free machines in the list as they are.
   *
   * Throws a RangeError, changing nothing, when an id is unknown.
   */
  release(machineIds: readonly string[]): void {
    const machines = machineIds.map((machineId) => this.#require(machineId));
    let changed = false;
    for (const machine of machines) {
      if (machine.assignedInstanceId === null) {
        continue;
      }
      this.#machineByInstance.delete(machine.assignedInstanceId);
      machine.assignedInstanceId = null;
      if (isFree(machine)) {
        this.#indexOf(machine).markFree(machine.id, machine.nvLinkDomainId);
      }
      changed = true;
    }
    if (changed) {
      this.#version += 1;
    }
  }

  /**
   * Adds machines, all or nothing.
   *
   * Throws a TypeError on a malformed machine and a RangeError on a duplicate machine id or an
   * instance id that is already assigned.
   */
  addMachines(machines: Iterable<Machine>): void {
    const list = [...machines];
    if (list.length === 0) {
      return;
    }
    this.#insertMachines(list);
    this.#version += 1;
  }

  /** Sets a machine's status, where only "Ready" makes it eligible. Throws a RangeError on an unknown id. */
  setMachineStatus(machineId: string, status: Machine["status"]): void {
    const machine = this.#require(machineId);
    if (!isNonEmptyString(status)) {
      throw new TypeError(`Machine ${machineId}: status must be a non-empty string`);
    }
    if (machine.status === status) {
      return;
    }
    const index = this.#indexOf(machine);
    const wasFree = isFree(machine);
    machine.status = status;
    if (wasFree && !isFree(machine)) {
      index.markUsed(machine.id, machine.nvLinkDomainId);
    } else if (!wasFree && isFree(machine)) {
      index.markFree(machine.id, machine.nvLinkDomainId);
    }
    this.#version += 1;
  }

  /**
   * Removes a machine, with its assignment if it has one, and returns its last state.
   *
   * Throws a RangeError on an unknown id.
   */
  removeMachine(machineId: string): Machine {
    const machine = this.#require(machineId);
    const index = this.#indexOf(machine);
    if (isFree(machine)) {
      index.markUsed(machine.id, machine.nvLinkDomainId);
    }
    index.removeMachine(machine.id, machine.nvLinkDomainId);
    if (index.machineCount === 0) {
      this.#indexes.delete(machine.instanceTypeId);
    }
    if (machine.assignedInstanceId !== null) {
      this.#machineByInstance.delete(machine.assignedInstanceId);
    }
    this.#machines.delete(machineId);
    this.#version += 1;
    return { ...machine };
  }

  /** Returns a copy of one machine, or undefined when the id is unknown. */
  getMachine(machineId: string): Machine | undefined {
    const machine = this.#machines.get(machineId);
    return machine === undefined ? undefined : { ...machine };
  }

  /** Returns copies of all machines, ascending by id. Visits every machine. */
  snapshot(): Machine[] {
    const machines = [...this.#machines.values()].map((machine) => ({ ...machine }));
    return machines.sort((a, b) => compareIds(a.id, b.id));
  }

  /** Returns free eligible machines per NVLink domain of a type, ascending by domain id. */
  freeCountsByDomain(instanceTypeId: string): Map<string, number> {
    return this.#indexes.get(instanceTypeId)?.freeCountsByDomain() ?? new Map();
  }

  /** Returns a capacity report per instance type, ascending by instance type id. */
  describe(): InstanceTypeCapacity[] {
    const instanceTypeIds = [...this.#indexes.keys()].sort(compareIds);
    return instanceTypeIds.map((instanceTypeId) => {
      const index = this.#indexes.get(instanceTypeId) as InstanceTypeIndex;
      return {
        instanceTypeId,
        machineCount: index.machineCount,
        freeTotal: index.freeTotal,
        freeByDomain: Object.fromEntries(index.freeCountsByDomain()),
        freeWithoutDomain: index.freeWithoutDomainCount(),
        machinesWithoutDomain: index.machinesWithoutDomain(),
      };
    });
  }

  #insertMachines(machines: Machine[]): void {
    const newIds = new Set<string>();
    const newInstances = new Set<string>();
    for (const machine of machines) {
      validateMachine(machine);
      if (this.#machines.has(machine.id) || newIds.has(machine.id)) {
        throw new RangeError(`Machine ${machine.id} is already in the inventory`);
      }
      newIds.add(machine.id);
      const instanceId = machine.assignedInstanceId;
      if (instanceId !== null) {
        if (this.#machineByInstance.has(instanceId) || newInstances.has(instanceId)) {
          throw new RangeError(`Instance ${instanceId} is already assigned to another machine`);
        }
        newInstances.add(instanceId);
      }
    }
    for (const input of machines) {
      const machine: Machine = { ...input };
      this.#machines.set(machine.id, machine);
      let index = this.#indexes.get(machine.instanceTypeId);
      if (index === undefined) {
        index = new InstanceTypeIndex();
        this.#indexes.set(machine.instanceTypeId, index);
      }
      index.addMachine(machine.id, machine.nvLinkDomainId);
      if (isFree(machine)) {
        index.markFree(machine.id, machine.nvLinkDomainId);
      }
      if (machine.assignedInstanceId !== null) {
        this.#machineByInstance.set(machine.assignedInstanceId, machine.id);
      }
    }
  }

  /** Takes machines without a domain first, then domains with the fewest free machines. */
  #spread(index: InstanceTypeIndex, count: number): { machineIds: string[]; domainIds: string[] } {
    const machineIds = index.freeMachinesWithoutDomain().slice(0, count);
    const domainIds: string[] = [];
    for (const domainId of index.domainsByAscendingFree()) {
      if (machineIds.length === count) {
        break;
      }
      const needed = count - machineIds.length;
      machineIds.push(...index.freeMachinesInDomain(domainId).slice(0, needed));
      domainIds.push(domainId);
    }
    return { machineIds, domainIds };
  }

  #validateInstanceIds(machineIds: readonly string[], instanceIds: readonly string[]): void {
    if (instanceIds.length !== machineIds.length) {
      throw new RangeError(
        `Commit needs one instance id per machine: got ${instanceIds.length} instance ids ` +
          `for ${machineIds.length} machines`,
      );
    }
    if (new Set(machineIds).size !== machineIds.length) {
      throw new RangeError("Placement lists a machine more than once");
    }
    const seen = new Set<string>();
    for (const instanceId of instanceIds) {
      if (!isNonEmptyString(instanceId)) {
        throw new TypeError("Instance ids must be non-empty strings");
      }
      if (seen.has(instanceId)) {
        throw new RangeError(`Instance ${instanceId} appears more than once in the commit`);
      }
      const machineId = this.#machineByInstance.get(instanceId);
      if (machineId !== undefined) {
        throw new RangeError(`Instance ${instanceId} is already assigned to machine ${machineId}`);
      }
      seen.add(instanceId);
    }
  }

  #reject(
    code: PlacementRejectionCode,
    instanceTypeId: string,
    requested: number,
    index: InstanceTypeIndex | undefined,
  ): PlacementResult {
    const facts = {
      instanceTypeId,
      requested,
      available: index?.freeTotal ?? 0,
      largestDomainFree: index?.largestDomainFree() ?? 0,
      freeWithoutDomain: index?.freeWithoutDomainCount() ?? 0,
    };
    const { available, largestDomainFree } = facts;
    const message = rejectionMessages[code](facts);
    return { ok: false, code, requested, available, largestDomainFree, message };
  }

  #indexOf(machine: Machine): InstanceTypeIndex {
    return this.#indexes.get(machine.instanceTypeId) as InstanceTypeIndex;
  }

  #require(machineId: string): Machine {
    const machine = this.#machines.get(machineId);
    if (machine === undefined) {
      throw new RangeError(`Machine ${machineId} is not in the inventory`);
    }
    return machine;
  }
}
