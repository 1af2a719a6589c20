// Measures `terraform apply` wall time of one nico_instance_batch against terraform_data
// resources of the same count, and the start-up time of the provider process.
// Run with `npm run bench:terraform`.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pino } from "pino";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, PROVIDER_VERSION } from "@nico/provider";
import { signDevelopmentToken, startServer, type RunningServer } from "@nico/server";
import { buildProvider, type ProviderBuild } from "../provider/scripts/build.js";
import { generateServerCertificate } from "../provider/src/plugin/tls.js";
import { requireTerraform, runCommand } from "../scripts/lib/cdktf-example.js";
import { describeMachine, markdownTable, writeBenchmarkSection } from "./allocator-report.js";
import { benchIds, benchOrg, buildBenchInventory } from "./server-inventory.js";
import { describeLoad, formatNumber, formatRatio, median, verdict } from "./server-stats.js";

const counts = [2, 18] as const;
const warmupRounds = 1;
const measuredRounds = 5;
const startupRuns = 10;
const jwtSecret = "terraform-benchmark-secret";
const goals = { maxVsTerraformData: 1.5, maxCountGrowth: 1.3 };

type Kind = "nico" | "data";

interface Configuration {
  kind: Kind;
  count: number;
  dir: string;
}

function nicoConfiguration(count: number): string {
  return `terraform {
  required_providers {
    nico = {
      source  = "nico/nico"
      version = "${PROVIDER_VERSION}"
    }
  }
}

provider "nico" {}

resource "nico_instance_batch" "bench" {
  name_prefix        = "tf-bench"
  instance_count     = ${count}
  tenant_id          = "${benchIds.tenantId}"
  instance_type_id   = "${benchIds.instanceTypeId}"
  vpc_id             = "${benchIds.vpcId}"
  ipxe_script        = "#!ipxe\\nchain http://boot.example.internal/os.ipxe"
  topology_optimized = true

  interface {
    subnet_id = "${benchIds.subnetId}"
  }
}
`;
}

function terraformDataConfiguration(count: number): string {
  return `resource "terraform_data" "bench" {
  count = ${count}
  input = "tf-bench-\${count.index}"
}
`;
}

/** Result of one terraform command. */
interface Timed {
  seconds: number;
  output: string;
}

class TerraformRunner {
  readonly workDir = mkdtempSync(join(tmpdir(), "nico-terraform-bench-"));
  #build: ProviderBuild | undefined;
  #server: RunningServer | undefined;
  #env: NodeJS.ProcessEnv = {};

  get build(): ProviderBuild {
    if (this.#build === undefined) throw new Error("The provider is not built");
    return this.#build;
  }

  async start(): Promise<void> {
    // A private build keeps this run independent of rebuilds of provider/dist by other tools.
    this.#build = await buildProvider(join(this.workDir, "provider"));
    this.#server = await startServer({
      host: "127.0.0.1",
      port: 0,
      // Four domains of 18: a batch of 18 needs one whole domain.
      inventory: buildBenchInventory(4),
      database: join(this.workDir, "nico.db"),
      jwtSecret,
      // Members are Ready at the provider's first poll and gone at the first poll after delete.
      readyAfterMs: 0,
      terminateAfterMs: 0,
      logger: pino({ level: "error" }),
    });
    const token = await signDevelopmentToken({ secret: jwtSecret, org: benchOrg, ttl: "2h" });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      TF_CLI_CONFIG_FILE: this.build.cliConfig,
      NICO_ENDPOINT: this.#server.url,
      NICO_ORG: benchOrg,
      NICO_TOKEN: token,
    };
    delete env.TF_LOG;
    delete env.TF_LOG_PATH;
    delete env.NODE_OPTIONS;
    this.#env = env;
  }

  async stop(): Promise<void> {
    await this.#server?.close();
    rmSync(this.workDir, { recursive: true, force: true });
  }

  /** Writes `<workDir>/<kind>-<count>/main.tf` and runs `terraform init` there. */
  async prepare(kind: Kind, count: number): Promise<Configuration> {
    const dir = join(this.workDir, `${kind}-${count}`);
    mkdirSync(dir);
    const text = kind === "nico" ? nicoConfiguration(count) : terraformDataConfiguration(count);
    writeFileSync(join(dir, "main.tf"), text);
    await this.run(dir, ["init", "-input=false", "-no-color"]);
    return { kind, count, dir };
  }

  async run(dir: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Timed> {
    const started = performance.now();
    const result = await runCommand("terraform", args, {
      cwd: dir,
      env: { ...this.#env, ...extraEnv },
    });
    const seconds = (performance.now() - started) / 1000;
    if (result.code !== 0) {
      throw new Error(`terraform ${args.join(" ")} in ${dir} failed:\n${result.output}`);
    }
    return { seconds, output: result.output };
  }

  /** Times one apply from empty state, checks what it created, then destroys it untimed. */
  async applyOnce(configuration: Configuration, extraEnv: NodeJS.ProcessEnv = {}) {
    const apply = await this.run(
      configuration.dir,
      ["apply", "-auto-approve", "-input=false", "-no-color"],
      extraEnv,
    );
    const added = configuration.kind === "nico" ? 1 : configuration.count;
    if (!apply.output.includes(`Apply complete! Resources: ${added} added`)) {
      throw new Error(`Unexpected apply output in ${configuration.dir}:\n${apply.output}`);
    }
    await this.run(configuration.dir, ["destroy", "-auto-approve", "-input=false", "-no-color"]);
    return apply.seconds;
  }
}

/** Provider processes of one apply, read from Terraform's debug log. */
interface ProviderLifetimes {
  applySeconds: number;
  processes: number;
  /** Sum over processes of the time from "starting plugin" to "using plugin". */
  startSeconds: number;
  /** Sum over processes of the time from "using plugin" to "plugin exited". */
  serveSeconds: number;
}

/**
 * Runs one extra apply with TF_LOG=DEBUG and splits the life of each provider process into
 * start-up and serving, by the timestamps of go-plugin's log lines.
 */
async function traceProviderProcesses(
  runner: TerraformRunner,
  configuration: Configuration,
): Promise<ProviderLifetimes> {
  const logFile = join(runner.workDir, `apply-${configuration.count}.log`);
  const applySeconds = await runner.applyOnce(configuration, {
    TF_LOG: "DEBUG",
    TF_LOG_PATH: logFile,
  });
  const result: ProviderLifetimes = {
    applySeconds,
    processes: 0,
    startSeconds: 0,
    serveSeconds: 0,
  };
  let startedAt: number | undefined;
  let handshakeAt: number | undefined;
  for (const line of readFileSync(logFile, "utf8").split("\n")) {
    const at = Date.parse(line.slice(0, line.indexOf(" ")));
    if (/\[DEBUG\] provider: starting plugin: path=.*terraform-provider-nico/.test(line)) {
      startedAt = at;
      result.processes += 1;
    } else if (/\[DEBUG\] provider: using plugin:/.test(line) && startedAt !== undefined) {
      handshakeAt = at;
      result.startSeconds += (at - startedAt) / 1000;
    } else if (/\[DEBUG\] provider: plugin exited/.test(line) && handshakeAt !== undefined) {
      result.serveSeconds += (at - handshakeAt) / 1000;
      startedAt = undefined;
      handshakeAt = undefined;
    }
  }
  return result;
}

/** Milliseconds from spawning `command` until it writes its first line to stdout. */
async function timeToFirstLine(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "ignore"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const line = await new Promise<string | undefined>((resolve) => {
    lines.once("line", resolve);
    void exited.then(() => resolve(undefined));
  });
  const elapsed = performance.now() - started;
  lines.close();
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  await exited;
  if (line === undefined) throw new Error(`${command} exited without writing a line`);
  return { elapsed, line };
}

/** Start-up times of the provider (spawn to handshake line) and of a bare Node process. */
async function measureStartup(build: ProviderBuild) {
  const clientCertificate = await generateServerCertificate();
  const providerEnv: NodeJS.ProcessEnv = {
    ...process.env,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: "5,6",
    PLUGIN_MIN_PORT: "10000",
    PLUGIN_MAX_PORT: "25000",
    PLUGIN_CLIENT_CERT: clientCertificate.certPem,
  };
  delete providerEnv.NODE_OPTIONS;
  const provider: number[] = [];
  const bareNode: number[] = [];
  for (let run = 0; run < startupRuns; run += 1) {
    const started = await timeToFirstLine(build.executable, [], providerEnv);
    if (!/^1\|6\|tcp\|127\.0\.0\.1:\d+\|grpc\|/.test(started.line)) {
      throw new Error(`Unexpected provider handshake line: ${started.line}`);
    }
    provider.push(started.elapsed);
    const bare = await timeToFirstLine(
      process.execPath,
      ["-e", "process.stdout.write('ready\\n')"],
      providerEnv,
    );
    bareNode.push(bare.elapsed);
  }
  return { provider, bareNode };
}

interface ApplyRow {
  kind: Kind;
  count: number;
  seconds: number[];
}

function applyLabel(kind: Kind, count: number): string {
  return kind === "nico"
    ? `nico_instance_batch, instance_count ${count}`
    : `terraform_data, count ${count}`;
}

function findApply(rows: ApplyRow[], kind: Kind, count: number): number {
  const row = rows.find((candidate) => candidate.kind === kind && candidate.count === count);
  if (row === undefined) throw new Error(`No apply times for ${kind} ${count}`);
  return median(row.seconds);
}

async function main(): Promise<void> {
  const [loadAtStart = Number.NaN] = loadavg();
  const terraformVersion = requireTerraform();
  const runner = new TerraformRunner();
  const rows: ApplyRow[] = [];
  let lifetimes: ProviderLifetimes;
  let startup: { provider: number[]; bareNode: number[] };
  try {
    await runner.start();
    const configurations: Configuration[] = [];
    for (const count of counts) {
      for (const kind of ["data", "nico"] as const) {
        configurations.push(await runner.prepare(kind, count));
        rows.push({ kind, count, seconds: [] });
      }
    }
    const nicoSmall = configurations.find((c) => c.kind === "nico") as Configuration;
    lifetimes = await traceProviderProcesses(runner, nicoSmall);
    // Rounds alternate between configurations, so drift of the machine hits each alike.
    for (let round = 0; round < warmupRounds + measuredRounds; round += 1) {
      for (const [index, configuration] of configurations.entries()) {
        const seconds = await runner.applyOnce(configuration);
        if (round >= warmupRounds) (rows[index] as ApplyRow).seconds.push(seconds);
        console.log(
          `round ${round + 1} ${applyLabel(configuration.kind, configuration.count)}: ` +
            `${seconds.toFixed(2)} s`,
        );
      }
    }
    startup = await measureStartup(runner.build);
  } finally {
    await runner.stop();
  }

  const applyTable = markdownTable(
    [
      "configuration",
      "median apply (s)",
      "min (s)",
      "max (s)",
      "vs terraform_data, same count",
      "vs same resource, count 2",
    ],
    rows.map((row) => {
      const value = median(row.seconds);
      return [
        applyLabel(row.kind, row.count),
        formatNumber(value, 2),
        formatNumber(Math.min(...row.seconds), 2),
        formatNumber(Math.max(...row.seconds), 2),
        formatRatio(value / findApply(rows, "data", row.count)),
        formatRatio(value / findApply(rows, row.kind, 2)),
      ];
    }),
  );
  const providerMedian = median(startup.provider);
  const bareMedian = median(startup.bareNode);
  const startupTable = markdownTable(
    ["process", "runs", "median (ms)", "min (ms)", "max (ms)", "vs bare Node"],
    [
      ["provider, spawn to handshake line", startup.provider],
      ["bare `node -e`, spawn to first line", startup.bareNode],
    ].map(([label, values]) => {
      const list = values as number[];
      return [
        label as string,
        formatNumber(list.length),
        formatNumber(median(list), 0),
        formatNumber(Math.min(...list), 0),
        formatNumber(Math.max(...list), 0),
        formatRatio(median(list) / bareMedian),
      ];
    }),
  );

  const notes: string[] = [];
  for (const count of counts) {
    const ratio = findApply(rows, "nico", count) / findApply(rows, "data", count);
    notes.push(
      `nico_instance_batch with instance_count ${count} against terraform_data: ` +
        `${formatRatio(ratio)} (goal at most ${goals.maxVsTerraformData}x: ` +
        `${verdict(ratio <= goals.maxVsTerraformData)}).`,
    );
  }
  const growth = findApply(rows, "nico", 18) / findApply(rows, "nico", 2);
  notes.push(
    `nico_instance_batch, instance_count 18 against 2: ${formatRatio(growth)} ` +
      `(goal at most ${goals.maxCountGrowth}x: ${verdict(growth <= goals.maxCountGrowth)}).`,
  );
  const gapSeconds = findApply(rows, "nico", 2) - findApply(rows, "data", 2);
  const startupSeconds = (lifetimes.processes * providerMedian) / 1000;
  const floorSeconds = findApply(rows, "data", 2);
  const emptyPluginRatio =
    (floorSeconds + (lifetimes.processes * bareMedian) / 1000) / floorSeconds;
  notes.push(
    `One apply of nico_instance_batch starts the provider ${lifetimes.processes} times, while ` +
      "terraform_data runs inside Terraform and starts no plugin. At the median start-up of " +
      `${formatNumber(providerMedian, 0)} ms that is ${formatNumber(startupSeconds, 2)} s of ` +
      `the ${formatNumber(gapSeconds, 2)} s by which the count-2 apply exceeds terraform_data. ` +
      `A bare Node process takes ${formatNumber(bareMedian, 0)} ms to start, so by estimate ` +
      `a plugin that did nothing but start ${lifetimes.processes} times would already reach ` +
      `${formatRatio(emptyPluginRatio)} the terraform_data floor of ` +
      `${formatNumber(floorSeconds, 2)} s.`,
    `An extra count-2 apply with \`TF_LOG=DEBUG\` took ` +
      `${formatNumber(lifetimes.applySeconds, 2)} s. By the timestamps of Terraform's log, its ` +
      `provider processes spent ${formatNumber(lifetimes.startSeconds, 2)} s from spawn to ` +
      `handshake and ${formatNumber(lifetimes.serveSeconds, 2)} s from handshake to exit, which ` +
      "includes the batch create and the wait for Ready.",
  );

  const description = [
    `Wall time of \`terraform apply -auto-approve -input=false\` (Terraform ${terraformVersion})`,
    "from empty state: one `nico_instance_batch` (topology-optimized, one interface) against",
    "`terraform_data` resources of the same count, the floor of Terraform itself. Each",
    "configuration has its own folder under one temp folder (`nico-2`, `data-2`, `nico-18`,",
    "`data-18`), initialized once, with the same environment (`CHECKPOINT_DISABLE=1`,",
    "`TF_IN_AUTOMATION=1`, a CLI configuration that installs the provider from a filesystem",
    "mirror built by `provider/scripts/build.ts`). The reference server runs in the",
    "benchmark process with the embedded store, `readyAfterMs` 0 and `terminateAfterMs` 0, so",
    "members are Ready at the provider's first poll. Each round applies every configuration in",
    `turn and destroys it again untimed. ${warmupRounds} warmup round comes first, then`,
    `${measuredRounds} measured rounds.`,
    "Provider start-up is the time from spawning the mirror's launcher, with the environment",
    "Terraform gives a plugin (including a client certificate, so the provider sets up mutual",
    "TLS), until it prints the handshake line. Bare Node is `node -e` printing one line.",
    "Script: `npm run bench:terraform`.",
  ].join(" ");
  const body = [
    "## Terraform apply",
    "",
    description,
    "",
    `${describeMachine()} ${describeLoad(loadAtStart)}`,
    "",
    applyTable,
    "",
    startupTable,
    "",
    ...notes.map((line) => `- ${line}`),
  ].join("\n");
  console.log(`${applyTable}\n\n${startupTable}\n\n${notes.join("\n")}`);
  await writeBenchmarkSection("terraform", body);
}

await main();
