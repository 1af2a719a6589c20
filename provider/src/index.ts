export { providerSchema, PROVIDER_ADDRESS, PROVIDER_VERSION } from "./schema/provider.js";
export {
  serveProvider,
  MAGIC_COOKIE_KEY,
  MAGIC_COOKIE_VALUE,
  type ServeProviderOptions,
} from "./serve.js";
export { schemasToDocument, schemaToProto, type ProvidersSchemaDocument } from "./schema/encode.js";
export type { Schema, BlockSchema, AttributeSchema, NestedBlockSchema } from "./schema/types.js";
