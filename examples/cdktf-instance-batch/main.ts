/**
 * CDKTF app: one stack with the NICo provider and a topology-optimized batch of 8 GB200
 * instances, using the ids of examples/inventory/gb200-nvl72.json (org `acme`).
 *
 * Provider settings come from the environment at deploy time: NICO_ENDPOINT, NICO_ORG and
 * NICO_TOKEN. The token is read by the provider itself, so it never appears in cdk.tf.json.
 * NICO_EXAMPLE_STATE_FILE moves the local state file (default: terraform.<stack>.tfstate here).
 */
import { App, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { InstanceBatch, NicoProvider } from "@nico/cdktf-constructs";

const acme = {
  tenantId: "564a871d-ba7f-49ca-a3c8-db00cc42e51b",
  gb200InstanceTypeId: "9825f1af-dce1-4d6f-bcf9-130f2d83ce6f",
  // VPC "training-nvlink": its default NVLink partition gives every instance NVLink interfaces.
  vpcId: "3ba67a81-cd6b-454f-993f-f9195efa201e",
  subnetId: "6f1c290a-17b5-4207-8ba0-4efd7dcf5455",
  ipxeOperatingSystemId: "05b8afc7-3ad1-4e24-8397-ae13d25995cc",
  sshKeyGroupId: "8dff45f7-0cd2-46db-97c1-07a9470bfb6f",
};

class InstanceBatchStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const stateFile = process.env.NICO_EXAMPLE_STATE_FILE;
    if (stateFile) new LocalBackend(this, { path: stateFile });

    new NicoProvider(this, "nico", {
      endpoint: process.env.NICO_ENDPOINT,
      org: process.env.NICO_ORG,
    });

    const batch = new InstanceBatch(this, "training", {
      namePrefix: "train",
      instanceCount: 8,
      tenantId: acme.tenantId,
      instanceTypeId: acme.gb200InstanceTypeId,
      vpcId: acme.vpcId,
      interfaces: [{ subnetId: acme.subnetId }],
      operatingSystemId: acme.ipxeOperatingSystemId,
      sshKeyGroupIds: [acme.sshKeyGroupId],
      topologyOptimized: true,
      description: "GB200 training pool in one NVLink domain",
      labels: { team: "ml-training" },
    });

    new TerraformOutput(this, "instance_ids", { value: batch.instanceIds });
    new TerraformOutput(this, "names", { value: batch.names });
    new TerraformOutput(this, "machine_ids", { value: batch.machineIds });
    new TerraformOutput(this, "nvlink_domain_ids", { value: batch.nvLinkDomainIds });
    new TerraformOutput(this, "first_machine_id", { value: batch.instances.get(0).machineId });
  }
}

const app = new App();
new InstanceBatchStack(app, "nico-instance-batch");
app.synth();
