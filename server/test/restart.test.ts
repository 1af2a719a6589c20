import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { baseRequest, ids, sharedFixture } from "./helpers/fixture.js";
import { apiPath, startTestServer, type InstanceBody, type TestServer } from "./helpers/harness.js";

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) {
    rmSync(folder, { recursive: true, force: true });
  }
});

function freshDatabase(): string {
  const folder = mkdtempSync(join(tmpdir(), "nico-restart-"));
  folders.push(folder);
  return join(folder, "nico.db");
}

describe("restart on the same database", () => {
  it("harness close removes its folder", async () => {
    const target = await startTestServer(sharedFixture());
    await target.close();
    expect(existsSync(target.directory)).toBe(false);
  });

  it("instances survive a restart", async () => {
    const database = freshDatabase();
    const first = await startTestServer(sharedFixture(), { database });
    const created = (
      await first.request("POST", apiPath("/instance/batch"), { body: baseRequest() })
    ).body as InstanceBody[];
    await first.close();

    server = await startTestServer(sharedFixture(), { database });
    for (const instance of created) {
      const response = await server.request("GET", apiPath(`/instance/${instance.id}`));
      expect(response.status).toBe(200);
      expect((response.body as InstanceBody).machineId).toBe(instance.machineId);
    }
  });

  it("machines stay assigned after a restart", async () => {
    const database = freshDatabase();
    const first = await startTestServer(sharedFixture(), { database });
    await first.request("POST", apiPath("/instance/batch"), { body: baseRequest() });
    await first.close();

    server = await startTestServer(sharedFixture(), { database });
    const assigned = (await server.store.listMachines({ instanceTypeId: ids.IT1 })).filter(
      (machine) => machine.assignedInstanceId !== null,
    );
    expect(assigned).toHaveLength(2);
  });

  it("stored state wins over a changed inventory", async () => {
    const database = freshDatabase();
    const first = await startTestServer(sharedFixture(), { database });
    await first.close();
    const changed = sharedFixture();
    changed.machines = changed.machines.slice(0, 3);
    server = await startTestServer(changed, { database });
    expect(await server.store.listMachines({ instanceTypeId: ids.IT1 })).toHaveLength(15);
  });

  it("restart without inventory", async () => {
    const database = freshDatabase();
    const first = await startTestServer(sharedFixture(), { database });
    await first.close();
    server = await startTestServer(undefined, { database });
    const response = await server.request("GET", apiPath("/instance"));
    expect(response.status).toBe(200);
  });

  it("empty database without inventory fails", async () => {
    await expect(startTestServer(undefined, { database: freshDatabase() })).rejects.toThrow(
      /no inventory/,
    );
  });

  it("pending transitions resume after a restart", async () => {
    const database = freshDatabase();
    const first = await startTestServer(sharedFixture(), { database, readyAfterMs: 100 });
    const created = (
      await first.request("POST", apiPath("/instance/batch"), { body: baseRequest() })
    ).body as InstanceBody[];
    await first.close();
    await new Promise((resolve) => setTimeout(resolve, 150));
    server = await startTestServer(undefined, { database, readyAfterMs: 100 });
    const response = await server.request("GET", apiPath(`/instance/${created[0]?.id}`));
    expect((response.body as InstanceBody).status).toBe("Ready");
  });

  it("schema version is recorded", async () => {
    server = await startTestServer(sharedFixture());
    expect(await server.store.schemaVersion()).toBeGreaterThanOrEqual(1);
  });
});
