import { isUnknown, type CtyObject, type CtyValue } from "../../cty/value.js";
import { ARGUMENT_FIELDS, BLOCK_FIELDS, type FieldMapping } from "./fields.js";

/** Path inside a request body, such as `["interfaces", 0, "subnetId"]`. */
export type RequestPath = (string | number)[];

/** A batch create request built from configuration, plus where configuration was unknown. */
export interface BuiltRequest {
  body: Record<string, unknown>;
  /** Request paths left out of `body` because their configuration value is not known yet. */
  unknownPaths: RequestPath[];
}

/**
 * Converts the resource configuration into the batch create request body. Null arguments and
 * empty blocks are left out. Unknown values are left out too and listed in `unknownPaths`, so
 * validation can ignore every rule that depends on them.
 */
export function buildBatchRequest(config: CtyObject): BuiltRequest {
  const body: Record<string, unknown> = {};
  const unknownPaths: RequestPath[] = [];

  for (const mapping of ARGUMENT_FIELDS) {
    copyField(config[mapping.attribute] ?? null, mapping, body, [], unknownPaths);
  }

  for (const block of BLOCK_FIELDS) {
    const value = config[block.attribute] ?? null;
    if (isUnknown(value)) {
      unknownPaths.push([block.field]);
      continue;
    }
    if (!Array.isArray(value) || value.length === 0) continue;
    body[block.field] = value.map((element, index) => {
      if (isUnknown(element) || element === null || typeof element !== "object") {
        unknownPaths.push([block.field, index]);
        return {};
      }
      const item: Record<string, unknown> = {};
      const object = element as CtyObject;
      for (const mapping of block.fields) {
        copyField(
          object[mapping.attribute] ?? null,
          mapping,
          item,
          [block.field, index],
          unknownPaths,
        );
      }
      return item;
    });
  }
  return { body, unknownPaths };
}

function copyField(
  value: CtyValue,
  mapping: FieldMapping,
  target: Record<string, unknown>,
  parent: RequestPath,
  unknownPaths: RequestPath[],
): void {
  const path = [...parent, mapping.field];
  if (isUnknown(value)) {
    unknownPaths.push(path);
    return;
  }
  if (value === null) return;
  if (mapping.kind === "set" && Array.isArray(value)) {
    // A set with an unknown element is unknown as a whole for validation purposes.
    if (value.some(isUnknown)) {
      unknownPaths.push(path);
      return;
    }
    target[mapping.field] = [...value];
    return;
  }
  if (mapping.kind === "map" && typeof value === "object" && !Array.isArray(value)) {
    const entries: Record<string, unknown> = {};
    for (const [key, element] of Object.entries(value as CtyObject)) {
      if (isUnknown(element)) unknownPaths.push([...path, key]);
      else entries[key] = element;
    }
    target[mapping.field] = entries;
    return;
  }
  target[mapping.field] = value;
}
