import { decodeMsgpack, encodeMsgpack } from "../cty/msgpack.js";
import type { CtyType } from "../cty/types.js";
import { conform, type CtyObject, type CtyValue } from "../cty/value.js";

/** tfplugin6 `DynamicValue` as decoded by proto-loader. */
export interface DynamicValue {
  msgpack?: Buffer | Uint8Array;
  json?: Buffer | Uint8Array;
}

/** Decodes a DynamicValue of an object type. An absent value or msgpack nil becomes null. */
export function decodeObject(
  value: DynamicValue | null | undefined,
  type: CtyType,
): CtyObject | null {
  return decodeValue(value, type) as CtyObject | null;
}

/** Decodes a DynamicValue from msgpack, or from JSON when only JSON is present. */
export function decodeValue(value: DynamicValue | null | undefined, type: CtyType): CtyValue {
  if (!value) return null;
  if (value.msgpack && value.msgpack.length > 0) return decodeMsgpack(value.msgpack, type);
  if (value.json && value.json.length > 0) {
    return conform(JSON.parse(Buffer.from(value.json).toString("utf8")), type);
  }
  return null;
}

/** Encodes a value as a msgpack DynamicValue. */
export function encodeValue(value: CtyValue, type: CtyType): { msgpack: Buffer } {
  return { msgpack: Buffer.from(encodeMsgpack(value, type)) };
}
