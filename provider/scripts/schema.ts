/**
 * Writes provider/schema.json, the provider's schemas in the `terraform providers schema -json`
 * format, from the same definition that GetProviderSchema serves. The CDKTF binding generator
 * reads this file.
 */
import { writeFile } from "node:fs/promises";
import { format } from "prettier";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { schemasToDocument } from "../src/schema/encode.js";
import { PROVIDER_ADDRESS, PROVIDER_VERSION, providerSchema } from "../src/schema/provider.js";

/** Path of the committed schema document. */
export const SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), "..", "schema.json");

/** Renders the schema document as committed: formatted by Prettier like every other file. */
export async function renderSchemaDocument(): Promise<string> {
  const document = schemasToDocument(providerSchema, PROVIDER_ADDRESS, PROVIDER_VERSION);
  return format(JSON.stringify(document), { parser: "json", printWidth: 100 });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeFile(SCHEMA_PATH, await renderSchemaDocument());
  process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
}
