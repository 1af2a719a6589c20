import { describe, expect, it } from "vitest";
import { Inventory, StalePlacementError, type Placement } from "../src/index.js";
import { domain, machine } from "./fixtures.js";

function planBatch(inventory: Inventory, count: number): Placement {
  const result = inventory.plan({ instanceTypeId: "gb200", count, topologyOptimized: true });
  if (!result.ok) {
    throw new Error(result.message);
  }
  return result.placement;
}

function instanceIdsFor(placement: Placement, prefix = "inst"): string[] {
  return placement.machineIds.map((_, position) => `${prefix}-${position + 1}`);
}

describe("commit", () => {
  it("assigns instances in order", () => {
    const inventory = new Inventory(domain("nvl-a", 4));
    const placement = planBatch(inventory, 2);
    inventory.commit(placement, ["inst-1", "inst-2"]);
    expect(inventory.getMachine("nvl-a-01")?.assignedInstanceId).toBe("inst-1");
    expect(inventory.getMachine("nvl-a-02")?.assignedInstanceId).toBe("inst-2");
    expect(inventory.freeCountsByDomain("gb200").get("nvl-a")).toBe(2);
  });

  it("bumps the version", () => {
    const inventory = new Inventory(domain("nvl-a", 4));
    inventory.commit(planBatch(inventory, 2), ["inst-1", "inst-2"]);
    expect(inventory.version).toBe(1);
  });

  it("rejects a stale placement", () => {
    const inventory = new Inventory(domain("nvl-a", 4));
    const placement = planBatch(inventory, 2);
    inventory.setMachineStatus("nvl-a-04", "Maintenance");
    expect(() => inventory.commit(placement, instanceIdsFor(placement))).toThrow(
      StalePlacementError,
    );
  });

  it("stale placement changes nothing", () => {
    const inventory = new Inventory(domain("nvl-a", 4));
    const placement = planBatch(inventory, 2);
    inventory.commit(planBatch(inventory, 1), ["other-1"]);
    const before = inventory.snapshot();
    const version = inventory.version;
    expect(() => inventory.commit(placement, instanceIdsFor(placement))).toThrow(
      StalePlacementError,
    );
    expect(inventory.snapshot()).toEqual(before);
    expect(inventory.version).toBe(version);
  });

  it("rejects a taken machine", () => {
    const inventory = new Inventory([
      machine("nvl-a-01", "nvl-a", { assignedInstanceId: "inst-0" }),
      machine("nvl-a-02", "nvl-a"),
    ]);
    const placement: Placement = {
      instanceTypeId: "gb200",
      machineIds: ["nvl-a-02", "nvl-a-01"],
      domainIds: ["nvl-a"],
      topologyOptimized: true,
      policy: "best-fit",
      inventoryVersion: inventory.version,
    };
    expect(() => inventory.commit(placement, ["inst-1", "inst-2"])).toThrow(StalePlacementError);
    expect(inventory.getMachine("nvl-a-02")?.assignedInstanceId).toBeNull();
  });

  it("rejects a count mismatch", () => {
    const inventory = new Inventory(domain("nvl-a", 4));
    const placement = planBatch(inventory, 2);
    expect(() => inventory.commit(placement, ["inst-1"])).toThrow(RangeError);
    expect(inventory.version).toBe(0);
  });

  it("rejects duplicate instance ids", () => {
    const inventory = new Inventory(domain("nvl-a", 4));
    const placement = planBatch(inventory, 2);
    expect(() => inventory.commit(placement, ["inst-1", "inst-1"])).toThrow(RangeError);
  });

  it("rejects an assigned instance id", () => {
    const inventory = new Inventory(domain("nvl-a", 4));
    inventory.commit(planBatch(inventory, 1), ["inst-1"]);
    const placement = planBatch(inventory, 1);
    expect(() => inventory.commit(placement, ["inst-1"])).toThrow(RangeError);
    expect(inventory.freeCountsByDomain("gb200").get("nvl-a")).toBe(3);
  });
});

describe("release", () => {
  it("frees machines for placement", () => {
    const inventory = new Inventory(domain("nvl-a", 2));
    const placement = planBatch(inventory, 2);
    inventory.commit(placement, instanceIdsFor(placement));
    inventory.release(placement.machineIds);
    expect(inventory.freeCountsByDomain("gb200").get("nvl-a")).toBe(2);
    expect(inventory.getMachine("nvl-a-01")?.assignedInstanceId).toBeNull();
  });

  it("frees the instance id", () => {
    const inventory = new Inventory(domain("nvl-a", 2));
    inventory.commit(planBatch(inventory, 1), ["inst-1"]);
    inventory.release(["nvl-a-01"]);
    const placement = planBatch(inventory, 1);
    inventory.commit(placement, ["inst-1"]);
    expect(inventory.getMachine("nvl-a-01")?.assignedInstanceId).toBe("inst-1");
  });

  it("ignores free machines", () => {
    const inventory = new Inventory(domain("nvl-a", 2));
    inventory.release(["nvl-a-01"]);
    expect(inventory.version).toBe(0);
  });

  it("unknown machine changes nothing", () => {
    const inventory = new Inventory(domain("nvl-a", 2));
    inventory.commit(planBatch(inventory, 1), ["inst-1"]);
    expect(() => inventory.release(["nvl-a-01", "nope"])).toThrow(RangeError);
    expect(inventory.getMachine("nvl-a-01")?.assignedInstanceId).toBe("inst-1");
  });

  it("keeps non-Ready machines ineligible", () => {
    const inventory = new Inventory(domain("nvl-a", 2));
    inventory.commit(planBatch(inventory, 1), ["inst-1"]);
    inventory.setMachineStatus("nvl-a-01", "Error");
    inventory.release(["nvl-a-01"]);
    expect(inventory.freeCountsByDomain("gb200").get("nvl-a")).toBe(1);
  });
});

describe("machine changes", () => {
  it("status change updates free counts", () => {
    const inventory = new Inventory(domain("nvl-a", 3));
    inventory.setMachineStatus("nvl-a-02", "Maintenance");
    expect(inventory.freeCountsByDomain("gb200").get("nvl-a")).toBe(2);
    inventory.setMachineStatus("nvl-a-02", "Ready");
    expect(inventory.freeCountsByDomain("gb200").get("nvl-a")).toBe(3);
  });

  it("same status keeps the version", () => {
    const inventory = new Inventory(domain("nvl-a", 1));
    inventory.setMachineStatus("nvl-a-01", "Ready");
    expect(inventory.version).toBe(0);
  });

  it("remove drops an emptied domain", () => {
    const inventory = new Inventory([...domain("nvl-a", 1), ...domain("nvl-b", 1)]);
    const removed = inventory.removeMachine("nvl-a-01");
    expect(removed.id).toBe("nvl-a-01");
    expect([...inventory.freeCountsByDomain("gb200").keys()]).toEqual(["nvl-b"]);
  });

  it("remove drops an emptied type", () => {
    const inventory = new Inventory([machine("m1", null)]);
    inventory.removeMachine("m1");
    expect(inventory.describe()).toEqual([]);
  });

  it("remove of unknown id throws", () => {
    const inventory = new Inventory();
    expect(() => inventory.removeMachine("m1")).toThrow(RangeError);
  });

  it("add rejects a duplicate id", () => {
    const inventory = new Inventory(domain("nvl-a", 1));
    const batch = [machine("m9", null), machine("nvl-a-01", "nvl-a")];
    expect(() => inventory.addMachines(batch)).toThrow(RangeError);
    expect(inventory.getMachine("m9")).toBeUndefined();
  });

  it("add rejects an empty domain id", () => {
    const inventory = new Inventory();
    expect(() => inventory.addMachines([machine("m1", "")])).toThrow(TypeError);
  });

  it("add rejects a reused instance id", () => {
    const inventory = new Inventory([machine("m1", null, { assignedInstanceId: "inst-1" })]);
    const batch = [machine("m2", null, { assignedInstanceId: "inst-1" })];
    expect(() => inventory.addMachines(batch)).toThrow(RangeError);
  });
});

describe("reports", () => {
  it("free counts list empty domains", () => {
    const inventory = new Inventory([
      ...domain("nvl-b", 2, { status: "Maintenance" }),
      ...domain("nvl-a", 1),
    ]);
    expect([...inventory.freeCountsByDomain("gb200")]).toEqual([
      ["nvl-a", 1],
      ["nvl-b", 0],
    ]);
  });

  it("snapshot returns copies", () => {
    const inventory = new Inventory(domain("nvl-a", 1));
    const [copy] = inventory.snapshot();
    if (copy !== undefined) {
      copy.assignedInstanceId = "inst-1";
    }
    expect(inventory.getMachine("nvl-a-01")?.assignedInstanceId).toBeNull();
  });

  it("input machines are copied", () => {
    const input = machine("nvl-a-01", "nvl-a");
    const inventory = new Inventory([input]);
    input.status = "Error";
    expect(inventory.freeCountsByDomain("gb200").get("nvl-a")).toBe(1);
  });

  it("describe lists every instance type", () => {
    const inventory = new Inventory([
      ...domain("nvl-a", 2),
      ...domain("nvl-h", 3, { instanceTypeId: "h100", status: "Error" }),
    ]);
    const capacity = inventory.describe();
    expect(capacity.map((entry) => entry.instanceTypeId)).toEqual(["gb200", "h100"]);
    expect(capacity[1]?.machineCount).toBe(3);
    expect(capacity[1]?.freeTotal).toBe(0);
  });
});
