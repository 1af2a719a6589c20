import pino from "pino";
import { describe, expect, it } from "vitest";
import type { CtyObject } from "../src/cty/value.js";
import type { ApiInstance, InstanceBatchApi } from "../src/resources/instance-batch/api.js";
import {
  createInstanceBatch,
  deleteInstanceBatch,
  importInstanceBatch,
  readInstanceBatch,
  updateInstanceBatch,
} from "../src/resources/instance-batch/operations.js";
import { planInstanceBatch } from "../src/resources/instance-batch/plan.js";
import { batchConfig, diagnosticPath } from "./harness.js";

const logger = pino({ level: "silent" });

function instance(id: string, overrides: Partial<ApiInstance> = {}): ApiInstance {
  return {
    id,
    name: `web-${id.padEnd(6, "x").slice(0, 6)}`,
    status: "Pending",
    machineId: `machine-${id}`,
    tenantId: "t",
    instanceTypeId: "it",
    vpcId: "v",
    interfaces: [{ subnetId: "s", isPhysical: true }],
    ...overrides,
  };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: { source: string; message: string; data: unknown },
  ) {
    super(body.message);
  }
}

/** In-memory API whose instances and failures each test sets up. */
function fakeApi(options: {
  instances?: ApiInstance[];
  create?: () => Promise<ApiInstance[]>;
  waitError?: Error;
}) {
  const store = new Map((options.instances ?? []).map((item) => [item.id, item]));
  const calls: string[] = [];
  const api: InstanceBatchApi = {
    createInstanceBatch: async () => {
      calls.push("create");
      const created = options.create ? await options.create() : [instance("a"), instance("b")];
      for (const item of created) store.set(item.id, item);
      return created;
    },
    getInstance: async (id) => {
      calls.push(`get ${id}`);
      const found = store.get(id);
      if (!found) throw new HttpError(404, { source: "nico", message: "not found", data: null });
      return found;
    },
    updateInstance: async (id, body) => {
      calls.push(`patch ${id} ${JSON.stringify(body)}`);
      return store.get(id)!;
    },
    deleteInstance: async (id) => {
      calls.push(`delete ${id}`);
      if (!store.delete(id)) {
        throw new HttpError(404, { source: "nico", message: "not found", data: null });
      }
    },
    waitForInstances: async (ids) => {
      if (options.waitError) throw options.waitError;
      return ids.map((id) => ({ ...store.get(id)!, status: "Ready" }));
    },
    waitForInstancesGone: async () => undefined,
  };
  return { api, calls, store };
}

function createdState(): CtyObject {
  return batchConfig({
    id: "a,b",
    labels: { team: "ml" },
    topology_optimized: true,
    instances: [
      {
        index: 0,
        id: "a",
        name: "web-aaaaaa",
        machine_id: "m1",
        status: "Ready",
        nvlink_domain_id: null,
      },
      {
        index: 1,
        id: "b",
        name: "web-bbbbbb",
        machine_id: "m2",
        status: "Ready",
        nvlink_domain_id: null,
      },
    ],
  });
}

function plannedCreate(): CtyObject {
  const config = batchConfig();
  return planInstanceBatch({ prior: null, proposed: config, config }).planned!;
}

describe("create", () => {
  it("records members once Ready", async () => {
    const { api } = fakeApi({});
    const result = await createInstanceBatch(plannedCreate(), batchConfig(), { api, logger });
    expect(result.diagnostics).toEqual([]);
    expect(result.state?.id).toBe("a,b");
  });

  it("keeps the ids when a member fails", async () => {
    const failure = Object.assign(new Error("instance(s) in status Error"), {
      instances: [{ id: "b", name: "web-bxxxxx", message: "disk fault" }],
    });
    const { api } = fakeApi({ waitError: failure });
    const result = await createInstanceBatch(plannedCreate(), batchConfig(), { api, logger });
    expect(result.state?.id).toBe("a,b");
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.detail).toContain("web-bxxxxx (b)");
    expect(result.diagnostics[0]!.detail).toContain("disk fault");
  });

  it("keeps the ids when the wait times out", async () => {
    const timeout = Object.assign(new Error("timed out"), {
      pending: [{ id: "a", status: "Provisioning" }],
    });
    const { api } = fakeApi({ waitError: timeout });
    const result = await createInstanceBatch(plannedCreate(), batchConfig(), { api, logger });
    expect(result.state?.instances).toHaveLength(2);
    expect(result.diagnostics[0]!.summary).toContain("Timed out");
    expect(result.diagnostics[0]!.detail).toContain("Provisioning");
  });

  it("fills every unknown after create", async () => {
    const { api } = fakeApi({});
    const result = await createInstanceBatch(plannedCreate(), batchConfig(), { api, logger });
    const state = result.state!;
    expect(state.phone_home_enabled).toBe(false);
    expect((state.interface as CtyObject[])[0]!.is_physical).toBe(true);
  });

  it("maps a 400 field map to attribute paths", async () => {
    const { api } = fakeApi({
      create: async () => {
        throw new HttpError(400, {
          source: "nico",
          message: "Error validating batch instance creation request data",
          data: { interfaces: { "0": { subnetId: "Subnet is not ready" } } },
        });
      },
    });
    const result = await createInstanceBatch(plannedCreate(), batchConfig(), { api, logger });
    expect(result.state).toBeNull();
    expect(result.diagnostics.map(diagnosticPath)).toEqual(["interface[0].subnet_id"]);
  });

  it("reports a capacity conflict", async () => {
    const { api } = fakeApi({
      create: async () => {
        throw new HttpError(409, { source: "nico", message: "Insufficient machines", data: null });
      },
    });
    const result = await createInstanceBatch(plannedCreate(), batchConfig(), { api, logger });
    expect(result.diagnostics[0]!.summary).toContain("HTTP 409");
  });
});

describe("read", () => {
  it("marks a gone member Missing", async () => {
    const { api } = fakeApi({
      instances: [instance("a", { status: "Ready", labels: { team: "ml" } })],
    });
    const result = await readInstanceBatch(createdState(), { api, logger });
    const members = result.state!.instances as CtyObject[];
    expect(members.map((member) => member.status)).toEqual(["Ready", "Missing"]);
  });

  it("returns null when every member is gone", async () => {
    const { api } = fakeApi({});
    const result = await readInstanceBatch(createdState(), { api, logger });
    expect(result.state).toBeNull();
  });

  it("refreshes labels from the API", async () => {
    const { api } = fakeApi({
      instances: [instance("a", { labels: { team: "infra" } }), instance("b")],
    });
    const result = await readInstanceBatch(createdState(), { api, logger });
    expect(result.state!.labels).toEqual({ team: "infra" });
  });

  it("treats empty description as unset", async () => {
    const { api } = fakeApi({
      instances: [instance("a", { description: "", labels: { team: "ml" } }), instance("b")],
    });
    const result = await readInstanceBatch(createdState(), { api, logger });
    expect(result.state!.description).toBeNull();
  });
});

describe("update and delete", () => {
  it("patches labels on every member", async () => {
    const { api, calls } = fakeApi({ instances: [instance("a"), instance("b")] });
    const planned = { ...createdState(), labels: { team: "infra" } };
    await updateInstanceBatch(createdState(), planned, { api, logger });
    expect(calls.filter((call) => call.startsWith("patch"))).toEqual([
      'patch a {"labels":{"team":"infra"}}',
      'patch b {"labels":{"team":"infra"}}',
    ]);
  });

  it("treats a 404 on delete as deleted", async () => {
    const { api } = fakeApi({ instances: [instance("a")] });
    const result = await deleteInstanceBatch(createdState(), { api, logger });
    expect(result.diagnostics).toEqual([]);
    expect(result.state).toBeNull();
  });
});

describe("import", () => {
  it("derives arguments from the members", async () => {
    const { api } = fakeApi({
      instances: [
        instance("a", { name: "train-k3v9qz", sshKeyGroupIds: ["k2", "k1"], secondaryVpcIds: [] }),
        instance("b", { name: "train-p0w2xx" }),
      ],
    });
    const result = await importInstanceBatch("a, b", { api, logger });
    const state = result.state!;
    expect(state.name_prefix).toBe("train");
    expect(state.instance_count).toBe(2);
    expect(state.ssh_key_group_ids).toEqual(["k2", "k1"]);
    expect(state.secondary_vpc_ids).toBeNull();
  });

  it("rejects an unknown member", async () => {
    const { api } = fakeApi({ instances: [instance("a")] });
    const result = await importInstanceBatch("a,zzz", { api, logger });
    expect(result.state).toBeNull();
    expect(result.diagnostics[0]!.detail).toContain("zzz");
  });

  it("rejects an empty id", async () => {
    const { api } = fakeApi({});
    const result = await importInstanceBatch(" , ", { api, logger });
    expect(result.diagnostics[0]!.summary).toBe("Invalid import id");
  });
});

describe("stop", () => {
  it("ends the create wait and keeps the ids", async () => {
    const stop = new AbortController();
    const { api } = fakeApi({});
    api.waitForInstances = async (_ids, _status, options) => {
      if (!options.signal?.aborted) {
        await new Promise((resolve) => options.signal?.addEventListener("abort", resolve));
      }
      throw options.signal?.reason;
    };
    const pending = createInstanceBatch(plannedCreate(), batchConfig(), {
      api,
      logger,
      signal: stop.signal,
    });
    stop.abort(new Error("stopped by Terraform"));
    const result = await pending;
    expect(result.state?.id).toBe("a,b");
    expect(result.diagnostics[0]!.detail).toContain("stopped by Terraform");
  });
});
