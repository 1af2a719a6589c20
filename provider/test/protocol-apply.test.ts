import { createNicoClient } from "@nico/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containsUnknown } from "../src/cty/value.js";
import { startBackend, inventoryIds, ORG, type TestBackend } from "./fixtures.js";
import {
  INSTANCE_BATCH_TYPE,
  batchConfig,
  dynamic,
  fromDynamic,
  interfaceBlock,
  providerType,
  startProvider,
  type ProviderProcess,
} from "./harness.js";

type State = Record<string, any>;

describe("resource lifecycle over gRPC", () => {
  let backend: TestBackend;
  let provider: ProviderProcess;
  let created: State;

  const config = batchConfig({
    name_prefix: "grpc",
    tenant_id: inventoryIds.tenant,
    instance_type_id: inventoryIds.instanceType,
    vpc_id: inventoryIds.vpc,
    labels: { team: "ml" },
    ssh_key_group_ids: [inventoryIds.sshKeyGroupB, inventoryIds.sshKeyGroupA],
    interface: [interfaceBlock({ subnet_id: inventoryIds.subnet })],
  });

  const sdk = () => createNicoClient({ endpoint: backend.url, org: ORG, token: backend.token });

  beforeAll(async () => {
    backend = await startBackend();
    provider = await startProvider({ tls: true });
    const configured = await provider.call("ConfigureProvider", {
      terraform_version: "1.11.4",
      config: dynamic({ endpoint: backend.url, org: ORG, token: backend.token }, providerType),
    });
    expect(configured.diagnostics).toEqual([]);
  });

  afterAll(async () => {
    await provider?.close();
    await backend?.close();
  });

  it("ApplyResourceChange creates every member", async () => {
    const plan = await provider.call("PlanResourceChange", {
      type_name: INSTANCE_BATCH_TYPE,
      prior_state: dynamic(null),
      proposed_new_state: dynamic(config),
      config: dynamic(config),
    });
    const response = await provider.call("ApplyResourceChange", {
      type_name: INSTANCE_BATCH_TYPE,
      prior_state: dynamic(null),
      planned_state: plan.planned_state,
      config: dynamic(config),
    });
    expect(response.diagnostics).toEqual([]);
    created = fromDynamic(response.new_state) as State;
    expect(containsUnknown(created as never)).toBe(false);
    expect(created.instances).toHaveLength(2);
    expect(created.instances.map((m: State) => m.status)).toEqual(["Ready", "Ready"]);
    expect(created.id).toBe(created.instances.map((m: State) => m.id).join(","));
    expect(created.ssh_key_group_ids).toEqual(config.ssh_key_group_ids);
    expect(created.interface[0].is_physical).toBe(true);
  });

  it("ApplyResourceChange sends one batch request", () => {
    const posts = backend.requests.filter((line) => line.startsWith("POST "));
    expect(posts).toEqual([`POST /v2/org/${ORG}/nico/instance/batch`]);
  });

  it("ReadResource keeps a state that matches the API", async () => {
    const response = await provider.call("ReadResource", {
      type_name: INSTANCE_BATCH_TYPE,
      current_state: dynamic(created),
    });
    expect(response.diagnostics).toEqual([]);
    expect(fromDynamic(response.new_state)).toEqual(created);
  });

  it("ImportResourceState fills every argument", async () => {
    const response = await provider.call("ImportResourceState", {
      type_name: INSTANCE_BATCH_TYPE,
      id: created.id,
    });
    expect(response.diagnostics).toEqual([]);
    const imported = fromDynamic(response.imported_resources[0].state) as State;
    const { timeouts: _ignored, ...withoutTimeouts } = created;
    expect({ ...imported, timeouts: null }).toEqual({ ...withoutTimeouts, timeouts: null });
  });

  it("ReadResource marks a deleted member Missing", async () => {
    const client = sdk();
    const gone = created.instances[1].id;
    await client.deleteInstance(gone);
    await client.waitForInstancesGone([gone], { timeoutMs: 10_000, pollIntervalMs: 50 });
    const response = await provider.call("ReadResource", {
      type_name: INSTANCE_BATCH_TYPE,
      current_state: dynamic(created),
    });
    const state = fromDynamic(response.new_state) as State;
    expect(state.instances.map((m: State) => m.status)).toEqual(["Ready", "Missing"]);
  });

  it("ApplyResourceChange deletes every member", async () => {
    const response = await provider.call("ApplyResourceChange", {
      type_name: INSTANCE_BATCH_TYPE,
      prior_state: dynamic(created),
      planned_state: dynamic(null),
      config: dynamic(null),
    });
    expect(response.diagnostics).toEqual([]);
    expect(fromDynamic(response.new_state)).toBeNull();
    const page = await sdk().listInstances();
    expect(page.items).toEqual([]);
  });
});
