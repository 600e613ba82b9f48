import { excessReturns } from './risk-free.ts';
/**
 * The figures every column of a metrics table carries — the strategy net and gross of costs and each benchmark — so
 * that they are comparable line by line. Formulas: METRICS.md.
 */
import { tailStats, type TailStats } from './distribution.ts';
import { drawdownEpisodes, maxDrawdownEpisode, type DrawdownEpisode } from './drawdown.ts';
import { bestPeriod, periodReturns, positiveFraction, worstPeriod, type PeriodReturn } from './periods.ts';
import { annualisedVolatility, cagr, dailyReturns, sharpeRatio, sortinoRatio, totalReturn } from './returns.ts';
import { finiteOrNull, finiteValues, yearsBetween } from './util.ts';

export interface DatedValue {
  date: string;
  value: number;
}

export interface ColumnMetrics extends TailStats {
  totalReturn: number | null;
  cagr: number | null;
  volatility: number | null;
  sharpe: number | null;
  sortino: number | null;
  calmar: number | null;
  /** Deepest drawdown (≤ 0), 0 when the series never fell below a previous high. */
  maxDrawdown: number;
  /** Bars from that drawdown's peak to its recovery (or to the last bar); 0 when none. */
  maxDrawdownDuration: number;
  bestDay: DatedValue | null;
  worstDay: DatedValue | null;
  bestMonth: PeriodReturn | null;
  worstMonth: PeriodReturn | null;
  bestYear: PeriodReturn | null;
  worstYear: PeriodReturn | null;
  positiveMonths: number | null;
}

/** Best or worst daily return, dated by the bar it was earned on (returns[j] is earned on bar j + 1). */
export function extremeDay(dates: readonly string[], returns: Float64Array, pick: 'max' | 'min'): DatedValue | null {
  let idx = -1;
  for (let j = 0; j < returns.length; j++) {
    const r = returns[j];
    if (!Number.isFinite(r)) continue;
    if (idx < 0 || (pick === 'max' ? r > returns[idx] : r < returns[idx])) idx = j;
  }
  return idx < 0 ? null : { date: dates[idx + 1], value: returns[idx] };
}

/**
 * One value series (equity or prices) on its dates, with what its figures share (daily returns, drawdown episodes,
 * period returns, excess returns) derived once, when a figure first needs it: a sweep trial asks for a handful of
 * figures, a report for all of them, and both get them from the same code. `years` defaults to the span of the dates;
 * NaN leaves CAGR and Calmar undefined (e.g. a gross curve that does not cover every date).
 */
export class ColumnBasis {
  readonly n: number;
  readonly values: Float64Array;
  readonly dates: readonly string[];
  readonly years: number;
  private dailyMemo?: Float64Array;
  private returnsMemo?: number[];
  private episodesMemo?: DrawdownEpisode[];
  private maxEpMemo?: DrawdownEpisode | null;
  private monthsMemo?: PeriodReturn[];
  private excessMemo?: number[];

  constructor(
    dates: readonly string[],
    values: Float64Array,
    readonly rfDaily: number,
    years?: number,
    private readonly rfSeries?: Float64Array,
  ) {
    const n = Math.min(dates.length, values.length);
    this.n = n;
    this.values = values.subarray(0, n);
    // The whole (frozen) window when it fits: period boundaries are kept per window array (periods.ts).
    this.dates = n === dates.length ? dates : dates.slice(0, n);
    this.years = years ?? (n > 0 ? yearsBetween(this.dates[0], this.dates[n - 1]) : NaN);
  }

  /** dailyReturns of the values (NaN where undefined). */
  get daily(): Float64Array {
    return (this.dailyMemo ??= dailyReturns(this.values));
  }
  /** The finite daily returns. */
  get returns(): number[] {
    return (this.returnsMemo ??= finiteValues(this.daily));
  }
  get episodes(): DrawdownEpisode[] {
    return (this.episodesMemo ??= drawdownEpisodes(this.values));
  }
  get maxEpisode(): DrawdownEpisode | null {
    if (this.maxEpMemo === undefined) this.maxEpMemo = maxDrawdownEpisode(this.episodes);
    return this.maxEpMemo;
  }
  get months(): PeriodReturn[] {
    return (this.monthsMemo ??= periodReturns(this.dates, this.values, 'month'));
  }
  /** Excess returns over the per-bar risk-free series, when there is one. */
  private get excess(): number[] | undefined {
    if (!this.rfSeries) return undefined;
    return (this.excessMemo ??= excessReturns(this.values, this.rfSeries.subarray(0, this.n)));
  }

  totalReturn(): number | null {
    return totalReturn(this.values);
  }
  cagr(): number | null {
    return this.n > 0 ? cagr(this.values[0], this.values[this.n - 1], this.years) : null;
  }
  volatility(): number | null {
    return annualisedVolatility(this.returns);
  }
  // With a risk-free series the ratios take each day's own rate: the excess returns over it, against zero.
  sharpe(): number | null {
    const excess = this.excess;
    return excess ? sharpeRatio(excess, 0) : sharpeRatio(this.returns, this.rfDaily);
  }
  sortino(): number | null {
    const excess = this.excess;
    return excess ? sortinoRatio(excess, 0) : sortinoRatio(this.returns, this.rfDaily);
  }
  maxDrawdown(): number {
    return this.maxEpisode?.depth ?? 0;
  }
  calmar(): number | null {
    const growth = this.cagr();
    const maxDrawdown = this.maxDrawdown();
    return growth !== null && maxDrawdown < 0 ? finiteOrNull(growth / Math.abs(maxDrawdown)) : null;
  }
  positiveMonths(): number | null {
    return positiveFraction(this.months);
  }

  /** Every figure of the column. */
  all(): ColumnMetrics {
    const { dates, daily } = this;
    const years = periodReturns(dates, this.values, 'year');
    return {
      totalReturn: this.totalReturn(),
      cagr: this.cagr(),
      volatility: this.volatility(),
      sharpe: this.sharpe(),
      sortino: this.sortino(),
      calmar: this.calmar(),
      maxDrawdown: this.maxDrawdown(),
      maxDrawdownDuration: this.maxEpisode?.duration ?? 0,
      ...tailStats(this.returns),
      bestDay: extremeDay(dates, daily, 'max'),
      worstDay: extremeDay(dates, daily, 'min'),
      bestMonth: bestPeriod(this.months),
      worstMonth: worstPeriod(this.months),
      bestYear: bestPeriod(years),
      worstYear: worstPeriod(years),
      positiveMonths: this.positiveMonths(),
    };
  }
}

/** The column of one value series on its dates (see ColumnBasis). */
export function columnMetrics(dates: readonly string[], values: Float64Array, rfDaily: number, years?: number, rfSeries?: Float64Array): ColumnMetrics {
  return new ColumnBasis(dates, values, rfDaily, years, rfSeries).all();
}
