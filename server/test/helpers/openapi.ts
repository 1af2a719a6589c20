import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const specPath = fileURLToPath(new URL("../../../openapi.yaml", import.meta.url));

type Json = Record<string, unknown>;

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  responses: Record<string, Json>;
}

const spec = parse(readFileSync(specPath, "utf8")) as Json;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(rewriteRefs);
  }
  if (value !== null && typeof value === "object") {
    const result: Json = {};
    for (const [key, item] of Object.entries(value as Json)) {
      result[key] =
        key === "$ref" && typeof item === "string" && item.startsWith("#/")
          ? `openapi.json${item}`
          : rewriteRefs(item);
    }
    return result;
  }
  return value;
}

ajv.addSchema({ $id: "openapi.json", components: rewriteRefs(spec.components) });

function resolve(value: Json): Json {
  const ref = value.$ref;
  if (typeof ref !== "string") {
    return value;
  }
  let node: unknown = spec;
  for (const part of ref.slice(2).split("/")) {
    node = (node as Json)[part.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  return resolve(node as Json);
}

const operations: Operation[] = [];
for (const [template, item] of Object.entries(spec.paths as Json)) {
  for (const method of ["get", "post", "patch", "delete", "put"]) {
    const operation = (item as Json)[method] as Json | undefined;
    if (operation === undefined) {
      continue;
    }
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    operations.push({
      method: method.toUpperCase(),
      template,
      pattern,
      responses: operation.responses as Record<string, Json>,
    });
  }
}

const validators = new Map<string, ValidateFunction>();

function validatorFor(key: string, schema: unknown): ValidateFunction {
  let validate = validators.get(key);
  if (validate === undefined) {
    validate = ajv.compile(rewriteRefs(schema) as Json);
    validators.set(key, validate);
  }
  return validate;
}

/** Operation of the spec that serves `method` on `path`, if any. */
export function findOperation(method: string, path: string): Operation | undefined {
  // Static segments win over templated ones, as in the server's router.
  const matches = operations.filter((op) => op.method === method && op.pattern.test(path));
  return matches.sort((a, b) => a.template.split("{").length - b.template.split("{").length)[0];
}

/** A response as the tests see it. */
export interface CheckedResponse {
  status: number;
  contentType: string;
  headers: Headers;
  body: unknown;
}

/**
 * Lists every way a response breaks the spec: an undeclared status, a wrong media type, a body
 * that fails the declared schema, or an `X-Pagination` header that fails the Pagination schema.
 */
export function specViolations(method: string, path: string, response: CheckedResponse): string[] {
  const operation = findOperation(method, path);
  if (operation === undefined) {
    return response.status === 404
      ? checkErrorBody(response)
      : [`no operation for ${method} ${path}`];
  }
  const declared = operation.responses[String(response.status)];
  if (declared === undefined) {
    return [`status ${response.status} is not declared for ${method} ${operation.template}`];
  }
  const definition = resolve(declared);
  const content = definition.content as Record<string, Json> | undefined;
  if (content === undefined) {
    return [];
  }
  const mediaType = response.contentType.split(";")[0]?.trim() ?? "";
  const media = content[mediaType];
  if (media === undefined) {
    return [`media type ${mediaType} is not declared for ${response.status}`];
  }
  const problems: string[] = [];
  const validate = validatorFor(
    `${method} ${operation.template} ${response.status} ${mediaType}`,
    media.schema,
  );
  if (!validate(response.body)) {
    problems.push(
      ...(validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`),
    );
  }
  const headers = definition.headers as Json | undefined;
  if (headers?.["X-Pagination"] !== undefined) {
    const text = response.headers.get("x-pagination");
    if (text === null) {
      problems.push("X-Pagination header is missing");
    } else {
      const validatePage = validatorFor("pagination", { $ref: "#/components/schemas/Pagination" });
      if (!validatePage(JSON.parse(text))) {
        problems.push(`X-Pagination ${text} does not match the Pagination schema`);
      }
    }
  }
  return problems;
}

function checkErrorBody(response: CheckedResponse): string[] {
  const validate = validatorFor("error", { $ref: "#/components/schemas/ErrorResponse" });
  return validate(response.body) ? [] : ["404 body is not an ErrorResponse"];
}
