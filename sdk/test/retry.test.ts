import { describe, expect, it } from "vitest";
import type { NicoLogger } from "../src/config.js";
import { NicoNetworkError, NicoServerError, NicoTimeoutError } from "../src/errors.js";
import {
  backoffDelayMs,
  isRetryableMethod,
  parseRetryAfterMs,
  resolveRetryOptions,
} from "../src/retry.js";
import { execute, type RawResult, type TransportSettings } from "../src/transport.js";

interface LogRecord {
  level: string;
  fields: Record<string, unknown>;
  message: string;
}

function recordingLogger(records: LogRecord[]): NicoLogger {
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => {
    records.push({ level, fields, message });
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

function settings(overrides: Partial<TransportSettings> = {}, delays: number[] = []) {
  const records: LogRecord[] = [];
  const value: TransportSettings = {
    retry: resolveRetryOptions({ random: () => 0.5, baseDelayMs: 100, maxDelayMs: 1000 }),
    requestTimeoutMs: 10_000,
    logger: recordingLogger(records),
    sleep: async (ms) => {
      delays.push(ms);
    },
    now: () => Date.parse("2026-01-01T00:00:00Z"),
    ...overrides,
  };
  return { value, records };
}

function reply(status: number, headers: Record<string, string> = {}, body?: unknown): RawResult {
  const response = new Response(null, { status, headers });
  return status < 400 ? { data: body, response } : { error: body, response };
}

function scripted(results: (RawResult | Error)[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    send: async () => {
      const next = results[Math.min(calls, results.length - 1)];
      calls++;
      if (next instanceof Error) throw next;
      return next as RawResult;
    },
  };
}

describe("backoffDelayMs", () => {
  const options = resolveRetryOptions({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 });

  it("doubles the ceiling per retry", () => {
    expect(backoffDelayMs(3, options)).toBe(399);
  });

  it("caps at maxDelayMs", () => {
    expect(backoffDelayMs(10, options)).toBe(999);
  });

  it("draws zero with random zero", () => {
    expect(backoffDelayMs(4, resolveRetryOptions({ random: () => 0 }))).toBe(0);
  });
});

describe("parseRetryAfterMs", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");

  it("reads seconds", () => {
    expect(parseRetryAfterMs("3", now)).toBe(3000);
  });

  it("reads an HTTP date", () => {
    expect(parseRetryAfterMs("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000);
  });

  it("clamps a past date to zero", () => {
    expect(parseRetryAfterMs("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
  });

  it("ignores garbage", () => {
    expect(parseRetryAfterMs("soon", now)).toBeUndefined();
  });

  it("ignores a missing header", () => {
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
  });
});

describe("isRetryableMethod", () => {
  const defaults = resolveRetryOptions();

  it.each(["GET", "DELETE", "PUT"])("retries %s", (method) => {
    expect(isRetryableMethod(method, defaults)).toBe(true);
  });

  it("skips POST", () => {
    expect(isRetryableMethod("POST", defaults)).toBe(false);
  });

  it("skips PATCH by default", () => {
    expect(isRetryableMethod("PATCH", defaults)).toBe(false);
  });

  it("retries PATCH when configured", () => {
    expect(isRetryableMethod("PATCH", resolveRetryOptions({ retryPatch: true }))).toBe(true);
  });
});

describe("resolveRetryOptions", () => {
  it("rejects zero attempts", () => {
    expect(() => resolveRetryOptions({ maxAttempts: 0 })).toThrow(/maxAttempts/);
  });
});

describe("execute retries", () => {
  it.each([429, 502, 503, 504])("retries status %i", async (status) => {
    const transport = scripted([reply(status), reply(200, {}, "ok")]);
    const result = await execute(
      { operation: "getInstance", method: "GET", retryable: true, send: transport.send },
      settings().value,
    );
    expect(result.data).toBe("ok");
  });

  it("does not retry 500", async () => {
    const transport = scripted([reply(500), reply(200)]);
    const call = { operation: "getInstance", method: "GET", retryable: true, send: transport.send };
    await expect(execute(call, settings().value)).rejects.toBeInstanceOf(NicoServerError);
    expect(transport.calls).toBe(1);
  });

  it("does not retry a non-retryable call", async () => {
    const transport = scripted([reply(503), reply(200)]);
    const call = {
      operation: "updateInstance",
      method: "PATCH",
      retryable: false,
      send: transport.send,
    };
    await expect(execute(call, settings().value)).rejects.toBeInstanceOf(NicoServerError);
    expect(transport.calls).toBe(1);
  });

  it("stops after maxAttempts", async () => {
    const transport = scripted([reply(503)]);
    const call = { operation: "getInstance", method: "GET", retryable: true, send: transport.send };
    await expect(execute(call, settings().value)).rejects.toBeInstanceOf(NicoServerError);
    expect(transport.calls).toBe(4);
  });

  it("uses jittered backoff delays", async () => {
    const delays: number[] = [];
    const transport = scripted([reply(503), reply(503), reply(503), reply(200)]);
    const call = { operation: "getInstance", method: "GET", retryable: true, send: transport.send };
    await execute(call, settings({}, delays).value);
    expect(delays).toEqual([50, 100, 200]);
  });

  it("honours Retry-After seconds", async () => {
    const delays: number[] = [];
    const transport = scripted([reply(429, { "Retry-After": "2" }), reply(200)]);
    const call = { operation: "getInstance", method: "GET", retryable: true, send: transport.send };
    await execute(call, settings({}, delays).value);
    expect(delays).toEqual([2000]);
  });

  it("honours a Retry-After date", async () => {
    const delays: number[] = [];
    const header = { "Retry-After": "Thu, 01 Jan 2026 00:00:07 GMT" };
    const transport = scripted([reply(503, header), reply(200)]);
    const call = { operation: "getInstance", method: "GET", retryable: true, send: transport.send };
    await execute(call, settings({}, delays).value);
    expect(delays).toEqual([7000]);
  });

  it("gives up on a Retry-After beyond the limit", async () => {
    const transport = scripted([reply(429, { "Retry-After": "3600" }), reply(200)]);
    const call = { operation: "getInstance", method: "GET", retryable: true, send: transport.send };
    await expect(execute(call, settings().value)).rejects.toMatchObject({ status: 429 });
    expect(transport.calls).toBe(1);
  });

  it("retries network errors", async () => {
    const transport = scripted([new TypeError("fetch failed"), reply(200, {}, "ok")]);
    const call = { operation: "getInstance", method: "GET", retryable: true, send: transport.send };
    const result = await execute(call, settings().value);
    expect(result.data).toBe("ok");
  });

  it("wraps a final network error", async () => {
    const transport = scripted([new TypeError("fetch failed")]);
    const call = { operation: "getInstance", method: "GET", retryable: true, send: transport.send };
    await expect(execute(call, settings().value)).rejects.toBeInstanceOf(NicoNetworkError);
  });

  it("raises a timeout for a slow attempt", async () => {
    const send = (signal: AbortSignal) =>
      new Promise<RawResult>((_, reject) => {
        signal.addEventListener("abort", () => reject(signal.reason));
      });
    const call = { operation: "getInstance", method: "GET", retryable: false, send };
    await expect(execute(call, settings({ requestTimeoutMs: 20 }).value)).rejects.toBeInstanceOf(
      NicoTimeoutError,
    );
  });

  it("rethrows a caller abort unchanged", async () => {
    const controller = new AbortController();
    const reason = new Error("caller stopped");
    const send = async () => {
      controller.abort(reason);
      throw reason;
    };
    const call = {
      operation: "getInstance",
      method: "GET",
      retryable: true,
      signal: controller.signal,
      send,
    };
    await expect(execute(call, settings().value)).rejects.toBe(reason);
  });

  it("logs each retry with attempt, status and delay", async () => {
    const { value, records } = settings();
    const transport = scripted([reply(502), reply(200)]);
    const call = { operation: "getInstance", method: "GET", retryable: true, send: transport.send };
    await execute(call, value);
    const retry = records.find((r) => r.message === "retrying request");
    expect(retry?.fields).toMatchObject({ attempt: 1, status: 502, delayMs: 50 });
  });
});
