import { z } from "zod";

const encoder = new TextEncoder();

/** Returns the length of `text` in UTF-8 bytes, the unit of every NICo length limit. */
export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** Pattern of a lower-case UUID in the 8-4-4-4-12 hexadecimal form, any version. */
export const lowerCaseUuidPattern =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A UUID in the 8-4-4-4-12 hexadecimal form, any version, with lower-case hex digits only. The
 * upstream API validates ids the same way and looks them up case-sensitively, so an upper-case
 * id could never match an object.
 */
export const uuid = () =>
  z.string().check((ctx) => {
    if (lowerCaseUuidPattern.test(ctx.value)) return;
    const upperCase = lowerCaseUuidPattern.test(ctx.value.toLowerCase());
    ctx.issues.push({
      code: "custom",
      input: ctx.value,
      params: { code: "invalid_format", format: upperCase ? "uuid_upper_case" : "uuid" },
      message: "",
    });
  });

/** Options of a string whose length limits count UTF-8 bytes. */
export interface ByteStringOptions {
  /** Minimum length in bytes. */
  min?: number;
  /** Maximum length in bytes. */
  max?: number;
  /** Reject leading and trailing whitespace. */
  trimmed?: boolean;
}

/** A string whose length limits count UTF-8 bytes, optionally without leading or trailing whitespace. */
export function byteString(options: ByteStringOptions) {
  return z.string().check((ctx) => {
    const text = ctx.value;
    const length = byteLength(text);
    if (options.min !== undefined && length < options.min) {
      ctx.issues.push({
        code: "custom",
        input: text,
        params: { code: "too_small", origin: "string", minimum: options.min },
        message: "",
      });
    }
    if (options.max !== undefined && length > options.max) {
      ctx.issues.push({
        code: "custom",
        input: text,
        params: { code: "too_big", origin: "string", maximum: options.max },
        message: "",
      });
    }
    if (options.trimmed && text.length > 0 && /^\s|\s$/.test(text)) {
      ctx.issues.push({
        code: "custom",
        input: text,
        params: { code: "invalid_format", format: "edge_whitespace" },
        message: "",
      });
    }
  });
}

/** Maximum number of label pairs on an instance. */
export const maxLabelCount = 10;
/** Maximum label key length in bytes. */
export const maxLabelKeyBytes = 255;
/** Maximum label value length in bytes. */
export const maxLabelValueBytes = 255;

/**
 * Label key that is rejected: JavaScript object literals and many JSON decoders treat
 * `__proto__` as the prototype rather than as a key, so the pair would be lost or refused.
 */
export const reservedLabelKey = "__proto__";

/**
 * Labels: up to 10 pairs; keys 1 to 255 bytes with at least one non-whitespace character and
 * other than `__proto__`; values at most 255 bytes. Issues about a key or value point at
 * `labels.<key>`.
 */
export function labels() {
  // A hand-written record check, because z.record drops a `__proto__` key from its output
  // before any check could see it.
  const isObject = (value: unknown) =>
    value !== null && typeof value === "object" && !Array.isArray(value);
  return z
    .custom<Record<string, string>>(isObject, {
      params: { code: "invalid_type", expected: "record" },
    })
    .check((ctx) => {
      checkLabelEntries(ctx);
    });
}

function checkLabelEntries(ctx: z.core.ParsePayload<Record<string, string>>): void {
  const entries = Object.entries(ctx.value);
  if (entries.length > maxLabelCount) {
    ctx.issues.push({
      code: "custom",
      input: ctx.value,
      params: { code: "too_big", origin: "object", maximum: maxLabelCount },
      message: "",
    });
  }
  for (const [key, value] of entries) {
    const keyBytes = byteLength(key);
    const push = (params: Record<string, unknown>) =>
      ctx.issues.push({ code: "custom", input: value, path: [key], params, message: "" });
    // `labelKey` makes the issue report the key rather than the value stored under it.
    if (keyBytes < 1) {
      push({ code: "too_small", origin: "label_key", minimum: 1, labelKey: true });
    } else if (keyBytes > maxLabelKeyBytes) {
      push({ code: "too_big", origin: "label_key", maximum: maxLabelKeyBytes, labelKey: true });
    } else if (key.trim() === "") {
      push({ code: "invalid_format", format: "blank", labelKey: true });
    } else if (key === reservedLabelKey) {
      push({ code: "invalid_format", format: "reserved_key", labelKey: true });
    }
    if (typeof value !== "string") {
      push({ code: "invalid_type", expected: "string" });
    } else if (byteLength(value) > maxLabelValueBytes) {
      push({ code: "too_big", origin: "string", maximum: maxLabelValueBytes });
    }
  }
}

/** An RFC 3339 date-time with a time zone offset and any fractional-second precision. */
export const dateTime = () => z.iso.datetime({ offset: true });
