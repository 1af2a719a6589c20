import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../src/index.js";
import { baseRequest, ids, machines, sharedFixture, uid } from "./helpers/fixture.js";
import {
  apiPath,
  startTestServer,
  testSecret,
  type InstanceBody,
  type TestServer,
} from "./helpers/harness.js";

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));
const batchPath = apiPath("/instance/batch");

let server: TestServer | undefined;
let child: ChildProcess | undefined;

let folder: string | undefined;

afterEach(async () => {
  child?.kill("SIGTERM");
  child = undefined;
  await server?.close();
  server = undefined;
  if (folder !== undefined) {
    rmSync(folder, { recursive: true, force: true });
    folder = undefined;
  }
});

/** IT1 with 3 NVLink domains of 6 machines and 2 machines without a domain, quota 100. */
function nearFullInventory() {
  const inventory = sharedFixture();
  inventory.machines = [
    ...machines("da", 6, { instanceTypeId: ids.IT1, domain: uid("domain/a") }),
    ...machines("db", 6, { instanceTypeId: ids.IT1, domain: uid("domain/b") }),
    ...machines("dc", 6, { instanceTypeId: ids.IT1, domain: uid("domain/c") }),
    ...machines("nd", 2, { instanceTypeId: ids.IT1, domain: null }),
  ];
  const allocation = inventory.allocations[0];
  if (allocation?.constraints[0] !== undefined) {
    allocation.constraints[0].value = 100;
  }
  return inventory;
}

function requests(total: number) {
  return Array.from({ length: total }, (_, index) =>
    baseRequest({
      namePrefix: `c${index}`,
      count: 2 + (index % 4),
      topologyOptimized: index % 3 !== 0,
    }),
  );
}

interface Outcome {
  status: number;
  count: number;
  body: unknown;
}

async function checkStore(store: Store, outcomes: Outcome[]): Promise<void> {
  const statuses = new Set(outcomes.map((outcome) => outcome.status));
  for (const status of statuses) {
    expect([201, 409]).toContain(status);
  }
  const page = await store.listInstances(
    { tenantId: ids.T1 },
    { offset: 0, limit: 1000, orderBy: null },
  );
  const created = outcomes.filter((outcome) => outcome.status === 201);
  const expectedCount = created.reduce((sum, outcome) => sum + outcome.count, 0);
  expect(page.total).toBe(expectedCount);
  const live = new Set(page.rows.map((row) => row.id));
  for (const outcome of created) {
    const members = outcome.body as InstanceBody[];
    expect(members).toHaveLength(outcome.count);
    for (const member of members) {
      expect(live.has(member.id)).toBe(true);
    }
  }
  const machineIds = page.rows.map((row) => row.machineId);
  expect(new Set(machineIds).size).toBe(machineIds.length);
  const all = await store.listMachines({ instanceTypeId: ids.IT1 });
  const assigned = all.filter((machine) => machine.assignedInstanceId !== null);
  expect(assigned).toHaveLength(page.total);
  for (const machine of assigned) {
    const owner = page.rows.find((row) => row.id === machine.assignedInstanceId);
    expect(owner?.machineId).toBe(machine.id);
  }
}

async function send(target: { url: string }, token: string, body: Record<string, unknown>) {
  const response = await fetch(`${target.url}${batchPath}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, count: Number(body.count), body: await response.json() };
}

function startChild(database: string): Promise<{ url: string }> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "server/src/cli.ts",
        "--port",
        "0",
        "--database",
        database,
        "--jwt-secret",
        testSecret,
        "--log-level",
        "silent",
      ],
      { cwd: repositoryRoot, stdio: ["ignore", "ignore", "pipe"] },
    );
    child = process_;
    let output = "";
    process_.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.:]+)/.exec(output);
      if (match?.[1] !== undefined) {
        resolve({ url: match[1] });
      }
    });
    process_.on("exit", (code) =>
      reject(new Error(`second server exited with ${code}: ${output}`)),
    );
  });
}

describe("concurrent batches", () => {
  it("parallel batches commit whole or get 409", async () => {
    server = await startTestServer(nearFullInventory());
    const target = server;
    const token = await target.token();
    const outcomes = await Promise.all(requests(24).map((body) => send(target, token, body)));
    expect(outcomes.some((outcome) => outcome.status === 201)).toBe(true);
    expect(outcomes.some((outcome) => outcome.status === 409)).toBe(true);
    await checkStore(target.store, outcomes);
  });

  it("two processes on one database", async () => {
    folder = mkdtempSync(join(tmpdir(), "nico-two-processes-"));
    const database = join(folder, "nico.db");
    server = await startTestServer(nearFullInventory(), { database });
    const target = server;
    const other = await startChild(database);
    const token = await target.token();
    const outcomes = await Promise.all(
      requests(24).map((body, index) => send(index % 2 === 0 ? target : other, token, body)),
    );
    expect(outcomes.some((outcome) => outcome.status === 201)).toBe(true);
    await checkStore(target.store, outcomes);
  });
});
