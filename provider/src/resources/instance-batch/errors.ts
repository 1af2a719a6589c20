import { errorDiagnostic, sentence, type Diagnostic } from "../../provider/diagnostics.js";
import { issueToDiagnostic, requestPathToAttributePath, type ValidationIssue } from "./validate.js";

/** Summaries of API failures by HTTP status. */
const STATUS_SUMMARIES: Record<number, string> = {
  400: "NICo API rejected the request",
  401: "NICo API rejected the credentials",
  403: "NICo API denied access",
  404: "NICo API object not found",
  409: "NICo API reported a conflict",
};

/** Fix suggestions by HTTP status. */
const STATUS_FIXES: Record<number, string> = {
  400: "Correct the arguments named above and apply again.",
  401: "Check the provider token (token or NICO_TOKEN); it may be expired or issued for another server.",
  403: "Check that the token has the TENANT_ADMIN role in the org and that the tenant quota allows this batch.",
  404: "Check the ids in the configuration.",
  409:
    "When capacity is short, free machines, choose another instance type or set " +
    "topology_optimized = false; when a name clashes, change name_prefix.",
};

/**
 * Converts an error raised by the SDK into diagnostics. A 400 whose body maps request fields to
 * messages yields one diagnostic per field on the matching attribute; request validation
 * errors yield one per issue. `fixes` replaces the fix suggestion of a status, such as the
 * 400 advice to apply again, which does not fit an import.
 */
export function apiErrorDiagnostics(
  error: unknown,
  action: string,
  fixes: Partial<Record<number, string>> = {},
): Diagnostic[] {
  const issues = (error as { issues?: ValidationIssue[] }).issues;
  if (Array.isArray(issues) && (error as { status?: unknown }).status === undefined) {
    return issues.map(issueToDiagnostic);
  }
  const status = (error as { status?: unknown }).status;
  const body = (error as { body?: { message?: string; data?: unknown } }).body;
  if (typeof status === "number") {
    const summary = `${STATUS_SUMMARIES[status] ?? `NICo API failed with HTTP ${status}`} (HTTP ${status})`;
    const fix =
      fixes[status] ??
      STATUS_FIXES[status] ??
      "Retry later; if the failure persists, check the API server logs.";
    const message = body?.message ?? (error instanceof Error ? error.message : String(error));
    const fields = flattenErrorData(body?.data);
    if (fields.length > 0) {
      return fields.map(({ path, message: fieldMessage }) =>
        errorDiagnostic(
          summary,
          `Could not ${action}: ${withoutPeriod(message)}: ${sentence(fieldMessage)} ${fix}`,
          requestPathToAttributePath(path),
        ),
      );
    }
    const data = body?.data ? ` Details: ${JSON.stringify(body.data)}.` : "";
    return [errorDiagnostic(summary, `Could not ${action}: ${sentence(message)}${data} ${fix}`)];
  }
  const message = error instanceof Error ? error.message : String(error);
  return [
    errorDiagnostic(
      `Could not ${action}`,
      `${sentence(message)} Check that the NICo API endpoint is reachable and retry.`,
    ),
  ];
}

function withoutPeriod(text: string): string {
  return text.trimEnd().replace(/\.$/, "");
}

/** Flattens the nested field map of a 400 body into request paths and messages. */
function flattenErrorData(
  data: unknown,
  prefix: (string | number)[] = [],
): { path: (string | number)[]; message: string }[] {
  if (data === null || typeof data !== "object") return [];
  const entries: { path: (string | number)[]; message: string }[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const step = /^\d+$/.test(key) ? Number(key) : key;
    if (typeof value === "string") entries.push({ path: [...prefix, step], message: value });
    else entries.push(...flattenErrorData(value, [...prefix, step]));
  }
  return entries;
}
