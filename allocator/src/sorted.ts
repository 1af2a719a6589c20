// Helpers for ascending arrays of strings or numbers, compared with `<` (for strings: by
// UTF-16 code unit, never locale-aware), so the order is the same on every host.

/** Returns the first index whose element is not less than `value`. */
export function lowerBound<T extends string | number>(sorted: readonly T[], value: T): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as T) < value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/** Inserts `value` at its sorted position unless present and returns whether it was inserted. */
export function insertSorted<T extends string | number>(sorted: T[], value: T): boolean {
  const position = lowerBound(sorted, value);
  if (sorted[position] === value) {
    return false;
  }
  sorted.splice(position, 0, value);
  return true;
}

/** Removes `value` if present and returns whether it was removed. */
export function removeSorted<T extends string | number>(sorted: T[], value: T): boolean {
  const position = lowerBound(sorted, value);
  if (sorted[position] !== value) {
    return false;
  }
  sorted.splice(position, 1);
  return true;
}

/** Compares two ids by UTF-16 code unit, for `Array.prototype.sort`. */
export function compareIds(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}
