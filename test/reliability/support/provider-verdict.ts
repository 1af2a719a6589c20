import { conform, type CtyObject } from "../../../provider/src/cty/value.js";
import {
  BLOCK_FIELDS,
  ARGUMENT_FIELDS,
} from "../../../provider/src/resources/instance-batch/fields.js";
import { buildBatchRequest } from "../../../provider/src/resources/instance-batch/request.js";
import { instanceBatchSchema } from "../../../provider/src/resources/instance-batch/schema.js";
import { validateInstanceBatchConfig } from "../../../provider/src/resources/instance-batch/validate.js";
import { impliedType, type BlockSchema } from "../../../provider/src/schema/types.js";

/** Provider's verdict on a body, or why Terraform configuration cannot express the body. */
export type ProviderVerdict =
  | { representable: true; accepted: boolean; diagnostics: number }
  | { representable: false; reason: string };

const resourceType = impliedType(instanceBatchSchema.block);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Canonical JSON with sorted keys, for comparing bodies regardless of key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(",")}]`;
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

function missingRequired(block: BlockSchema, config: CtyObject, where: string): string | undefined {
  for (const [name, attribute] of Object.entries(block.attributes)) {
    if (attribute.required === true && (config[name] === null || config[name] === undefined)) {
      return `required argument ${where}${name} is missing`;
    }
  }
  for (const [name, nested] of Object.entries(block.blockTypes ?? {})) {
    const value = config[name];
    if (nested.nesting === "list" && Array.isArray(value)) {
      for (const [index, element] of value.entries()) {
        const problem = missingRequired(nested.block, element as CtyObject, `${name}[${index}].`);
        if (problem !== undefined) {
          return problem;
        }
      }
    }
  }
  return undefined;
}

/** Depth of nested arrays and objects, measured without recursion. */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current !== null && typeof current === "object") {
      deepest = Math.max(deepest, depth + 1);
      for (const child of Object.values(current as Record<string, unknown>)) {
        stack.push([child, depth + 1]);
      }
    }
  }
  return deepest;
}

/** Deeper than any value the resource schema has (a list block of objects with scalar fields). */
const maxConfigurationDepth = 3;

/**
 * Writes a body as raw resource configuration (attribute names, absent values as null, absent
 * blocks as empty lists), or returns why no configuration produces it.
 */
function rawConfiguration(body: Record<string, unknown>): Record<string, unknown> | string {
  const known = new Set([
    ...ARGUMENT_FIELDS.map((mapping) => mapping.field),
    ...BLOCK_FIELDS.map((block) => block.field),
  ]);
  const unknownKey = Object.keys(body).find((key) => !known.has(key));
  if (unknownKey !== undefined) {
    return `field ${unknownKey} has no argument`;
  }

  const raw: Record<string, unknown> = {};
  for (const mapping of ARGUMENT_FIELDS) {
    const value = body[mapping.field];
    const isSet = mapping.kind === "set" && Array.isArray(value);
    if (isSet && new Set(value.map(canonical)).size !== value.length) {
      return `set ${mapping.attribute} cannot hold duplicates`;
    }
    raw[mapping.attribute] = value ?? null;
  }

  for (const block of BLOCK_FIELDS) {
    const value = body[block.field];
    if (value === undefined) {
      raw[block.attribute] = [];
      continue;
    }
    if (!Array.isArray(value) || !value.every(isPlainObject)) {
      return `${block.field} is not a list of objects`;
    }
    const fields = new Set(block.fields.map((field) => field.field));
    const elements: Record<string, unknown>[] = [];
    for (const element of value) {
      const stray = Object.keys(element).find((key) => !fields.has(key));
      if (stray !== undefined) {
        return `${block.field} field ${stray} has no argument`;
      }
      const entries = block.fields.map((field) => [field.attribute, element[field.field] ?? null]);
      elements.push(Object.fromEntries(entries));
    }
    raw[block.attribute] = elements;
  }
  return raw;
}

/**
 * Writes a batch request body as the resource configuration that would produce it, then runs
 * the provider's own validation on that configuration. Bodies that configuration cannot
 * express (unknown fields, values of the wrong type, duplicate set elements, missing required
 * arguments, or a conversion that does not round-trip) are reported as not representable.
 */
export function providerVerdict(body: unknown): ProviderVerdict {
  if (!isPlainObject(body)) {
    return { representable: false, reason: "the body is not an object" };
  }
  if (nestingDepth(body) > maxConfigurationDepth) {
    return { representable: false, reason: "the body nests deeper than any argument" };
  }
  const raw = rawConfiguration(body);
  if (typeof raw === "string") {
    return { representable: false, reason: raw };
  }

  let config: CtyObject;
  try {
    config = conform(raw, resourceType) as CtyObject;
  } catch (error) {
    return { representable: false, reason: `wrong type: ${(error as Error).message}` };
  }
  const missing = missingRequired(instanceBatchSchema.block, config, "");
  if (missing !== undefined) {
    return { representable: false, reason: missing };
  }
  if (canonical(buildBatchRequest(config).body) !== canonical(body)) {
    return {
      representable: false,
      reason: "the configuration does not round-trip to the same body",
    };
  }

  const diagnostics = validateInstanceBatchConfig(config);
  return {
    representable: true,
    accepted: diagnostics.length === 0,
    diagnostics: diagnostics.length,
  };
}
