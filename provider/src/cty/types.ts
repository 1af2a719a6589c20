/**
 * A cty type in its JSON form, the encoding Terraform uses in schemas and state:
 * `"string"`, `["list", "string"]`, `["object", { name: "string" }]` and so on.
 */
export type CtyType =
  | "string"
  | "number"
  | "bool"
  | "dynamic"
  | readonly ["list", CtyType]
  | readonly ["set", CtyType]
  | readonly ["map", CtyType]
  | readonly ["object", Readonly<Record<string, CtyType>>];

/** Builds a list type. */
export const listOf = (element: CtyType): CtyType => ["list", element] as const;
/** Builds a set type. */
export const setOf = (element: CtyType): CtyType => ["set", element] as const;
/** Builds a map type with string keys. */
export const mapOf = (element: CtyType): CtyType => ["map", element] as const;
/** Builds an object type from its attribute types. */
export const objectOf = (attributes: Record<string, CtyType>): CtyType =>
  ["object", attributes] as const;

/** Collection kind of a list, set or map type, or undefined for any other type. */
export function collectionKind(type: CtyType): "list" | "set" | "map" | undefined {
  if (typeof type === "string") return undefined;
  return type[0] === "object" ? undefined : type[0];
}

/** Element type of a list, set or map type. */
export function elementType(type: CtyType): CtyType {
  if (typeof type === "string" || type[0] === "object") {
    throw new TypeError(`type ${JSON.stringify(type)} has no element type`);
  }
  return type[1];
}

/** Attribute types of an object type. */
export function objectAttributes(type: CtyType): Readonly<Record<string, CtyType>> {
  if (typeof type === "string" || type[0] !== "object") {
    throw new TypeError(`type ${JSON.stringify(type)} is not an object type`);
  }
  return type[1];
}
