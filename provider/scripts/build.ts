/**
 * Bundles the provider into a Terraform filesystem mirror:
 *   dist/mirror/registry.terraform.io/nico/nico/<version>/linux_amd64/
 *     terraform-provider-nico_v<version>   launcher (#!/usr/bin/env node)
 *     provider.cjs                         esbuild bundle of src/main.ts
 *     proto/*.proto                        protocol definitions
 *     proto/plugin-protos.json             the same, compiled, loaded at start
 *     provider.cjs.cache                   V8 code cache of the bundle, made by this Node
 * and writes dist/terraformrc, a CLI configuration that installs nico/* from that mirror.
 */
import { build, type Plugin } from "esbuild";
import { spawnSync } from "node:child_process";
import { chmod, copyFile, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { COMPILED_PROTOS_FILE, compileProtos } from "../src/plugin/compiled-protos.js";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "../src/plugin/serve.js";
import { generateServerCertificate } from "../src/plugin/tls.js";
import { PROVIDER_VERSION } from "../src/schema/provider.js";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Replaces the `long` package with an empty module. protobufjs then decodes 64-bit integers
 * straight to numbers, which the provider requests anyway (`longs: Number`), and the start
 * skips compiling the WebAssembly module that `long` builds when it loads.
 */
const withoutLong: Plugin = {
  name: "without-long",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^long$/ }, () => ({ path: "long", namespace: "empty" }));
    pluginBuild.onLoad({ filter: /.*/, namespace: "empty" }, () => ({
      contents: "module.exports = null;",
      loader: "js",
    }));
  },
};

/**
 * Launcher of the mirror. It compiles the bundle with the V8 code cache written at build time,
 * which saves most of the compile time at every start. When the cache is missing or V8
 * rejects it (another Node version or other V8 flags), it falls back to a plain `require`.
 * With NICO_PROVIDER_WRITE_CODE_CACHE set it writes the cache right after the handshake line.
 */
const LAUNCHER = `#!/usr/bin/env node
"use strict";
const { readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const Module = require("node:module");
const vm = require("node:vm");
const bundle = join(__dirname, "provider.cjs");
const cacheFile = bundle + ".cache";
function start() {
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {}
  const writeCache = Boolean(process.env.NICO_PROVIDER_WRITE_CODE_CACHE);
  if (cachedData === undefined && !writeCache) return false;
  const script = new vm.Script(Module.wrap(readFileSync(bundle, "utf8")), {
    filename: bundle,
    cachedData,
  });
  if (script.cachedDataRejected && !writeCache) return false;
  if (writeCache) {
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk, ...rest) => {
      writeFileSync(cacheFile, script.createCachedData());
      const written = write(chunk, ...rest);
      process.exit(0);
      return written;
    };
  }
  const module = new Module(bundle, null);
  module.filename = bundle;
  module.paths = Module._nodeModulePaths(__dirname);
  script.runInThisContext().call(module.exports, module.exports, require, module, bundle, __dirname);
  return true;
}
if (!start()) require(bundle);
`;

/**
 * Starts the built provider once with a client certificate, as Terraform would, and lets the
 * launcher write the code cache when the handshake line appears, so the cache covers the
 * functions that run before the handshake. A failure leaves no cache, which only costs time.
 */
async function writeCodeCache(platformDir: string): Promise<void> {
  const clientCertificate = await generateServerCertificate();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: "6",
    PLUGIN_CLIENT_CERT: clientCertificate.certPem,
    NICO_PROVIDER_WRITE_CODE_CACHE: "1",
  };
  delete env.NODE_OPTIONS;
  const executable = join(platformDir, `terraform-provider-nico_v${PROVIDER_VERSION}`);
  const result = spawnSync(process.execPath, [executable], { env, timeout: 30_000 });
  if (result.status !== 0) {
    await rm(join(platformDir, "provider.cjs.cache"), { force: true });
  }
}

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
    minify: true,
    plugins: [withoutLong],
    logLevel: "warning",
    banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { "import.meta.url": "__importMetaUrl" },
  });

  for (const file of await readdir(join(packageDir, "proto"))) {
    if (file.endsWith(".proto")) {
      await copyFile(join(packageDir, "proto", file), join(platformDir, "proto", file));
    }
  }
  const compiled = compileProtos(join(packageDir, "proto"));
  await writeFile(join(platformDir, "proto", COMPILED_PROTOS_FILE), JSON.stringify(compiled));
  // The provider package is "type": "module"; the bundle and launcher are CommonJS.
  await writeFile(join(platformDir, "package.json"), '{ "type": "commonjs" }\n');

  const executable = join(platformDir, `terraform-provider-nico_v${PROVIDER_VERSION}`);
  await writeFile(executable, LAUNCHER);
  await chmod(executable, 0o755);
  await writeCodeCache(platformDir);

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
