import { loadavg } from "node:os";

/** Returns the `fraction` quantile (0 to 1) of `values` by the nearest-rank method, or NaN when empty. */
export function quantile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** Returns the median of `values`, or NaN when empty. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Formats a number with `digits` decimals and thousands separators. */
export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** Formats a ratio such as `3.20x`. */
export function formatRatio(value: number): string {
  return `${value.toFixed(2)}x`;
}

/** Returns "met" or "missed". */
export function verdict(passed: boolean): string {
  return passed ? "met" : "missed";
}

/**
 * Describes the 1-minute load average at the start of a benchmark and now, so a reader can tell
 * whether other processes competed for the CPU during the run.
 */
export function describeLoad(loadAtStart: number): string {
  const [loadNow = Number.NaN] = loadavg();
  return (
    `Load average (1 min) of the machine: ${loadAtStart.toFixed(2)} at the start of this ` +
    `benchmark, ${loadNow.toFixed(2)} at its end.`
  );
}
