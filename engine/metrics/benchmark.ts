/**
 * Portfolio versus benchmark: the benchmark's own column (the same figures as the strategy's), beta, alpha,
 * correlation, tracking error and information ratio. Formulas: METRICS.md.
 */
import { ColumnBasis, type ColumnMetrics } from './column.ts';
import { dailyReturns } from './returns.ts';
import { TRADING_DAYS_PER_YEAR, ZERO_STDEV, finiteOrNull, meanOf, sampleSdOf } from './util.ts';

export interface BenchmarkMetrics extends ColumnMetrics, BenchmarkPairs {
  symbol: string;
  /** First and last date with a known (finite, positive) benchmark price; null when none. */
  from: string | null;
  to: string | null;
  /** price(to) / price(from) − 1. */
  totalReturn: number | null;
  /** CAGR over from … to on calendar time. */
  cagr: number | null;
  /** Sample stdev of the benchmark's defined daily returns × √252. */
  volatility: number | null;
}

/** Beta, alpha, correlation, tracking error and information ratio over the days both returns are defined. */
export interface BenchmarkPairs {
  /** Days on which both the portfolio and the benchmark daily return are defined (used by beta/alpha/corr). */
  pairedDays: number;
  beta: number | null;
  /** Annualised: (mean(r_p − rf_d) − beta × mean(r_b − rf_d)) × 252. */
  alpha: number | null;
  correlation: number | null;
  /** sampleStdev(r_p − r_b) × √252 over the paired days. */
  trackingError: number | null;
  /** mean(r_p − r_b) × 252 / trackingError. */
  informationRatio: number | null;
}

/**
 * A benchmark beside the strategy's equity, with its pair statistics and its own column derived when first asked
 * for (see ColumnBasis): a sweep trial needs a few figures of it, a report all of them.
 */
export class BenchmarkBasis {
  private readonly n: number;
  private readonly p: Float64Array;
  private readonly first: number;
  private readonly last: number;
  private pairsMemo?: BenchmarkPairs;
  private columnMemo?: ColumnBasis;

  constructor(
    readonly symbol: string,
    private readonly dates: readonly string[],
    private readonly equity: Float64Array,
    prices: Float64Array,
    /** A constant daily rate, or one per bar aligned with `dates` (element r: bar r − 1 → r). */
    private readonly rfDaily: number | Float64Array,
    /** The equity's daily returns when already derived (reused when they cover the same bars). */
    private readonly equityDaily?: Float64Array,
  ) {
    const n = Math.min(dates.length, equity.length, prices.length);
    const p = prices.subarray(0, n);
    let first = -1;
    let last = -1;
    for (let i = 0; i < n; i++) {
      if (Number.isFinite(p[i]) && p[i] > 0) {
        if (first < 0) first = i;
        last = i;
      }
    }
    this.n = n;
    this.p = p;
    this.first = first;
    this.last = last;
  }

  get pairs(): BenchmarkPairs {
    return (this.pairsMemo ??= this.pairStats());
  }

  /** The benchmark's own column: it covers the dates it has prices for. */
  get column(): ColumnBasis {
    if (this.columnMemo) return this.columnMemo;
    const { first, last, rfDaily, dates } = this;
    const rfConst = typeof rfDaily === 'number' ? rfDaily : 0;
    if (first < 0) return (this.columnMemo = new ColumnBasis([], new Float64Array(0), rfConst));
    const rfSlice = typeof rfDaily === 'number' ? undefined : rfDaily.subarray(first, last + 1);
    const window = first === 0 && last + 1 === dates.length ? dates : dates.slice(first, last + 1);
    return (this.columnMemo = new ColumnBasis(window, this.p.subarray(first, last + 1), rfConst, undefined, rfSlice));
  }

  all(): BenchmarkMetrics {
    const known = this.first >= 0;
    return {
      symbol: this.symbol,
      from: known ? this.dates[this.first] : null,
      to: known ? this.dates[this.last] : null,
      ...this.column.all(),
      ...this.pairs,
    };
  }

  private pairStats(): BenchmarkPairs {
    const { n, rfDaily } = this;
    const rb = dailyReturns(this.p);
    const rpAll = this.equityDaily && this.equityDaily.length === rb.length ? this.equityDaily : dailyReturns(this.equity.subarray(0, n));
    const xs: number[] = [];
    const ys: number[] = [];
    let rfSum = 0;
    for (let j = 0; j < rb.length; j++) {
      if (Number.isFinite(rb[j]) && Number.isFinite(rpAll[j])) {
        xs.push(rb[j]);
        ys.push(rpAll[j]);
        if (typeof rfDaily !== 'number' && Number.isFinite(rfDaily[j + 1])) rfSum += rfDaily[j + 1];
      }
    }
    // mean(r − rf) = mean(r) − mean(rf) over the paired days, so a series needs only its mean there.
    const rf = typeof rfDaily === 'number' ? rfDaily : xs.length ? rfSum / xs.length : 0;

    let beta: number | null = null;
    let alpha: number | null = null;
    let correlation: number | null = null;
    let trackingError: number | null = null;
    let informationRatio: number | null = null;
    if (xs.length >= 2) {
      const m = xs.length - 1;
      const active = ys.map((y, i) => y - xs[i]);
      const meanA = meanOf(active);
      const sdA = sampleSdOf(active, meanA);
      trackingError = finiteOrNull(sdA * Math.sqrt(TRADING_DAYS_PER_YEAR));
      if (sdA > ZERO_STDEV) informationRatio = finiteOrNull((meanA * TRADING_DAYS_PER_YEAR) / (sdA * Math.sqrt(TRADING_DAYS_PER_YEAR)));
      // simple-statistics' sampleStandardDeviation, sampleVariance, sampleCovariance(ys, xs) and sampleCorrelation(ys,
      // xs) step for step, from one mean of each series and one pass instead of one per call (util.ts).
      const meanB = meanOf(xs);
      const meanP = meanOf(ys);
      let sBB = 0;
      let sPP = 0;
      let sPB = 0;
      for (let i = 0; i <= m; i++) {
        const dB = xs[i] - meanB;
        const dP = ys[i] - meanP;
        sBB += dB * dB;
        sPP += dP * dP;
        sPB += dP * dB;
      }
      const sdB = Math.sqrt(sBB / m);
      const sdP = Math.sqrt(sPP / m);
      if (sdB > ZERO_STDEV) {
        const cov = sPB / m;
        beta = finiteOrNull(cov / (sBB / m));
        if (beta !== null) {
          alpha = finiteOrNull((meanP - rf - beta * (meanB - rf)) * TRADING_DAYS_PER_YEAR);
        }
        if (sdP > ZERO_STDEV) correlation = finiteOrNull(cov / sdP / sdB);
      }
    }
    return { pairedDays: xs.length, beta, alpha, correlation, trackingError, informationRatio };
  }
}
