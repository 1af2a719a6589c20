// Checks that openapi.yaml and the zod validators agree where the drift test cannot look: rules
// over several fields, multi-byte strings at the length bounds, and UUID spellings. ajv
// (JSON Schema 2020-12, the dialect of OpenAPI 3.1) represents any schema-driven tool.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { specPath } from "../scripts/generate";
import {
  byteLength,
  validateBatchInstanceCreateRequest,
  validateInstanceDeleteRequest,
  validateInstanceUpdateRequest,
  type ValidationResult,
} from "../src/schema/index";
import { crossFieldCases } from "./cross-field-cases";
import { batchBase, deleteBase, updateBase } from "./spec-bases";

type Node = Record<string, unknown>;
type Path = (string | number)[];

const spec = parse(readFileSync(specPath, "utf8")) as Node;
const specId = "https://nico.invalid/openapi.yaml";
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ ...spec, $id: specId });

const schemas = (spec.components as Record<string, Record<string, Node>>).schemas!;

function specValidator(name: string) {
  const validate = ajv.getSchema(`${specId}#/components/schemas/${name}`);
  if (!validate) throw new Error(`openapi.yaml has no schema ${name}`);
  return (value: unknown) => validate(value) === true;
}

function resolve(node: Node): Node {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  const target = ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((current, key) => (current as Node)[key], spec);
  return resolve(target as Node);
}

describe("cross-field rules", () => {
  const specAccepts = specValidator("BatchInstanceCreateRequest");

  it.each(crossFieldCases.map((c) => [c.name, c] as const))("zod: %s", (_name, c) => {
    expect(validateBatchInstanceCreateRequest(c.body).success).toBe(c.valid);
  });

  it.each(crossFieldCases.map((c) => [c.name, c] as const))("spec: %s", (_name, c) => {
    expect(specAccepts(c.body)).toBe(c.valid);
  });
});

interface StringBound {
  name: string;
  /** Builds the request with `text` at the bound's place. */
  place: (text: string) => unknown;
}

/** Finds every string with a length bound below `schema`, as a place in `base`. */
function collectStringBounds(
  schemaIn: Node,
  path: Path,
  base: unknown,
  label: string,
  found: StringBound[],
): void {
  let schema = resolve(schemaIn);
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1) {
    schema = { ...resolve((schema.allOf as Node[])[0]!), ...schema };
  }
  if (Array.isArray(schema.oneOf)) {
    const objectBranch = (schema.oneOf as Node[]).map(resolve).find((b) => b.type === "object");
    if (objectBranch) schema = objectBranch;
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const at = `${label} ${path.join(".")}`;
  if (types.includes("string") && (schema.minLength ?? schema.maxLength) !== undefined) {
    found.push({ name: at, place: (text) => setAt(base, path, text) });
  }
  if (types.includes("array") && schema.items) {
    collectStringBounds(schema.items as Node, [...path, 0], base, label, found);
  }
  if (types.includes("object")) {
    const names = schema.propertyNames as Node | undefined;
    if (names && (names.minLength ?? names.maxLength) !== undefined) {
      found.push({ name: `${at} key`, place: (text) => setAt(base, path, { [text]: "v" }) });
    }
    const values = schema.additionalProperties;
    if (typeof values === "object" && values !== null) {
      const first = Object.keys(getAt(base, path) as object)[0]!;
      collectStringBounds(values as Node, [...path, first], base, label, found);
    }
    for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, Node>)) {
      if (getAt(base, [...path, name]) === undefined) continue;
      collectStringBounds(child, [...path, name], base, label, found);
    }
  }
}

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], root);
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
  return copy;
}

/** Multi-byte strings from 2 bytes up to `maxBytes`, ending at both length bounds. */
function multiByteCandidates(maxBytes: number): string[] {
  const candidates: string[] = [];
  for (const unit of ["é", "€", "😀"]) {
    const unitBytes = byteLength(unit);
    for (let count = 1; count <= 4; count++) candidates.push(unit.repeat(count));
    candidates.push(unit.repeat(Math.floor(maxBytes / unitBytes)));
  }
  return candidates.filter((text) => text.length > 0);
}

const requestTargets: {
  name: string;
  schema: string;
  base: unknown;
  validate: (value: unknown) => ValidationResult<unknown>;
}[] = [
  {
    name: "BatchInstanceCreateRequest",
    schema: "BatchInstanceCreateRequest",
    base: batchBase,
    validate: validateBatchInstanceCreateRequest,
  },
  {
    name: "InstanceUpdateRequest",
    schema: "InstanceUpdateRequest",
    base: updateBase,
    validate: validateInstanceUpdateRequest,
  },
  {
    name: "InstanceDeleteRequest",
    schema: "InstanceDeleteRequest",
    base: deleteBase,
    validate: validateInstanceDeleteRequest,
  },
];

describe("multi-byte strings at length bounds", () => {
  for (const target of requestTargets) {
    const bounds: StringBound[] = [];
    collectStringBounds(schemas[target.schema]!, [], target.base, target.name, bounds);
    const specAccepts = specValidator(target.schema);

    it(`${target.name} base is valid for the spec`, () => {
      expect(specAccepts(target.base)).toBe(true);
    });

    it.each(bounds.map((bound) => [bound.name, bound] as const))("%s", (_name, bound) => {
      const accepted = multiByteCandidates(1024)
        .map((text) => bound.place(text))
        .filter((body) => target.validate(body).success);
      // At least one candidate must pass zod, or the bound was not exercised.
      expect(accepted.length).toBeGreaterThan(0);
      expect(accepted.filter((body) => !specAccepts(body))).toEqual([]);
    });
  }
});

function collectUuidSchemas(node: unknown, path: string, found: [string, Node][]): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => collectUuidSchemas(item, `${path}/${index}`, found));
  } else if (node !== null && typeof node === "object") {
    const record = node as Node;
    if (record.format === "uuid") found.push([path, record]);
    for (const [key, value] of Object.entries(record)) {
      if (key !== "examples" && key !== "example") {
        collectUuidSchemas(value, `${path}/${key}`, found);
      }
    }
  }
}

describe("uuid fields", () => {
  const found: [string, Node][] = [];
  collectUuidSchemas(spec, "#", found);
  const plain = "0b6e4d2f-3a1c-4e5b-9f87-6d5c4b3a2e10";

  it("exist in the spec", () => {
    expect(found.length).toBeGreaterThan(20);
  });

  it.each(found)("%s rejects urn:uuid", (_path, schema) => {
    const string = { ...schema, type: "string" };
    expect(ajv.validate(string, `urn:uuid:${plain}`)).toBe(false);
  });

  it.each(found)("%s accepts a plain uuid", (_path, schema) => {
    const string = { ...schema, type: "string" };
    expect(ajv.validate(string, plain)).toBe(true);
  });

  it.each(found)("%s rejects upper case", (_path, schema) => {
    const string = { ...schema, type: "string" };
    expect(ajv.validate(string, plain.toUpperCase())).toBe(false);
  });
});

describe("uuid case agreement", () => {
  const upper = batchBase.vpcId.toUpperCase();

  it("spec rejects an upper-case vpcId", () => {
    expect(specValidator("BatchInstanceCreateRequest")({ ...batchBase, vpcId: upper })).toBe(false);
  });

  it("zod rejects an upper-case vpcId", () => {
    expect(validateBatchInstanceCreateRequest({ ...batchBase, vpcId: upper }).success).toBe(false);
  });
});

describe("label key __proto__", () => {
  const body = JSON.parse('{"labels": {"__proto__": "x"}}') as { labels: object };

  it("spec rejects it", () => {
    expect(specValidator("Labels")(body.labels)).toBe(false);
  });

  it("zod rejects it", () => {
    expect(validateBatchInstanceCreateRequest({ ...batchBase, ...body }).success).toBe(false);
  });

  it("spec accepts other keys", () => {
    expect(specValidator("Labels")({ proto: "x" })).toBe(true);
  });
});
