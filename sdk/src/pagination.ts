/** Contents of the `X-Pagination` response header. */
export interface Pagination {
  pageNumber: number;
  pageSize: number;
  total: number;
  orderBy: string | null;
}

/** One page of a list call. */
export interface Page<T> {
  items: T[];
  /** Parsed `X-Pagination` header; undefined when the server sent none. */
  pagination: Pagination | undefined;
}

/** Page size `listAllInstances` requests when the caller sets none; the API's maximum. */
export const DEFAULT_ALL_PAGES_SIZE = 100;

/**
 * Parses the `X-Pagination` header, a JSON object `{pageNumber, pageSize, total, orderBy}`.
 * Returns undefined when the header is absent, and raises a `TypeError` naming the header when it
 * is not that object.
 */
export function parsePaginationHeader(header: string | null): Pagination | undefined {
  if (header === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(header);
  } catch {
    throw new TypeError(`X-Pagination header is not JSON: ${header}`);
  }
  const record = value as Record<string, unknown> | null;
  const valid =
    typeof record === "object" &&
    record !== null &&
    Number.isInteger(record.pageNumber) &&
    Number.isInteger(record.pageSize) &&
    Number.isInteger(record.total) &&
    (record.orderBy === null || record.orderBy === undefined || typeof record.orderBy === "string");
  if (!valid) {
    throw new TypeError(
      `X-Pagination header must be {pageNumber, pageSize, total, orderBy}, got ${header}`,
    );
  }
  return {
    pageNumber: record.pageNumber as number,
    pageSize: record.pageSize as number,
    total: record.total as number,
    orderBy: (record.orderBy as string | null | undefined) ?? null,
  };
}

/**
 * Yields the items of every page from `firstPage` on. Stops after an empty page, a page shorter
 * than the page size, or once `total` items of the `X-Pagination` header have been reached.
 */
export async function* iteratePages<T>(
  fetchPage: (pageNumber: number, pageSize: number) => Promise<Page<T>>,
  firstPage: number,
  pageSize: number,
): AsyncGenerator<T, void, undefined> {
  for (let pageNumber = firstPage; ; pageNumber++) {
    const page = await fetchPage(pageNumber, pageSize);
    yield* page.items;
    const size = page.pagination?.pageSize ?? pageSize;
    if (page.items.length === 0 || page.items.length < size) return;
    if (page.pagination && pageNumber * size >= page.pagination.total) return;
  }
}
