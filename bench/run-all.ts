// Runs every benchmark in sequence, each in its own process, after writing the page header of
// docs/benchmarks.md with the machine details. Run with `npm run bench`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import prettier from "prettier";
import { postgresBinDir } from "../test/support/postgres.js";

const benchDir = fileURLToPath(new URL(".", import.meta.url));
const benchmarksPage = fileURLToPath(new URL("../docs/benchmarks.md", import.meta.url));

/** Scripts in run order. Each writes its own section of docs/benchmarks.md. */
const benchmarks = [
  "allocator.bench.ts",
  "packing.bench.ts",
  "server.bench.ts",
  "sdk.bench.ts",
  "terraform.bench.ts",
];

function toolVersion(command: string, args: string[]): string {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: os.devNull },
  });
  if (result.error !== undefined || result.status !== 0) return "not found";
  return (result.stdout.split("\n")[0] ?? "").trim();
}

function headerText(): string {
  const cpus = os.cpus();
  const [load1, load5] = os.loadavg();
  const rows = [
    ["CPU", `${cpus[0]?.model.trim() ?? "unknown"}, ${cpus.length} cores`],
    ["memory", `${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB`],
    ["system", `${os.type()} ${os.release()} (${os.arch()})`],
    ["Node", process.version],
    ["Terraform", toolVersion("terraform", ["version"])],
    ["PostgreSQL", toolVersion(join(postgresBinDir, "postgres"), ["--version"])],
    ["load average at start (1 min, 5 min)", `${load1?.toFixed(2)}, ${load5?.toFixed(2)}`],
    ["date", new Date().toISOString().slice(0, 10)],
  ];
  return [
    "Every section below was written by one run of `npm run bench` (`bench/run-all.ts`), which",
    "runs the scripts one after another on this machine. Most goals are ratios against a",
    "baseline measured in the same run, because absolute times move with the machine and with",
    "whatever else runs on it. Two goals are absolute times: an allocator decision of at most",
    "5 µs at 100,000 machines and a p99 under 25 ms for batch create on the embedded store.",
    "",
    "| | |",
    "| --- | --- |",
    ...rows.map(([name, value]) => `| ${name} | ${value} |`),
  ].join("\n");
}

/** Writes the header section right below the page title, replacing an earlier one. */
async function writeHeader(): Promise<void> {
  const start = "<!-- bench:header:start -->";
  const end = "<!-- bench:header:end -->";
  const section = `${start}\n${headerText()}\n${end}`;
  const page = existsSync(benchmarksPage) ? readFileSync(benchmarksPage, "utf8") : "# Benchmarks\n";
  const startAt = page.indexOf(start);
  const endAt = page.indexOf(end);
  let updated: string;
  if (startAt !== -1 && endAt > startAt) {
    updated = page.slice(0, startAt) + section + page.slice(endAt + end.length);
  } else {
    const lines = page.split("\n");
    const titleIndex = lines.findIndex((line) => line.startsWith("# "));
    lines.splice(titleIndex + 1, 0, "", section);
    updated = lines.join("\n");
  }
  const options = await prettier.resolveConfig(benchmarksPage);
  writeFileSync(benchmarksPage, await prettier.format(updated, { ...options, parser: "markdown" }));
}

function runScript(script: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(benchDir, script)], {
      stdio: "inherit",
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

async function main(): Promise<void> {
  await writeHeader();
  const failed: string[] = [];
  for (const script of benchmarks) {
    console.log(`\n=== ${script}`);
    const started = performance.now();
    const code = await runScript(script);
    const seconds = (performance.now() - started) / 1000;
    console.log(`=== ${script}: exit code ${code} after ${seconds.toFixed(0)} s`);
    if (code !== 0) failed.push(script);
  }
  if (failed.length > 0) {
    console.error(`Benchmarks failed: ${failed.join(", ")}. Their sections were not updated.`);
    process.exit(1);
  }
}

await main();
