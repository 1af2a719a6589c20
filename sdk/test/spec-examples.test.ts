// Checks every named example in openapi.yaml against its schema with ajv (JSON Schema 2020-12,
// the dialect of OpenAPI 3.1) and against the zod schemas, so a mock server that returns the
// examples returns valid bodies.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { specPath } from "../scripts/generate";
import {
  parseErrorResponse,
  parseInstance,
  parseInstances,
  parsePagination,
  parseStatusDetails,
  validateBatchInstanceCreateRequest,
  validateInstanceDeleteRequest,
  validateInstanceUpdateRequest,
  type ValidationResult,
} from "../src/schema/index";

type Node = Record<string, unknown>;

const spec = parse(readFileSync(specPath, "utf8")) as Node;
const specId = "https://nico.invalid/openapi.yaml";

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ ...spec, $id: specId });

function resolve(node: Node): Node {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  const target = ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((current, key) => (current as Node)[key], spec);
  return resolve(target as Node);
}

function absoluteSchema(schema: Node): Node {
  const text = JSON.stringify(schema).replaceAll('"#/components/', `"${specId}#/components/`);
  return JSON.parse(text) as Node;
}

interface ExampleCase {
  name: string;
  schema: Node;
  value: unknown;
  zodCheck?: (value: unknown) => ValidationResult<unknown>;
}

const responseParsers: Record<string, (value: unknown) => ValidationResult<unknown>> = {
  createInstanceBatch: parseInstances,
  listInstances: parseInstances,
  getInstance: parseInstance,
  updateInstance: parseInstance,
  getInstanceStatusHistory: parseStatusDetails,
};

const requestValidators: Record<string, (value: unknown) => ValidationResult<unknown>> = {
  createInstanceBatch: validateBatchInstanceCreateRequest,
  updateInstance: validateInstanceUpdateRequest,
  deleteInstance: validateInstanceDeleteRequest,
};

function collectExamples(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const methods = ["get", "post", "patch", "delete"];
  for (const pathItem of Object.values(spec.paths as Record<string, Node>)) {
    for (const method of methods) {
      const operation = pathItem[method] as Node | undefined;
      if (!operation) continue;
      const operationId = String(operation.operationId);
      const body = operation.requestBody as Node | undefined;
      for (const [mediaType, media] of Object.entries(
        (body?.content ?? {}) as Record<string, Node>,
      )) {
        for (const [exampleName, example] of Object.entries(
          (media.examples ?? {}) as Record<string, Node>,
        )) {
          cases.push({
            name: `${operationId} request ${mediaType} ${exampleName}`,
            schema: media.schema as Node,
            value: resolve(example).value,
            zodCheck: requestValidators[operationId],
          });
        }
      }
      for (const [status, responseRef] of Object.entries(
        operation.responses as Record<string, Node>,
      )) {
        const response = resolve(responseRef);
        const content = (response.content ?? {}) as Record<string, Node>;
        expect(Object.keys(content).length, `${operationId} ${status} has a body`).toBeGreaterThan(
          0,
        );
        for (const [mediaType, media] of Object.entries(content)) {
          const examples = Object.entries((media.examples ?? {}) as Record<string, Node>);
          if (examples.length === 0)
            throw new Error(`${operationId} ${status} ${mediaType} has no example`);
          for (const [exampleName, example] of examples) {
            const isError = !status.startsWith("2");
            cases.push({
              name: `${operationId} ${status} ${mediaType} ${exampleName}`,
              schema: media.schema as Node,
              value: resolve(example).value,
              zodCheck: isError
                ? parseErrorResponse
                : mediaType === "application/json"
                  ? responseParsers[operationId]
                  : undefined,
            });
          }
        }
      }
    }
  }
  return cases;
}

const cases = collectExamples();

describe("openapi.yaml examples", () => {
  it.each(cases.map((example) => [example.name, example] as const))(
    "%s matches its schema",
    (_name, example) => {
      const validate = ajv.compile(absoluteSchema(example.schema));
      const valid = validate(example.value);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    },
  );

  it.each(
    cases
      .filter((example) => example.zodCheck !== undefined)
      .map((example) => [example.name, example] as const),
  )("%s passes the zod schema", (_name, example) => {
    const result = example.zodCheck!(example.value);
    expect(result.success ? [] : result.issues).toEqual([]);
  });

  it("X-Pagination example passes the zod schema", () => {
    const header = resolve((spec.components as Node).headers as Node).XPagination as Node;
    const result = parsePagination(header.example);
    expect(result.success).toBe(true);
  });
});
