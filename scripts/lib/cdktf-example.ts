/**
 * Helpers that run the CDKTF example through real Terraform against a NICo endpoint, shared by
 * `npm run demo` and the end-to-end tests.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { devNull, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Root of the repository. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Folder of the CDKTF example app (`cdktf.json`, `main.ts`). */
export const exampleDir = path.join(repoRoot, "examples/cdktf-instance-batch");

/** Stack name of the example app, which is also its folder under `cdktf.out/stacks/`. */
export const exampleStackName = "nico-instance-batch";

/** Inventory the example's ids come from. */
export const exampleInventoryPath = path.join(repoRoot, "examples/inventory/gb200-nvl72.json");

/** Filesystem mirror written by `npm run build -w @nico/provider`. */
export const providerMirrorDir = path.join(repoRoot, "provider/dist/mirror");

/** The provider executable inside the mirror. */
export const providerBinaryPath = path.join(
  providerMirrorDir,
  "registry.terraform.io/nico/nico/0.1.0/linux_amd64/terraform-provider-nico_v0.1.0",
);

/** Raised when the Terraform CLI is not installed. */
export class TerraformMissingError extends Error {
  constructor(cause: unknown) {
    super(
      "The terraform executable was not found on PATH. Install Terraform 1.5 or newer " +
        "(tested with 1.11.4) and run the command again.",
      { cause },
    );
    this.name = "TerraformMissingError";
  }
}

/**
 * Returns the version of the `terraform` on PATH.
 * @throws TerraformMissingError when the executable is missing.
 */
export function requireTerraform(): string {
  const result = spawnSync("terraform", ["version", "-json"], {
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: devNull },
  });
  if (result.error !== undefined) throw new TerraformMissingError(result.error);
  if (result.status !== 0) {
    throw new Error(`terraform version failed with exit code ${result.status}: ${result.stderr}`);
  }
  const parsed = JSON.parse(result.stdout) as { terraform_version?: string };
  return parsed.terraform_version ?? "unknown";
}

/** Builds the provider and its filesystem mirror with `npm run build -w @nico/provider`. */
export async function buildProvider(onOutput?: (chunk: string) => void): Promise<void> {
  const { code, output } = await runCommand(
    "npm",
    ["run", "build", "-w", "@nico/provider"],
    { cwd: repoRoot, env: process.env },
    onOutput,
  );
  if (code !== 0) {
    throw new Error(`Building the provider failed with exit code ${code}:\n${output}`);
  }
  if (!existsSync(providerBinaryPath)) {
    throw new Error(`The provider build finished but ${providerBinaryPath} does not exist.`);
  }
}

/**
 * Builds the provider and copies the mirror to `destDir`. Each build deletes and rewrites
 * `provider/dist/mirror`, so a private copy keeps a long Terraform run safe from rebuilds by
 * other processes. A lock folder in the system temp directory serializes the builds.
 * @returns the mirror folder to use in the CLI configuration.
 */
export async function prepareProviderMirror(
  destDir: string,
  onOutput?: (chunk: string) => void,
): Promise<string> {
  await withBuildLock(async () => {
    await buildProvider(onOutput);
    cpSync(providerMirrorDir, destDir, { recursive: true });
  });
  return destDir;
}

const buildLockDir = path.join(tmpdir(), "nico-provider-build.lock");
const buildLockStaleMs = 120_000;

async function withBuildLock(action: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 2 * buildLockStaleMs;
  for (;;) {
    try {
      mkdirSync(buildLockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (Date.now() - lockAgeStart(buildLockDir) > buildLockStaleMs) {
        rmSync(buildLockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${buildLockDir}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await action();
  } finally {
    rmSync(buildLockDir, { recursive: true, force: true });
  }
}

function lockAgeStart(dir: string): number {
  try {
    return statSync(dir).mtimeMs;
  } catch {
    return Date.now();
  }
}

/**
 * Writes a Terraform CLI configuration that installs `nico/*` only from the local mirror and
 * everything else from the registry, so `terraform init` works offline for this provider.
 */
export function writeTerraformCliConfig(file: string, mirrorDir: string): void {
  const config = [
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
  ].join("\n");
  writeFileSync(file, config);
}

/** Settings of one run of the example through the CDKTF CLI. */
export interface ExampleRunOptions {
  /** Terraform CLI configuration file, see `writeTerraformCliConfig`. */
  cliConfigFile: string;
  /** NICo API base URL. */
  endpoint: string;
  /** Organization name. */
  org: string;
  /** Bearer token; passed to the provider through NICO_TOKEN only. */
  token: string;
  /** Folder for `cdktf.out`, the state file and the outputs file. */
  workDir: string;
  /** Keep CDKTF's and Terraform's terminal colors (default false). */
  color?: boolean;
  /** Receives CDKTF and Terraform output as it arrives. */
  onOutput?: (chunk: string) => void;
}

/** Result of one CDKTF CLI run. */
export interface CommandResult {
  /** Exit code; -1 when the process was killed by a signal. */
  code: number;
  /** Standard output and standard error, interleaved. */
  output: string;
}

/** Path of the outputs file written by `deployExample`. */
export function outputsFilePath(workDir: string): string {
  return path.join(workDir, "outputs.json");
}

/** Folder of the synthesized stack for `terraform` commands. */
export function stackDir(workDir: string): string {
  return path.join(workDir, "cdktf.out/stacks", exampleStackName);
}

/** Runs `cdktf synth` on the example. */
export function synthExample(options: ExampleRunOptions): Promise<CommandResult> {
  return runCdktf(["synth"], options);
}

/**
 * Runs `cdktf deploy`. The provider lock step is skipped because `terraform providers lock`
 * ignores the filesystem mirror and would contact the public registry.
 */
export function deployExample(options: ExampleRunOptions): Promise<CommandResult> {
  return runCdktf(
    [
      "deploy",
      "--auto-approve",
      "--skip-provider-lock",
      "--outputs-file",
      outputsFilePath(options.workDir),
    ],
    options,
  );
}

/** Runs `cdktf destroy`. */
export function destroyExample(options: ExampleRunOptions): Promise<CommandResult> {
  return runCdktf(["destroy", "--auto-approve", "--skip-provider-lock"], options);
}

/** Outputs of the example stack, as written by `cdktf deploy --outputs-file`. */
export interface ExampleOutputs {
  instance_ids: string[];
  names: string[];
  machine_ids: string[];
  first_machine_id: string;
  nvlink_domain_ids: (string | null)[];
}

/** Reads the example's stack outputs after `deployExample`. */
export function readExampleOutputs(workDir: string): ExampleOutputs {
  const all = JSON.parse(readFileSync(outputsFilePath(workDir), "utf8")) as Record<
    string,
    ExampleOutputs
  >;
  const outputs = all[exampleStackName];
  if (outputs === undefined) {
    throw new Error(`${outputsFilePath(workDir)} has no outputs for stack ${exampleStackName}`);
  }
  return outputs;
}

/** Environment for the CDKTF CLI, Terraform and the provider. */
export function exampleEnvironment(options: ExampleRunOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CHECKPOINT_DISABLE: "1",
    TF_IN_AUTOMATION: "1",
    TF_CLI_CONFIG_FILE: options.cliConfigFile,
    CI: "true",
    SCARF_ANALYTICS: "false",
    NICO_ENDPOINT: options.endpoint,
    NICO_ORG: options.org,
    NICO_TOKEN: options.token,
    NICO_EXAMPLE_STATE_FILE: path.join(options.workDir, `${exampleStackName}.tfstate`),
  };
}

function runCdktf(args: string[], options: ExampleRunOptions): Promise<CommandResult> {
  const cdktfBin = createRequire(import.meta.url).resolve("cdktf-cli/bundle/bin/cdktf");
  const common = ["--output", path.join(options.workDir, "cdktf.out")];
  if (options.color !== true) common.push("--no-color");
  return runCommand(
    process.execPath,
    [cdktfBin, ...args, ...common],
    { cwd: exampleDir, env: exampleEnvironment(options) },
    options.onOutput,
  );
}

/** Runs a command with standard input closed and collects its output. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  onOutput?: (chunk: string) => void,
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (data: Buffer): void => {
      const chunk = data.toString("utf8");
      output += chunk;
      onOutput?.(chunk);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
  });
}
