import { excessReturns } from './risk-free.ts';
/**
 * The figures every column of a metrics table carries — the strategy net and gross of costs and each benchmark — so
 * that they are comparable line by line. Formulas: METRICS.md.
 */
import { tailStats, type TailStats } from './distribution.ts';
import { drawdownEpisodes, maxDrawdownEpisode } from './drawdown.ts';
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
 * The column of one value series (equity or prices) on its dates. `years` defaults to the span of the dates; pass
 * NaN to leave CAGR and Calmar undefined (e.g. a gross curve that does not cover every date).
 */
export function columnMetrics(dates: readonly string[], values: Float64Array, rfDaily: number, years?: number, rfSeries?: Float64Array): ColumnMetrics {
  const n = Math.min(dates.length, values.length);
  const v = values.subarray(0, n);
  const d = dates.slice(0, n);
  const y = years ?? (n > 0 ? yearsBetween(d[0], d[n - 1]) : NaN);
  const daily = dailyReturns(v);
  const returns = finiteValues(daily);
  const maxEp = maxDrawdownEpisode(drawdownEpisodes(v));
  const maxDrawdown = maxEp?.depth ?? 0;
  const growth = n > 0 ? cagr(v[0], v[n - 1], y) : null;
  const months = periodReturns(d, v, 'month');
  const yearsList = periodReturns(d, v, 'year');
  const excess = rfSeries ? excessReturns(v, rfSeries.subarray(0, n)) : undefined;
  return {
    totalReturn: totalReturn(v),
    cagr: growth,
    volatility: annualisedVolatility(returns),
    // With a risk-free series the ratios take each day's own rate: the excess returns over it, against zero.
    sharpe: excess ? sharpeRatio(excess, 0) : sharpeRatio(returns, rfDaily),
    sortino: excess ? sortinoRatio(excess, 0) : sortinoRatio(returns, rfDaily),
    calmar: growth !== null && maxDrawdown < 0 ? finiteOrNull(growth / Math.abs(maxDrawdown)) : null,
    maxDrawdown,
    maxDrawdownDuration: maxEp?.duration ?? 0,
    ...tailStats(returns),
    bestDay: extremeDay(d, daily, 'max'),
    worstDay: extremeDay(d, daily, 'min'),
    bestMonth: bestPeriod(months),
    worstMonth: worstPeriod(months),
    bestYear: bestPeriod(yearsList),
    worstYear: worstPeriod(yearsList),
    positiveMonths: positiveFraction(months),
  };
}
