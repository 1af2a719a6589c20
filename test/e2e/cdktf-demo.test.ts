import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, requireTerraform, runCommand } from "../../scripts/lib/cdktf-example.js";

const demoScript = path.join(repoRoot, "scripts/demo.ts");
const scratchDirs: string[] = [];

afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/** Creates a folder that contains only `node`, for a PATH on which `terraform` is missing. */
function pathWithoutTerraform(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "nico-no-terraform-"));
  scratchDirs.push(dir);
  symlinkSync(process.execPath, path.join(dir, "node"));
  return dir;
}

function runDemo(args: string[], env: NodeJS.ProcessEnv) {
  return runCommand(process.execPath, ["--import", "tsx", demoScript, ...args], {
    cwd: repoRoot,
    env: { ...env, CI: "true" },
  });
}

describe("npm run demo", () => {
  it("fails clearly without terraform", async () => {
    const result = await runDemo([], { ...process.env, PATH: pathWithoutTerraform() });
    expect(result.code).toBe(1);
    expect(result.output).toContain("terraform executable was not found on PATH");
  });

  it("deploys, reports and destroys", async () => {
    requireTerraform();
    const result = await runDemo(["--ready-after", "200"], process.env);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain("All 8 instances share NVLink domain");
    expect(result.output).toContain("0 of 8 instances remain");
  }, 300_000);
});
