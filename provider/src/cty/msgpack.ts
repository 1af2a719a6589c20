import { Decoder, Encoder, ExtData, ExtensionCodec } from "@msgpack/msgpack";
import type { CtyType } from "./types.js";
import { conform, UnknownValue, type CtyValue, type Refinement } from "./value.js";

/** msgpack extension type of an unknown value without refinements. */
export const UNKNOWN_EXTENSION = 0;
/** msgpack extension type of a refined unknown. Its payload is a msgpack map. */
export const REFINED_UNKNOWN_EXTENSION = 12;

// Keys of the refinement map inside extension 12, as cty defines them.
const REFINEMENT_IS_NULL = 1;
const REFINEMENT_STRING_PREFIX = 2;

const extensionCodec = new ExtensionCodec();
const refinementDecoder = new Decoder();

extensionCodec.register({
  type: UNKNOWN_EXTENSION,
  encode: (input: unknown) => (input instanceof UnknownValue ? new Uint8Array([0]) : null),
  decode: () => new UnknownValue(),
});

extensionCodec.register({
  type: REFINED_UNKNOWN_EXTENSION,
  // Providers never need to send refinements back: a plain unknown is always accepted.
  encode: () => null,
  decode: (data: Uint8Array) => new UnknownValue(decodeRefinement(data)),
});

function decodeRefinement(data: Uint8Array): Refinement {
  const refinement: Refinement = {};
  if (data.length === 0) return refinement;
  let raw: unknown;
  try {
    raw = refinementDecoder.decode(data);
  } catch {
    // A refinement only narrows an unknown; an unreadable one leaves it a plain unknown.
    return refinement;
  }
  if (!(raw instanceof Map) && (typeof raw !== "object" || raw === null)) return refinement;
  const get = (key: number): unknown =>
    raw instanceof Map ? raw.get(key) : (raw as Record<string, unknown>)[String(key)];
  if (get(REFINEMENT_IS_NULL) === false) refinement.notNull = true;
  const prefix = get(REFINEMENT_STRING_PREFIX);
  if (typeof prefix === "string") refinement.stringPrefix = prefix;
  return refinement;
}

const decoder = new Decoder({ extensionCodec, useBigInt64: false });
const encoder = new Encoder({ extensionCodec, ignoreUndefined: false });

/** Decodes a msgpack DynamicValue into a value of `type`, keeping unknowns. */
export function decodeMsgpack(bytes: Uint8Array, type: CtyType): CtyValue {
  if (bytes.length === 0) return null;
  return conform(decoder.decode(bytes), type);
}

/**
 * Encodes a value of `type` as msgpack. Objects are written with every attribute of their
 * type, which Terraform requires, and unknowns become extension 0.
 */
export function encodeMsgpack(value: CtyValue, type: CtyType): Uint8Array {
  return encoder.encode(conform(value, type));
}

/** Raw extension payload for tests that need to build refined unknowns by hand. */
export function refinedUnknownExtension(payload: Uint8Array): ExtData {
  return new ExtData(REFINED_UNKNOWN_EXTENSION, payload);
}
