// Generates sdk/src/generated/openapi.ts from the repository's openapi.yaml with openapi-typescript.
// Usage: npm run generate (from the repository root or from sdk/).
import { writeFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import * as prettier from "prettier";

/** Absolute path of the OpenAPI document the types are generated from. */
export const specPath = fileURLToPath(new URL("../../openapi.yaml", import.meta.url));

/** Absolute path of the committed generated module. */
export const generatedPath = fileURLToPath(new URL("../src/generated/openapi.ts", import.meta.url));

const banner = [
  "// Generated from openapi.yaml by sdk/scripts/generate.ts with openapi-typescript.",
  "// Do not edit by hand: change openapi.yaml and run `npm run generate`.",
  "",
].join("\n");

/** Renders the types module for the spec at `sourcePath`, formatted with the Prettier config. */
export async function renderOpenApiTypes(sourcePath: string = specPath): Promise<string> {
  // Request fields with a default stay optional in the types, because clients may omit them.
  const ast = await openapiTS(pathToFileURL(sourcePath), {
    silent: true,
    defaultNonNullable: false,
  });
  const source = banner + astToString(ast);
  const config = (await prettier.resolveConfig(generatedPath)) ?? {};
  return prettier.format(source, { ...config, parser: "typescript" });
}

async function main(): Promise<void> {
  const output = await renderOpenApiTypes();
  await writeFile(generatedPath, output);
  process.stdout.write(`wrote ${generatedPath}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
