import type { RunningServer } from "@nico/server";
import { issuesToErrorData, validateBatchInstanceCreateRequest } from "@nico/sdk/schema";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type RunningPostgres } from "../support/postgres.js";
import { createTestDatabase, type StoreKind, type TestDatabase } from "./support/database.js";
import { recordFigures, reliabilityScale, type Figure } from "./support/figures.js";
import { generateHostileInputs, type HostileInput } from "./support/hostile.js";
import { adminToken, apiPath, send, startReplicas, type Response } from "./support/http.js";
import { nestingDepth, providerVerdict, type ProviderVerdict } from "./support/provider-verdict.js";

/** Message of the server's field-level rejection of a batch body. */
const batchInvalidMessage = "Error validating batch instance creation request data";
const concurrency = 16;
const maxBodyBytes = 10 * 1024 * 1024;

/** What each party decided about one input. */
interface Verdicts {
  input: HostileInput;
  response: Response;
  /** Body parsed the way the server parses it; undefined when the text is not JSON. */
  parsed: { value: unknown } | undefined;
  sdk: ReturnType<typeof validateBatchInstanceCreateRequest> | undefined;
  /** Exception the SDK's validator threw instead of returning a verdict. */
  sdkError: string | undefined;
  provider: ProviderVerdict | undefined;
}

function canonical(value: unknown): string {
  if (nestingDepth(value) > 100) {
    return `(nested ${nestingDepth(value)} levels)`;
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(",")}]`;
  }
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

function bodyText(input: HostileInput): string {
  return input.kind === "json" ? JSON.stringify(input.value) : input.text;
}

function parse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

function describeInput(verdicts: Verdicts): string {
  const text = bodyText(verdicts.input);
  const preview = text.length > 160 ? `${text.slice(0, 160)}… (${text.length} characters)` : text;
  const answer = JSON.stringify(verdicts.response.body)?.slice(0, 160);
  return `${preview} -> ${verdicts.response.status} ${answer}`;
}

/**
 * Groups failures by input category and problem, with the count and one example each, so a
 * failing assertion stays readable when thousands of inputs fail the same way.
 */
function summarize(failures: { verdicts: Verdicts; problem: string }[]): string[] {
  const groups = new Map<string, { count: number; example: string }>();
  for (const { verdicts, problem } of failures) {
    const key = `[${verdicts.input.category}] ${problem.slice(0, 120)}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { count: 1, example: describeInput(verdicts) });
    } else {
      group.count += 1;
    }
  }
  return [...groups.entries()].map(
    ([key, { count, example }]) => `${key} (${count}x), e.g. ${example}`,
  );
}

/**
 * Reports whether the server rejected the body for its fields. The one reference-level rule that reuses
 * the validation message (autoNetwork needs a FLAT VPC) counts as a field-level accept.
 */
function serverRejectsFields(response: Response): boolean {
  const body = response.body as { message?: unknown; data?: Record<string, unknown> | null } | null;
  if (response.status !== 400 || body?.message !== batchInvalidMessage) {
    return false;
  }
  const keys = Object.keys(body.data ?? {});
  return !(
    keys.length === 1 &&
    typeof body.data?.autoNetwork === "string" &&
    body.data.autoNetwork.includes("FLAT")
  );
}

/** Disagreements between the SDK's schema and the server for one input, if any. */
function sdkServerMismatch(verdicts: Verdicts): string | undefined {
  const { response, sdk, parsed, input } = verdicts;
  const text = bodyText(input);
  if (Buffer.byteLength(text) > maxBodyBytes) {
    return response.status === 413 ? undefined : "a body over 10 MiB must get 413";
  }
  if (input.kind === "text" && input.contentType !== undefined) {
    return response.status === 415
      ? undefined
      : "a body that is not JSON by media type must get 415";
  }
  if (verdicts.sdkError !== undefined) {
    return `the SDK validator threw ${verdicts.sdkError}`;
  }
  if (parsed === undefined || sdk === undefined) {
    const message = (response.body as { message?: string } | null)?.message ?? "";
    return response.status === 400 && message.startsWith("The request body is not valid JSON")
      ? undefined
      : "malformed JSON must get 400 with the parse error";
  }
  if (!sdk.success) {
    if (!serverRejectsFields(response)) {
      return "the SDK rejects the body but the server did not reject its fields";
    }
    const expected = canonical(issuesToErrorData(sdk.issues));
    // A `__proto__` path pollutes Object.prototype here as in the server; undo it at once so
    // the comparisons of later inputs stay independent.
    removePrototypeKeys();
    const actual = canonical((response.body as { data?: unknown }).data);
    return expected === actual
      ? undefined
      : `the field reasons differ: SDK ${expected.slice(0, 300)}`;
  }
  return serverRejectsFields(response)
    ? "the SDK accepts the body but the server rejected its fields"
    : undefined;
}

async function runInputs(server: RunningServer, inputs: HostileInput[]): Promise<Verdicts[]> {
  const token = await adminToken("acme");
  const path = apiPath("acme", "/instance/batch");
  const results: Verdicts[] = [];
  let next = 0;
  const worker = async () => {
    for (;;) {
      const input = inputs[next];
      next += 1;
      if (input === undefined) {
        return;
      }
      const text = bodyText(input);
      const headers = {
        "content-type":
          input.kind === "text" ? (input.contentType ?? "application/json") : "application/json",
      };
      const response = await send(server.url, "POST", path, { token, body: text, headers });
      // Bodies over the limit or of another media type never reach JSON parsing.
      const reachesParser =
        Buffer.byteLength(text) <= maxBodyBytes &&
        !(input.kind === "text" && input.contentType !== undefined);
      const parsed = reachesParser ? parse(text) : undefined;
      let sdk: Verdicts["sdk"];
      let sdkError: string | undefined;
      try {
        sdk = parsed === undefined ? undefined : validateBatchInstanceCreateRequest(parsed.value);
      } catch (error) {
        sdkError = String(error);
      }
      const provider = parsed === undefined ? undefined : providerVerdict(parsed.value);
      results.push({ input, response, parsed, sdk, sdkError, provider });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

/** Removes enumerable keys added to Object.prototype and returns their names. */
function removePrototypeKeys(): string[] {
  const keys = Object.keys(Object.prototype);
  for (const key of keys) {
    delete (Object.prototype as Record<string, unknown>)[key];
  }
  return keys;
}

const storeKinds: StoreKind[] = ["sqlite", "postgres"];
let postgres: RunningPostgres | undefined;
const figures: Figure[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
});

afterAll(async () => {
  await postgres?.stop();
  if (figures.length > 0) {
    await recordFigures(
      "bad-input",
      "Bad input: generated invalid and hostile batch bodies",
      figures,
    );
  }
});

describe.each(storeKinds)("bad input %s", (kind) => {
  let database: TestDatabase;
  let results: Verdicts[];
  let pollutedPrototypeKeys: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind, postgres);
    const [server] = await startReplicas(database, 1, { readyAfterMs: 60_000 });
    const seed = Number(process.env.RELIABILITY_SEED ?? Date.now() % 1_000_000);
    try {
      results = await runInputs(
        server as RunningServer,
        generateHostileInputs(seed, reliabilityScale()),
      );
    } finally {
      await server?.close();
      database.remove();
      // The server runs in this process: a body that pollutes Object.prototype there pollutes
      // it here too. Record the keys, then remove them so the next store starts clean.
      pollutedPrototypeKeys = removePrototypeKeys();
    }
    const representable = results.filter((r) => r.provider?.representable === true);
    const categories = new Map<string, number>();
    for (const result of results) {
      categories.set(result.input.category, (categories.get(result.input.category) ?? 0) + 1);
    }
    figures.push(
      { label: `${kind}: inputs tried (seed ${seed})`, value: results.length },
      {
        label: `${kind}: inputs by category`,
        value: [...categories.entries()].map(([category, n]) => `${category}: ${n}`).join(", "),
      },
      {
        label: `${kind}: rejected by the SDK schema`,
        value: results.filter((r) => r.sdk?.success === false).length,
      },
      {
        label: `${kind}: not JSON, too large or wrong media type`,
        value: results.filter(
          (r) =>
            r.parsed === undefined ||
            (r.input.kind === "text" && r.input.contentType !== undefined),
        ).length,
      },
      {
        label: `${kind}: SDK validator threw`,
        value: results.filter((r) => r.sdkError !== undefined).length,
      },
      { label: `${kind}: expressible as Terraform configuration`, value: representable.length },
      {
        label: `${kind}: server 5xx`,
        value: results.filter((r) => (r.response.status ?? 500) >= 500).length,
      },
    );
  }, 600_000);

  it("tries at least 10,000 inputs at full scale", () => {
    const expected = reliabilityScale() >= 1 ? 10_000 : 1;
    expect(results.length).toBeGreaterThanOrEqual(expected);
  });

  // issuesToErrorData in the checks below can pollute it again, so each test cleans up after itself.
  afterEach(() => {
    removePrototypeKeys();
  });

  it("leaves Object.prototype unchanged", () => {
    expect(pollutedPrototypeKeys).toEqual([]);
  });

  it("never answers 5xx or drops the connection", () => {
    const failures = results
      .filter((r) => r.response.status === null || r.response.status >= 500)
      .map((verdicts) => ({ verdicts, problem: `status ${verdicts.response.status}` }));
    expect(summarize(failures)).toEqual([]);
  });

  it("validates every parsed body with the SDK without throwing", () => {
    const failures = results.flatMap((verdicts) =>
      verdicts.sdkError === undefined ? [] : [{ verdicts, problem: verdicts.sdkError }],
    );
    expect(summarize(failures)).toEqual([]);
  });

  it("agrees with the SDK schema on every body", () => {
    const failures = results.flatMap((verdicts) => {
      const problem = sdkServerMismatch(verdicts);
      return problem === undefined ? [] : [{ verdicts, problem }];
    });
    expect(summarize(failures)).toEqual([]);
  });

  it("agrees with the provider's plan validation on every expressible body", () => {
    const failures = results.flatMap((verdicts) => {
      const { provider, sdk } = verdicts;
      if (
        provider?.representable !== true ||
        sdk === undefined ||
        provider.accepted === sdk.success
      ) {
        return [];
      }
      return [
        {
          verdicts,
          problem: `provider accepted=${provider.accepted}, SDK accepted=${sdk.success}`,
        },
      ];
    });
    expect(summarize(failures)).toEqual([]);
  });

  it("compares a meaningful share with the provider", () => {
    const representable = results.filter((r) => r.provider?.representable === true);
    expect(representable.length).toBeGreaterThan(results.length / 10);
  });

  it("rejects every provider-rejected body at the field level", () => {
    const failures = results
      .filter(
        (r) =>
          r.provider?.representable === true &&
          !r.provider.accepted &&
          !serverRejectsFields(r.response),
      )
      .map((verdicts) => ({ verdicts, problem: "the server did not reject the fields" }));
    expect(summarize(failures)).toEqual([]);
  });
});
