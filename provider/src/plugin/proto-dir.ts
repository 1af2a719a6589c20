import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Directory holding tfplugin6.proto and plugin.proto, next to the bundle or in the package. */
export function findProtoDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, "proto"),
    join(here, "..", "proto"),
    join(here, "..", "..", "proto"),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, "tfplugin6.proto")));
  if (!found) {
    throw new Error(`tfplugin6.proto not found; looked in ${candidates.join(", ")}`);
  }
  return found;
}
