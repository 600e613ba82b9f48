/** The statistics an event study reports per horizon, for events and for the baseline alike. */
export interface ReturnStats {
  count: number;
  /** NaN when count is 0. */
  mean: number;
  median: number;
  /** Share of returns above zero. */
  hitRate: number;
}

export function returnStats(values: readonly number[]): ReturnStats {
  const xs = values.filter(Number.isFinite);
  const n = xs.length;
  if (n === 0) return { count: 0, mean: NaN, median: NaN, hitRate: NaN };
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = n >> 1;
  return {
    count: n,
    mean: xs.reduce((s, x) => s + x, 0) / n,
    median: n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2,
    hitRate: xs.filter((x) => x > 0).length / n,
  };
}
