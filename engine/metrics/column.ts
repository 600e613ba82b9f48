import { excessReturns } from './risk-free.ts';
/**
 * The figures every column of a metrics table carries — the strategy net and gross of costs and each benchmark — so
 * that they are comparable line by line. Formulas: METRICS.md.
 */
import { shapeStats, tailStats, type TailStats } from './distribution.ts';
import { drawdownEpisodes, maxDrawdownEpisode, type DrawdownEpisode } from './drawdown.ts';
import { bestPeriod, periodReturns, periodReturnValues, positiveFraction, worstPeriod, type PeriodReturn } from './periods.ts';
import { cagr, dailyReturns, momentsOf, sharpeOf, sortinoRatio, totalReturn, volatilityOf, type Moments } from './returns.ts';
import { finiteArray, finiteOrNull, yearsBetween } from './util.ts';

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
  private returnsMemo?: Float64Array;
  private momentsMemo?: Moments;
  private excessMomentsMemo?: Moments;
  private episodesMemo?: DrawdownEpisode[];
  private maxEpMemo?: DrawdownEpisode | null;
  private monthsMemo?: PeriodReturn[];
  private excessMemo?: number[];
  private shapeMemo?: Pick<TailStats, 'skew' | 'kurtosis'>;

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
  get returns(): Float64Array {
    return (this.returnsMemo ??= finiteArray(this.daily));
  }
  /** Their mean and standard deviation: volatility, Sharpe and Sortino share them. */
  private get moments(): Moments {
    return (this.momentsMemo ??= momentsOf(this.returns));
  }
  /** The moments of the returns less the risk-free rate, the series or the constant (r − 0 is r, bit for bit). */
  private get excessMoments(): Moments {
    if (!this.rfSeries && this.rfDaily === 0) return this.moments;
    return (this.excessMomentsMemo ??= momentsOf(this.excess ?? this.returns.map((r) => r - this.rfDaily)));
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
    return volatilityOf(this.moments);
  }
  // With a risk-free series the ratios take each day's own rate: the excess returns over it, against zero.
  sharpe(): number | null {
    const excess = this.excess;
    return (excess ?? this.returns).length < 2 ? null : sharpeOf(this.excessMoments);
  }
  sortino(): number | null {
    const excess = this.excess;
    const returns = excess ?? this.returns;
    if (returns.length < 1) return null;
    return sortinoRatio(returns, excess ? 0 : this.rfDaily, this.excessMoments.mean);
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
    return positiveFraction(this.monthsMemo ?? periodReturnValues(this.dates, this.values, 'month'));
  }
  /** Skew and kurtosis of the daily returns. */
  shape(): Pick<TailStats, 'skew' | 'kurtosis'> {
    return (this.shapeMemo ??= shapeStats(this.returns));
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
      ...tailStats(this.returns, this.shape()),
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
