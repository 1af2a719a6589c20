import { listOf, objectOf, setOf, mapOf } from "../../cty/types.js";
import type { Schema } from "../../schema/types.js";

/** Terraform type name of the batch resource. */
export const INSTANCE_BATCH_TYPE = "nico_instance_batch";

/** Type of one element of the computed `instances` list. */
export const memberType = objectOf({
  index: "number",
  id: "string",
  name: "string",
  machine_id: "string",
  status: "string",
  nvlink_domain_id: "string",
});

/**
 * Schema of `nico_instance_batch`. Arguments are the snake_case fields of the batch create
 * request, except `count`, which Terraform reserves and which is called `instance_count`.
 */
export const instanceBatchSchema: Schema = {
  version: 0,
  block: {
    description:
      "A batch of NICo GPU instances created by one batch request and placed together, by " +
      "default inside one NVLink domain. Labels and description update in place; changing " +
      "any other argument, including instance_count, replaces the whole batch.",
    attributes: {
      id: {
        type: "string",
        computed: true,
        description: "Member instance ids joined by commas, in index order.",
      },
      name_prefix: {
        type: "string",
        required: true,
        description:
          "Prefix of the member names; each instance is named <name_prefix>-<6 random " +
          "characters>. 2 to 240 bytes, no leading or trailing whitespace.",
      },
      instance_count: {
        type: "number",
        required: true,
        description: "Number of instances in the batch, 2 to 18. Changing it replaces the batch.",
      },
      tenant_id: {
        type: "string",
        required: true,
        description: "UUID of the tenant that owns the instances; it must belong to the org.",
      },
      instance_type_id: {
        type: "string",
        required: true,
        description: "UUID of the instance type; its site is where the instances run.",
      },
      vpc_id: {
        type: "string",
        required: true,
        description: "UUID of the primary VPC of every instance.",
      },
      description: {
        type: "string",
        optional: true,
        description: "Description copied to every instance, at most 1024 bytes. Updates in place.",
      },
      labels: {
        type: mapOf("string"),
        optional: true,
        description:
          "Labels copied to every instance: at most 10 pairs, keys 1 to 255 bytes, values at " +
          "most 255 bytes. Updates in place.",
      },
      secondary_vpc_ids: {
        type: setOf("string"),
        optional: true,
        description:
          "UUIDs of additional VPCs reached through VPC-prefix interfaces. Leave unset " +
          "rather than empty: an empty set still counts as specified.",
      },
      user_data: {
        type: "string",
        optional: true,
        description: "Cloud-init user data; defaults to the operating system's own user data.",
      },
      operating_system_id: {
        type: "string",
        optional: true,
        description: "UUID of the operating system. Either this or ipxe_script is required.",
      },
      ipxe_script: {
        type: "string",
        optional: true,
        description: "iPXE script to boot from when no operating_system_id is given.",
      },
      always_boot_with_custom_ipxe: {
        type: "bool",
        optional: true,
        computed: true,
        description: "Boot from ipxe_script on every boot, not only the first. Defaults to false.",
      },
      phone_home_enabled: {
        type: "bool",
        optional: true,
        computed: true,
        description:
          "Whether instances report to the phone-home service after boot. Defaults to the " +
          "operating system's setting, or false without one.",
      },
      network_security_group_id: {
        type: "string",
        optional: true,
        description: "Id of the network security group attached to every instance.",
      },
      auto_network: {
        type: "bool",
        optional: true,
        computed: true,
        description:
          "Let the site configure networking; needs a FLAT VPC and no interface blocks. " +
          "Defaults to false.",
      },
      topology_optimized: {
        type: "bool",
        optional: true,
        computed: true,
        description:
          "Place every instance inside a single NVLink domain, or fail when no domain has room. " +
          "Defaults to true.",
      },
      ssh_key_group_ids: {
        type: setOf("string"),
        optional: true,
        description: "UUIDs of SSH key groups installed on every instance.",
      },
      instances: {
        type: listOf(memberType),
        computed: true,
        description:
          "Member instances sorted by index: index (0-based position in the batch), id, name, " +
          'machine_id, status ("Missing" once the instance no longer exists) and ' +
          "nvlink_domain_id (null until the site reports it).",
      },
    },
    blockTypes: {
      interface: {
        nesting: "list",
        block: {
          description:
            "Network interface of every instance. Give 1 to 16 blocks unless auto_network is " +
            "true, all subnet-based or all prefix-based.",
          attributes: {
            subnet_id: {
              type: "string",
              optional: true,
              description: "UUID of a subnet of vpc_id. Conflicts with vpc_prefix_id.",
            },
            vpc_prefix_id: {
              type: "string",
              optional: true,
              description: "UUID of a VPC prefix. Conflicts with subnet_id.",
            },
            device: {
              type: "string",
              optional: true,
              description: "DPU device name; needs device_instance and vpc_prefix_id.",
            },
            device_instance: {
              type: "number",
              optional: true,
              description: "Index of the DPU device, 0 or more; needs device.",
            },
            virtual_function_id: {
              type: "number",
              optional: true,
              description:
                "Virtual function, 1 to 16; required when device is set and is_physical is false.",
            },
            is_physical: {
              type: "bool",
              optional: true,
              computed: true,
              description:
                "Whether the interface is the physical one. When no interface sets it and none " +
                "has device information, the first becomes physical.",
            },
          },
        },
      },
      infiniband_interface: {
        nesting: "list",
        block: {
          description: "InfiniBand interface of every instance.",
          attributes: {
            partition_id: {
              type: "string",
              required: true,
              description: "UUID of the InfiniBand partition.",
            },
            device: {
              type: "string",
              required: true,
              description: "InfiniBand device name from the instance type's capabilities.",
            },
            vendor: {
              type: "string",
              optional: true,
              description: "Device vendor from the instance type's capabilities.",
            },
            device_instance: {
              type: "number",
              optional: true,
              computed: true,
              description: "Index of the device, below the capability count. Defaults to 0.",
            },
            is_physical: {
              type: "bool",
              optional: true,
              computed: true,
              description: "Must be true: virtual functions are not supported for InfiniBand.",
            },
          },
        },
      },
      nvlink_interface: {
        nesting: "list",
        block: {
          description: "NVLink interface of every instance, one per GPU.",
          attributes: {
            nvlink_logical_partition_id: {
              type: "string",
              required: true,
              description: "UUID of the NVLink logical partition.",
            },
            device_instance: {
              type: "number",
              optional: true,
              computed: true,
              description: "GPU index, 0 to 3 and unique within the batch. Defaults to 0.",
            },
          },
        },
      },
      dpu_extension_service_deployment: {
        nesting: "list",
        block: {
          description: "DPU extension service deployed on every instance.",
          attributes: {
            dpu_extension_service_id: {
              type: "string",
              required: true,
              description: "UUID of the DPU extension service.",
            },
            version: {
              type: "string",
              required: true,
              description: "Active version of the service to deploy.",
            },
          },
        },
      },
      timeouts: {
        nesting: "single",
        block: {
          description: "Time limits for waiting on the instances.",
          attributes: {
            create: {
              type: "string",
              optional: true,
              description:
                'Maximum time for every member to become Ready, as a duration such as "30m" ' +
                'or "1h30m". Defaults to 30m.',
            },
            delete: {
              type: "string",
              optional: true,
              description:
                "Maximum time for every member to disappear after deletion. Defaults to 30m.",
            },
          },
        },
      },
    },
  },
};
