// Lets the rules over several fields run while other fields of the request are invalid. By
// default zod skips a refinement once any field fails, which hides these rules behind unrelated
// errors. Here each rule issue is kept when every field it reads passed field validation.
import type { z } from "zod";
import type {
  BatchRuleInput,
  InterfaceLike,
  NestedLists,
  RuleIssue,
  UpdateRuleInput,
} from "./rules.js";

type Path = readonly PropertyKey[];
type Payload = z.core.ParsePayload<unknown>;

/** Reports whether `value` is a non-null object that is not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Lists the paths that field validation rejected so far. An unknown key counts at its own path,
 * so that it does not mark the whole object as invalid.
 */
export function invalidPaths(issues: readonly z.core.$ZodRawIssue[]): Path[] {
  const paths: Path[] = [];
  for (const issue of issues) {
    const path = issue.path ?? [];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) paths.push([...path, key]);
    } else {
      paths.push(path);
    }
  }
  return paths;
}

/** Reports whether `prefix` equals the start of `path`. */
function startsWith(path: Path, prefix: Path): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((segment, index) => String(segment) === String(path[index]));
}

/**
 * Keeps the rule issues whose fields (and own path) are all valid. A field counts as invalid
 * when an issue sits on it or on an object or list that contains it. A rule that reads a list
 * as a whole, such as "interfaces must not be empty", stays valid when only an item is invalid.
 */
export function keepRulesOnValidFields(
  ruleIssues: readonly RuleIssue[],
  invalid: readonly Path[],
): RuleIssue[] {
  if (invalid.length === 0) return [...ruleIssues];
  return ruleIssues.filter((issue) => {
    const reads = [issue.path, ...(issue.fields ?? [])];
    return !reads.some((read) => invalid.some((bad) => startsWith(read, bad)));
  });
}

/** Option of the request refinements: run on any object, even when some fields failed. */
export const runOnObjects = { when: (payload: Payload) => isRecord(payload.value) };

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;
const flag = (value: unknown): boolean | undefined =>
  typeof value === "boolean" ? value : undefined;
const integer = (value: unknown): number | undefined =>
  typeof value === "number" ? value : undefined;

function items<T>(value: unknown, convert: (item: Record<string, unknown>) => T): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((item) => convert(isRecord(item) ? item : {}));
}

function interfaceInput(item: Record<string, unknown>): InterfaceLike {
  return {
    subnetId: text(item.subnetId),
    vpcPrefixId: text(item.vpcPrefixId),
    ipAddress: text(item.ipAddress),
    device: text(item.device),
    deviceInstance: integer(item.deviceInstance),
    virtualFunctionId: integer(item.virtualFunctionId),
    isPhysical: flag(item.isPhysical),
  };
}

/**
 * Reads the nested lists the rules check. Values of the wrong type become empty or absent, so
 * the rules never throw; issues they cause are dropped by `keepRulesOnValidFields`.
 */
function nestedListsInput(value: Record<string, unknown>): NestedLists {
  return {
    secondaryVpcIds: Array.isArray(value.secondaryVpcIds)
      ? value.secondaryVpcIds.map((id) => text(id) ?? "")
      : undefined,
    infinibandInterfaces: items(value.infinibandInterfaces, (item) => ({
      device: text(item.device) ?? "",
      deviceInstance: integer(item.deviceInstance),
    })),
    nvLinkInterfaces: items(value.nvLinkInterfaces, (item) => ({
      deviceInstance: integer(item.deviceInstance),
    })),
    dpuExtensionServiceDeployments: items(value.dpuExtensionServiceDeployments, (item) => ({
      dpuExtensionServiceId: text(item.dpuExtensionServiceId) ?? "",
      version: text(item.version) ?? "",
    })),
  };
}

/** Reads the batch fields the cross-field rules check, typed whatever the input holds. */
export function batchRuleInput(value: Record<string, unknown>): BatchRuleInput {
  return {
    ...nestedListsInput(value),
    vpcId: text(value.vpcId) ?? "",
    autoNetwork: flag(value.autoNetwork) ?? false,
    interfaces: items(value.interfaces, interfaceInput),
    operatingSystemId: text(value.operatingSystemId),
    ipxeScript: text(value.ipxeScript),
  };
}

/** Reads the update fields the cross-field rules check, typed whatever the input holds. */
export function updateRuleInput(
  value: Record<string, unknown>,
): UpdateRuleInput & Record<string, unknown> {
  return {
    ...value,
    ...nestedListsInput(value),
    interfaces: items(value.interfaces, interfaceInput),
    autoNetwork: flag(value.autoNetwork),
    triggerReboot: flag(value.triggerReboot),
    rebootWithCustomIpxe: flag(value.rebootWithCustomIpxe),
    applyUpdatesOnReboot: flag(value.applyUpdatesOnReboot),
  };
}
