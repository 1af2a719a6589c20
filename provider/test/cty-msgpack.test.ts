import { Encoder, ExtData } from "@msgpack/msgpack";
import { describe, expect, it } from "vitest";
import { decodeMsgpack, encodeMsgpack } from "../src/cty/msgpack.js";
import { listOf, mapOf, objectOf, setOf } from "../src/cty/types.js";
import { UnknownValue, conform, unknown, valuesEqual } from "../src/cty/value.js";

const objectType = objectOf({
  name: "string",
  count: "number",
  enabled: "bool",
  tags: setOf("string"),
  labels: mapOf("string"),
  items: listOf(objectOf({ id: "string", size: "number" })),
});

describe("cty msgpack codec", () => {
  it("round-trips a full object", () => {
    const value = {
      name: "web",
      count: 3,
      enabled: true,
      tags: ["b", "a"],
      labels: { env: "dev" },
      items: [{ id: "x", size: 1.5 }],
    };
    expect(decodeMsgpack(encodeMsgpack(value, objectType), objectType)).toEqual(value);
  });

  it("writes every object attribute, unset ones as nil", () => {
    const bytes = encodeMsgpack({ name: "web" }, objectOf({ name: "string", other: "string" }));
    // fixmap(2) "name" "web" "other" nil
    expect(Buffer.from(bytes).toString("hex")).toBe("82a46e616d65a3776562a56f74686572c0");
  });

  it("encodes integers as msgpack ints", () => {
    expect(Buffer.from(encodeMsgpack(3, "number")).toString("hex")).toBe("03");
  });

  it("encodes fractions as floats", () => {
    expect(Buffer.from(encodeMsgpack(2.5, "number"))[0]).toBe(0xcb);
  });

  it("decodes null as msgpack nil", () => {
    expect(decodeMsgpack(Uint8Array.from([0xc0]), objectType)).toBeNull();
  });

  it("encodes a null object as nil", () => {
    expect(Buffer.from(encodeMsgpack(null, objectType)).toString("hex")).toBe("c0");
  });

  it("decodes extension 0 as unknown", () => {
    const value = decodeMsgpack(Uint8Array.from([0xd4, 0x00, 0x00]), "string");
    expect(value).toBeInstanceOf(UnknownValue);
  });

  it("encodes unknown as extension 0", () => {
    expect(Buffer.from(encodeMsgpack(unknown, "string")).toString("hex")).toBe("d40000");
  });

  it("decodes a refined unknown that is not null", () => {
    // ext 8 of type 12 with the 3-byte payload {1: false}
    const value = decodeMsgpack(Uint8Array.from([0xc7, 0x03, 0x0c, 0x81, 0x01, 0xc2]), "string");
    expect((value as UnknownValue).refinement.notNull).toBe(true);
  });

  it("tolerates a malformed refinement", () => {
    const value = decodeMsgpack(Uint8Array.from([0xd5, 0x0c, 0x81, 0x01]), "string");
    expect(value).toBeInstanceOf(UnknownValue);
  });

  it("decodes a refined unknown with a string prefix", () => {
    const bytes = Uint8Array.from([0xc7, 0x07, 0x0c, 0x82, 0x01, 0xc2, 0x02, 0xa2, 0x78, 0x2d]);
    const value = decodeMsgpack(bytes, "string") as UnknownValue;
    expect(value.refinement.stringPrefix).toBe("x-");
  });

  it("keeps unknowns nested in objects", () => {
    const encoder = new Encoder();
    const bytes = encoder.encode({ name: new ExtData(0, new Uint8Array([0])), count: 2 });
    const value = decodeMsgpack(bytes, objectOf({ name: "string", count: "number" })) as Record<
      string,
      unknown
    >;
    expect(value.name).toBeInstanceOf(UnknownValue);
  });

  it("reads numbers sent as decimal strings", () => {
    const bytes = new Encoder().encode("12345678901234567890");
    expect(decodeMsgpack(bytes, "number")).toBe(12345678901234567890);
  });

  it("rejects a string where a bool belongs", () => {
    expect(() => conform("yes", "bool")).toThrow(/expected a bool/);
  });
});

describe("cty value equality", () => {
  it("ignores set order", () => {
    expect(valuesEqual(["a", "b"], ["b", "a"], setOf("string"))).toBe(true);
  });

  it("respects list order", () => {
    expect(valuesEqual(["a", "b"], ["b", "a"], listOf("string"))).toBe(false);
  });

  it("treats unknown as unequal", () => {
    expect(valuesEqual(unknown, "a", "string")).toBe(false);
  });

  it("compares maps by key", () => {
    expect(valuesEqual({ a: "1", b: "2" }, { b: "2", a: "1" }, mapOf("string"))).toBe(true);
  });

  it("detects a changed map value", () => {
    expect(valuesEqual({ a: "1" }, { a: "2" }, mapOf("string"))).toBe(false);
  });
});
