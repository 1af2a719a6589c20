// Creates a topology-optimized batch of 8 GPU instances, waits until all are Ready, prints
// them and deletes them again.
//
// Run against the Prism mock, which accepts any token:
//   NICO_ENDPOINT=http://127.0.0.1:4010 NICO_ORG=acme NICO_TOKEN=dev npx tsx examples/sdk/create-batch.ts
// Against the reference server, set NICO_TOKEN to a JWT with the TENANT_ADMIN role in the org.
//
// The ids of the tenant, instance type, VPC and subnet come from NICO_TENANT_ID,
// NICO_INSTANCE_TYPE_ID, NICO_VPC_ID and NICO_SUBNET_ID. The defaults are the ids of the
// OpenAPI examples; the mock accepts any valid UUID.
import {
  NicoApiError,
  NicoRequestValidationError,
  createNicoClient,
  type BatchInstanceCreateRequest,
} from "@nico/sdk";

const env = process.env;
const nico = createNicoClient({ userAgent: "nico-example/create-batch" });

const request: BatchInstanceCreateRequest = {
  namePrefix: "train",
  count: 8,
  tenantId: env.NICO_TENANT_ID ?? "7f3e2a10-4c5b-4d8e-9a21-5b6c7d8e9f01",
  instanceTypeId: env.NICO_INSTANCE_TYPE_ID ?? "3c1d9e42-8a7b-4f6c-b5d4-2e1f0a9b8c73",
  vpcId: env.NICO_VPC_ID ?? "5a2b7c91-1d3e-4f5a-8b6c-9d0e1f2a3b45",
  description: "SDK example batch",
  ipxeScript: "#!ipxe\nchain https://boot.internal/train.ipxe",
  interfaces: [{ subnetId: env.NICO_SUBNET_ID ?? "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c61" }],
  labels: { example: "create-batch" },
  topologyOptimized: true,
};

try {
  const created = await nico.createInstanceBatch(request);
  const ids = created.map((instance) => instance.id);
  console.log(`created ${ids.length} instance(s): ${created.map((i) => i.name).join(", ")}`);

  const ready = await nico.waitForInstances(ids, "Ready", {
    timeoutMs: 5 * 60_000,
    pollIntervalMs: 2000,
    onProgress: ({ ready, total }) => console.log(`ready ${ready}/${total}`),
  });
  for (const instance of ready) {
    const domains = instance.nvLinkInterfaces.map((nvLink) => nvLink.nvLinkDomainId ?? "-");
    console.log(
      `${instance.name} id=${instance.id} machine=${instance.machineId} status=${instance.status} nvlink=${[...new Set(domains)].join(",") || "-"}`,
    );
  }

  for (const id of ids) await nico.deleteInstance(id);
  console.log(`deletion accepted for ${ids.length} instance(s)`);
} catch (error) {
  if (error instanceof NicoRequestValidationError) {
    console.error(error.message);
  } else if (error instanceof NicoApiError) {
    console.error(`${error.message}\n${JSON.stringify(error.body.data, null, 2)}`);
  } else {
    throw error;
  }
  process.exitCode = 1;
}
