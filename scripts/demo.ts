/**
 * `npm run demo`: deploys the CDKTF example (8 topology-optimized GPU instances) through real
 * Terraform against the reference server, prints each instance with its machine and NVLink
 * domain, then destroys it again.
 *
 * Options:
 *   --keep              skip the destroy and keep the server running until Ctrl+C
 *   --ready-after <ms>  time the reference server takes to make an instance Ready (default 2000)
 *
 * Needs Terraform on PATH and no network: the provider is installed from a local mirror.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createNicoClient, type Instance } from "@nico/sdk";
import { signDevelopmentToken, startServer, type RunningServer } from "@nico/server";
import {
  deployExample,
  destroyExample,
  exampleDir,
  exampleEnvironment,
  exampleInventoryPath,
  prepareProviderMirror,
  readExampleOutputs,
  requireTerraform,
  stackDir,
  writeTerraformCliConfig,
  type ExampleRunOptions,
} from "./lib/cdktf-example.js";

const org = "acme";
const totalSteps = 7;

interface DemoOptions {
  keep: boolean;
  readyAfterMs: number;
}

function parseOptions(): DemoOptions {
  const { values } = parseArgs({
    options: {
      keep: { type: "boolean", default: false },
      "ready-after": { type: "string", default: "2000" },
    },
  });
  const readyAfterMs = Number(values["ready-after"]);
  if (!Number.isInteger(readyAfterMs) || readyAfterMs < 0) {
    throw new Error(
      `--ready-after must be a whole number of milliseconds, got ${values["ready-after"]}`,
    );
  }
  return { keep: values.keep, readyAfterMs };
}

function step(index: number, message: string): void {
  console.log(`\n[${index}/${totalSteps}] ${message}`);
}

/** Prints CDKTF and Terraform output indented below the current step. */
function indent(chunk: string): void {
  for (const line of chunk.split("\n")) {
    if (line.trim() !== "") console.log(`    │ ${line}`);
  }
}

/** Maps machine ids to NVLink domains as recorded in the inventory file. */
function inventoryDomains(): Map<string, string | null> {
  const inventory = JSON.parse(readFileSync(exampleInventoryPath, "utf8")) as {
    machines?: { id: string; nvLinkDomainId: string | null }[];
  };
  return new Map((inventory.machines ?? []).map((machine) => [machine.id, machine.nvLinkDomainId]));
}

/** NVLink domain of an instance: from its NVLink interfaces, else from the inventory. */
function domainOf(instance: Instance, fallback: Map<string, string | null>): string | null {
  const reported = instance.nvLinkInterfaces
    .map((nvLink) => nvLink.nvLinkDomainId)
    .find((domain): domain is string => typeof domain === "string" && domain !== "");
  if (reported !== undefined) return reported;
  return instance.machineId === null ? null : (fallback.get(instance.machineId) ?? null);
}

function printInstances(instances: Instance[], domains: Map<string, string | null>): void {
  const rows = instances.map((instance, index) => [
    String(index),
    instance.name,
    instance.id,
    instance.machineId ?? "-",
    domainOf(instance, domains) ?? "-",
    instance.status,
  ]);
  const header = ["#", "name", "instance id", "machine", "NVLink domain", "status"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const format = (row: string[]): string =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  console.log(`    ${format(header)}`);
  for (const row of rows) console.log(`    ${format(row)}`);

  const distinct = new Set(instances.map((instance) => domainOf(instance, domains)));
  if (distinct.size === 1) {
    console.log(`\n    All ${instances.length} instances share NVLink domain ${[...distinct][0]}.`);
  } else {
    console.log(`\n    The instances span ${distinct.size} NVLink domains.`);
  }
}

function waitForShutdownSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}

async function run(options: DemoOptions): Promise<void> {
  step(1, "Checking for Terraform");
  const terraformVersion = requireTerraform();
  console.log(`    terraform ${terraformVersion}`);

  const workDir = mkdtempSync(path.join(tmpdir(), "nico-demo-"));
  let server: RunningServer | undefined;
  try {
    step(2, "Building the provider and its filesystem mirror");
    const mirrorDir = await prepareProviderMirror(path.join(workDir, "mirror"));
    console.log(`    ${mirrorDir}`);

    step(3, "Starting the reference server with the GB200 NVL72 example inventory");
    const jwtSecret = randomBytes(32).toString("hex");
    const database = path.join(workDir, "nico.db");
    server = await startServer({
      host: "127.0.0.1",
      port: 0,
      inventory: exampleInventoryPath,
      database,
      jwtSecret,
      readyAfterMs: options.readyAfterMs,
      logLevel: "warn",
    });
    console.log(`    listening on ${server.url}, database ${database}`);
    const token = await signDevelopmentToken({
      secret: jwtSecret,
      org,
      roles: ["TENANT_ADMIN"],
      ttl: "2h",
    });
    console.log(`    signed a development token for org ${org}`);
    const cliConfigFile = path.join(workDir, "terraformrc");
    writeTerraformCliConfig(cliConfigFile, mirrorDir);
    console.log(`    Terraform CLI configuration: ${cliConfigFile}`);
    const runOptions: ExampleRunOptions = {
      cliConfigFile,
      endpoint: server.url,
      org,
      token,
      workDir,
      color: process.stdout.isTTY === true,
      onOutput: indent,
    };

    step(4, `Deploying ${path.relative(process.cwd(), exampleDir)} with cdktf deploy`);
    const deployed = await deployExample(runOptions);
    if (deployed.code !== 0) throw new Error(`cdktf deploy failed with exit code ${deployed.code}`);

    step(5, "Reading the instances back through the SDK");
    const outputs = readExampleOutputs(workDir);
    const nico = createNicoClient({ endpoint: server.url, org, token });
    const instances: Instance[] = [];
    for (const id of outputs.instance_ids) instances.push(await nico.getInstance(id));
    printInstances(instances, inventoryDomains());
    console.log(`    first_machine_id output: ${outputs.first_machine_id}`);

    if (options.keep) {
      step(6, "Keeping the instances (--keep)");
      printKeepInstructions(runOptions, server.url);
      await waitForShutdownSignal();
      step(7, "Stopping the reference server");
      await server.close();
      server = undefined;
      return;
    }

    step(6, "Destroying the stack with cdktf destroy");
    const destroyed = await destroyExample(runOptions);
    if (destroyed.code !== 0) {
      throw new Error(`cdktf destroy failed with exit code ${destroyed.code}`);
    }
    const remaining: string[] = [];
    for await (const instance of nico.listAllInstances()) {
      if (outputs.instance_ids.includes(instance.id)) remaining.push(instance.id);
    }
    console.log(`    ${remaining.length} of ${outputs.instance_ids.length} instances remain`);
    if (remaining.length > 0) {
      throw new Error(`Instances still exist after destroy: ${remaining.join(", ")}`);
    }

    step(7, "Stopping the reference server");
    await server.close();
    server = undefined;
    rmSync(workDir, { recursive: true, force: true });
    console.log("    done");
  } catch (error) {
    console.error(`    Files of this run are kept in ${workDir} for inspection.`);
    throw error;
  } finally {
    await server?.close();
  }
}

/** Writes the environment of the kept stack to a file and prints how to use and stop it. */
function printKeepInstructions(runOptions: ExampleRunOptions, url: string): void {
  const envFile = path.join(runOptions.workDir, "demo.env");
  const environment = exampleEnvironment(runOptions);
  const names = [
    "CHECKPOINT_DISABLE",
    "TF_CLI_CONFIG_FILE",
    "NICO_ENDPOINT",
    "NICO_ORG",
    "NICO_TOKEN",
    "NICO_EXAMPLE_STATE_FILE",
  ];
  const exported = names.map((name) => `export ${name}=${JSON.stringify(environment[name] ?? "")}`);
  writeFileSync(envFile, `${exported.join("\n")}\n`, { mode: 0o600 });

  console.log(`    The server keeps running at ${url}.`);
  console.log(`    Environment for further cdktf commands, token included: ${envFile}`);
  console.log(`    Synthesized stack: ${stackDir(runOptions.workDir)}`);
  console.log("    To destroy the instances while the server runs:");
  console.log(`      source ${envFile}`);
  console.log(`      cd ${path.relative(process.cwd(), exampleDir)}`);
  const outDir = path.join(runOptions.workDir, "cdktf.out");
  console.log(`      npx cdktf destroy --auto-approve --output ${outDir}`);
  console.log(`    Press Ctrl+C or run \`kill ${process.pid}\` to stop the server.`);
  console.log(`    The files stay in ${runOptions.workDir}. Delete that folder when done.`);
}

try {
  await run(parseOptions());
} catch (error) {
  console.error(`\nDemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
