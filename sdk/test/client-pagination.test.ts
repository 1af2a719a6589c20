import { describe, expect, it } from "vitest";
import { iteratePages, parsePaginationHeader, type Page } from "../src/pagination.js";

function pages(total: number, pageSize: number) {
  const requested: number[] = [];
  const fetchPage = async (pageNumber: number, size: number): Promise<Page<number>> => {
    requested.push(pageNumber);
    const start = (pageNumber - 1) * size;
    const items = Array.from(
      { length: Math.max(0, Math.min(size, total - start)) },
      (_, i) => start + i,
    );
    return { items, pagination: { pageNumber, pageSize: size, total, orderBy: null } };
  };
  return { fetchPage, requested, pageSize };
}

async function collect(iterable: AsyncIterable<number>) {
  const values: number[] = [];
  for await (const value of iterable) values.push(value);
  return values;
}

describe("parsePaginationHeader", () => {
  it("reads the JSON header", () => {
    const header = '{"pageNumber":2,"pageSize":20,"total":41,"orderBy":"NAME_ASC"}';
    expect(parsePaginationHeader(header)).toEqual({
      pageNumber: 2,
      pageSize: 20,
      total: 41,
      orderBy: "NAME_ASC",
    });
  });

  it("returns undefined without header", () => {
    expect(parsePaginationHeader(null)).toBeUndefined();
  });

  it("rejects non-JSON", () => {
    expect(() => parsePaginationHeader("page=1")).toThrow(/not JSON/);
  });

  it("rejects a missing total", () => {
    expect(() => parsePaginationHeader('{"pageNumber":1,"pageSize":20}')).toThrow(/total/);
  });
});

describe("iteratePages", () => {
  it("yields every item", async () => {
    const source = pages(45, 20);
    expect(await collect(iteratePages(source.fetchPage, 1, 20))).toHaveLength(45);
  });

  it("stops on a short page", async () => {
    const source = pages(45, 20);
    await collect(iteratePages(source.fetchPage, 1, 20));
    expect(source.requested).toEqual([1, 2, 3]);
  });

  it("stops at total on a full last page", async () => {
    const source = pages(40, 20);
    await collect(iteratePages(source.fetchPage, 1, 20));
    expect(source.requested).toEqual([1, 2]);
  });

  it("stops on an empty page", async () => {
    const fetchPage = async (): Promise<Page<number>> => ({ items: [], pagination: undefined });
    expect(await collect(iteratePages(fetchPage, 1, 20))).toEqual([]);
  });

  it("continues without header until a short page", async () => {
    let calls = 0;
    const fetchPage = async (): Promise<Page<number>> => {
      calls++;
      return { items: calls < 3 ? [1, 2] : [3], pagination: undefined };
    };
    expect(await collect(iteratePages(fetchPage, 1, 2))).toEqual([1, 2, 1, 2, 3]);
  });
});
