import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type RunningPostgres } from "../support/postgres.js";
import {
  createTestDatabase,
  readDatabaseState,
  type DatabaseState,
  type StoreKind,
} from "./support/database.js";
import { recordFigures, reliabilityScale, type Figure } from "./support/figures.js";
import { adminToken, apiPath, send, type Response } from "./support/http.js";
import { fixture, reliabilityInventory, validBatch } from "./support/inventory.js";
import {
  badResponses,
  createdIds,
  doubleAssignedMachines,
  leakedReservations,
  partialBatches,
  quotaOverruns,
  type BatchOutcome,
} from "./support/invariants.js";
import { spawnServer, type ServerProcess } from "./support/process.js";

/** Clients sending batch creates while a server is killed. */
const clients = 24;
/** Kill rounds per store at RELIABILITY_SCALE=1. A round with two replicas may kill both. */
const baseCrashes = 6;
/** Share of rounds with two replicas that kill both of them instead of one. */
const killBothShare = 0.3;

interface Scenario {
  name: string;
  kind: StoreKind;
  /** Server processes sharing the database; one of them is killed per round. */
  replicas: number;
}

const scenarios: Scenario[] = [
  { name: "sqlite", kind: "sqlite", replicas: 1 },
  { name: "postgres two replicas", kind: "postgres", replicas: 2 },
];

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

let postgres: RunningPostgres | undefined;
let folder: string;
let inventoryFile: string;
const figures: Figure[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  folder = mkdtempSync(join(tmpdir(), "nico-crash-"));
  inventoryFile = join(folder, "inventory.json");
  writeFileSync(inventoryFile, JSON.stringify(reliabilityInventory()));
});

afterAll(async () => {
  await postgres?.stop();
  rmSync(folder, { recursive: true, force: true });
  if (figures.length > 0) {
    await recordFigures(
      "crash",
      "Crash: SIGKILL during in-flight batch creates, then restart",
      figures,
      [
        "A round kills one server process while the clients have batches in flight. With two " +
          `PostgreSQL replicas, about ${killBothShare * 100}% of the rounds (chosen at random) ` +
          "kill both replicas, so SIGKILLs can exceed rounds there.",
      ],
    );
  }
});

describe.each(scenarios)("crash $name", (scenario) => {
  const outcomes: BatchOutcome[] = [];
  const responses: Response[] = [];
  let crashes = 0;
  let restarts = 0;
  let state: DatabaseState;

  beforeAll(async () => {
    const database = await createTestDatabase(scenario.kind, postgres);
    const args = ["--ready-after", "150", "--terminate-after", "80"];
    const start = () => spawnServer({ database: database.location, inventoryFile, args });
    const tokens = new Map<string, string>();
    for (const tenant of fixture.tenants) {
      tokens.set(tenant.org, await adminToken(tenant.org));
    }
    const replicas: ServerProcess[] = [await start()];
    for (let index = 1; index < scenario.replicas; index += 1) {
      replicas.push(await start());
    }
    const rounds = Math.max(2, Math.round(baseCrashes * reliabilityScale()));
    let sequence = 0;
    try {
      for (let round = 0; round < rounds; round += 1) {
        let running = true;
        const owned: { org: string; ids: string[] }[] = [];
        const client = async () => {
          while (running) {
            const target = replicas[Math.floor(Math.random() * replicas.length)] as ServerProcess;
            if (owned.length > 4 && Math.random() < 0.4) {
              const batch = owned.splice(Math.floor(Math.random() * owned.length), 1)[0];
              for (const id of batch?.ids ?? []) {
                const path = apiPath(batch?.org ?? "", `/instance/${id}`);
                responses.push(
                  await send(target.url, "DELETE", path, { token: tokens.get(batch?.org ?? "") }),
                );
              }
              continue;
            }
            const tenant = fixture.tenants[Math.floor(Math.random() * fixture.tenants.length)];
            if (tenant === undefined) {
              return;
            }
            sequence += 1;
            const namePrefix = `crash-${round}-${sequence}`;
            const body = validBatch(tenant, namePrefix, {
              count: 2 + Math.floor(Math.random() * 5),
              instanceTypeId: Math.random() < 0.8 ? fixture.gpuTypeId : fixture.cpuTypeId,
              topologyOptimized: Math.random() < 0.7,
            });
            const response = await send(
              target.url,
              "POST",
              apiPath(tenant.org, "/instance/batch"),
              {
                token: tokens.get(tenant.org),
                body,
              },
            );
            responses.push(response);
            const outcome = {
              namePrefix,
              count: Number(body.count),
              tenantId: tenant.tenantId,
              ...response,
            };
            outcomes.push(outcome);
            if (response.status === 201) {
              owned.push({ org: tenant.org, ids: createdIds(outcome) });
            }
            if (response.status === null) {
              await sleep(20);
            }
          }
        };
        const load = Promise.all(Array.from({ length: clients }, client));
        // Kill at a random moment while the clients have batches in flight.
        await sleep(150 + Math.random() * 600);
        const victims =
          scenario.replicas > 1 && Math.random() < killBothShare
            ? replicas.map((_, i) => i)
            : [round % replicas.length];
        for (const index of victims) {
          replicas[index]?.child.kill("SIGKILL");
          await replicas[index]?.exited;
          crashes += 1;
        }
        running = false;
        await load;
        for (const index of victims) {
          replicas[index] = await start();
          restarts += 1;
        }
      }
    } finally {
      for (const replica of replicas) {
        replica.child.kill("SIGTERM");
        await replica.exited;
      }
    }
    state = await readDatabaseState(database);
    database.remove();
    figures.push(
      { label: `${scenario.name}: rounds`, value: rounds },
      { label: `${scenario.name}: SIGKILLs`, value: crashes },
      { label: `${scenario.name}: restarts`, value: restarts },
      { label: `${scenario.name}: batch creates sent`, value: outcomes.length },
      {
        label: `${scenario.name}: batches created`,
        value: outcomes.filter((o) => o.status === 201).length,
      },
      {
        label: `${scenario.name}: requests cut off by a kill`,
        value: responses.filter((r) => r.status === null).length,
      },
    );
  }, 600_000);

  it("survives every kill with a restart", () => {
    expect(restarts).toBe(crashes);
  });

  it("answers no 5xx before or after a kill", () => {
    expect(badResponses(responses)).toEqual([]);
  });

  it("creates batches between kills", () => {
    expect(outcomes.some((outcome) => outcome.status === 201)).toBe(true);
  });

  it("assigns no machine to two live instances", () => {
    expect(doubleAssignedMachines(state)).toEqual([]);
  });

  it("stores every batch whole or not at all", () => {
    expect(partialBatches(state, outcomes)).toEqual([]);
  });

  it("leaks no machine reservation", () => {
    expect(leakedReservations(state)).toEqual([]);
  });

  it("keeps every tenant within its quota", () => {
    const quotas = fixture.tenants.flatMap((tenant) =>
      Object.entries(tenant.quota).map(([instanceTypeId, max]) => ({
        tenantId: tenant.tenantId,
        instanceTypeId,
        max,
      })),
    );
    expect(quotaOverruns(state, quotas)).toEqual([]);
  });
});
