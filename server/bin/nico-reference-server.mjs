#!/usr/bin/env node
// Runs the bundled server when `npm run build -w @nico/server` has produced it, and the
// TypeScript sources through tsx otherwise (development checkouts).
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const bundle = fileURLToPath(new URL("../dist/nico-reference-server.mjs", import.meta.url));
if (existsSync(bundle)) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("../src/cli.ts", import.meta.url).href);
}
