// Measures the decision time of a topology-optimized batch of 18 in the indexed inventory and in
// a scan of every machine. Run with `npm run bench:allocator`.
import { Bench, type Task } from "tinybench";
import { Inventory, type PlacementRequest } from "@nico/allocator";
import {
  benchInstanceTypeId,
  buildNvl72Machines,
  nvl72DomainSize,
  seededRandom,
} from "./allocator-fixtures.js";
import { describeMachine, markdownTable, writeBenchmarkSection } from "./allocator-report.js";
import { planByScan } from "./naive-allocator.js";

const machineCounts = [1_000, 10_000, 100_000];
const seed = 42;
const request: PlacementRequest = {
  instanceTypeId: benchInstanceTypeId,
  count: nvl72DomainSize,
  topologyOptimized: true,
};
const goals = { maxMeanMicroseconds: 5, minSpeedup: 1000, maxGrowth: 1.5 };

interface Row {
  machineCount: number;
  domainCount: number;
  buildMilliseconds: number;
  outcome: string;
  indexed: Task;
  scan: Task;
}

/** Keeps results reachable so the engine cannot drop the measured calls. */
let sink: unknown;

function latency(task: Task): { mean: number; p99: number } {
  const result = task.result;
  if (!("latency" in result)) {
    throw new Error(`Benchmark task ${task.name} has no statistics (state ${result.state})`);
  }
  return { mean: result.latency.mean * 1000, p99: result.latency.p99 * 1000 };
}

function format(microseconds: number): string {
  const digits = microseconds < 10 ? 2 : 0;
  return microseconds.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

async function measure(machineCount: number): Promise<Row> {
  const machines = buildNvl72Machines(machineCount, seededRandom(seed + machineCount));
  const buildStart = performance.now();
  const inventory = new Inventory(machines);
  const buildMilliseconds = performance.now() - buildStart;

  const indexedResult = inventory.plan(request);
  const scanResult = planByScan(machines, request);
  const indexedIds = indexedResult.ok ? indexedResult.placement.machineIds.join() : "";
  const scanIds = scanResult.ok ? scanResult.machineIds.join() : "";
  if (indexedResult.ok !== scanResult.ok || indexedIds !== scanIds) {
    throw new Error(`Indexed and scanning placement differ at ${machineCount} machines`);
  }

  const bench = new Bench({ time: 1000, warmupTime: 250, timestampProvider: "hrtimeNow" });
  bench.add(`indexed ${machineCount}`, () => {
    sink = inventory.plan(request);
  });
  bench.add(`scan ${machineCount}`, () => {
    sink = planByScan(machines, request);
  });
  await bench.run();
  const [indexed, scan] = bench.tasks as [Task, Task];
  return {
    machineCount,
    domainCount: Math.ceil(machineCount / nvl72DomainSize),
    buildMilliseconds,
    outcome: indexedResult.ok ? "placed" : indexedResult.code,
    indexed,
    scan,
  };
}

function verdict(passed: boolean): string {
  return passed ? "met" : "missed";
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const machineCount of machineCounts) {
    rows.push(await measure(machineCount));
  }
  const table = markdownTable(
    [
      "machines",
      "domains",
      "outcome",
      "indexed mean (µs)",
      "indexed p99 (µs)",
      "scan mean (µs)",
      "scan p99 (µs)",
      "scan / indexed",
      "inventory build (ms)",
    ],
    rows.map((row) => {
      const indexed = latency(row.indexed);
      const scan = latency(row.scan);
      return [
        row.machineCount.toLocaleString("en-US"),
        row.domainCount.toLocaleString("en-US"),
        row.outcome,
        format(indexed.mean),
        format(indexed.p99),
        format(scan.mean),
        format(scan.p99),
        `${Math.round(scan.mean / indexed.mean).toLocaleString("en-US")}x`,
        row.buildMilliseconds.toFixed(0),
      ];
    }),
  );

  const smallest = latency((rows[0] as Row).indexed);
  const largestRow = rows[rows.length - 1] as Row;
  const largest = latency(largestRow.indexed);
  const speedup = latency(largestRow.scan).mean / largest.mean;
  const growth = largest.mean / smallest.mean;
  const summary = [
    `Growth of the indexed mean from 1,000 to 100,000 machines: ${growth.toFixed(2)}x ` +
      `(goal at most ${goals.maxGrowth}x: ${verdict(growth <= goals.maxGrowth)}).`,
    `Indexed mean at 100,000 machines: ${format(largest.mean)} µs ` +
      `(goal at most ${goals.maxMeanMicroseconds} µs: ` +
      `${verdict(largest.mean <= goals.maxMeanMicroseconds)}).`,
    `Scan / indexed at 100,000 machines: ${Math.round(speedup).toLocaleString("en-US")}x ` +
      `(goal at least ${goals.minSpeedup}x: ${verdict(speedup >= goals.minSpeedup)}).`,
  ];

  const description = [
    "Time of one `Inventory.plan()` call for a topology-optimized batch of 18 (best fit),",
    "against `planByScan` in `bench/naive-allocator.ts`, which applies the same rule by",
    "scanning every machine. Inventories hold NVLink domains of 18 machines, and each domain",
    "has a uniformly random number of assigned machines",
    `(seed ${seed} plus the machine count).`,
    "Each call is timed on its own with tinybench (1 s per task after 250 ms warmup),",
    "so the figures include the cost of reading the clock.",
    "The inventory build time is one run of `new Inventory()`.",
    "Script: `npm run bench:allocator`.",
  ].join(" ");
  const body = [
    "## Allocator decision time",
    "",
    description,
    "",
    describeMachine(),
    "",
    table,
    "",
    ...summary.map((line) => `- ${line}`),
  ].join("\n");

  console.log(`${table}\n\n${summary.join("\n")}`);
  await writeBenchmarkSection("allocator", body);
  if (sink === undefined) {
    throw new Error("Benchmark produced no placement");
  }
}

await main();
