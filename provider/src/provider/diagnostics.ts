/** Severity numbers of tfplugin6 `Diagnostic.Severity`. */
export const ERROR = 1;
/** Warning severity. */
export const WARNING = 2;

/** One step of an attribute path: an attribute name, a list index or a map key. */
export type PathStep = string | number | { key: string };

/** Attribute path such as `["interface", 0, "subnet_id"]` or `["labels", { key: "env" }]`. */
export type AttributePath = PathStep[];

/** tfplugin6 `AttributePath` message. */
export interface ProtoAttributePath {
  steps: (
    { attribute_name: string } | { element_key_string: string } | { element_key_int: number }
  )[];
}

/** tfplugin6 `Diagnostic` message. */
export interface Diagnostic {
  severity: typeof ERROR | typeof WARNING;
  summary: string;
  detail: string;
  attribute?: ProtoAttributePath;
}

/** Converts an attribute path to its protocol message. */
export function toProtoPath(path: AttributePath): ProtoAttributePath {
  return {
    steps: path.map((step) => {
      if (typeof step === "string") return { attribute_name: step };
      if (typeof step === "number") return { element_key_int: step };
      return { element_key_string: step.key };
    }),
  };
}

/** Renders a path the way Terraform users write it: `interface[0].subnet_id`, `labels["env"]`. */
export function formatPath(path: AttributePath): string {
  let text = "";
  for (const step of path) {
    if (typeof step === "string") text += text === "" ? step : `.${step}`;
    else if (typeof step === "number") text += `[${step}]`;
    else text += `[${JSON.stringify(step.key)}]`;
  }
  return text;
}

/** Builds an error diagnostic, attached to `path` when one is given. */
export function errorDiagnostic(summary: string, detail: string, path?: AttributePath): Diagnostic {
  const diagnostic: Diagnostic = { severity: ERROR, summary, detail };
  if (path && path.length > 0) diagnostic.attribute = toProtoPath(path);
  return diagnostic;
}

/** Builds a warning diagnostic, attached to `path` when one is given. */
export function warningDiagnostic(
  summary: string,
  detail: string,
  path?: AttributePath,
): Diagnostic {
  const diagnostic: Diagnostic = { severity: WARNING, summary, detail };
  if (path && path.length > 0) diagnostic.attribute = toProtoPath(path);
  return diagnostic;
}

/** Reports whether any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === ERROR);
}

/** Ends `text` with a period unless it already ends with a period, question or exclamation mark. */
export function sentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
