import type {
  AttributeSchema,
  BlockSchema,
  NestingMode,
  ProviderSchemas,
  Schema,
} from "./types.js";

const NESTING_NUMBERS: Record<NestingMode, number> = {
  single: 1,
  list: 2,
  set: 3,
  map: 4,
  group: 5,
};

/** Message shape of tfplugin6 `Schema`, as proto-loader expects it. */
export interface ProtoSchema {
  version: number;
  block: ProtoBlock;
}

interface ProtoBlock {
  version: number;
  attributes: ProtoAttribute[];
  block_types: ProtoNestedBlock[];
  description: string;
  description_kind: number;
  deprecated: boolean;
}

interface ProtoAttribute {
  name: string;
  type: Buffer;
  description: string;
  required: boolean;
  optional: boolean;
  computed: boolean;
  sensitive: boolean;
  description_kind: number;
  deprecated: boolean;
}

interface ProtoNestedBlock {
  type_name: string;
  block: ProtoBlock;
  nesting: number;
  min_items: number;
  max_items: number;
}

/** Converts a schema into the tfplugin6 `Schema` message served by GetProviderSchema. */
export function schemaToProto(schema: Schema): ProtoSchema {
  return { version: schema.version, block: blockToProto(schema.block, schema.version) };
}

function blockToProto(block: BlockSchema, version: number): ProtoBlock {
  return {
    version,
    attributes: Object.entries(block.attributes).map(([name, attribute]) =>
      attributeToProto(name, attribute),
    ),
    block_types: Object.entries(block.blockTypes ?? {}).map(([name, nested]) => ({
      type_name: name,
      block: blockToProto(nested.block, 0),
      nesting: NESTING_NUMBERS[nested.nesting],
      min_items: nested.minItems ?? 0,
      max_items: nested.maxItems ?? 0,
    })),
    description: block.description ?? "",
    description_kind: 0,
    deprecated: false,
  };
}

function attributeToProto(name: string, attribute: AttributeSchema): ProtoAttribute {
  return {
    name,
    type: Buffer.from(JSON.stringify(attribute.type)),
    description: attribute.description,
    required: attribute.required ?? false,
    optional: attribute.optional ?? false,
    computed: attribute.computed ?? false,
    sensitive: attribute.sensitive ?? false,
    description_kind: 0,
    deprecated: false,
  };
}

/** JSON shape of one schema in `terraform providers schema -json`. */
export interface JsonSchema {
  version: number;
  block: JsonBlock;
}

/** JSON shape of a block in `terraform providers schema -json`. */
export interface JsonBlock {
  attributes?: Record<string, JsonAttribute>;
  block_types?: Record<string, JsonNestedBlock>;
  description?: string;
  description_kind: "plain";
}

interface JsonAttribute {
  type: unknown;
  description?: string;
  description_kind: "plain";
  required?: true;
  optional?: true;
  computed?: true;
  sensitive?: true;
}

interface JsonNestedBlock {
  nesting_mode: NestingMode;
  block: JsonBlock;
  min_items?: number;
  max_items?: number;
}

/** Document written by `terraform providers schema -json`, limited to what this provider has. */
export interface ProvidersSchemaDocument {
  format_version: "1.0";
  provider_schemas: Record<
    string,
    { provider: JsonSchema; resource_schemas: Record<string, JsonSchema> }
  >;
  provider_versions: Record<string, string>;
}

/**
 * Renders the provider's schemas in the `terraform providers schema -json` format, which the
 * CDKTF binding generator reads. Flags that are false and empty descriptions are left out,
 * as Terraform does.
 */
export function schemasToDocument(
  schemas: ProviderSchemas,
  address: string,
  version: string,
): ProvidersSchemaDocument {
  const resourceSchemas: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(schemas.resources)) {
    resourceSchemas[name] = schemaToJson(schema);
  }
  return {
    format_version: "1.0",
    provider_schemas: {
      [address]: { provider: schemaToJson(schemas.provider), resource_schemas: resourceSchemas },
    },
    provider_versions: { [address]: version },
  };
}

/** Converts one schema to its JSON form in `terraform providers schema -json`. */
export function schemaToJson(schema: Schema): JsonSchema {
  return { version: schema.version, block: blockToJson(schema.block) };
}

function blockToJson(block: BlockSchema): JsonBlock {
  // Key order follows `terraform providers schema -json` so the two documents diff cleanly.
  const json: Partial<JsonBlock> = {};
  const attributeEntries = Object.entries(block.attributes);
  if (attributeEntries.length > 0) {
    json.attributes = {};
    for (const [name, attribute] of attributeEntries) {
      json.attributes[name] = attributeToJson(attribute);
    }
  }
  const blockEntries = Object.entries(block.blockTypes ?? {});
  if (blockEntries.length > 0) {
    json.block_types = {};
    for (const [name, nested] of blockEntries) {
      const entry: JsonNestedBlock = {
        nesting_mode: nested.nesting,
        block: blockToJson(nested.block),
      };
      if (nested.minItems) entry.min_items = nested.minItems;
      if (nested.maxItems) entry.max_items = nested.maxItems;
      json.block_types[name] = entry;
    }
  }
  if (block.description) json.description = block.description;
  json.description_kind = "plain";
  return json as JsonBlock;
}

function attributeToJson(attribute: AttributeSchema): JsonAttribute {
  const json: JsonAttribute = attribute.description
    ? { type: attribute.type, description: attribute.description, description_kind: "plain" }
    : { type: attribute.type, description_kind: "plain" };
  if (attribute.required) json.required = true;
  if (attribute.optional) json.optional = true;
  if (attribute.computed) json.computed = true;
  if (attribute.sensitive) json.sensitive = true;
  return json;
}
