// Measures batch create throughput and latency of the reference server on the embedded SQLite
// store and on PostgreSQL, against the Prism mock serving the same requests in the same run.
// Run with `npm run bench:server`.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { startMockServer, type MockServer } from "@nico/mock-server";
import { signDevelopmentToken } from "@nico/server";
import { describeMachine, markdownTable, writeBenchmarkSection } from "./allocator-report.js";
import { startPostgres, type RunningPostgres } from "../test/support/postgres.js";
import {
  benchBatchRequest,
  benchOrg,
  buildBenchInventory,
  machinesPerDomain,
} from "./server-inventory.js";
import { spawnServerProcess, type ServerProcess } from "./server-process.js";
import {
  describeLoad,
  formatNumber,
  formatRatio,
  median,
  quantile,
  verdict,
} from "./server-stats.js";

const connections = 16;
const batchCount = 8;
const rounds = 3;
const warmupRequests = 32;
const jwtSecret = "server-benchmark-secret";
/** A batch of 8 leaves 10 machines of an 18-machine domain, so one domain takes two batches. */
const batchesPerDomain = Math.floor(machinesPerDomain / batchCount);
const goals = { minThroughputVsPrism: 3, maxEmbeddedP99Ms: 25 };

type TargetKind = "prism" | "sqlite" | "postgres";

interface Target {
  key: string;
  label: string;
  kind: TargetKind;
  /** Measured requests per round. */
  requests: number;
  /** NVLink domains of the inventory, unused for Prism because it keeps no state. */
  domains: number;
}

function domainsFor(requests: number): number {
  // Two spare domains keep the last requests of a round away from a full inventory.
  return Math.ceil((warmupRequests + requests) / batchesPerDomain) + 2;
}

const targets: Target[] = [
  { key: "prism", label: "Prism mock", kind: "prism", requests: 300, domains: 0 },
  {
    key: "sqlite",
    label: "server, embedded SQLite store",
    kind: "sqlite",
    requests: 300,
    domains: domainsFor(300),
  },
  {
    key: "postgres",
    label: "server, PostgreSQL store",
    kind: "postgres",
    requests: 300,
    domains: domainsFor(300),
  },
  {
    key: "sqlite-small",
    label: "server, embedded SQLite store, small inventory",
    kind: "sqlite",
    requests: 100,
    domains: domainsFor(100),
  },
];

/** Outcome of one load run. */
interface LoadRun {
  seconds: number;
  latenciesMs: number[];
  statusCounts: Map<number, number>;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
}

/** Results of every measured round of one target. */
interface TargetResult {
  target: Target;
  runs: LoadRun[];
}

/** Sends `amount` batch creates over `connections` keep-alive connections and records each response. */
async function runLoad(baseUrl: string, token: string, amount: number): Promise<LoadRun> {
  const latenciesMs: number[] = [];
  const statusCounts = new Map<number, number>();
  const started = performance.now();
  let lastResponseAt = started;
  const options: autocannon.Options = {
    url: `${baseUrl}/v2/org/${benchOrg}/nico/instance/batch`,
    method: "POST",
    connections,
    amount,
    timeout: 30,
    // autocannon notices that `amount` is reached only at its next sample tick.
    sampleInt: 50,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(benchBatchRequest("bench", batchCount)),
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, finished: autocannon.Result) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(finished);
    });
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      lastResponseAt = performance.now();
      latenciesMs.push(responseTime);
      statusCounts.set(statusCode, (statusCounts.get(statusCode) ?? 0) + 1);
    });
  });
  return {
    // The run ends at the last response rather than when autocannon reports, which can be later.
    seconds: (lastResponseAt - started) / 1000,
    latenciesMs,
    statusCounts,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Prism, PostgreSQL and the servers of each round, with a warmup before every measured load. */
class Harness {
  readonly #workDir = mkdtempSync(join(tmpdir(), "nico-server-bench-"));
  #postgres: RunningPostgres | undefined;
  #prism: MockServer | undefined;
  #databases = 0;

  async start(): Promise<void> {
    this.#postgres = await startPostgres();
    this.#prism = await startMockServer();
  }

  async stop(): Promise<void> {
    await this.#prism?.close();
    await this.#postgres?.stop();
    rmSync(this.#workDir, { recursive: true, force: true });
  }

  async #database(kind: "sqlite" | "postgres"): Promise<string> {
    this.#databases += 1;
    if (kind === "sqlite") {
      return join(this.#workDir, `round-${this.#databases}.db`);
    }
    if (this.#postgres === undefined) throw new Error("PostgreSQL is not running");
    return this.#postgres.createDatabase(`bench_round_${this.#databases}`);
  }

  async round(target: Target, token: string): Promise<LoadRun> {
    if (target.kind === "prism") {
      if (this.#prism === undefined) throw new Error("Prism is not running");
      await runLoad(this.#prism.url, token, warmupRequests);
      return runLoad(this.#prism.url, token, target.requests);
    }
    const inventoryFile = join(this.#workDir, `inventory-${target.domains}.json`);
    writeFileSync(inventoryFile, JSON.stringify(buildBenchInventory(target.domains)));
    let server: ServerProcess | undefined;
    try {
      server = await spawnServerProcess({
        inventoryFile,
        database: await this.#database(target.kind),
        jwtSecret,
        // Instances stay Pending, so no lifecycle work runs next to the measured requests.
        lifecycleDelayMs: 3_600_000,
        logLevel: "error",
      });
      await runLoad(server.url, token, warmupRequests);
      return await runLoad(server.url, token, target.requests);
    } finally {
      await server?.stop();
    }
  }
}

/** Aggregate figures of a target over all of its rounds. */
interface Summary {
  requests: number;
  requestsPerSecond: number;
  roundRates: number[];
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  non201: number;
  errors: number;
  timeouts: number;
  statuses: string;
}

function summarize(result: TargetResult): Summary {
  const latencies = result.runs.flatMap((run) => run.latenciesMs);
  const statusCounts = new Map<number, number>();
  for (const run of result.runs) {
    for (const [status, count] of run.statusCounts) {
      statusCounts.set(status, (statusCounts.get(status) ?? 0) + count);
    }
  }
  const countWhere = (test: (status: number) => boolean) =>
    [...statusCounts].filter(([status]) => test(status)).reduce((sum, [, n]) => sum + n, 0);
  const roundRates = result.runs.map((run) => run.latenciesMs.length / run.seconds);
  return {
    requests: latencies.length,
    requestsPerSecond: median(roundRates),
    roundRates,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    non2xx: countWhere((status) => status < 200 || status >= 300),
    non201: countWhere((status) => status !== 201),
    errors: result.runs.reduce((sum, run) => sum + run.errors, 0),
    timeouts: result.runs.reduce((sum, run) => sum + run.timeouts, 0),
    statuses: [...statusCounts]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}: ${count}`)
      .join(", "),
  };
}

function machineCount(target: Target): string {
  return target.kind === "prism" ? "–" : formatNumber(target.domains * machinesPerDomain);
}

/** Milliseconds between completed requests at `requestsPerSecond`. */
function msPerRequest(requestsPerSecond: number): string {
  return formatNumber(1000 / requestsPerSecond, 2);
}

/**
 * Explains a missed throughput goal from the measured rates and from the work the server does per
 * batch create, which Prism does not do.
 */
function throughputNotes(prism: Summary, embedded: Summary, postgres: Summary): string[] {
  const goalRate = goals.minThroughputVsPrism * prism.requestsPerSecond;
  return [
    `Why the throughput goal is missed: Prism completed one request every ` +
      `${msPerRequest(prism.requestsPerSecond)} ms, so ${goals.minThroughputVsPrism}x Prism ` +
      `means one every ${msPerRequest(goalRate)} ms (${formatNumber(goalRate, 0)} req/s). The ` +
      `embedded store completed one every ${msPerRequest(embedded.requestsPerSecond)} ms and ` +
      `PostgreSQL one every ${msPerRequest(postgres.requestsPerSecond)} ms, on ${cpus().length} ` +
      "cores shared with the load generator. Prism returns the contract's static example and " +
      "stores nothing. For each batch create the server verifies the JWT, validates the body " +
      "against the zod request schema, reads the machines of the instance type and plans the " +
      "placement, commits the 8 instances with their interfaces, status history and machine " +
      "assignments in one transaction, and serializes the response.",
    "On PostgreSQL each store call is a round trip to the database, about 13 per batch create " +
      "(an estimate counted from the store calls in the code, not measured). Every request of " +
      "this benchmark uses one tenant, site and instance type, and the quota check holds a " +
      "transaction-scoped advisory lock for that combination until commit, so the batch " +
      "creates run their transactions one at a time however many connections send them.",
  ];
}

function buildReport(results: TargetResult[]): { table: string; notes: string[] } {
  const summaries = new Map(results.map((result) => [result.target.key, summarize(result)]));
  const prism = summaries.get("prism") as Summary;
  const table = markdownTable(
    [
      "target",
      "machines",
      "requests",
      "req/s",
      "req/s per round",
      "p50 (ms)",
      "p99 (ms)",
      "non-2xx",
      "errors",
      "req/s vs Prism",
      "p99 vs Prism",
    ],
    results.map(({ target }) => {
      const summary = summaries.get(target.key) as Summary;
      return [
        target.label,
        machineCount(target),
        formatNumber(summary.requests),
        formatNumber(summary.requestsPerSecond, 1),
        summary.roundRates.map((rate) => formatNumber(rate, 0)).join(", "),
        formatNumber(summary.p50Ms, 1),
        formatNumber(summary.p99Ms, 1),
        formatNumber(summary.non2xx),
        formatNumber(summary.errors),
        formatRatio(summary.requestsPerSecond / prism.requestsPerSecond),
        formatRatio(summary.p99Ms / prism.p99Ms),
      ];
    }),
  );

  const notes: string[] = [];
  for (const result of results) {
    const summary = summaries.get(result.target.key) as Summary;
    if (summary.non201 > 0 || summary.errors > 0) {
      notes.push(
        `${result.target.label}: responses by status ${summary.statuses}, and ` +
          `${summary.errors} connection errors (${summary.timeouts} timeouts).`,
      );
    }
  }
  const embedded = summaries.get("sqlite") as Summary;
  const postgres = summaries.get("postgres") as Summary;
  const small = summaries.get("sqlite-small") as Summary;
  const sqliteTarget = targets.find((target) => target.key === "sqlite") as Target;
  const smallTarget = targets.find((target) => target.key === "sqlite-small") as Target;
  for (const [label, summary] of [
    ["embedded store", embedded],
    ["PostgreSQL store", postgres],
  ] as const) {
    const ratio = summary.requestsPerSecond / prism.requestsPerSecond;
    notes.push(
      `Throughput of the ${label} against Prism: ${formatRatio(ratio)} ` +
        `(goal at least ${goals.minThroughputVsPrism}x: ` +
        `${verdict(ratio >= goals.minThroughputVsPrism)}).`,
    );
  }
  if (
    Math.min(embedded.requestsPerSecond, postgres.requestsPerSecond) <
    goals.minThroughputVsPrism * prism.requestsPerSecond
  ) {
    notes.push(...throughputNotes(prism, embedded, postgres));
  }
  notes.push(
    `p99 latency of the embedded store: ${formatNumber(embedded.p99Ms, 1)} ms ` +
      `(goal under ${goals.maxEmbeddedP99Ms} ms: ` +
      `${verdict(embedded.p99Ms < goals.maxEmbeddedP99Ms)}).`,
  );

  const slowdown = small.requestsPerSecond / embedded.requestsPerSecond;
  const sizeRatio = sqliteTarget.domains / smallTarget.domains;
  if (slowdown > 1.5) {
    notes.push(
      `Throughput falls with the inventory: ${formatNumber(small.requestsPerSecond, 1)} req/s ` +
        `with ${machineCount(smallTarget)} machines against ` +
        `${formatNumber(embedded.requestsPerSecond, 1)} req/s with ${machineCount(sqliteTarget)} ` +
        `(${formatRatio(slowdown)} slower for ${formatRatio(sizeRatio)} the machines). ` +
        "Each batch create reads every machine of the instance type from the store and builds " +
        "a new allocator `Inventory` from them (`planPlacement` in `server/src/service/batch.ts`), " +
        "so its cost grows with the machine count. The store's `machineVersion()` counter would " +
        "let the server keep one index between requests, but the server does not use it yet.",
    );
  }
  const queueingMs = (connections / embedded.requestsPerSecond) * 1000;
  if (embedded.p99Ms >= goals.maxEmbeddedP99Ms) {
    notes.push(
      `With ${connections} clients each waiting for its previous response, the mean latency is ` +
        `${connections} / throughput (Little's law): ${formatNumber(queueingMs, 1)} ms at ` +
        `${formatNumber(embedded.requestsPerSecond, 1)} req/s. A mean under ` +
        `${goals.maxEmbeddedP99Ms} ms needs about ` +
        `${formatNumber((connections / goals.maxEmbeddedP99Ms) * 1000, 0)} req/s, and a p99 ` +
        `under ${goals.maxEmbeddedP99Ms} ms needs more, because the p99 lies above the mean.`,
    );
  }
  return { table, notes };
}

async function main(): Promise<void> {
  const [loadAtStart = Number.NaN] = loadavg();
  const token = await signDevelopmentToken({ secret: jwtSecret, org: benchOrg, ttl: "2h" });
  const harness = new Harness();
  const results: TargetResult[] = targets.map((target) => ({ target, runs: [] }));
  try {
    await harness.start();
    // Rounds alternate between targets, so slow drifts of the machine hit every target alike.
    for (let round = 1; round <= rounds; round += 1) {
      for (const result of results) {
        const run = await harness.round(result.target, token);
        result.runs.push(run);
        console.log(
          `round ${round} ${result.target.label}: ` +
            `${formatNumber(run.latenciesMs.length / run.seconds, 1)} req/s, ` +
            `p99 ${formatNumber(quantile(run.latenciesMs, 0.99), 1)} ms`,
        );
      }
    }
  } finally {
    await harness.stop();
  }

  const { table, notes } = buildReport(results);
  const description = [
    `Batch create (\`POST /v2/org/{org}/nico/instance/batch\`, count ${batchCount},`,
    "topology-optimized, one interface) from",
    `${connections} concurrent autocannon connections over loopback, each sending its next`,
    "request when the previous response arrives. The server runs in its own Node process",
    "(`bench/server-process.ts`) and Prism in another, so the load generator does not share",
    `their event loop. On ${cpus().length} cores the load generator, the server and`,
    "PostgreSQL still compete for CPU.",
    `Each of ${rounds} rounds runs every target in turn. For the server, a round starts a new`,
    "server process on a fresh database, seeded from a generated inventory",
    "(`bench/server-inventory.ts`) of NVLink domains of 18 free machines and a quota as large",
    `as the machine count. Every round sends a warmup of ${warmupRequests} requests before`,
    "the measured requests. The inventory holds two",
    "spare domains beyond what a round needs, so every request can be placed.",
    "Instances stay Pending during the run, so no lifecycle work competes with the requests.",
    "Latency percentiles are over every measured response of all rounds. The req/s of a round",
    "is its measured requests divided by its wall time, and the req/s column is the median",
    "over rounds. Prism answers with the contract's",
    "example and stores nothing. The ratio columns divide by the Prism figures of the same run.",
    "Script: `npm run bench:server`.",
  ].join(" ");
  const body = [
    "## Reference server: batch create under load",
    "",
    description,
    "",
    `${describeMachine()} ${describeLoad(loadAtStart)}`,
    "",
    table,
    "",
    ...notes.map((line) => `- ${line}`),
  ].join("\n");
  console.log(`${table}\n\n${notes.join("\n")}`);
  await writeBenchmarkSection("server", body);
}

await main();
