/** The p-th percentile (0-100) of the values, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values: number[]) => percentile(values, 50);

/** Milliseconds since `start` (from process.hrtime.bigint()). */
export const msSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
export const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
