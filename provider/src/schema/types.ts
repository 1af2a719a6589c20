import { listOf, objectOf, setOf, mapOf, type CtyType } from "../cty/types.js";

/** One attribute of a schema block. */
export interface AttributeSchema {
  type: CtyType;
  description: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
}

/** Nesting mode of a block inside another block. */
export type NestingMode = "single" | "list" | "set" | "map" | "group";

/** A block type nested inside another block. */
export interface NestedBlockSchema {
  nesting: NestingMode;
  block: BlockSchema;
  minItems?: number;
  maxItems?: number;
}

/** A configuration block: attributes and nested block types. */
export interface BlockSchema {
  description?: string;
  attributes: Record<string, AttributeSchema>;
  blockTypes?: Record<string, NestedBlockSchema>;
}

/** Versioned schema of the provider configuration or of one resource type. */
export interface Schema {
  version: number;
  block: BlockSchema;
}

/** Schemas of everything the provider serves, keyed the way Terraform addresses them. */
export interface ProviderSchemas {
  provider: Schema;
  resources: Record<string, Schema>;
}

/**
 * Computes the object type Terraform uses for values of a block: attributes keep their
 * type, list and set blocks become lists and sets of objects, single blocks become objects.
 */
export function impliedType(block: BlockSchema): CtyType {
  const attributes: Record<string, CtyType> = {};
  for (const [name, attribute] of Object.entries(block.attributes)) {
    attributes[name] = attribute.type;
  }
  for (const [name, nested] of Object.entries(block.blockTypes ?? {})) {
    const inner = impliedType(nested.block);
    switch (nested.nesting) {
      case "single":
      case "group":
        attributes[name] = inner;
        break;
      case "list":
        attributes[name] = listOf(inner);
        break;
      case "set":
        attributes[name] = setOf(inner);
        break;
      case "map":
        attributes[name] = mapOf(inner);
        break;
    }
  }
  return objectOf(attributes);
}
