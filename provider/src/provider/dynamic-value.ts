import { decodeMsgpack, encodeMsgpack } from "../cty/msgpack.js";
import type { CtyType } from "../cty/types.js";
import { conform, type CtyObject, type CtyValue } from "../cty/value.js";
import { errorDiagnostic, sentence, type Diagnostic } from "./diagnostics.js";

/** tfplugin6 `DynamicValue` as decoded by proto-loader. */
export interface DynamicValue {
  msgpack?: Buffer | Uint8Array;
  json?: Buffer | Uint8Array;
}

/**
 * Decodes a DynamicValue of an object type. An absent value or msgpack nil becomes null. Throws
 * `DynamicValueError` when the bytes cannot be decoded.
 */
export function decodeObject(
  value: DynamicValue | null | undefined,
  type: CtyType,
  valueName = "value",
): CtyObject | null {
  return decodeValue(value, type, valueName) as CtyObject | null;
}

/** Raised when Terraform sends a configuration, plan or state value the provider cannot read. */
export class DynamicValueError extends Error {
  /** The error diagnostic that reports the value to the user. */
  readonly diagnostic: Diagnostic;

  constructor(valueName: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`cannot decode the ${valueName}: ${reason}`, { cause });
    this.name = "DynamicValueError";
    // The msgpack decoder rejects the key `__proto__`, which a map such as labels can contain.
    const hint = reason.includes("__proto__")
      ? ' A map key named "__proto__", for example in labels, is not supported; rename it.'
      : " Check the values in the configuration; if they look right, report this provider error.";
    this.diagnostic = errorDiagnostic(
      `Invalid ${valueName}`,
      `The nico provider could not read the ${valueName} that Terraform sent: ${sentence(reason)}${hint}`,
    );
  }
}

/**
 * Decodes a DynamicValue from msgpack, or from JSON when only JSON is present. `valueName` names
 * the value in errors, such as "resource configuration". Throws `DynamicValueError` when the bytes
 * cannot be decoded.
 */
export function decodeValue(
  value: DynamicValue | null | undefined,
  type: CtyType,
  valueName = "value",
): CtyValue {
  if (!value) return null;
  try {
    if (value.msgpack && value.msgpack.length > 0) return decodeMsgpack(value.msgpack, type);
    if (value.json && value.json.length > 0) {
      return conform(JSON.parse(Buffer.from(value.json).toString("utf8")), type);
    }
  } catch (error) {
    throw new DynamicValueError(valueName, error);
  }
  return null;
}

/** Encodes a value as a msgpack DynamicValue. */
export function encodeValue(value: CtyValue, type: CtyType): { msgpack: Buffer } {
  return { msgpack: Buffer.from(encodeMsgpack(value, type)) };
}
