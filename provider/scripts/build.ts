/**
 * Bundles the provider into a Terraform filesystem mirror:
 *   dist/mirror/registry.terraform.io/nico/nico/<version>/linux_amd64/
 *     terraform-provider-nico_v<version>   launcher (#!/usr/bin/env node)
 *     provider.cjs                         esbuild bundle of src/main.ts
 *     proto/*.proto                        protocol definitions loaded at start
 * and writes dist/terraformrc, a CLI configuration that installs nico/* from that mirror.
 */
import { build } from "esbuild";
import { chmod, copyFile, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PROVIDER_VERSION } from "../src/schema/provider.js";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Paths produced by `buildProvider`. */
export interface ProviderBuild {
  mirrorDir: string;
  platformDir: string;
  executable: string;
  cliConfig: string;
}

/** Builds the mirror layout and the CLI configuration under `outDir` (default provider/dist). */
export async function buildProvider(
  outDir: string = join(packageDir, "dist"),
): Promise<ProviderBuild> {
  const mirrorDir = join(outDir, "mirror");
  const platformDir = join(
    mirrorDir,
    "registry.terraform.io",
    "nico",
    "nico",
    PROVIDER_VERSION,
    "linux_amd64",
  );
  await rm(mirrorDir, { recursive: true, force: true });
  await mkdir(join(platformDir, "proto"), { recursive: true });

  await build({
    entryPoints: [join(packageDir, "src", "main.ts")],
    outfile: join(platformDir, "provider.cjs"),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "warning",
    banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { "import.meta.url": "__importMetaUrl" },
  });

  for (const file of await readdir(join(packageDir, "proto"))) {
    if (file.endsWith(".proto")) {
      await copyFile(join(packageDir, "proto", file), join(platformDir, "proto", file));
    }
  }
  // The provider package is "type": "module"; the bundle and launcher are CommonJS.
  await writeFile(join(platformDir, "package.json"), '{ "type": "commonjs" }\n');

  const executable = join(platformDir, `terraform-provider-nico_v${PROVIDER_VERSION}`);
  await writeFile(
    executable,
    '#!/usr/bin/env node\nrequire(require("node:path").join(__dirname, "provider.cjs"));\n',
  );
  await chmod(executable, 0o755);

  const cliConfig = join(outDir, "terraformrc");
  await writeFile(
    cliConfig,
    [
      "provider_installation {",
      "  filesystem_mirror {",
      `    path    = ${JSON.stringify(mirrorDir)}`,
      '    include = ["registry.terraform.io/nico/*"]',
      "  }",
      "  direct {",
      '    exclude = ["registry.terraform.io/nico/*"]',
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  return { mirrorDir, platformDir, executable, cliConfig };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await buildProvider();
  process.stdout.write(`provider: ${result.executable}\nCLI config: ${result.cliConfig}\n`);
}
