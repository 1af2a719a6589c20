import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../src/index.js";

const spec = `openapi: 3.1.0
info: { title: ping, version: 1.0.0 }
paths:
  /ping/{id}:
    get:
      operationId: ping
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
      responses:
        "200":
          description: pong
          content:
            application/json:
              schema: { type: object, properties: { pong: { type: boolean } } }
              examples:
                pong: { value: { pong: true } }
        "400":
          description: invalid
          content:
            application/json:
              schema: { type: object }
              examples:
                invalid: { value: { message: invalid } }
`;

describe("startMockServer", () => {
  let dir: string;
  let server: MockServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "nico-mock-"));
    writeFileSync(join(dir, "spec.yaml"), spec);
    server = await startMockServer({ spec: join(dir, "spec.yaml") });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("binds 127.0.0.1", () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it("returns the named example", async () => {
    const response = await fetch(`${server.url}/ping/6f1d2c3a-0000-4000-8000-000000000001`);
    expect(await response.json()).toEqual({ pong: true });
  });

  it("rejects an invalid path parameter", async () => {
    const response = await fetch(`${server.url}/ping/not-a-uuid`);
    expect(response.status).toBe(400);
  });

  it("close stops the process", async () => {
    const probe = await startMockServer({ spec: join(dir, "spec.yaml") });
    await probe.close();
    expect(() => process.kill(probe.pid, 0)).toThrow();
  });
});

describe("startMockServer failure", () => {
  it("reports a missing spec", async () => {
    await expect(startMockServer({ spec: "/nonexistent/spec.yaml" })).rejects.toThrow(
      /did not start/,
    );
  });
});
