import {
  renderIssueMessage,
  validateBatchInstanceCreateRequest,
  type FieldNames,
  type ValidationIssue,
} from "@nico/sdk/schema";
import type { CtyObject } from "../../cty/value.js";
import {
  errorDiagnostic,
  formatPath,
  sentence,
  type AttributePath,
  type Diagnostic,
} from "../../provider/diagnostics.js";
import { BLOCK_FIELDS, argumentForField, blockField, blockForField } from "./fields.js";
import { buildBatchRequest, type RequestPath } from "./request.js";
import { parseDuration } from "./durations.js";

export type { ValidationIssue };

/** Validator with the contract of `validateBatchInstanceCreateRequest`. */
export type BatchValidator = (
  body: unknown,
) => { success: true } | { success: false; issues: ValidationIssue[] };

/** Diagnostic summaries keyed by issue code; cross-field rules share one summary. */
const SUMMARIES: Record<string, string> = {
  required: "Missing required value",
  too_small: "Value below the minimum",
  too_big: "Value above the maximum",
  invalid_format: "Invalid format",
  invalid_type: "Invalid type",
  invalid_value: "Invalid value",
  unrecognized_keys: "Unsupported argument",
  too_many_issues: "Too many configuration errors",
};
const CROSS_FIELD_SUMMARY = "Conflicting arguments";

/**
 * Validates the configuration of `nico_instance_batch` with the SDK's batch request rules and
 * returns one error diagnostic per broken rule, on the attribute it concerns. Rules on values
 * that are still unknown are skipped: an issue is dropped when its path lies on, under or
 * above an unknown value, and a cross-field issue when any field it reads is unknown.
 */
export function validateInstanceBatchConfig(
  config: CtyObject,
  validate: BatchValidator = validateBatchInstanceCreateRequest,
): Diagnostic[] {
  const diagnostics = validateTimeouts(config);
  const { body, unknownPaths } = buildBatchRequest(config);
  const result = validate(body);
  if (result.success) return diagnostics;
  for (const issue of result.issues) {
    if (dependsOnUnknown(issue, unknownPaths)) continue;
    diagnostics.push(issueToDiagnostic(issue));
  }
  return diagnostics;
}

/** Reports whether an issue reads a value that is not known yet. */
export function dependsOnUnknown(issue: ValidationIssue, unknownPaths: RequestPath[]): boolean {
  const readPaths =
    issue.crossField && issue.fields && issue.fields.length > 0
      ? [issue.path, ...issue.fields]
      : [issue.path];
  return readPaths.some((path) => unknownPaths.some((unknown) => overlaps(path, unknown)));
}

function overlaps(a: RequestPath, b: RequestPath): boolean {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (String(a[i]) !== String(b[i])) return false;
  }
  return true;
}

/**
 * Names of the resource's attributes for SDK messages: `["count"]` reads `instance_count` and
 * `["interfaces", 0, "subnetId"]` reads `interface[0].subnet_id`.
 */
export const attributeNames: FieldNames = {
  path: (requestPath) => {
    const path = requestPathToAttributePath([...requestPath]);
    return path.length > 0 ? formatPath(path) : "the resource configuration";
  },
  field: (name) => attributeForField(name) ?? name,
};

/** Finds the attribute, block or block attribute that a request field name maps to. */
function attributeForField(name: string): string | undefined {
  const top = argumentForField(name) ?? blockForField(name);
  if (top) return top.attribute;
  for (const block of BLOCK_FIELDS) {
    const field = blockField(block, name);
    if (field) return field.attribute;
  }
  return undefined;
}

/** Converts one validation issue into an error diagnostic on the matching attribute. */
export function issueToDiagnostic(issue: ValidationIssue): Diagnostic {
  const path = requestPathToAttributePath(issue.path);
  const where = path.length > 0 ? formatPath(path) : "the resource";
  const summary = `${issue.crossField ? CROSS_FIELD_SUMMARY : (SUMMARIES[issue.code] ?? "Invalid value")} in ${where}`;
  const related = (issue.fields ?? [])
    .map((field) => formatPath(requestPathToAttributePath(field)))
    .filter((text, index, all) => text !== "" && all.indexOf(text) === index);
  // The SDK message names the field, the offending value and the rule; rebuilt with attribute
  // names, it speaks of instance_count rather than the request's count.
  const message = sentence(renderIssueMessage(issue, attributeNames));
  let fix: string;
  if (issue.code === "too_many_issues") {
    fix = "Fix the errors above and run Terraform again.";
  } else if (related.length > 1) {
    fix = `Change ${related.join(" or ")} so that they agree.`;
  } else {
    fix = `Set ${where} to a value that satisfies this rule.`;
  }
  return errorDiagnostic(summary, `${message} ${fix}`, path);
}

/**
 * Maps a request path to the attribute path of the resource: `["interfaces", 0, "subnetId"]`
 * becomes `interface[0].subnet_id` and `["count"]` becomes `instance_count`. Steps without an
 * attribute, such as `__all__` or an index into a set, end the path at the nearest attribute.
 */
export function requestPathToAttributePath(requestPath: (string | number)[]): AttributePath {
  const [first, ...rest] = requestPath;
  if (typeof first !== "string") return [];
  const argument = argumentForField(first);
  if (argument) {
    const next = rest[0];
    if (argument.kind === "map" && typeof next === "string") {
      return [argument.attribute, { key: next }];
    }
    return [argument.attribute];
  }
  const block = blockForField(first);
  if (!block) return [];
  const path: AttributePath = [block.attribute];
  const index = rest[0];
  if (typeof index !== "number" && !(typeof index === "string" && /^\d+$/.test(index))) {
    return path;
  }
  path.push(Number(index));
  const name = rest[1];
  const field = typeof name === "string" ? blockField(block, name) : undefined;
  if (field) path.push(field.attribute);
  return path;
}

function validateTimeouts(config: CtyObject): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const timeouts = config.timeouts;
  if (timeouts === null || timeouts === undefined || typeof timeouts !== "object") {
    return diagnostics;
  }
  for (const name of ["create", "delete"]) {
    const value = (timeouts as CtyObject)[name];
    if (typeof value !== "string") continue;
    if (parseDuration(value) === undefined) {
      diagnostics.push(
        errorDiagnostic(
          `Invalid duration in timeouts.${name}`,
          `"${value}" is not a duration. Write a positive number with a unit of ms, s, m or ` +
            `h, such as "45m" or "1h30m".`,
          ["timeouts", name],
        ),
      );
    }
  }
  return diagnostics;
}
