import { isUnknown, type CtyObject } from "../cty/value.js";
import { errorDiagnostic, type Diagnostic } from "./diagnostics.js";

/** Connection settings of the provider after environment fallbacks. */
export interface ProviderSettings {
  endpoint: string;
  org: string;
  token: string;
}

const SETTINGS: { attribute: keyof ProviderSettings; variable: string; description: string }[] = [
  { attribute: "endpoint", variable: "NICO_ENDPOINT", description: "base URL of the NICo API" },
  { attribute: "org", variable: "NICO_ORG", description: "organization name" },
  { attribute: "token", variable: "NICO_TOKEN", description: "bearer token" },
];

/**
 * Resolves `endpoint`, `org` and `token` from the provider block, falling back to NICO_ENDPOINT,
 * NICO_ORG and NICO_TOKEN. A setting found in neither place yields an error diagnostic on the
 * attribute that names the variable.
 */
export function resolveProviderSettings(
  config: CtyObject | null,
  env: NodeJS.ProcessEnv = process.env,
): { settings?: ProviderSettings; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const settings: Partial<ProviderSettings> = {};
  for (const { attribute, variable, description } of SETTINGS) {
    const configured = config?.[attribute] ?? null;
    if (isUnknown(configured)) {
      diagnostics.push(
        errorDiagnostic(
          `Provider argument "${attribute}" is not known yet`,
          `The ${description} depends on a value that is only known after apply. Set ` +
            `"${attribute}" from a value known at plan time or through ${variable}.`,
          [attribute],
        ),
      );
      continue;
    }
    const value = typeof configured === "string" && configured !== "" ? configured : env[variable];
    if (!value) {
      diagnostics.push(
        errorDiagnostic(
          `Missing provider argument "${attribute}"`,
          `The provider needs the ${description}. Set "${attribute}" in the provider "nico" ` +
            `block or the ${variable} environment variable.`,
          [attribute],
        ),
      );
      continue;
    }
    if (attribute === "endpoint") {
      const problem = endpointDiagnostic(
        value,
        typeof configured === "string" && configured !== "" ? undefined : variable,
      );
      if (problem) {
        diagnostics.push(problem);
        continue;
      }
    }
    settings[attribute] = value;
  }
  if (diagnostics.length > 0) return { diagnostics };
  return { settings: settings as ProviderSettings, diagnostics };
}

/**
 * Checks the provider block before any credentials are needed: a known `endpoint` must be an
 * absolute http or https URL. Unknown or absent values are checked when the provider is
 * configured, where NICO_ENDPOINT applies too.
 */
export function validateProviderConfig(config: CtyObject | null): Diagnostic[] {
  const endpoint = config?.endpoint ?? null;
  if (typeof endpoint !== "string" || endpoint === "") return [];
  const problem = endpointDiagnostic(endpoint);
  return problem ? [problem] : [];
}

/**
 * Returns an error diagnostic on `endpoint` unless `value` is an absolute http or https URL.
 * `variable` names the environment variable the value came from, if any.
 */
function endpointDiagnostic(value: string, variable?: string): Diagnostic | undefined {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === "http:" || url.protocol === "https:")) return undefined;
  const source = variable ? ` (from ${variable})` : "";
  return errorDiagnostic(
    'Invalid provider argument "endpoint"',
    `endpoint must be an absolute http or https URL, got ${JSON.stringify(value)}${source}. ` +
      `Set it to the base URL of the NICo API, such as "https://nico.example.com".`,
    ["endpoint"],
  );
}
