import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generatedPath, renderOpenApiTypes } from "../scripts/generate";

describe("generated openapi.ts", () => {
  it("matches a fresh generation from openapi.yaml", async () => {
    const committed = await readFile(generatedPath, "utf8");
    const fresh = await renderOpenApiTypes();
    // On failure, run `npm run generate` and commit sdk/src/generated/openapi.ts.
    expect(committed).toBe(fresh);
  });
});
