// Bundles the reference server into one ESM file: dist/nico-reference-server.mjs.
// better-sqlite3 stays external because it loads a compiled addon at run time.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ["src/cli.ts"],
  outfile: "dist/nico-reference-server.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  external: ["better-sqlite3", "pg-native"],
  // Bundled CommonJS dependencies call require(); give them one in the ESM output.
  banner: {
    js: "import { createRequire as nicoCreateRequire } from 'node:module';\nconst require = nicoCreateRequire(import.meta.url);",
  },
  logLevel: "warning",
});
console.log("wrote server/dist/nico-reference-server.mjs");
