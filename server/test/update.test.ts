import { afterEach, describe, expect, it } from "vitest";
import { baseRequest, ids, sharedFixture, uid } from "./helpers/fixture.js";
import {
  apiPath,
  startTestServer,
  waitFor,
  type ErrorBodyShape,
  type InstanceBody,
  type TestServer,
} from "./helpers/harness.js";

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(
  readyAfterMs = 60_000,
): Promise<{ target: TestServer; created: InstanceBody[] }> {
  server = await startTestServer(sharedFixture(), { readyAfterMs });
  const response = await server.request("POST", apiPath("/instance/batch"), {
    body: baseRequest(),
  });
  return { target: server, created: response.body as InstanceBody[] };
}

function patch(target: TestServer, id: string | undefined, body: unknown) {
  return target.request("PATCH", apiPath(`/instance/${id}`), { body });
}

describe("instance update", () => {
  it("replaces labels and description", async () => {
    const { target, created } = await setup();
    const response = await patch(target, created[0]?.id, {
      labels: { team: "vision" },
      description: "second shift",
    });
    expect(response.status).toBe(200);
    const body = response.body as InstanceBody;
    expect(body.labels).toEqual({ team: "vision" });
    expect(body.description).toBe("second shift");
  });

  it("records the change in history", async () => {
    const { target, created } = await setup();
    const response = await patch(target, created[0]?.id, { description: "changed" });
    const body = response.body as InstanceBody;
    expect(body.statusHistory).toHaveLength(2);
    expect(body.statusHistory[0]?.message).toContain("description");
  });

  it("renames an instance", async () => {
    const { target, created } = await setup();
    const response = await patch(target, created[0]?.id, { name: "web-renamed" });
    expect((response.body as InstanceBody).name).toBe("web-renamed");
  });

  it("rejects a taken name with the other id", async () => {
    const { target, created } = await setup();
    const response = await patch(target, created[0]?.id, { name: created[1]?.name });
    expect(response.status).toBe(409);
    expect((response.body as ErrorBodyShape).data).toEqual({ id: created[1]?.id });
  });

  it("rejects invalid fields", async () => {
    const { target, created } = await setup();
    const response = await patch(target, created[0]?.id, { name: " padded " });
    expect(response.status).toBe(400);
    expect((response.body as ErrorBodyShape).data).toHaveProperty("name");
  });

  it("rejects unknown keys", async () => {
    const { target, created } = await setup();
    const response = await patch(target, created[0]?.id, { vpcId: ids.VF });
    expect(response.status).toBe(400);
  });

  it("rejects reboot with changes", async () => {
    const { target, created } = await setup();
    const response = await patch(target, created[0]?.id, { triggerReboot: true, description: "x" });
    expect(response.status).toBe(400);
  });

  it("unknown instance is 404", async () => {
    const { target } = await setup();
    const response = await patch(target, uid("instance/none"), { description: "x" });
    expect(response.status).toBe(404);
  });

  it("checks SSH key groups", async () => {
    const { target, created } = await setup();
    const response = await patch(target, created[0]?.id, { sshKeyGroupIds: [uid("ssh/none")] });
    expect(response.status).toBe(400);
  });

  it("sets SSH key groups", async () => {
    const { target, created } = await setup();
    const response = await patch(target, created[0]?.id, { sshKeyGroupIds: [ids.K1] });
    expect((response.body as InstanceBody).sshKeyGroupIds).toEqual([ids.K1]);
  });

  it("interface change configures then readies", async () => {
    const { target, created } = await setup(150);
    const id = created[0]?.id;
    await waitFor(async () => {
      const body = (await target.request("GET", apiPath(`/instance/${id}`))).body as InstanceBody;
      return body.status === "Ready" ? body : undefined;
    });
    const response = await patch(target, id, {
      interfaces: [{ subnetId: ids.SN1, isPhysical: true }],
    });
    expect((response.body as InstanceBody).status).toBe("Configuring");
    const ready = await waitFor(async () => {
      const body = (await target.request("GET", apiPath(`/instance/${id}`))).body as InstanceBody;
      return body.status === "Ready" ? body : undefined;
    });
    expect(ready.statusHistory[0]?.status).toBe("Ready");
    expect(ready.statusHistory[1]?.status).toBe("Configuring");
  });

  it("reboot shows Rebooting then Ready", async () => {
    const { target, created } = await setup(150);
    const id = created[0]?.id;
    await waitFor(async () => {
      const body = (await target.request("GET", apiPath(`/instance/${id}`))).body as InstanceBody;
      return body.status === "Ready" ? body : undefined;
    });
    const response = await patch(target, id, { triggerReboot: true });
    expect((response.body as InstanceBody).status).toBe("Rebooting");
    await waitFor(async () => {
      const body = (await target.request("GET", apiPath(`/instance/${id}`))).body as InstanceBody;
      return body.status === "Ready" ? body : undefined;
    });
  });

  it("reboot of a pending instance is 409", async () => {
    const { target, created } = await setup();
    const response = await patch(target, created[0]?.id, { triggerReboot: true });
    expect(response.status).toBe(409);
  });

  it("removing the iPXE script without an OS is 400", async () => {
    const { target, created } = await setup();
    const response = await patch(target, created[0]?.id, { ipxeScript: "" });
    expect(response.status).toBe(400);
  });
});
