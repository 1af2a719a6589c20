import type { z } from "zod";
import { describeRule, type FieldNames, type RuleParams } from "./messages.js";
import { formatPath, maxShownLength, truncateText, wholeValueKey } from "./paths.js";

/** One broken rule of a request or response, in the toolkit's error vocabulary. */
export interface ValidationIssue {
  /** Path of the offending field, such as `["interfaces", 0, "subnetId"]`. */
  path: (string | number)[];
  /** Snake_case rule code, such as `too_big`, `invalid_format` or `interface_kinds_mixed`. */
  code: string;
  /** Sentence naming the field path, the rule and the offending value. */
  message: string;
  /** Offending value; undefined when the field is missing. */
  value: unknown;
  /** True when the rule reads more than one field. */
  crossField: boolean;
  /** Every field path a cross-field rule reads. */
  fields?: (string | number)[][];
  /** Rule parameters the message was built from, such as `{ minimum: 2 }`. */
  params?: RuleParams;
}

/** Outcome of a validator: the parsed value, or every issue found. */
export type ValidationResult<T> =
  { success: true; data: T } | { success: false; issues: ValidationIssue[] };

/** Wire form of validation issues: reasons nested by field path, as in `ErrorResponse.data`. */
export interface ErrorData {
  [key: string]: string | ErrorData;
}

/**
 * Maximum number of issues a validator returns. Beyond it, one `too_many_issues` issue on the
 * whole value states how many more were found, so error bodies stay small.
 */
export const maxReportedIssues = 100;

export { formatPath, maxShownLength, truncateText, wholeValueKey } from "./paths.js";

/** Renders a value for a message as JSON, shortened to `maxShownLength` characters. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "missing";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // Cyclic or very deeply nested values overflow JSON.stringify and sometimes String too.
    try {
      text = String(value);
    } catch {
      text = Array.isArray(value) ? "[…]" : "{…}";
    }
  }
  return truncateText(text);
}

/**
 * Builds the message of an issue from its path, code, rule parameters and value. With `names`,
 * the subject and the fields the rule mentions use the caller's names instead of the request's.
 */
export function buildMessage(
  path: readonly (string | number)[],
  code: string,
  params: RuleParams,
  value: unknown,
  root?: string,
  names?: FieldNames,
): string {
  const rule = describeRule(code, params, names);
  const got = value === undefined ? "" : ` (got ${describeValue(value)})`;
  const subject = names ? names.path(path) : formatPath(path, root);
  return `${subject} ${rule}${got}`;
}

/**
 * Rebuilds the message of `issue` with other field names, such as Terraform attribute names.
 * An issue without `params` (built outside this module) keeps its message.
 */
export function renderIssueMessage(issue: ValidationIssue, names: FieldNames): string {
  if (!issue.params) return issue.message;
  return buildMessage(issue.path, issue.code, issue.params, issue.value, undefined, names);
}

/** Reads the value at `path` inside `root`, or undefined when the path does not exist. */
export function valueAtPath(root: unknown, path: readonly (string | number)[]): unknown {
  if (path[path.length - 1] === wholeValueKey) path = path.slice(0, -1);
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && !Number.isInteger(value)) return "number";
  if (typeof value === "number") return "integer";
  return typeof value;
}

/**
 * Known misspellings of request keys, mapped to the accepted key. The upstream API matches keys
 * case-insensitively and documents `nvLinklogicalPartitionId`, while this contract accepts only
 * `nvLinkLogicalPartitionId`.
 */
const keySuggestions: Record<string, string> = {
  nvLinklogicalPartitionId: "nvLinkLogicalPartitionId",
};

/**
 * Converts zod issues to `ValidationIssue`s. Custom issues raised by this module carry their
 * code and rule parameters in `params`; zod's own codes are mapped to the same vocabulary.
 * `root` names the validated value in messages about the value as a whole. At most
 * `maxReportedIssues` issues are returned, followed by one `too_many_issues` issue that counts
 * the rest.
 */
export function fromZodIssues(
  zodIssues: readonly z.core.$ZodIssue[],
  input: unknown,
  root = "request body",
): ValidationIssue[] {
  let issues: ValidationIssue[] = [];
  let notConverted = 0;
  for (const zodIssue of zodIssues) {
    // Converting stops once the cap is reached, because a body with hundreds of thousands of
    // unknown keys would otherwise cost seconds and megabytes of messages.
    if (issues.length > maxReportedIssues) {
      notConverted += zodIssue.code === "unrecognized_keys" ? zodIssue.keys.length : 1;
      continue;
    }
    if (zodIssue.code === "unrecognized_keys") {
      notConverted += Math.max(0, zodIssue.keys.length - (maxReportedIssues + 1));
    }
    for (const issue of convertZodIssue(zodIssue, input, [], root)) issues.push(issue);
    if (issues.length > maxReportedIssues) issues = dedupeIssues(issues);
  }
  issues = dedupeIssues(issues);
  const omitted = Math.max(0, issues.length - maxReportedIssues) + notConverted;
  if (omitted === 0) return issues;
  const reported = issues.slice(0, maxReportedIssues);
  const params = { omitted, reported: reported.length };
  reported.push({
    path: [],
    code: "too_many_issues",
    message: buildMessage([], "too_many_issues", params, undefined, root),
    value: undefined,
    crossField: false,
    params,
  });
  return reported;
}

function convertZodIssue(
  zodIssue: z.core.$ZodIssue,
  input: unknown,
  prefix: (string | number)[],
  root: string,
): ValidationIssue[] {
  const path = [...prefix, ...zodIssue.path.map(toPathSegment)];
  const value = valueAtPath(input, path);
  const fieldIssue = (
    issuePath: (string | number)[],
    code: string,
    params: RuleParams,
    issueValue: unknown,
  ): ValidationIssue => ({
    path: issuePath,
    code,
    message: buildMessage(issuePath, code, params, issueValue, root),
    value: issueValue,
    crossField: false,
    params,
  });

  switch (zodIssue.code) {
    case "custom": {
      const params = (zodIssue.params ?? {}) as RuleParams & {
        code?: string;
        crossField?: boolean;
        fields?: (string | number)[][];
        labelKey?: boolean;
      };
      const { code = "custom", crossField = false, fields, ...ruleParams } = params;
      // A rule about a label key reports the key, not the value stored under it.
      const offending = params.labelKey === true ? path[path.length - 1] : value;
      const issue: ValidationIssue = {
        path,
        code,
        message: buildMessage(path, code, ruleParams, offending, root),
        value: offending,
        crossField,
        params: ruleParams,
      };
      if (fields) issue.fields = fields;
      return [issue];
    }
    case "unrecognized_keys":
      // Only the keys that fit under the cap become issues; the rest are counted by the caller.
      return zodIssue.keys.slice(0, maxReportedIssues + 1).map((key) => {
        const keyPath = [...path, key];
        const keyValue = valueAtPath(input, keyPath);
        const suggestion = keySuggestions[key];
        return fieldIssue(keyPath, "unrecognized_keys", suggestion ? { suggestion } : {}, keyValue);
      });
    case "invalid_type": {
      const parentValue = valueAtPath(input, path.slice(0, -1));
      const missing =
        value === undefined &&
        (path.length === 0 ||
          parentValue === null ||
          typeof parentValue !== "object" ||
          !Object.prototype.hasOwnProperty.call(parentValue, path[path.length - 1]!));
      if (missing) return [fieldIssue(path, "required", {}, undefined)];
      return [
        fieldIssue(
          path,
          "invalid_type",
          { expected: zodIssue.expected, actual: typeName(value) },
          value,
        ),
      ];
    }
    case "too_small":
      return [
        fieldIssue(
          path,
          "too_small",
          { origin: zodIssue.origin, minimum: Number(zodIssue.minimum) },
          value,
        ),
      ];
    case "too_big":
      return [
        fieldIssue(
          path,
          "too_big",
          { origin: zodIssue.origin, maximum: Number(zodIssue.maximum) },
          value,
        ),
      ];
    case "invalid_format": {
      const pattern = "pattern" in zodIssue ? String(zodIssue.pattern) : undefined;
      return [fieldIssue(path, "invalid_format", { format: zodIssue.format, pattern }, value)];
    }
    case "invalid_value":
      return [fieldIssue(path, "invalid_value", { values: zodIssue.values }, value)];
    case "invalid_union": {
      // Every branch of a failed union has issues. Report the first branch that names a rule
      // beyond a wrong type, because that branch is the one the caller meant.
      const branches = zodIssue.errors.filter((branch) => branch.length > 0);
      const informative = branches.find(
        (branch) => !branch.every((inner) => inner.code === "invalid_type"),
      );
      const chosen = informative ?? branches[0];
      if (chosen) return chosen.flatMap((inner) => convertZodIssue(inner, input, path, root));
      return [fieldIssue(path, "invalid_type", { expected: "valid value" }, value)];
    }
    case "invalid_key":
    case "invalid_element":
      return zodIssue.issues.flatMap((inner) => convertZodIssue(inner, input, path, root));
    default:
      return [fieldIssue(path, zodIssue.code, {}, value)];
  }
}

function toPathSegment(segment: PropertyKey): string | number {
  return typeof segment === "symbol" ? String(segment) : segment;
}

function dedupeIssues(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${JSON.stringify(issue.path)}|${issue.code}|${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Builds the wire `data` map of a validation error: each issue's message nested under its path,
 * with array indexes as string keys (`{"interfaces": {"0": {"subnetId": "..."}}}`). A reason for a
 * value whose children also have reasons moves to the `__all__` key of that value, and several
 * reasons for one key are joined with "; ".
 */
export function issuesToErrorData(issues: readonly ValidationIssue[]): ErrorData {
  const root: ErrorData = {};
  for (const issue of issues) {
    const keys = issue.path.length === 0 ? [wholeValueKey] : issue.path.map(String);
    let node = root;
    for (const key of keys.slice(0, -1)) {
      const existing = ownValue(node, key);
      if (existing === undefined) {
        const child: ErrorData = {};
        setOwn(node, key, child);
        node = child;
      } else if (typeof existing === "string") {
        const child: ErrorData = {};
        setOwn(child, wholeValueKey, existing);
        setOwn(node, key, child);
        node = child;
      } else {
        node = existing;
      }
    }
    addReason(node, keys[keys.length - 1]!, issue.message);
  }
  return root;
}

function addReason(node: ErrorData, key: string, message: string): void {
  const existing = ownValue(node, key);
  if (existing === undefined) {
    setOwn(node, key, message);
  } else if (typeof existing === "string") {
    setOwn(node, key, `${existing}; ${message}`);
  } else {
    addReason(existing, wholeValueKey, message);
  }
}

// Paths come from client input, so a key such as `__proto__` must become an own property
// instead of reaching Object.prototype through plain assignment.
function ownValue(node: ErrorData, key: string): ErrorData[string] | undefined {
  return Object.hasOwn(node, key) ? node[key] : undefined;
}

function setOwn(node: ErrorData, key: string, value: ErrorData[string]): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Formats issues as one message: a summary line, then one indented line per issue. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  if (issues.length === 0) return "No validation issues.";
  const heading =
    issues.length === 1 ? "1 validation issue:" : `${issues.length} validation issues:`;
  return [heading, ...issues.map((issue) => `  - ${issue.message} [${issue.code}]`)].join("\n");
}
