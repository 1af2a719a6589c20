// Derives one test per constraint of the request schemas in openapi.yaml: a valid base request
// gets one violating value at the constraint's path, and the zod validator must report an issue
// there. A constraint added to the spec without a matching zod rule fails here. Keywords that
// combine several fields (anyOf, allOf, if/then, not, oneOf of required sets) are checked by
// spec-cross-field.test.ts instead, which compares the verdicts of ajv and zod on whole bodies.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { specPath } from "../scripts/generate";
import { batchBase, deleteBase, historyBase, listBase, updateBase } from "./spec-bases";
import {
  validateBatchInstanceCreateRequest,
  validateInstanceDeleteRequest,
  validateInstanceUpdateRequest,
  validateListInstancesQuery,
  validateStatusHistoryQuery,
  type ValidationResult,
} from "../src/schema/index";

type JsonSchema = Record<string, unknown>;
type Path = (string | number)[];

interface DriftCase {
  name: string;
  path: Path;
  mutate: (base: unknown) => unknown;
  /** Path the issue must have; with `prefix`, the issue path only has to start with it. */
  expectedPath: Path;
  prefix: boolean;
}

const spec = parse(readFileSync(specPath, "utf8")) as JsonSchema;

// Keywords the walker turns into cases, and keywords that carry no constraint.
const constraintKeywords = new Set([
  "type",
  "format",
  "enum",
  "const",
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "maximum",
  "minItems",
  "maxItems",
  "uniqueItems",
  "maxProperties",
  "propertyNames",
  "required",
  "additionalProperties",
  "properties",
  "items",
  "oneOf",
  "$ref",
]);
const annotationKeywords = new Set(["description", "default", "example", "examples", "title"]);
const crossFieldKeywords = new Set(["anyOf", "allOf", "not", "if", "then", "else"]);

function resolve(schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const target = ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], spec);
  return resolve(target as JsonSchema);
}

function typesOf(schema: JsonSchema): string[] {
  const type = schema.type;
  if (Array.isArray(type)) return type.map(String);
  return typeof type === "string" ? [type] : [];
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = clone(root);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null) {
      throw new Error(`base request has no value at ${JSON.stringify(path)}; extend the base`);
    }
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return copy;
}

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    root,
  );
}

function deleteAt(root: unknown, path: Path): unknown {
  const copy = clone(root);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  delete parent[path[path.length - 1]!];
  return copy;
}

const wrongTypeCandidates: [string, unknown][] = [
  ["integer", 5],
  ["string", "text"],
  ["boolean", true],
  ["object", { field: 1 }],
  ["array", ["item"]],
];

function jsonTypeOf(value: unknown): string[] {
  if (value === null) return ["null"];
  if (Array.isArray(value)) return ["array"];
  if (typeof value === "number")
    return Number.isInteger(value) ? ["integer", "number"] : ["number"];
  return [typeof value];
}

function patternViolation(schema: JsonSchema): string {
  const pattern = new RegExp(String(schema.pattern));
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  const candidates = [" ab", "ab ", " ", "!!", "lower_asc", "zz", ""];
  const found = candidates.find(
    (text) => !pattern.test(text) && text.length >= min && text.length <= max,
  );
  if (found === undefined) throw new Error(`no value violates pattern ${String(schema.pattern)}`);
  return found;
}

function collectCases(schemaIn: JsonSchema, path: Path, base: unknown, cases: DriftCase[]): void {
  let schema = extendedSchema(resolve(schemaIn));
  const at = (name: string) => `${path.join(".") || "(root)"} ${name}`;

  for (const keyword of Object.keys(schema)) {
    if (
      !constraintKeywords.has(keyword) &&
      !annotationKeywords.has(keyword) &&
      !crossFieldKeywords.has(keyword)
    ) {
      throw new Error(`keyword ${keyword} at ${JSON.stringify(path)} has no drift check`);
    }
  }

  // A nullable reference (`oneOf: [schema, {type: "null"}]`): check the schema and that null passes.
  if (Array.isArray(schema.oneOf) && !isRequiredChoice(schema.oneOf as JsonSchema[])) {
    const branches = (schema.oneOf as JsonSchema[]).map(resolve);
    const nonNull = branches.filter((branch) => branch.type !== "null");
    if (nonNull.length !== 1 || branches.length !== 2) {
      throw new Error(`oneOf at ${JSON.stringify(path)} is not a nullable reference`);
    }
    schema = { ...nonNull[0], type: [...typesOf(nonNull[0]!), "null"] };
  }

  const types = typesOf(schema);
  if (types.length > 0) {
    const wrong = wrongTypeCandidates.find(
      ([, value]) => !jsonTypeOf(value).some((type) => types.includes(type)),
    );
    if (wrong) {
      cases.push(caseAt(at(`type rejects ${wrong[0]}`), path, wrong[1]));
    }
    if (!types.includes("null")) cases.push(caseAt(at("type rejects null"), path, null));
    if (types.includes("integer")) cases.push(caseAt(at("type rejects 2.5"), path, 2.5));
  }
  if (schema.format === "uuid") cases.push(caseAt(at("format uuid"), path, "not-a-uuid"));
  if (schema.format !== undefined && schema.format !== "uuid") {
    throw new Error(
      `format ${String(schema.format)} at ${JSON.stringify(path)} has no drift check`,
    );
  }
  if (Array.isArray(schema.enum)) cases.push(caseAt(at("enum"), path, "NotAnAllowedValue"));
  if (schema.const !== undefined) {
    const other = typeof schema.const === "boolean" ? !schema.const : "not-the-constant";
    cases.push(caseAt(at("const"), path, other));
  }
  if (typeof schema.minLength === "number" && schema.minLength > 0) {
    cases.push(caseAt(at("minLength"), path, "a".repeat(schema.minLength - 1)));
  }
  if (typeof schema.maxLength === "number") {
    cases.push(caseAt(at("maxLength"), path, "a".repeat(schema.maxLength + 1)));
  }
  if (typeof schema.pattern === "string") {
    cases.push(caseAt(at("pattern"), path, patternViolation(schema)));
  }
  if (typeof schema.minimum === "number") {
    cases.push(caseAt(at("minimum"), path, schema.minimum - 1));
  }
  if (typeof schema.maximum === "number") {
    cases.push(caseAt(at("maximum"), path, schema.maximum + 1));
  }

  if (types.includes("array")) {
    const items = getAt(base, path);
    if (!Array.isArray(items) || items.length === 0) {
      throw new Error(`base request needs an item at ${JSON.stringify(path)}`);
    }
    const first = items[0];
    if (typeof schema.minItems === "number" && schema.minItems > 0) {
      cases.push(caseAt(at("minItems"), path, Array(schema.minItems - 1).fill(first)));
    }
    if (typeof schema.maxItems === "number") {
      cases.push(caseAt(at("maxItems"), path, Array(schema.maxItems + 1).fill(first)));
    }
    if (schema.uniqueItems === true) {
      cases.push({ ...caseAt(at("uniqueItems"), path, [first, first]), prefix: true });
    }
    if (schema.items) collectCases(schema.items as JsonSchema, [...path, 0], base, cases);
  }

  if (types.includes("object")) {
    const value = getAt(base, path);
    if (value === null || typeof value !== "object") {
      throw new Error(`base request needs an object at ${JSON.stringify(path)}`);
    }
    if (typeof schema.maxProperties === "number") {
      const entries = Array.from({ length: schema.maxProperties + 1 }, (_, i) => [`k${i}`, "v"]);
      cases.push(caseAt(at("maxProperties"), path, Object.fromEntries(entries)));
    }
    if (schema.propertyNames) {
      const names = resolve(schema.propertyNames as JsonSchema);
      if (typeof names.minLength === "number" && names.minLength > 0) {
        const key = "a".repeat(names.minLength - 1);
        cases.push(prefixCase(at("propertyNames minLength"), path, { [key]: "v" }));
      }
      if (typeof names.maxLength === "number") {
        const key = "a".repeat(names.maxLength + 1);
        cases.push(prefixCase(at("propertyNames maxLength"), path, { [key]: "v" }));
      }
      if (typeof names.pattern === "string") {
        cases.push(
          prefixCase(at("propertyNames pattern"), path, { [patternViolation(names)]: "v" }),
        );
      }
    }
    if (schema.additionalProperties === false) {
      cases.push({
        name: at("additionalProperties false"),
        path,
        mutate: (root) => setAt(root, [...path, "unexpectedField"], 1),
        expectedPath: [...path, "unexpectedField"],
        prefix: false,
      });
    } else if (
      typeof schema.additionalProperties === "object" &&
      schema.additionalProperties !== null
    ) {
      const firstKey = Object.keys(value)[0];
      if (firstKey === undefined) throw new Error(`base needs an entry at ${JSON.stringify(path)}`);
      collectCases(schema.additionalProperties as JsonSchema, [...path, firstKey], base, cases);
    }
    for (const name of (schema.required as string[] | undefined) ?? []) {
      cases.push({
        name: at(`required ${name}`),
        path,
        mutate: (root) => deleteAt(root, [...path, name]),
        expectedPath: [...path, name],
        prefix: false,
      });
    }
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const [name, propertySchema] of Object.entries(properties)) {
      if (getAt(base, [...path, name]) === undefined) {
        throw new Error(`base request lacks ${JSON.stringify([...path, name])}`);
      }
      collectCases(propertySchema, [...path, name], base, cases);
    }
  }
}

/** True for a `oneOf` whose branches each require a field: a rule over several fields. */
function isRequiredChoice(branches: JsonSchema[]): boolean {
  return branches.every((branch) => Array.isArray(branch.required));
}

/**
 * Merges a schema that extends one object schema (`allOf: [{$ref}]` plus cross-field keywords)
 * into that object schema, so the walker sees its properties.
 */
function extendedSchema(schema: JsonSchema): JsonSchema {
  const parts = schema.allOf as JsonSchema[] | undefined;
  if (!Array.isArray(parts) || parts.length !== 1 || typeof parts[0]!.$ref !== "string") {
    return schema;
  }
  const { allOf: _allOf, description: _description, ...rest } = schema;
  return { ...extendedSchema(resolve(parts[0]!)), ...rest };
}

function caseAt(name: string, path: Path, value: unknown): DriftCase {
  return {
    name,
    path,
    mutate: (root) => setAt(root, path, value),
    expectedPath: path,
    prefix: false,
  };
}

function prefixCase(name: string, path: Path, value: unknown): DriftCase {
  return { ...caseAt(name, path, value), prefix: true };
}

function queryObjectSchema(operationPath: string): JsonSchema {
  const operation = (spec.paths as Record<string, Record<string, JsonSchema>>)[operationPath]!.get!;
  const properties: Record<string, JsonSchema> = {};
  for (const parameter of operation.parameters as JsonSchema[]) {
    const resolved = resolve(parameter);
    if (resolved.in === "query") properties[String(resolved.name)] = resolved.schema as JsonSchema;
  }
  return { type: "object", properties };
}

const schemas = (spec.components as Record<string, Record<string, JsonSchema>>).schemas!;

const targets: {
  name: string;
  schema: JsonSchema;
  base: unknown;
  validate: (value: unknown) => ValidationResult<unknown>;
}[] = [
  {
    name: "BatchInstanceCreateRequest",
    schema: schemas.BatchInstanceCreateRequest!,
    base: batchBase,
    validate: validateBatchInstanceCreateRequest,
  },
  {
    name: "InstanceUpdateRequest",
    schema: schemas.InstanceUpdateRequest!,
    base: updateBase,
    validate: validateInstanceUpdateRequest,
  },
  {
    name: "InstanceDeleteRequest",
    schema: schemas.InstanceDeleteRequest!,
    base: deleteBase,
    validate: validateInstanceDeleteRequest,
  },
  {
    name: "listInstances query",
    schema: queryObjectSchema("/v2/org/{org}/nico/instance"),
    base: listBase,
    validate: validateListInstancesQuery,
  },
  {
    name: "getInstanceStatusHistory query",
    schema: queryObjectSchema("/v2/org/{org}/nico/instance/{instanceId}/status-history"),
    base: historyBase,
    validate: validateStatusHistoryQuery,
  },
];

for (const target of targets) {
  const cases: DriftCase[] = [];
  collectCases(target.schema, [], target.base, cases);

  describe(`spec drift: ${target.name}`, () => {
    it("base value is valid", () => {
      const result = target.validate(target.base);
      expect(result.success ? [] : result.issues).toEqual([]);
    });

    it.each(cases.map((driftCase) => [driftCase.name, driftCase] as const))(
      "%s",
      (_name, driftCase) => {
        const result = target.validate(driftCase.mutate(target.base));
        const paths = result.success ? [] : result.issues.map((issue) => issue.path);
        const expected = JSON.stringify(driftCase.expectedPath);
        const matches = paths.some((path) =>
          driftCase.prefix
            ? JSON.stringify(path.slice(0, driftCase.expectedPath.length)) === expected
            : JSON.stringify(path) === expected,
        );
        expect(matches, `issue paths: ${JSON.stringify(paths)}`).toBe(true);
      },
    );
  });
}
