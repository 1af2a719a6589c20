// Compares how densely the two domain policies pack. The same seeded stream of topology-optimized
// batches runs against the same empty inventory until the first rejection.
// Run with `npm run bench:packing`.
import { Inventory, type PlacementPolicy } from "@nico/allocator";
import {
  benchInstanceTypeId,
  buildNvl72Machines,
  nvl72DomainSize,
  randomInt,
  seededRandom,
} from "./allocator-fixtures.js";
import { describeMachine, markdownTable, writeBenchmarkSection } from "./allocator-report.js";

const domainCount = 100;
const machineCount = domainCount * nvl72DomainSize;
const seeds = Array.from({ length: 20 }, (_, position) => position + 1);
const minBatch = 2;
const maxBatch = nvl72DomainSize;
const policies: PlacementPolicy[] = ["best-fit", "most-free"];

interface StreamResult {
  batchesPlaced: number;
  machinesInUse: number;
}

/** Places batches from the seeded stream until the first rejection. */
function runStream(policy: PlacementPolicy, seed: number): StreamResult {
  const inventory = new Inventory(buildNvl72Machines(machineCount));
  const random = seededRandom(seed);
  let batchesPlaced = 0;
  let machinesInUse = 0;
  for (;;) {
    const count = randomInt(random, minBatch, maxBatch);
    const result = inventory.plan({
      instanceTypeId: benchInstanceTypeId,
      count,
      topologyOptimized: true,
      policy,
    });
    if (!result.ok) {
      return { batchesPlaced, machinesInUse };
    }
    const instanceIds = result.placement.machineIds.map(
      (_, position) => `batch-${batchesPlaced}-${position}`,
    );
    inventory.commit(result.placement, instanceIds);
    batchesPlaced += 1;
    machinesInUse += count;
  }
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

async function main(): Promise<void> {
  const rows = policies.map((policy) => {
    const results = seeds.map((seed) => runStream(policy, seed));
    const shares = results.map((result) => result.machinesInUse / machineCount);
    const batches = results.map((result) => result.batchesPlaced);
    return [
      policy,
      percent(mean(shares)),
      percent(Math.min(...shares)),
      percent(Math.max(...shares)),
      mean(batches).toFixed(1),
    ];
  });
  const table = markdownTable(
    ["policy", "machines in use at first rejection (mean)", "min", "max", "batches placed (mean)"],
    rows,
  );
  const description = [
    `Each run starts from ${domainCount} empty NVLink domains of ${nvl72DomainSize} machines`,
    `(${machineCount.toLocaleString("en-US")} machines) and places topology-optimized batches`,
    `of a uniformly random size from ${minBatch} to ${maxBatch} until the first rejection.`,
    "Both policies see the same batch stream for a seed.",
    `The table shows the mean over seeds ${seeds[0]} to ${seeds[seeds.length - 1]},`,
    "with the lowest and highest share of machines in use.",
    "Script: `npm run bench:packing`.",
  ].join(" ");
  const body = ["## Allocator packing", "", description, "", describeMachine(), "", table].join(
    "\n",
  );
  console.log(table);
  await writeBenchmarkSection("packing", body);
}

await main();
