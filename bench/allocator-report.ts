import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import prettier from "prettier";

const benchmarksPage = fileURLToPath(new URL("../docs/benchmarks.md", import.meta.url));

/** Returns one markdown line naming the CPU model, core count, Node version and date. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? "unknown CPU";
  const date = new Date().toISOString().slice(0, 10);
  return `Measured on ${model}, ${cpus.length} cores, Node ${process.version}, ${date}.`;
}

/** Renders a markdown table from a header row and data rows. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]) {
  const lines = [header, header.map(() => "---"), ...rows].map(
    (cells) => `| ${cells.join(" | ")} |`,
  );
  return lines.join("\n");
}

/**
 * Writes `body` into docs/benchmarks.md between the markers of section `name`.
 *
 * The markers are `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`. A missing page is
 * created, and a missing section is appended, so other sections stay untouched. The page is
 * formatted with Prettier so that `npm run format:check` passes after a run.
 */
export async function writeBenchmarkSection(name: string, body: string): Promise<void> {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const section = `${start}\n${body.trim()}\n${end}`;
  const page = existsSync(benchmarksPage) ? readFileSync(benchmarksPage, "utf8") : "# Benchmarks\n";
  const startAt = page.indexOf(start);
  const endAt = page.indexOf(end);
  let updated: string;
  if (startAt !== -1 && endAt > startAt) {
    updated = page.slice(0, startAt) + section + page.slice(endAt + end.length);
  } else {
    updated = `${page.trimEnd()}\n\n${section}\n`;
  }
  const options = await prettier.resolveConfig(benchmarksPage);
  const formatted = await prettier.format(updated, { ...options, parser: "markdown" });
  writeFileSync(benchmarksPage, formatted);
}
