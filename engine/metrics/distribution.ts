/** Shape and tail statistics of a return sample. Formulas: METRICS.md. */
import { sampleKurtosis, sampleSkewness, sampleStandardDeviation } from 'simple-statistics';
import { ZERO_STDEV, finiteOrNull } from './util.ts';

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

/** Skew and kurtosis alone (no sort): what a sweep trial's row keeps for the deflated Sharpe ratio. */
export function shapeStats(returns: readonly number[]): Pick<TailStats, 'skew' | 'kurtosis'> {
  const n = returns.length;
  const spread = n >= 2 && sampleStandardDeviation(returns as number[]) > ZERO_STDEV;
  return {
    skew: spread && n >= 3 ? finiteOrNull(sampleSkewness(returns as number[])) : null,
    kurtosis: spread && n >= 4 ? finiteOrNull(sampleKurtosis(returns as number[])) : null,
  };
}

export function tailStats(returns: ArrayLike<number>, shape = shapeStats(Array.from(returns))): TailStats {
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
