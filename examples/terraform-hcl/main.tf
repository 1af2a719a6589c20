# The CDKTF example in examples/cdktf-instance-batch written in HCL: a topology-optimized batch of
# 8 GB200 instances, using the ids of examples/inventory/gb200-nvl72.json (org "acme").
#
# The provider reads NICO_ENDPOINT, NICO_ORG and NICO_TOKEN from the environment. Terraform needs
# a CLI configuration that installs nico/nico from the mirror written by `npm run build`:
#   export TF_CLI_CONFIG_FILE="$PWD/../../provider/dist/terraformrc"
#   terraform init && terraform apply

terraform {
  required_providers {
    nico = {
      source  = "nico/nico"
      version = "0.1.0"
    }
  }
}

provider "nico" {}

locals {
  tenant_id           = "564a871d-ba7f-49ca-a3c8-db00cc42e51b"
  gb200_instance_type = "9825f1af-dce1-4d6f-bcf9-130f2d83ce6f"
  # VPC "training-nvlink": its default NVLink partition gives every instance NVLink interfaces.
  vpc_id           = "3ba67a81-cd6b-454f-993f-f9195efa201e"
  subnet_id        = "6f1c290a-17b5-4207-8ba0-4efd7dcf5455"
  ipxe_os_id       = "05b8afc7-3ad1-4e24-8397-ae13d25995cc"
  ssh_key_group_id = "8dff45f7-0cd2-46db-97c1-07a9470bfb6f"
}

resource "nico_instance_batch" "training" {
  name_prefix         = "train"
  instance_count      = 8
  tenant_id           = local.tenant_id
  instance_type_id    = local.gb200_instance_type
  vpc_id              = local.vpc_id
  operating_system_id = local.ipxe_os_id
  ssh_key_group_ids   = [local.ssh_key_group_id]
  topology_optimized  = true
  description         = "GB200 training pool in one NVLink domain"

  labels = {
    team = "ml-training"
  }

  interface {
    subnet_id = local.subnet_id
  }
}

output "instance_ids" {
  value = nico_instance_batch.training.instances[*].id
}

output "names" {
  value = nico_instance_batch.training.instances[*].name
}

output "machine_ids" {
  value = nico_instance_batch.training.instances[*].machine_id
}

output "nvlink_domain_ids" {
  value = nico_instance_batch.training.instances[*].nvlink_domain_id
}

output "first_machine_id" {
  value = nico_instance_batch.training.instances[0].machine_id
}
