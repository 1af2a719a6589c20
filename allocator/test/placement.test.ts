import { describe, expect, it } from "vitest";
import { Inventory, type PlacementResult } from "../src/index.js";
import { domain, machine } from "./fixtures.js";

function placed(result: PlacementResult) {
  if (!result.ok) {
    throw new Error(`expected a placement, got ${result.code}: ${result.message}`);
  }
  return result.placement;
}

function rejected(result: PlacementResult) {
  if (result.ok) {
    throw new Error(`expected a rejection, got ${result.placement.machineIds.join(",")}`);
  }
  return result;
}

function commitBatch(inventory: Inventory, count: number, prefix: string) {
  const placement = placed(
    inventory.plan({ instanceTypeId: "gb200", count, topologyOptimized: true }),
  );
  const instanceIds = placement.machineIds.map((_, position) => `${prefix}-${position}`);
  inventory.commit(placement, instanceIds);
  return placement;
}

describe("plan with topologyOptimized", () => {
  it("best fit picks fewest free", () => {
    const inventory = new Inventory([
      ...domain("nvl-a", 8),
      ...domain("nvl-b", 4),
      ...domain("nvl-c", 2),
    ]);
    const placement = placed(
      inventory.plan({ instanceTypeId: "gb200", count: 3, topologyOptimized: true }),
    );
    expect(placement.domainIds).toEqual(["nvl-b"]);
  });

  it("best fit breaks ties by domain id", () => {
    const inventory = new Inventory([
      ...domain("nvl-d", 4),
      ...domain("nvl-b", 4),
      ...domain("nvl-c", 4),
    ]);
    const placement = placed(
      inventory.plan({ instanceTypeId: "gb200", count: 4, topologyOptimized: true }),
    );
    expect(placement.domainIds).toEqual(["nvl-b"]);
  });

  it("best fit is the default policy", () => {
    const inventory = new Inventory([...domain("nvl-a", 8), ...domain("nvl-b", 4)]);
    const placement = placed(
      inventory.plan({ instanceTypeId: "gb200", count: 2, topologyOptimized: true }),
    );
    expect(placement.policy).toBe("best-fit");
  });

  it("most free picks the largest domain", () => {
    const inventory = new Inventory([
      ...domain("nvl-a", 4),
      ...domain("nvl-b", 8),
      ...domain("nvl-c", 2),
    ]);
    const result = inventory.plan({
      instanceTypeId: "gb200",
      count: 2,
      topologyOptimized: true,
      policy: "most-free",
    });
    expect(placed(result).domainIds).toEqual(["nvl-b"]);
  });

  it("most free breaks ties by domain id", () => {
    const inventory = new Inventory([
      ...domain("nvl-c", 6),
      ...domain("nvl-a", 6),
      ...domain("nvl-b", 2),
    ]);
    const result = inventory.plan({
      instanceTypeId: "gb200",
      count: 2,
      topologyOptimized: true,
      policy: "most-free",
    });
    expect(placed(result).domainIds).toEqual(["nvl-a"]);
  });

  it("most free rejects when largest is short", () => {
    const inventory = new Inventory([...domain("nvl-a", 3), ...domain("nvl-b", 3)]);
    const result = inventory.plan({
      instanceTypeId: "gb200",
      count: 4,
      topologyOptimized: true,
      policy: "most-free",
    });
    expect(rejected(result).code).toBe("insufficient_capacity");
  });

  it("machines taken by ascending id", () => {
    const machines = ["nvl-a-09", "nvl-a-03", "nvl-a-07", "nvl-a-01"].map((id) =>
      machine(id, "nvl-a"),
    );
    const inventory = new Inventory(machines);
    const placement = placed(
      inventory.plan({ instanceTypeId: "gb200", count: 3, topologyOptimized: true }),
    );
    expect(placement.machineIds).toEqual(["nvl-a-01", "nvl-a-03", "nvl-a-07"]);
  });

  it("ids compare by code unit", () => {
    const inventory = new Inventory([...domain("nvl-b", 2), ...domain("NVL-Z", 2)]);
    const placement = placed(
      inventory.plan({ instanceTypeId: "gb200", count: 2, topologyOptimized: true }),
    );
    expect(placement.domainIds).toEqual(["NVL-Z"]);
  });

  it("plan leaves version unchanged", () => {
    const inventory = new Inventory(domain("nvl-a", 4));
    inventory.plan({ instanceTypeId: "gb200", count: 2, topologyOptimized: true });
    expect(inventory.version).toBe(0);
  });

  it("placement carries inventory version", () => {
    const inventory = new Inventory(domain("nvl-a", 4));
    inventory.addMachines(domain("nvl-b", 4));
    const placement = placed(
      inventory.plan({ instanceTypeId: "gb200", count: 2, topologyOptimized: true }),
    );
    expect(placement.inventoryVersion).toBe(1);
  });
});

describe("plan eligibility", () => {
  it("skips machines not Ready", () => {
    const inventory = new Inventory([
      ...domain("nvl-a", 2),
      ...domain("nvl-b", 3, { status: "Maintenance" }),
      ...domain("nvl-c", 3),
    ]);
    const placement = placed(
      inventory.plan({ instanceTypeId: "gb200", count: 3, topologyOptimized: true }),
    );
    expect(placement.domainIds).toEqual(["nvl-c"]);
  });

  it("skips assigned machines", () => {
    const inventory = new Inventory([
      machine("nvl-a-01", "nvl-a", { assignedInstanceId: "inst-1" }),
      machine("nvl-a-02", "nvl-a"),
      machine("nvl-a-03", "nvl-a"),
    ]);
    const placement = placed(
      inventory.plan({ instanceTypeId: "gb200", count: 2, topologyOptimized: true }),
    );
    expect(placement.machineIds).toEqual(["nvl-a-02", "nvl-a-03"]);
  });

  it("skips other instance types", () => {
    const inventory = new Inventory([
      ...domain("nvl-a", 2),
      ...domain("nvl-b", 4, { instanceTypeId: "h100" }),
    ]);
    const result = inventory.plan({ instanceTypeId: "gb200", count: 3, topologyOptimized: true });
    expect(rejected(result).available).toBe(2);
  });

  it("unknown instance type has none", () => {
    const inventory = new Inventory(domain("nvl-a", 4));
    const result = inventory.plan({ instanceTypeId: "b300", count: 1, topologyOptimized: false });
    expect(rejected(result).code).toBe("insufficient_machines");
  });

  it("rejects a zero count", () => {
    const inventory = new Inventory(domain("nvl-a", 4));
    const request = { instanceTypeId: "gb200", count: 0, topologyOptimized: true };
    expect(() => inventory.plan(request)).toThrow(RangeError);
  });

  it("rejects a fractional count", () => {
    const inventory = new Inventory(domain("nvl-a", 4));
    const request = { instanceTypeId: "gb200", count: 1.5, topologyOptimized: true };
    expect(() => inventory.plan(request)).toThrow(RangeError);
  });

  it("rejects an unknown policy", () => {
    const inventory = new Inventory(domain("nvl-a", 4));
    const request = {
      instanceTypeId: "gb200",
      count: 1,
      topologyOptimized: true,
      policy: "random",
    };
    // @ts-expect-error the policy is outside the PlacementPolicy union on purpose
    expect(() => inventory.plan(request)).toThrow(RangeError);
  });
});

describe("plan rejections", () => {
  it("too few machines in total", () => {
    const inventory = new Inventory([...domain("nvl-a", 1), ...domain("nvl-b", 1)]);
    const result = rejected(
      inventory.plan({ instanceTypeId: "gb200", count: 5, topologyOptimized: true }),
    );
    expect(result.code).toBe("insufficient_machines");
    expect(result.requested).toBe(5);
    expect(result.available).toBe(2);
    expect(result.message).toContain("requested 5, available 2");
  });

  it("too few machines without topology", () => {
    const inventory = new Inventory([machine("m1", null), ...domain("nvl-a", 2)]);
    const result = inventory.plan({ instanceTypeId: "gb200", count: 4, topologyOptimized: false });
    expect(rejected(result).code).toBe("insufficient_machines");
  });

  it("fragmented domains reject at once", () => {
    const inventory = new Inventory([...domain("nvl-a", 8), ...domain("nvl-b", 8)]);
    for (const domainId of ["nvl-a", "nvl-b"]) {
      const used = [1, 2, 3, 4].map((n) => `${domainId}-0${n}`);
      inventory.commit(
        {
          instanceTypeId: "gb200",
          machineIds: used,
          domainIds: [domainId],
          topologyOptimized: true,
          policy: "best-fit",
          inventoryVersion: inventory.version,
        },
        used.map((id) => `inst-${id}`),
      );
    }
    const result = rejected(
      inventory.plan({ instanceTypeId: "gb200", count: 8, topologyOptimized: true }),
    );
    expect(result.code).toBe("insufficient_capacity");
    expect(result.available).toBe(8);
    expect(result.largestDomainFree).toBe(4);
    expect(result.message).toContain("all 8 machines in one NVLink domain");
    expect(result.message).toContain("has only 4 free");
  });

  it("small batches keep a domain whole", () => {
    const inventory = new Inventory([...domain("nvl-a", 8), ...domain("nvl-b", 8)]);
    const first = commitBatch(inventory, 2, "small-1");
    const second = commitBatch(inventory, 2, "small-2");
    const third = commitBatch(inventory, 2, "small-3");
    expect(second.domainIds).toEqual(first.domainIds);
    expect(third.domainIds).toEqual(first.domainIds);
    const large = commitBatch(inventory, 8, "large");
    expect(large.machineIds).toHaveLength(8);
    expect(large.domainIds).not.toEqual(first.domainIds);
  });
});

describe("plan with machines without a domain", () => {
  const unlabelled = () => [machine("m1", null), machine("m2", null), machine("m3", null)];

  it("never forms a pseudo-domain", () => {
    const inventory = new Inventory([...unlabelled(), ...domain("nvl-a", 2)]);
    const result = rejected(
      inventory.plan({ instanceTypeId: "gb200", count: 3, topologyOptimized: true }),
    );
    expect(result.code).toBe("insufficient_capacity");
    expect(result.largestDomainFree).toBe(2);
    expect(result.message).toContain("3 free machines have no NVLink domain");
  });

  it("fitting batch goes to the domain", () => {
    const inventory = new Inventory([...unlabelled(), ...domain("nvl-a", 2)]);
    const placement = placed(
      inventory.plan({ instanceTypeId: "gb200", count: 2, topologyOptimized: true }),
    );
    expect(placement.domainIds).toEqual(["nvl-a"]);
    expect(placement.machineIds).toEqual(["nvl-a-01", "nvl-a-02"]);
  });

  it("only unlabelled machines reject", () => {
    const inventory = new Inventory(unlabelled());
    const result = rejected(
      inventory.plan({ instanceTypeId: "gb200", count: 1, topologyOptimized: true }),
    );
    expect(result.code).toBe("insufficient_capacity");
    expect(result.largestDomainFree).toBe(0);
  });

  it("describe reports unlabelled machines", () => {
    const inventory = new Inventory([...unlabelled(), ...domain("nvl-a", 2)]);
    const [capacity] = inventory.describe();
    expect(capacity?.machinesWithoutDomain).toEqual(["m1", "m2", "m3"]);
    expect(capacity?.freeWithoutDomain).toBe(3);
    expect(capacity?.freeByDomain).toEqual({ "nvl-a": 2 });
    expect(capacity?.freeTotal).toBe(5);
  });
});

describe("plan without topologyOptimized", () => {
  it("takes unlabelled machines first", () => {
    const inventory = new Inventory([
      ...domain("nvl-a", 2),
      machine("m2", null),
      machine("m1", null),
    ]);
    const placement = placed(
      inventory.plan({ instanceTypeId: "gb200", count: 2, topologyOptimized: false }),
    );
    expect(placement.machineIds).toEqual(["m1", "m2"]);
    expect(placement.domainIds).toEqual([]);
  });

  it("fills fewest free domains next", () => {
    const inventory = new Inventory([
      machine("m1", null),
      ...domain("nvl-a", 5),
      ...domain("nvl-b", 2),
      ...domain("nvl-c", 3),
    ]);
    const placement = placed(
      inventory.plan({ instanceTypeId: "gb200", count: 5, topologyOptimized: false }),
    );
    expect(placement.machineIds).toEqual(["m1", "nvl-b-01", "nvl-b-02", "nvl-c-01", "nvl-c-02"]);
    expect(placement.domainIds).toEqual(["nvl-b", "nvl-c"]);
  });

  it("breaks domain ties by id", () => {
    const inventory = new Inventory([...domain("nvl-c", 2), ...domain("nvl-a", 2)]);
    const placement = placed(
      inventory.plan({ instanceTypeId: "gb200", count: 3, topologyOptimized: false }),
    );
    expect(placement.machineIds).toEqual(["nvl-a-01", "nvl-a-02", "nvl-c-01"]);
  });

  it("never rejects for capacity", () => {
    const inventory = new Inventory([...domain("nvl-a", 4), ...domain("nvl-b", 4)]);
    const result = inventory.plan({ instanceTypeId: "gb200", count: 8, topologyOptimized: false });
    expect(placed(result).domainIds).toEqual(["nvl-a", "nvl-b"]);
  });
});
