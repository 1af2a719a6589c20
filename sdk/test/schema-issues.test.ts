import { describe, expect, it } from "vitest";
import {
  type ValidationIssue,
  type ValidationResult,
  describeValue,
  formatIssues,
  formatPath,
  issuesToErrorData,
  parseErrorResponse,
  parseListInstancesQuery,
  parsePagination,
  parseStatusHistoryQuery,
  validateListInstancesQuery,
} from "../src/schema/index";

function validData<T>(result: ValidationResult<T>): T {
  if (!result.success) expect.fail(formatIssues(result.issues));
  return result.data;
}

function failedIssues<T>(result: ValidationResult<T>): ValidationIssue[] {
  if (result.success) expect.fail("expected validation issues, but the value was valid");
  return result.issues;
}

function issue(path: (string | number)[], message: string): ValidationIssue {
  return { path, code: "custom", message, value: undefined, crossField: false };
}

describe("issuesToErrorData", () => {
  it("keeps a __proto__ key as an own property", () => {
    const data = issuesToErrorData([
      issue(["__proto__"], "unknown key"),
      issue(["interfaces", 0, "__proto__", "x"], "unknown key"),
    ]);
    expect(Object.hasOwn(data, "__proto__")).toBe(true);
    expect(JSON.parse(JSON.stringify(data))).toEqual(
      JSON.parse(
        '{"__proto__":"unknown key","interfaces":{"0":{"__proto__":{"x":"unknown key"}}}}',
      ),
    );
    expect(({} as Record<string, unknown>).__all__).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("nests element reasons by index", () => {
    const data = issuesToErrorData([issue(["interfaces", 0, "subnetId"], "bad subnet")]);
    expect(data).toEqual({ interfaces: { "0": { subnetId: "bad subnet" } } });
  });

  it("keeps list rules under __all__", () => {
    const data = issuesToErrorData([
      issue(["interfaces", "__all__"], "mixed"),
      issue(["interfaces", 1, "vpcPrefixId"], "bad prefix"),
    ]);
    expect(data).toEqual({ interfaces: { __all__: "mixed", "1": { vpcPrefixId: "bad prefix" } } });
  });

  it("moves a list reason under __all__ when children follow", () => {
    const data = issuesToErrorData([
      issue(["interfaces"], "too many"),
      issue(["interfaces", 0, "subnetId"], "bad subnet"),
    ]);
    expect(data).toEqual({ interfaces: { __all__: "too many", "0": { subnetId: "bad subnet" } } });
  });

  it("moves a list reason under __all__ when children came first", () => {
    const data = issuesToErrorData([
      issue(["interfaces", 0, "subnetId"], "bad subnet"),
      issue(["interfaces"], "too many"),
    ]);
    expect(data).toEqual({ interfaces: { __all__: "too many", "0": { subnetId: "bad subnet" } } });
  });

  it("joins two reasons for one field", () => {
    const data = issuesToErrorData([issue(["count"], "first"), issue(["count"], "second")]);
    expect(data).toEqual({ count: "first; second" });
  });

  it("puts a body-level reason under __all__", () => {
    expect(issuesToErrorData([issue([], "not an object")])).toEqual({ __all__: "not an object" });
  });
});

describe("formatIssues", () => {
  it("lists one line per issue", () => {
    const text = formatIssues([
      issue(["count"], "count is wrong"),
      issue(["vpcId"], "vpc is wrong"),
    ]);
    expect(text.split("\n")).toHaveLength(3);
  });

  it("names the issue count", () => {
    expect(formatIssues([issue(["count"], "count is wrong")])).toMatch(/^1 validation issue:/);
  });

  it("includes each message", () => {
    expect(formatIssues([issue(["count"], "count is wrong")])).toContain("count is wrong");
  });
});

describe("formatPath", () => {
  it("writes indexes in brackets", () => {
    expect(formatPath(["interfaces", 0, "subnetId"])).toBe("interfaces[0].subnetId");
  });

  it("quotes keys that are not identifiers", () => {
    expect(formatPath(["labels", "rack id"])).toBe('labels["rack id"]');
  });

  it("drops a trailing __all__", () => {
    expect(formatPath(["interfaces", "__all__"])).toBe("interfaces");
  });
});

describe("list query parsing", () => {
  it("turns one status into an array", () => {
    const result = parseListInstancesQuery(new URLSearchParams("status=Ready"));
    expect(validData(result).status).toEqual(["Ready"]);
  });

  it("keeps repeated statuses in order", () => {
    const result = parseListInstancesQuery(new URLSearchParams("status=Ready&status=Provisioning"));
    expect(validData(result).status).toEqual(["Ready", "Provisioning"]);
  });

  it("rejects an unknown status at its index", () => {
    const result = parseListInstancesQuery(new URLSearchParams("status=Ready&status=Unknown"));
    expect(failedIssues(result)[0]?.path).toEqual(["status", 1]);
  });

  it("converts page numbers", () => {
    const result = parseListInstancesQuery({ pageNumber: "2", pageSize: "50" });
    expect(validData(result).pageSize).toBe(50);
  });

  it("rejects a non-numeric page size", () => {
    const result = parseListInstancesQuery({ pageSize: "ten" });
    expect(failedIssues(result)[0]?.code).toBe("invalid_type");
  });

  it("rejects page size 101", () => {
    const result = parseListInstancesQuery({ pageSize: "101" });
    expect(failedIssues(result)[0]?.code).toBe("too_big");
  });

  it("rejects a lower-case orderBy", () => {
    const result = parseListInstancesQuery({ orderBy: "name_asc" });
    expect(failedIssues(result)[0]?.path).toEqual(["orderBy"]);
  });

  it("rejects an unknown parameter", () => {
    const result = parseListInstancesQuery({ includeRelation: "Site" });
    expect(failedIssues(result)[0]?.code).toBe("unrecognized_keys");
  });

  it("accepts an undefined typed query", () => {
    expect(validateListInstancesQuery(undefined).success).toBe(true);
  });

  it("accepts a history order by status", () => {
    const result = parseStatusHistoryQuery({ orderBy: "STATUS_DESC" });
    expect(result.success).toBe(true);
  });

  it("rejects a history order by name", () => {
    const result = parseStatusHistoryQuery({ orderBy: "NAME_ASC" });
    expect(result.success).toBe(false);
  });
});

describe("response parsers", () => {
  it("accept an error body with a data map", () => {
    const body = { source: "nico", message: "Invalid", data: { count: "too big" } };
    expect(parseErrorResponse(body).success).toBe(true);
  });

  it("accept an error body with empty source", () => {
    expect(parseErrorResponse({ source: "", message: "OS invalid", data: null }).success).toBe(
      true,
    );
  });

  it("reject an error body without message", () => {
    expect(parseErrorResponse({ source: "nico", data: null }).success).toBe(false);
  });

  it("read the pagination header text", () => {
    const result = parsePagination(
      '{"pageNumber":2,"pageSize":20,"total":41,"orderBy":"NAME_ASC"}',
    );
    expect(validData(result).total).toBe(41);
  });

  it("reject a pagination header that is not JSON", () => {
    const result = parsePagination("page=2");
    expect(failedIssues(result)[0]?.code).toBe("invalid_json");
  });

  it("reject a negative total", () => {
    const result = parsePagination({ pageNumber: 1, pageSize: 20, total: -1, orderBy: null });
    expect(failedIssues(result)[0]?.path).toEqual(["total"]);
  });
});

describe("describeValue", () => {
  it("describes an array nested too deep to stringify", () => {
    let deep: unknown[] = [];
    for (let depth = 0; depth < 20_000; depth += 1) deep = [deep];
    expect(describeValue(deep)).toBe("[…]");
  });
});
