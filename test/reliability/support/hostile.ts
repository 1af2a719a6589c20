import fc from "fast-check";
import { fixture, uuidFor, validBatch, type TenantFixture } from "./inventory.js";

/** One generated request: a JSON value to send, or raw text sent as is. */
export type HostileInput =
  | { category: string; kind: "json"; value: unknown }
  | { category: string; kind: "text"; text: string; contentType?: string };

const uuidFields = ["tenantId", "instanceTypeId", "vpcId", "operatingSystemId"];
const stringFields = [
  "namePrefix",
  "description",
  "userData",
  "ipxeScript",
  "networkSecurityGroupId",
];
const allFields = [
  ...uuidFields,
  ...stringFields,
  "count",
  "labels",
  "secondaryVpcIds",
  "sshKeyGroupIds",
  "interfaces",
  "infinibandInterfaces",
  "nvLinkInterfaces",
  "dpuExtensionServiceDeployments",
  "alwaysBootWithCustomIpxe",
  "phoneHomeEnabled",
  "autoNetwork",
  "topologyOptimized",
];

function baseBody(tenant: TenantFixture): Record<string, unknown> {
  return validBatch(tenant, "fuzz", {
    count: 2,
    instanceTypeId: fixture.cpuTypeId,
    topologyOptimized: false,
  });
}

const anyJson = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Strings that look like UUIDs but break the 8-4-4-4-12 hexadecimal form. */
const badUuid = fc.oneof(
  fc.uuid().map((id) => id.slice(0, -1)),
  fc.uuid().map((id) => `${id}0`),
  fc.uuid().map((id) => id.replaceAll("-", "")),
  fc.uuid().map((id) => `{${id}}`),
  fc.uuid().map((id) => ` ${id}`),
  fc.uuid().map((id) => id.replace(/[0-9a-f]/, "g")),
  fc.uuid().map((id) => `${id.slice(0, 8)}_${id.slice(9)}`),
  fc.constantFrom(
    "",
    "null",
    "00000000-0000-0000-0000-00000000000",
    "../../etc/passwd",
    "' OR 1=1 --",
  ),
  fc.string({ maxLength: 40 }),
);

/** Nested arrays or objects `depth` levels deep, written as text so no recursion builds them. */
function deepText(depth: number, shape: "array" | "object"): string {
  return shape === "array"
    ? `${"[".repeat(depth)}1${"]".repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

/** Replaces the value of `field` in the JSON text of `body` with raw JSON text. */
function withRawField(body: Record<string, unknown>, field: string, rawValue: string): string {
  const marker = "__raw_value_marker__";
  return JSON.stringify({ ...body, [field]: marker }).replace(`"${marker}"`, rawValue);
}

/**
 * Builds the hostile inputs of the bad-input suite from fast-check arbitraries: wrong types,
 * unknown fields, huge strings, deep nesting, bad UUIDs, duplicates, boundary values, random
 * JSON, malformed JSON and bodies over the 10 MiB limit. `scale` multiplies every category.
 */
export function generateHostileInputs(seed: number, scale: number): HostileInput[] {
  const [tenant, other] = fixture.tenants as [TenantFixture, TenantFixture];
  const base = baseBody(tenant);
  const sample = <T>(arbitrary: fc.Arbitrary<T>, count: number, offset: number): T[] =>
    fc.sample(arbitrary, { numRuns: Math.max(1, Math.round(count * scale)), seed: seed + offset });
  const json =
    (category: string) =>
    (value: unknown): HostileInput => ({ category, kind: "json", value });
  const inputs: HostileInput[] = [];

  const wrongType = fc
    .tuple(fc.constantFrom(...allFields), anyJson)
    .map(([field, value]) => ({ ...base, [field]: value }));
  inputs.push(...sample(wrongType, 2500, 1).map(json("wrong type")));

  const nestedWrongType = fc
    .tuple(
      fc.constantFrom(
        "subnetId",
        "vpcPrefixId",
        "device",
        "deviceInstance",
        "virtualFunctionId",
        "isPhysical",
        "ipAddress",
      ),
      anyJson,
    )
    .map(([field, value]) => ({
      ...base,
      interfaces: [{ subnetId: tenant.subnetId, [field]: value }],
    }));
  inputs.push(...sample(nestedWrongType, 800, 2).map(json("wrong type in interface")));

  const unknownField = fc
    .tuple(fc.string({ minLength: 1, maxLength: 20 }), anyJson, fc.boolean())
    .filter(([key]) => !allFields.includes(key) && key !== "__proto__")
    .map(([key, value, nested]) =>
      nested
        ? { ...base, interfaces: [{ subnetId: tenant.subnetId, [key]: value }] }
        : { ...base, [key]: value },
    );
  inputs.push(...sample(unknownField, 800, 3).map(json("unknown field")));

  const hugeString = fc
    .tuple(
      fc.constantFrom(...stringFields, "labels"),
      fc.integer({ min: 256, max: 1_000_000 }),
      fc.constantFrom("a", "é", "😀", " ", "\u0000"),
    )
    .map(([field, length, unit]) => {
      const text = unit.repeat(Math.ceil(length / unit.length));
      return field === "labels"
        ? { ...base, labels: { [text.slice(0, 1000)]: text } }
        : { ...base, [field]: text };
    });
  inputs.push(...sample(hugeString, 150, 4).map(json("huge string")));

  const deep = fc
    .tuple(
      fc.constantFrom(...allFields, "extra"),
      fc.integer({ min: 20, max: 20_000 }),
      fc.constantFrom("array" as const, "object" as const),
    )
    .map(([field, depth, shape]): HostileInput => ({
      category: "deep nesting",
      kind: "text",
      text: withRawField(base, field, deepText(depth, shape)),
    }));
  inputs.push(...sample(deep, 200, 5));

  const uuidTargets = fc.constantFrom(
    ...uuidFields.map((field) => (value: string) => ({ ...base, [field]: value })),
    (value: string) => ({ ...base, interfaces: [{ subnetId: value }] }),
    (value: string) => ({ ...base, secondaryVpcIds: [value] }),
    (value: string) => ({ ...base, sshKeyGroupIds: [value] }),
    (value: string) => ({ ...base, nvLinkInterfaces: [{ nvLinkLogicalPartitionId: value }] }),
  );
  const badUuidBody = fc.tuple(uuidTargets, badUuid).map(([build, value]) => build(value));
  inputs.push(...sample(badUuidBody, 1500, 6).map(json("bad uuid")));

  const duplicates = fc.oneof(
    fc.uuid().map((id) => ({ ...base, sshKeyGroupIds: [id, id] })),
    fc.uuid().map((id) => ({ ...base, secondaryVpcIds: [id, id] })),
    fc.constant({ ...base, secondaryVpcIds: [other.vpcId, other.vpcId] }),
    fc.constant({
      ...base,
      interfaces: [{ subnetId: tenant.subnetId }, { subnetId: tenant.subnetId }],
    }),
    fc.integer({ min: 0, max: 3 }).map((device) => ({
      ...base,
      nvLinkInterfaces: [
        { nvLinkLogicalPartitionId: uuidFor("nvl"), deviceInstance: device },
        { nvLinkLogicalPartitionId: uuidFor("nvl"), deviceInstance: device },
      ],
    })),
  );
  inputs.push(...sample(duplicates, 400, 7).map(json("duplicate ids")));
  const duplicateKeys = fc
    .tuple(fc.constantFrom("count", "namePrefix", "tenantId", "vpcId"), anyJson)
    .map(([field, value]): HostileInput => {
      const text = JSON.stringify(base);
      return {
        category: "duplicate keys",
        kind: "text",
        text: `${text.slice(0, -1)},${JSON.stringify(field)}:${JSON.stringify(value)}}`,
      };
    });
  inputs.push(...sample(duplicateKeys, 200, 8));

  const boundaries = fc.oneof(
    fc.integer({ min: -5, max: 25 }).map((count) => ({ ...base, count })),
    fc.double({ min: 1, max: 20, noNaN: true }).map((count) => ({ ...base, count })),
    fc.integer({ min: 0, max: 300 }).map((length) => ({ ...base, namePrefix: "n".repeat(length) })),
    fc
      .constantFrom(" lead", "trail ", "\tx", "ok-prefix")
      .map((namePrefix) => ({ ...base, namePrefix })),
    fc.integer({ min: 0, max: 20 }).map((n) => ({
      ...base,
      labels: Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"])),
    })),
    fc.integer({ min: 0, max: 12 }).map((n) => ({
      ...base,
      interfaces: Array.from({ length: n }, () => ({ subnetId: tenant.subnetId })),
    })),
    fc
      .record(
        {
          autoNetwork: fc.boolean(),
          topologyOptimized: fc.option(fc.boolean()),
          ipxeScript: fc.option(fc.string()),
          operatingSystemId: fc.option(fc.uuid()),
          description: fc.option(fc.string({ maxLength: 1200 })),
        },
        { requiredKeys: [] },
      )
      .map((fields) => ({ ...base, ...fields })),
  );
  inputs.push(...sample(boundaries, 1500, 9).map(json("boundary value")));

  const missing = fc
    .subarray(Object.keys(base), { minLength: 1 })
    .map((keys) => Object.fromEntries(Object.entries(base).filter(([key]) => !keys.includes(key))));
  inputs.push(...sample(missing, 500, 10).map(json("missing fields")));

  inputs.push(...sample(fc.jsonValue({ maxDepth: 4 }), 1200, 11).map(json("random JSON")));

  const randomRecord = fc.record(Object.fromEntries(allFields.map((field) => [field, anyJson])), {
    requiredKeys: [],
  });
  inputs.push(...sample(randomRecord, 1000, 12).map(json("random fields")));

  const malformed = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 200 })).map(([cut]) => JSON.stringify(base).slice(0, -cut)),
    fc.constantFrom(
      "{",
      "}",
      "[",
      "{'namePrefix': 'a'}",
      '{"count": 2,}',
      '{"count": NaN}',
      '{"count": Infinity}',
      '{"count": 0x10}',
      "\uFEFF{}",
      '{"a":"\\u12"}',
      "nul",
      "tru",
      '"unterminated',
      "{}}",
      "[1,]",
    ),
    fc.string({ minLength: 1, maxLength: 200 }).map((text) => `{${text}`),
    fc
      .tuple(fc.integer({ min: 1, max: 150 }), fc.constantFrom("{", "}", '"', ",", ":", "\\", "]"))
      .map(([position, insert]) => {
        const text = JSON.stringify(base);
        return text.slice(0, position) + insert + text.slice(position);
      }),
  );
  inputs.push(
    ...sample(malformed, 1000, 13).map((text): HostileInput => ({
      category: "malformed JSON",
      kind: "text",
      text,
    })),
  );

  const prototypeKey = fc
    .tuple(
      fc.constantFrom("__proto__", "constructor", "prototype"),
      fc.constantFrom(
        "1",
        '"x"',
        '{"polluted":"yes"}',
        '{"prototype":{"polluted":"yes"}}',
        "[]",
        "null",
      ),
      fc.constantFrom("top", "interface", "labels"),
    )
    .map(([key, rawValue, place]): HostileInput => {
      const member = `${JSON.stringify(key)}:${rawValue}`;
      let text: string;
      if (place === "top") {
        text = `${JSON.stringify(base).slice(0, -1)},${member}}`;
      } else if (place === "interface") {
        text = withRawField(
          base,
          "interfaces",
          `[{"subnetId":${JSON.stringify(tenant.subnetId)},${member}}]`,
        );
      } else {
        text = withRawField(base, "labels", `{"team":"a",${member}}`);
      }
      return { category: "prototype keys", kind: "text", text };
    });
  inputs.push(...sample(prototypeKey, 100, 14));

  inputs.push(
    {
      category: "wrong media type",
      kind: "text",
      text: JSON.stringify(base),
      contentType: "text/xml",
    },
    {
      category: "wrong media type",
      kind: "text",
      text: JSON.stringify(base),
      contentType: "application/x-www-form-urlencoded",
    },
    {
      category: "oversized body",
      kind: "text",
      text: JSON.stringify({ ...base, userData: "u".repeat(10.5 * 1024 * 1024) }),
    },
    { category: "oversized body", kind: "text", text: `[${"1,".repeat(5.5 * 1024 * 1024)}1]` },
    { category: "oversized body", kind: "text", text: "{".repeat(11 * 1024 * 1024) },
  );
  return inputs;
}
