#!/usr/bin/env node
// Runs the bundled provider from the filesystem mirror built by `npm run build -w @nico/provider`.
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const { version } = require("../package.json");

const bundle = join(
  __dirname,
  "..",
  "dist",
  "mirror",
  "registry.terraform.io",
  "nico",
  "nico",
  version,
  "linux_amd64",
  "provider.cjs",
);
if (!existsSync(bundle)) {
  process.stderr.write(
    `terraform-provider-nico: ${bundle} is missing; run "npm run build -w @nico/provider" first.\n`,
  );
  process.exit(1);
}
require(bundle);
