import type { PageRequest } from "../store/types.js";

/** Query string as the HTTP layer parses it: repeated keys become arrays. */
export type QueryValues = Record<string, string | string[] | undefined>;

/** Page position echoed in the `X-Pagination` header. */
export interface PaginationHeader {
  pageNumber: number;
  pageSize: number;
  total: number;
  orderBy: string | null;
}

/**
 * Converts validated `pageNumber` (default 1), `pageSize` (default 20) and `orderBy`
 * (`<FIELD>_ASC` or `<FIELD>_DESC`) to a store page request and the header fields.
 */
export function toPageRequest<Field extends string>(query: {
  pageNumber?: number;
  pageSize?: number;
  orderBy?: string;
}): { page: PageRequest<Field>; header: Omit<PaginationHeader, "total"> } {
  const pageNumber = query.pageNumber ?? 1;
  const pageSize = query.pageSize ?? 20;
  let orderBy: PageRequest<Field>["orderBy"] = null;
  const match = query.orderBy === undefined ? null : /^(.+)_(ASC|DESC)$/.exec(query.orderBy);
  if (match !== null) {
    orderBy = { field: match[1]?.toLowerCase() as Field, direction: match[2] as "ASC" | "DESC" };
  }
  return {
    page: { offset: (pageNumber - 1) * pageSize, limit: pageSize, orderBy },
    header: { pageNumber, pageSize, orderBy: query.orderBy ?? null },
  };
}
