/**
 * Generates the CDKTF bindings for the `nico` provider from `provider/schema.json`.
 *
 * Usage: `npm run generate -w @nico/cdktf-constructs [-- --schema <file> --out <dir>]`.
 * The bindings are written to `src/gen/providers/nico/` and committed, and
 * `test/generated.test.ts` regenerates them in memory to catch stale files.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { devNull, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import * as prettier from "prettier";
import ts from "typescript";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Default input: the schema the provider package writes with `npm run schema -w @nico/provider`. */
export const defaultSchemaPath = path.resolve(packageDir, "../provider/schema.json");

/** Default output folder, below which the generator writes `providers/nico/`. */
export const defaultOutDir = path.resolve(packageDir, "src/gen");

/** Provider constraint of the bindings, written to `required_providers` at synth. */
export const providerConstraint = { name: "nico", source: "nico/nico", version: "0.1.0" } as const;

/** Generated files keyed by their path relative to the output folder, with `/` separators. */
export type GeneratedFiles = Map<string, string>;

/**
 * Runs the CDKTF provider generator on a `terraform providers schema -json` document and
 * returns the bindings after the two post-processing steps (`override` modifiers, Prettier).
 */
export async function generateBindings(schemaPath: string): Promise<GeneratedFiles> {
  const schema: unknown = JSON.parse(readFileSync(schemaPath, "utf8"));
  ensureTerraformCliConfig();
  // Loading @cdktf/commons runs `terraform version`, so the import waits until the CLI
  // configuration variable points at a file that exists.
  const { TerraformProviderGenerator, CodeMaker } = await import("@cdktf/provider-generator");
  const { ConstructsMakerProviderTarget, TerraformProviderConstraint, LANGUAGES } =
    await import("@cdktf/commons");

  const code = new CodeMaker();
  const generator = new TerraformProviderGenerator(
    code,
    schema as ConstructorParameters<typeof TerraformProviderGenerator>[1],
  );
  const typescriptLanguage = LANGUAGES[0];
  if (typescriptLanguage === undefined) throw new Error("@cdktf/commons exports no languages");
  generator.generate(
    new ConstructsMakerProviderTarget(
      new TerraformProviderConstraint({ ...providerConstraint }),
      typescriptLanguage,
    ),
  );

  const scratchDir = mkdtempSync(path.join(tmpdir(), "nico-cdktf-gen-"));
  let files: GeneratedFiles;
  try {
    await code.save(scratchDir);
    files = readTree(scratchDir);
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }

  files = addOverrideModifiers(files, defaultOutDir);
  return formatFiles(files, defaultOutDir);
}

/** Replaces the contents of `outDir` with `files`. */
export function writeBindings(files: GeneratedFiles, outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  for (const [relativePath, text] of files) {
    const target = path.join(outDir, relativePath);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

/** Reads every file below `rootDir` into a map keyed by relative path. */
export function readTree(rootDir: string): GeneratedFiles {
  const files: GeneratedFiles = new Map();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else
        files.set(
          path.relative(rootDir, full).split(path.sep).join("/"),
          readFileSync(full, "utf8"),
        );
    }
  };
  if (existsSync(rootDir)) walk(rootDir);
  return files;
}

/**
 * The generator emits no `override` keyword, which the repository's `noImplicitOverride` setting
 * requires. This type-checks the bindings in memory, as if they sat in `virtualRoot`, and inserts
 * the modifier wherever TypeScript reports it missing.
 */
function addOverrideModifiers(files: GeneratedFiles, virtualRoot: string): GeneratedFiles {
  const missingOverrideCodes = new Set([4114, 4115, 4116]);
  const sources = new Map<string, string>();
  for (const [relativePath, text] of files) {
    if (relativePath.endsWith(".ts")) sources.set(path.join(virtualRoot, relativePath), text);
  }

  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noImplicitOverride: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
  };
  const host = ts.createCompilerHost(options);
  const readFromDisk = host.readFile.bind(host);
  const getSourceFromDisk = host.getSourceFile.bind(host);
  host.fileExists = (fileName) => sources.has(fileName) || ts.sys.fileExists(fileName);
  host.readFile = (fileName) => sources.get(fileName) ?? readFromDisk(fileName);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = sources.get(fileName);
    if (text === undefined) {
      return getSourceFromDisk(fileName, languageVersion, onError, shouldCreate);
    }
    return ts.createSourceFile(fileName, text, languageVersion, true);
  };

  const program = ts.createProgram([...sources.keys()], options, host);
  const insertions = new Map<string, Set<number>>();
  for (const diagnostic of program.getSemanticDiagnostics()) {
    if (!missingOverrideCodes.has(diagnostic.code)) continue;
    const sourceFile = diagnostic.file;
    if (sourceFile === undefined || diagnostic.start === undefined) continue;
    const position = overrideInsertPosition(sourceFile, diagnostic.start);
    const positions = insertions.get(sourceFile.fileName) ?? new Set<number>();
    positions.add(position);
    insertions.set(sourceFile.fileName, positions);
  }

  const result: GeneratedFiles = new Map(files);
  for (const [fileName, positions] of insertions) {
    let text = sources.get(fileName) ?? "";
    for (const position of [...positions].sort((a, b) => b - a)) {
      text = `${text.slice(0, position)}override ${text.slice(position)}`;
    }
    result.set(path.relative(virtualRoot, fileName).split(path.sep).join("/"), text);
  }
  return result;
}

/** Finds where `override` goes: after `public`/`protected`/`private`/`static`, before the rest. */
function overrideInsertPosition(sourceFile: ts.SourceFile, errorStart: number): number {
  let node: ts.Node | undefined = findTokenAt(sourceFile, errorStart);
  while (node !== undefined && !ts.isClassElement(node) && !ts.isParameter(node)) {
    node = node.parent;
  }
  if (node === undefined) {
    throw new Error(`no class member at offset ${errorStart} of ${sourceFile.fileName}`);
  }
  const leadingKinds = new Set([
    ts.SyntaxKind.PublicKeyword,
    ts.SyntaxKind.ProtectedKeyword,
    ts.SyntaxKind.PrivateKeyword,
    ts.SyntaxKind.StaticKeyword,
  ]);
  const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
  let position = node.getStart(sourceFile);
  for (const modifier of modifiers) {
    if (leadingKinds.has(modifier.kind)) position = modifier.getEnd() + 1;
  }
  return position;
}

function findTokenAt(node: ts.Node, position: number): ts.Node {
  for (const child of node.getChildren()) {
    if (child.getStart() <= position && position < child.getEnd()) {
      return findTokenAt(child, position);
    }
  }
  return node;
}

/** Formats every file with the repository's Prettier settings so `format:check` stays clean. */
async function formatFiles(files: GeneratedFiles, virtualRoot: string): Promise<GeneratedFiles> {
  const formatted: GeneratedFiles = new Map();
  for (const [relativePath, text] of files) {
    const filepath = path.join(virtualRoot, relativePath);
    const config = (await prettier.resolveConfig(filepath)) ?? {};
    formatted.set(relativePath, await prettier.format(text, { ...config, filepath }));
  }
  return formatted;
}

/**
 * Loading @cdktf/commons runs the Terraform CLI, which prints an error when
 * TF_CLI_CONFIG_FILE is unset and ~/.terraformrc is missing. The null device is a valid empty
 * configuration.
 */
function ensureTerraformCliConfig(): void {
  const configured = process.env.TF_CLI_CONFIG_FILE;
  if (configured !== undefined && existsSync(configured)) return;
  process.env.TF_CLI_CONFIG_FILE = devNull;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      schema: { type: "string", default: defaultSchemaPath },
      out: { type: "string", default: defaultOutDir },
    },
  });
  const schemaPath = path.resolve(values.schema);
  if (!existsSync(schemaPath)) {
    console.error(
      `Provider schema not found at ${schemaPath}. Run \`npm run schema -w @nico/provider\` first.`,
    );
    process.exit(1);
  }
  const files = await generateBindings(schemaPath);
  const outDir = path.resolve(values.out);
  writeBindings(files, outDir);
  console.log(`Wrote ${files.size} files to ${outDir} from ${schemaPath}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
