import { objectAttributes } from "../../cty/types.js";
import { isUnknown, unknown, valuesEqual, type CtyObject, type CtyValue } from "../../cty/value.js";
import {
  hasErrors,
  warningDiagnostic,
  type AttributePath,
  type Diagnostic,
} from "../../provider/diagnostics.js";
import { impliedType } from "../../schema/types.js";
import { IN_PLACE_ATTRIBUTES } from "./fields.js";
import { instanceBatchSchema } from "./schema.js";
import { MISSING_STATUS, membersOf } from "./state.js";
import { validateInstanceBatchConfig, type BatchValidator } from "./validate.js";

/** Input of `planInstanceBatch`, decoded from PlanResourceChange. */
export interface PlanRequest {
  prior: CtyObject | null;
  proposed: CtyObject | null;
  config: CtyObject | null;
}

/** Planned state, the attributes that force a replacement, and diagnostics. */
export interface PlanResult {
  planned: CtyObject | null;
  requiresReplace: AttributePath[];
  diagnostics: Diagnostic[];
}

const attributeTypes = objectAttributes(impliedType(instanceBatchSchema.block));
const COMPUTED_ONLY = new Set(["id", "instances"]);

/**
 * Plans a change of `nico_instance_batch`. On create, computed values are unknown and
 * defaults are filled in. On update, every changed argument other than labels, description
 * and timeouts forces a replacement, and so do members that no longer exist.
 */
export function planInstanceBatch(request: PlanRequest, validate?: BatchValidator): PlanResult {
  const { prior, proposed, config } = request;
  if (proposed === null) return { planned: null, requiresReplace: [], diagnostics: [] };

  const diagnostics = config ? validateInstanceBatchConfig(config, validate) : [];
  if (hasErrors(diagnostics)) return { planned: proposed, requiresReplace: [], diagnostics };

  if (prior === null) {
    return { planned: planCreate(proposed), requiresReplace: [], diagnostics };
  }

  const planned: CtyObject = { ...proposed };
  const requiresReplace: AttributePath[] = [];
  for (const [name, type] of Object.entries(attributeTypes)) {
    if (COMPUTED_ONLY.has(name) || IN_PLACE_ATTRIBUTES.has(name)) continue;
    if (!valuesEqual(prior[name] ?? null, planned[name] ?? null, type))
      requiresReplace.push([name]);
  }

  const missing = membersOf(prior).filter((member) => member.status === MISSING_STATUS);
  if (missing.length > 0) {
    requiresReplace.push(["instances"]);
    const names = missing.map((member) => `${member.name || "instance"} (${member.id})`);
    diagnostics.push(
      warningDiagnostic(
        "Batch members no longer exist",
        `${missing.length} member instance(s) of this batch were deleted outside Terraform: ` +
          `${names.join(", ")}. The plan replaces the whole batch so that it has ` +
          `${String(planned.instance_count)} instances again.`,
        ["instances"],
      ),
    );
  }

  if (requiresReplace.length > 0) {
    planned.id = unknown;
    planned.instances = unknown;
  }
  return { planned, requiresReplace, diagnostics };
}

function planCreate(proposed: CtyObject): CtyObject {
  const planned: CtyObject = { ...proposed, id: unknown, instances: unknown };
  planned.topology_optimized = defaultTo(planned.topology_optimized, true);
  planned.auto_network = defaultTo(planned.auto_network, false);
  planned.always_boot_with_custom_ipxe = defaultTo(planned.always_boot_with_custom_ipxe, false);
  // The API derives these from the operating system or the interface list, so they stay
  // unknown until apply.
  planned.phone_home_enabled = defaultTo(planned.phone_home_enabled, unknown);
  planned.interface = mapBlock(planned.interface, (item) => ({
    ...item,
    is_physical: defaultTo(item.is_physical, unknown),
  }));
  planned.infiniband_interface = mapBlock(planned.infiniband_interface, (item) => ({
    ...item,
    device_instance: defaultTo(item.device_instance, 0),
    is_physical: defaultTo(item.is_physical, unknown),
  }));
  planned.nvlink_interface = mapBlock(planned.nvlink_interface, (item) => ({
    ...item,
    device_instance: defaultTo(item.device_instance, 0),
  }));
  return planned;
}

function defaultTo(value: CtyValue | undefined, fallback: CtyValue): CtyValue {
  return value === null || value === undefined ? fallback : value;
}

function mapBlock(value: CtyValue | undefined, map: (item: CtyObject) => CtyObject): CtyValue {
  if (!Array.isArray(value)) return value ?? [];
  return value.map((item) =>
    item !== null && typeof item === "object" && !Array.isArray(item) && !isUnknown(item)
      ? map(item as CtyObject)
      : item,
  );
}
