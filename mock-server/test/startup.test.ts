import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PortInUseError, StartupLog, startMockServer } from "../src/index.js";

const cliPath = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
const exampleReadme = fileURLToPath(new URL("../../examples/sdk/README.md", import.meta.url));
const spec = `openapi: 3.1.0
info: { title: ping, version: 1.0.0 }
paths:
  /ping:
    get:
      operationId: ping
      responses:
        "200":
          description: pong
          content:
            application/json:
              schema: { type: object }
              examples:
                pong: { value: { pong: true } }
`;

/** Runs the mock CLI with tsx and collects its output until it exits or prints a line with `until`. */
function runCli(args: string[], until?: string) {
  const child = spawn(process.execPath, ["--import", "tsx", cliPath, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (until !== undefined && stdout.includes(until) && stdout.endsWith("\n")) {
        child.kill("SIGTERM");
      }
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("startMockServer on a taken port", () => {
  let dir: string;
  let specPath: string;
  let occupant: Server;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "nico-mock-port-"));
    specPath = join(dir, "spec.yaml");
    writeFileSync(specPath, spec);
    // An HTTP server that responds to every request, so a bare HTTP probe would succeed.
    occupant = createServer((_request, response) => response.end("not prism"));
    await new Promise<void>((resolve) => occupant.listen(0, "127.0.0.1", resolve));
    const address = occupant.address();
    port = typeof address === "object" && address ? address.port : 0;
  });

  afterAll(async () => {
    await new Promise((resolve) => occupant?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it("rejects with PortInUseError", async () => {
    await expect(startMockServer({ spec: specPath, port })).rejects.toBeInstanceOf(PortInUseError);
  });

  it("names the port in the error", async () => {
    await expect(startMockServer({ spec: specPath, port })).rejects.toThrow(
      `port ${port} on 127.0.0.1 is already in use`,
    );
  });

  it("CLI exits non-zero", async () => {
    const result = await runCli(["--port", String(port), "--spec", specPath]);
    expect(result.code).toBe(1);
  });

  it("CLI prints the reason", async () => {
    const result = await runCli(["--port", String(port), "--spec", specPath]);
    expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
  });

  it("CLI hint uses org acme", async () => {
    const result = await runCli(["--spec", specPath], "Try:");
    expect(result.stdout).toContain("NICO_ORG=acme NICO_TOKEN=dev ");
  });

  it("CLI hint matches the SDK example", async () => {
    const result = await runCli(["--spec", specPath], "Try:");
    const hint = /NICO_ORG=\S+ NICO_TOKEN=\S+ npx tsx examples\/sdk\/create-batch\.ts/.exec(
      result.stdout,
    );
    expect(readFileSync(exampleReadme, "utf8")).toContain(hint?.[0] ?? "no hint printed");
  });
});

describe("StartupLog", () => {
  it("joins a line split across chunks", () => {
    const log = new StartupLog("http://127.0.0.1:4010");
    log.write("stdout", "Prism is listening on http://127.0.");
    log.write("stdout", "0.1:4010\n");
    expect(log.listening).toBe(true);
  });

  it("ignores another URL", () => {
    const log = new StartupLog("http://127.0.0.1:4010");
    log.write("stdout", "Prism is listening on http://127.0.0.1:4011\n");
    expect(log.listening).toBe(false);
  });

  it("detects a bind failure", () => {
    const log = new StartupLog("http://127.0.0.1:4010");
    log.write("stderr", "listen EADDRINUSE: address already in use 127.0.0.1:4010\n");
    expect(log.bindFailed).toBe(true);
  });
});
