import { collectionKind, elementType, objectAttributes, type CtyType } from "./types.js";

/**
 * Refinement of a value that is still unknown, such as "not null". Terraform sends
 * refinements inside msgpack extension 12. An unknown without refinements uses extension 0.
 */
export interface Refinement {
  /** True when the value is known not to be null. */
  notNull?: boolean;
  /** Known prefix of a string that is still unknown. */
  stringPrefix?: string;
}

/** A value that Terraform only learns during apply. */
export class UnknownValue {
  constructor(readonly refinement: Refinement = {}) {}
}

/** The single unknown without refinements, as providers send it back. */
export const unknown = new UnknownValue();

/**
 * A decoded cty value: JSON-like data where objects carry every attribute of their type,
 * sets are arrays, and values Terraform does not know yet are `UnknownValue` instances.
 */
export type CtyValue =
  null | string | number | boolean | UnknownValue | CtyValue[] | { [key: string]: CtyValue };

/** Object value with named attributes. */
export type CtyObject = { [key: string]: CtyValue };

/** Reports whether a value is unknown. */
export function isUnknown(value: unknown): value is UnknownValue {
  return value instanceof UnknownValue;
}

/** Reports whether a value or anything nested inside it is unknown. */
export function containsUnknown(value: CtyValue): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") {
    return Object.values(value).some(containsUnknown);
  }
  return false;
}

/**
 * Reshapes loosely typed data into a value of `type`. Objects gain every attribute of the type,
 * with null for missing ones, and lose attributes the type does not have. Numbers written as
 * strings are parsed, and unknowns are kept wherever they appear.
 */
export function conform(value: unknown, type: CtyType): CtyValue {
  if (value === null || value === undefined) return null;
  if (isUnknown(value)) return value;
  if (type === "dynamic") return value as CtyValue;

  if (type === "string") {
    if (typeof value !== "string") throw new TypeError(`expected a string, got ${typeof value}`);
    return value;
  }

  if (type === "number") return toNumber(value);
  if (type === "bool") {
    if (typeof value !== "boolean") throw new TypeError(`expected a bool, got ${typeof value}`);
    return value;
  }

  const kind = collectionKind(type);
  if (kind === "list" || kind === "set") {
    if (!Array.isArray(value)) throw new TypeError(`expected a ${kind}, got ${typeof value}`);
    return value.map((element) => conform(element, elementType(type)));
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new TypeError(`expected a ${kind ?? "object"}, got ${typeof value}`);
  }

  const record = value as Record<string, unknown>;
  const result: CtyObject = {};
  if (kind === "map") {
    for (const [key, element] of Object.entries(record)) {
      result[key] = conform(element, elementType(type));
    }
    return result;
  }
  for (const [name, attributeType] of Object.entries(objectAttributes(type))) {
    result[name] = conform(record[name], attributeType);
  }
  return result;
}

function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  // cty writes numbers that do not fit a float64 or int64 exactly as decimal strings.
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    return Number(value);
  }
  throw new TypeError(`expected a number, got ${JSON.stringify(value)}`);
}

/**
 * Compares two values of `type` the way Terraform does: sets ignore element order, and a
 * comparison involving an unknown is never equal.
 */
export function valuesEqual(a: CtyValue, b: CtyValue, type: CtyType): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  if (a === null || b === null) return a === b;
  if (typeof type === "string") {
    if (type === "dynamic") return JSON.stringify(a) === JSON.stringify(b);
    return a === b;
  }
  const kind = collectionKind(type);
  if (kind === "list" || kind === "set") {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    const element = elementType(type);
    if (kind === "list") return a.every((item, i) => valuesEqual(item, b[i] ?? null, element));
    const unmatched = [...b];
    for (const item of a) {
      const index = unmatched.findIndex((other) => valuesEqual(item, other, element));
      if (index < 0) return false;
      unmatched.splice(index, 1);
    }
    return true;
  }
  if (typeof a !== "object" || typeof b !== "object" || Array.isArray(a) || Array.isArray(b)) {
    return false;
  }
  const left = a as CtyObject;
  const right = b as CtyObject;
  if (kind === "map") {
    const keys = Object.keys(left);
    if (keys.length !== Object.keys(right).length) return false;
    const element = elementType(type);
    return keys.every((key) => key in right && valuesEqual(left[key]!, right[key]!, element));
  }
  return Object.entries(objectAttributes(type)).every(([name, attributeType]) =>
    valuesEqual(left[name] ?? null, right[name] ?? null, attributeType),
  );
}
