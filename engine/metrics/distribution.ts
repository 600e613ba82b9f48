/** Shape and tail statistics of a return sample. Formulas: METRICS.md. */
import { ZERO_STDEV, finiteOrNull, meanOf } from './util.ts';

/** Linear-interpolation quantile of an ascending sample (numpy's default, R type 7); NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export interface TailStats {
  /** Adjusted Fisher–Pearson sample skewness (pandas' `skew`); null with fewer than 3 returns or zero spread. */
  skew: number | null;
  /** Sample excess kurtosis (pandas' `kurt`, 0 for a normal sample); null with fewer than 4 returns or zero spread. */
  kurtosis: number | null;
  /** Historical daily value at risk at 95%: the 5% quantile of the returns (a loss is negative). */
  var95: number | null;
  /** Mean of the returns at or below `var95` (expected shortfall). */
  cvar95: number | null;
  /** |95% quantile| / |5% quantile|; null when the 5% quantile is 0. */
  tailRatio: number | null;
}

/**
 * Skew and kurtosis alone (no sort): what a sweep trial's row keeps for the deflated Sharpe ratio. simple-statistics'
 * `sampleStandardDeviation`, `sampleSkewness` and `sampleKurtosis` (7.x) step for step, from one mean and one pass
 * instead of three of each: the three sums of deviations are accumulated term by term as those functions accumulate
 * them, so each figure is the same to the last bit.
 */
export function shapeStats(returns: ArrayLike<number>): Pick<TailStats, 'skew' | 'kurtosis'> {
  const n = returns.length;
  if (n < 2) return { skew: null, kurtosis: null };
  const mean = meanOf(returns);
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const d = returns[i] - mean;
    s2 += d * d;
    s3 += d * d * d;
    s4 += d * d * d * d;
  }
  const sd = Math.sqrt(s2 / (n - 1));
  const spread = sd > ZERO_STDEV;
  return {
    skew: spread && n >= 3 ? finiteOrNull((n * s3) / ((n - 1) * (n - 2) * Math.pow(sd, 3))) : null,
    kurtosis: spread && n >= 4 ? finiteOrNull(((n - 1) / ((n - 2) * (n - 3))) * ((n * (n + 1) * s4) / (s2 * s2) - 3 * (n - 1))) : null,
  };
}

export function tailStats(returns: ArrayLike<number>, shape = shapeStats(returns)): TailStats {
  const n = returns.length;
  // A typed array sorts numerically in native code; a comparator sort runs in the interpreter at start-up.
  const sorted = Float64Array.from(returns).sort();
  const q05 = quantileSorted(sorted, 0.05);
  const q95 = quantileSorted(sorted, 0.95);
  let tail = 0;
  let count = 0;
  for (const r of sorted) {
    if (r > q05) break;
    tail += r;
    count++;
  }
  return {
    skew: shape.skew,
    kurtosis: shape.kurtosis,
    var95: n > 0 ? finiteOrNull(q05) : null,
    cvar95: count > 0 ? finiteOrNull(tail / count) : null,
    tailRatio: n > 0 && q05 !== 0 ? finiteOrNull(Math.abs(q95) / Math.abs(q05)) : null,
  };
}
