// Measures the time an SDK call adds on top of a plain fetch of the same request to the same
// reference server, for getInstance and createInstanceBatch. Run with `npm run bench:sdk`.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createNicoClient, type NicoClient } from "@nico/sdk";
import { signDevelopmentToken } from "@nico/server";
import { describeMachine, markdownTable, writeBenchmarkSection } from "./allocator-report.js";
import {
  benchBatchRequest,
  benchOrg,
  buildBenchInventory,
  machinesPerDomain,
} from "./server-inventory.js";
import { spawnServerProcess } from "./server-process.js";
import {
  describeLoad,
  formatNumber,
  formatRatio,
  median,
  quantile,
  verdict,
} from "./server-stats.js";

const jwtSecret = "sdk-benchmark-secret";
const batchCount = 8;
const goalMaxOverhead = 0.05;
/** SDK user agent, sent by the plain fetch too so both requests carry the same headers. */
const userAgent = `nico-sdk/0.1.0 node/${process.versions.node}`;

const unvalidatedLabel = "SDK, validateResponses false";
/** The baseline request sent as a `Request` object, the way the SDK hands it to fetch. */
const requestObjectLabel = "fetch(new Request(...))";

/** One way of sending the request under test. */
interface Variant {
  label: string;
  call: () => Promise<unknown>;
}

interface Operation {
  name: string;
  transport: string;
  warmupRounds: number;
  rounds: number;
  variants: Variant[];
}

/** Keeps results reachable so no call can be optimized away. */
let sink: unknown;

/**
 * Runs every variant once per round, in an order that rotates from round to round, so drift of
 * the server or the machine falls on all variants alike. Returns the call times in milliseconds.
 */
async function interleave(operation: Operation): Promise<number[][]> {
  const count = operation.variants.length;
  const times = operation.variants.map(() => [] as number[]);
  const total = operation.warmupRounds + operation.rounds;
  for (let round = 0; round < total; round += 1) {
    for (let step = 0; step < count; step += 1) {
      const index = (round + step) % count;
      const variant = operation.variants[index] as Variant;
      const started = performance.now();
      sink = await variant.call();
      const elapsed = performance.now() - started;
      if (round >= operation.warmupRounds) (times[index] as number[]).push(elapsed);
    }
  }
  return times;
}

type FetchFunction = (request: Request) => Promise<Response>;

/** Recorded server responses, replayed by the in-memory transport. */
interface RecordedResponses {
  instance: string;
  batch: string;
}

/** Returns a fetch that reads the request body and replies with a recorded response, without a socket. */
function replayFetch(recorded: RecordedResponses): FetchFunction {
  return async (request) => {
    await request.text();
    const isCreate = request.method === "POST";
    return new Response(isCreate ? recorded.batch : recorded.instance, {
      status: isCreate ? 201 : 200,
      headers: { "content-type": "application/json" },
    });
  };
}

async function sendJson(
  transport: Transport,
  url: string,
  init: RequestInit,
  expected: number,
  asRequestObject = false,
): Promise<unknown> {
  const response = asRequestObject
    ? await transport.fetch(new Request(url, init))
    : await transport.send(url, init);
  const body: unknown = await response.json();
  if (response.status !== expected) {
    throw new Error(`${init.method ?? "GET"} ${url} returned ${response.status}, not ${expected}`);
  }
  return body;
}

/** Settings shared by the operations of one transport. */
interface Transport {
  label: string;
  baseUrl: string;
  /** Fetch given to the SDK client. */
  fetch: FetchFunction;
  /** Baseline sender, which sends one request the way a caller without the SDK would. */
  send(url: string, init: RequestInit): Promise<Response>;
  getRounds: number;
  createRounds: number;
}

function operations(transport: Transport, token: string, instanceId: string): Operation[] {
  const { baseUrl } = transport;
  const clientOptions = { endpoint: baseUrl, org: benchOrg, token, fetch: transport.fetch };
  const sdk: NicoClient = createNicoClient(clientOptions);
  const unchecked: NicoClient = createNicoClient({ ...clientOptions, validateResponses: false });
  const headers = { authorization: `Bearer ${token}`, "user-agent": userAgent };
  const instanceUrl = `${baseUrl}/v2/org/${benchOrg}/nico/instance/${instanceId}`;
  const batchUrl = `${baseUrl}/v2/org/${benchOrg}/nico/instance/batch`;
  const batch = benchBatchRequest("sdk-bench", batchCount);
  const createInit = (): RequestInit => ({
    method: "POST",
    headers: { ...headers, "content-type": "application/json", "idempotency-key": randomUUID() },
    body: JSON.stringify(batch),
  });
  return [
    {
      name: "getInstance",
      transport: transport.label,
      warmupRounds: Math.ceil(transport.getRounds / 10),
      rounds: transport.getRounds,
      variants: [
        { label: "fetch", call: () => sendJson(transport, instanceUrl, { headers }, 200) },
        {
          label: requestObjectLabel,
          call: () => sendJson(transport, instanceUrl, { headers }, 200, true),
        },
        { label: "SDK", call: () => sdk.getInstance(instanceId) },
        { label: unvalidatedLabel, call: () => unchecked.getInstance(instanceId) },
      ],
    },
    {
      name: `createInstanceBatch (count ${batchCount})`,
      transport: transport.label,
      warmupRounds: Math.ceil(transport.createRounds / 10),
      rounds: transport.createRounds,
      variants: [
        { label: "fetch", call: () => sendJson(transport, batchUrl, createInit(), 201) },
        {
          label: requestObjectLabel,
          call: () => sendJson(transport, batchUrl, createInit(), 201, true),
        },
        { label: "SDK", call: () => sdk.createInstanceBatch(batch) },
        { label: unvalidatedLabel, call: () => unchecked.createInstanceBatch(batch) },
      ],
    },
  ];
}

/** Batch creates sent to the server, so the inventory can hold all of them. */
function serverBatchCreates(transport: Transport, variantCount: number): number {
  const rounds = transport.createRounds + Math.ceil(transport.createRounds / 10);
  // One more batch gives the instance that getInstance reads.
  return rounds * variantCount + 1;
}

interface Row {
  operation: string;
  transport: string;
  variant: string;
  calls: number;
  medianMs: number;
  meanMs: number;
  p99Ms: number;
  overhead: number;
  addedMicroseconds: number;
}

function findRow(rows: Row[], operation: string, transport: string, variant: string): Row {
  const row = rows.find(
    (candidate) =>
      candidate.operation === operation &&
      candidate.transport === transport &&
      candidate.variant === variant,
  );
  if (row === undefined) throw new Error(`No result for ${operation}, ${transport}, ${variant}`);
  return row;
}

/**
 * Builds one note per operation: the time the SDK adds over loopback, the same time as a share of
 * the fetch median against the goal and, because that share shrinks as the server gets slower,
 * the round trip below which the added time breaks the goal.
 */
function goalNotes(rows: Row[]): string[] {
  const operationNames = [...new Set(rows.map((row) => row.operation))];
  return operationNames.map((operation) => {
    const sdk = findRow(rows, operation, "loopback", "SDK");
    const fetchRow = findRow(rows, operation, "loopback", "fetch");
    const inMemory = findRow(rows, operation, "in memory", "SDK");
    const inMemoryUnchecked = findRow(rows, operation, "in memory", unvalidatedLabel);
    const unchecked = findRow(rows, operation, "loopback", unvalidatedLabel);
    const met = sdk.overhead <= goalMaxOverhead;
    const fetchMs = formatNumber(fetchRow.medianMs, 2);
    let note =
      `SDK ${operation} over loopback: ${formatNumber(sdk.addedMicroseconds, 0)} µs added per ` +
      `call at the median, ${formatNumber(sdk.overhead * 100, 1)}% of the ${fetchMs} ms ` +
      `fetch median (goal within ${goalMaxOverhead * 100}%: ${verdict(met)} in this run). ` +
      `In memory, without a socket, the SDK adds ${formatNumber(inMemory.addedMicroseconds, 0)} µs ` +
      `(${formatNumber(inMemoryUnchecked.addedMicroseconds, 0)} µs without the response check): ` +
      "the zod checks, building the request and the client middleware.";
    if (sdk.addedMicroseconds <= 0) {
      note +=
        " Over loopback the SDK median is not above the fetch median, so this run shows no " +
        "added time beyond the spread between calls.";
      return note;
    }
    const breakEvenMs = sdk.addedMicroseconds / 1000 / goalMaxOverhead;
    note +=
      " The percentage depends on how long the server takes to respond, because the SDK adds " +
      `about the same time to every call: ${formatNumber(sdk.addedMicroseconds, 0)} µs stays ` +
      `within ${goalMaxOverhead * 100}% only when the fetch takes ` +
      `${formatNumber(breakEvenMs, 1)} ms or more.`;
    if (met) {
      note +=
        ` The goal is met here because the server took ${fetchMs} ms per call in this run. ` +
        "Against a server that responds faster the same added time is a larger share, so this " +
        "verdict holds only for round trips as slow as this one.";
      return note;
    }
    const checkMicroseconds = sdk.addedMicroseconds - unchecked.addedMicroseconds;
    note +=
      ` The zod check of the response accounts for ${formatNumber(checkMicroseconds, 0)} µs ` +
      "of the loopback figure. Over loopback the SDK's work costs more than in memory. Likely " +
      "causes, not measured apart, are cold CPU caches after each wait on the socket and waits " +
      "for a core while other processes run (see the load average).";
    return note;
  });
}

function measure(operation: Operation, times: number[][]): Row[] {
  const baseline = median(times[0] as number[]);
  return operation.variants.map((variant, index) => {
    const samples = times[index] as number[];
    const medianMs = median(samples);
    return {
      operation: operation.name,
      transport: operation.transport,
      variant: variant.label,
      calls: samples.length,
      medianMs,
      meanMs: samples.reduce((sum, value) => sum + value, 0) / samples.length,
      p99Ms: quantile(samples, 0.99),
      overhead: medianMs / baseline - 1,
      addedMicroseconds: (medianMs - baseline) * 1000,
    };
  });
}

async function runTransport(transport: Transport, token: string, instanceId: string) {
  const rows: Row[] = [];
  for (const operation of operations(transport, token, instanceId)) {
    rows.push(...measure(operation, await interleave(operation)));
  }
  return rows;
}

async function main(): Promise<void> {
  const [loadAtStart = Number.NaN] = loadavg();
  const workDir = mkdtempSync(join(tmpdir(), "nico-sdk-bench-"));
  const token = await signDevelopmentToken({ secret: jwtSecret, org: benchOrg, ttl: "2h" });
  const loopback: Transport = {
    label: "loopback",
    baseUrl: "",
    fetch: (request) => globalThis.fetch(request),
    send: (url, init) => globalThis.fetch(url, init),
    getRounds: 1500,
    createRounds: 150,
  };
  // Two extra batches: one gives the instance that getInstance reads, one records a response.
  const batches = serverBatchCreates(loopback, 4) + 2;
  const batchesPerDomain = Math.floor(machinesPerDomain / batchCount);
  const domains = Math.ceil(batches / batchesPerDomain) + 2;
  const inventoryFile = join(workDir, "inventory.json");
  writeFileSync(inventoryFile, JSON.stringify(buildBenchInventory(domains)));

  const server = await spawnServerProcess({
    inventoryFile,
    database: join(workDir, "nico.db"),
    jwtSecret,
    lifecycleDelayMs: 3_600_000,
    logLevel: "error",
  });
  const rows: Row[] = [];
  let recorded: RecordedResponses;
  let instanceId: string;
  try {
    const setup = createNicoClient({ endpoint: server.url, org: benchOrg, token });
    const [first] = await setup.createInstanceBatch(benchBatchRequest("sdk-target", batchCount));
    if (first === undefined) throw new Error("The setup batch returned no instance");
    instanceId = first.id;
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const apiUrl = `${server.url}/v2/org/${benchOrg}/nico/instance`;
    recorded = {
      instance: await (await fetch(`${apiUrl}/${instanceId}`, { headers })).text(),
      batch: await (
        await fetch(`${apiUrl}/batch`, {
          method: "POST",
          headers,
          body: JSON.stringify(benchBatchRequest("sdk-record", batchCount)),
        })
      ).text(),
    };
    rows.push(...(await runTransport({ ...loopback, baseUrl: server.url }, token, instanceId)));
  } finally {
    await server.stop();
    rmSync(workDir, { recursive: true, force: true });
  }

  const replay = replayFetch(recorded);
  const memory: Transport = {
    label: "in memory",
    baseUrl: "http://127.0.0.1:9",
    fetch: replay,
    send: (url, init) => replay(new Request(url, init)),
    getRounds: 3000,
    createRounds: 1000,
  };
  rows.push(...(await runTransport(memory, token, instanceId)));
  if (sink === undefined) throw new Error("No call returned a result");

  const table = markdownTable(
    [
      "operation",
      "transport",
      "client",
      "calls",
      "median (ms)",
      "mean (ms)",
      "p99 (ms)",
      "median vs fetch",
      "added per call (µs)",
    ],
    rows.map((row) => [
      row.operation,
      row.transport,
      row.variant,
      formatNumber(row.calls),
      formatNumber(row.medianMs, 3),
      formatNumber(row.meanMs, 3),
      formatNumber(row.p99Ms, 3),
      formatRatio(1 + row.overhead),
      formatNumber(row.addedMicroseconds, 0),
    ]),
  );
  const notes = goalNotes(rows);
  const description = [
    "Time of one call through the SDK client (`createNicoClient`) against a plain `fetch` of",
    "the same request (same URL, body and headers, including `User-Agent` and, for batch",
    "create, a new `Idempotency-Key`) followed by `response.json()`. Over loopback both go to",
    "the same reference server, which runs in its own process with the embedded SQLite store",
    "and a generated inventory (`bench/server-inventory.ts`). In memory, both use a fetch that",
    "reads the request body and replays a response recorded from that server, so the",
    "difference is the SDK's own work per call. Calls run one at a time. Each round",
    "sends one request per client, and the order rotates from round to round. The first",
    "rounds are warmup and are not counted. `validateResponses false` is the SDK with its zod",
    "check of the response turned off, which shows how much of the added time that check takes.",
    "The ratio column divides each median by the `fetch` median of the same operation, and the",
    "added time subtracts that median, so the ratio also depends on how fast the server responds.",
    "Script: `npm run bench:sdk`.",
  ].join(" ");
  const body = [
    "## SDK call overhead",
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
  await writeBenchmarkSection("sdk", body);
}

await main();
