/**
 * Performance metrics of a finished run. Every formula, unit and convention is written down in METRICS.md at the
 * repo root; keep the two in step.
 */
import type { EquityCurve, Trade } from '../types.ts';
import { benchmarkMetrics, type BenchmarkMetrics } from './benchmark.ts';
import { columnMetrics, type ColumnMetrics, type DatedValue } from './column.ts';
import { drawdownEpisodes, longestDrawdownEpisode, maxDrawdownEpisode, type DrawdownEpisode } from './drawdown.ts';
import { exposure, type Exposure } from './exposure.ts';
import type { PeriodReturn } from './periods.ts';
import { dailyReturns, dailyRiskFree } from './returns.ts';
import {
  annualisedTurnover,
  roundTrips,
  summariseRoundTrips,
  totalCommission,
  totalSlippage,
  tradedNotional,
} from './trades.ts';
import { finiteArray, finiteOrNull, meanOf, yearsBetween } from './util.ts';
import { annualRiskFree } from './risk-free.ts';
import type { TailStats } from './distribution.ts';
import { sharpeInference, type SharpeInference } from './sharpe-inference.ts';

export { dailyReturns, dailyRiskFree } from './returns.ts';
export { drawdownSeries, drawdownEpisodes, type DrawdownEpisode } from './drawdown.ts';
export { periodReturns, type PeriodKind, type PeriodReturn } from './periods.ts';
export { roundTrips, summariseRoundTrips, type RoundTrip, type RoundTripSummary } from './trades.ts';
export { columnMetrics, type ColumnMetrics, type DatedValue } from './column.ts';
export { quantileSorted, tailStats, type TailStats } from './distribution.ts';
export { rollingStats, ROLLING_WINDOW, type RollingStats } from './rolling.ts';
export type { BenchmarkMetrics } from './benchmark.ts';
export type { Exposure } from './exposure.ts';
export { sharpeInference, SHARPE_INFERENCE_BASIS, type SharpeInference } from './sharpe-inference.ts';
export { TRADING_DAYS_PER_YEAR, CALENDAR_DAYS_PER_YEAR } from './util.ts';

export interface MetricsInput {
  /** Dates are ISO strings of trading days, ascending. */
  curve: EquityCurve;
  trades: Trade[];
  /** Annual risk-free rate, e.g. 0.02. */
  riskFree: number;
  /** Prices aligned with curve.dates, NaN where unknown. */
  benchmark?: { symbol: string; prices: Float64Array };
  /** Every benchmark (the first is `benchmark`); each gets its own figures in `benchmarks`. */
  benchmarks?: { symbol: string; prices: Float64Array }[];
  /** A per-bar risk-free rate aligned with curve.dates (element r: bar r − 1 → r); replaces `riskFree` when given. */
  riskFreeDaily?: Float64Array;
}

export interface DrawdownSummary {
  /** Deepest trough / prior peak − 1 (≤ 0); 0 when equity never fell below a previous high. */
  depth: number;
  /** null when depth is 0. */
  peakDate: string | null;
  troughDate: string | null;
  /** First date equity got back to the peak; null if never (or no drawdown). */
  recoveryDate: string | null;
  /** Trading days (bars) from peak to recovery, or to the last bar if not recovered; 0 when no drawdown. */
  duration: number;
}

export interface LongestDrawdown {
  /** Bars from peak to recovery (or to the last bar); 0 when no drawdown. */
  duration: number;
  peakDate: string | null;
  recoveryDate: string | null;
}

/** The gross curve's column: the same figures as the net one, with costs added back. */
export type HeadlineMetrics = ColumnMetrics;

export interface TradingMetrics {
  /** Number of executions. */
  trades: number;
  /** Σ quantity × price. */
  notional: number;
  /** notional / 2 / mean net equity / years; null when years or mean equity is not positive. */
  turnover: number | null;
  roundTrips: number;
  wins: number;
  losses: number;
  /** wins / roundTrips; null when there is no round trip. */
  winRate: number | null;
  /** Σ pnl of winning round trips / |Σ pnl of the others|; null when none lost. */
  profitFactor: number | null;
  /** Mean pnl per round trip, currency. */
  expectancy: number | null;
  /** Mean return per round trip. */
  averageReturn: number | null;
  /** Mean calendar days a round trip was held. */
  averageHoldingDays: number | null;
  totalCommission: number;
  totalSlippage: number;
  /** Borrow fees paid on shorts (a cost: inside the gross-vs-net gap); 0 without shorts or a borrow fee. */
  totalBorrow: number;
  /** Interest credited on cash (negative when debit interest on borrowed cash exceeded it); 0 without a cash rate. */
  interest: number;
}

export interface Metrics extends TailStats {
  start: string | null;
  end: string | null;
  bars: number;
  /** (end − start in calendar days) / 365.25; null when there is no bar or a date does not parse. */
  years: number | null;
  /** The annual rate the ratios were computed with. */
  riskFree: number;
  initialEquity: number | null;
  finalEquity: number | null;

  totalReturn: number | null;
  cagr: number | null;
  volatility: number | null;
  sharpe: number | null;
  sortino: number | null;
  maxDrawdown: DrawdownSummary;
  longestDrawdown: LongestDrawdown;
  calmar: number | null;

  bestDay: DatedValue | null;
  worstDay: DatedValue | null;
  bestMonth: PeriodReturn | null;
  worstMonth: PeriodReturn | null;
  bestYear: PeriodReturn | null;
  worstYear: PeriodReturn | null;
  /** Fraction (0…1) of calendar months with a positive return; null when there is no month. */
  positiveMonths: number | null;

  exposure: Exposure;
  trading: TradingMetrics;
  gross: HeadlineMetrics;
  /** null when no benchmark was given. */
  benchmark: BenchmarkMetrics | null;
  /** Every benchmark, the first being `benchmark`; empty when none. */
  benchmarks: BenchmarkMetrics[];
  /** Standard error, PSR (against 0 and the first benchmark) and minimum track record of `sharpe`. */
  sharpeInference: SharpeInference;
}

function drawdownSummary(dates: readonly string[], e: DrawdownEpisode | null): DrawdownSummary {
  if (!e) return { depth: 0, peakDate: null, troughDate: null, recoveryDate: null, duration: 0 };
  return {
    depth: e.depth,
    peakDate: dates[e.peak],
    troughDate: dates[e.trough],
    recoveryDate: e.recovery === null ? null : dates[e.recovery],
    duration: e.duration,
  };
}

export function computeMetrics(input: MetricsInput): Metrics {
  const { curve, trades } = input;
  const rfSeries = input.riskFreeDaily;
  const riskFree = rfSeries ? annualRiskFree(rfSeries) : Number.isFinite(input.riskFree) ? input.riskFree : 0;
  const rfDaily = dailyRiskFree(riskFree);
  const n = Math.min(curve.dates.length, curve.equity.length);
  const dates = n === curve.dates.length ? curve.dates : curve.dates.slice(0, n);
  const equity = curve.equity.subarray(0, n);
  const gross = curve.grossEquity.subarray(0, Math.min(n, curve.grossEquity.length));

  const yearsRaw = n > 0 ? yearsBetween(dates[0], dates[n - 1]) : NaN;
  const years = finiteOrNull(yearsRaw);

  const net = columnMetrics(dates, equity, rfDaily, yearsRaw, rfSeries);
  const episodes = drawdownEpisodes(equity);
  const maxEp = maxDrawdownEpisode(episodes);
  const longEp = longestDrawdownEpisode(episodes);

  const equityValues = finiteArray(equity);
  const meanEquity = equityValues.length > 0 ? meanOf(equityValues) : NaN;
  const notional = tradedNotional(trades);
  const trips = summariseRoundTrips(roundTrips(trades));

  const benchmarks = (input.benchmarks ?? (input.benchmark ? [input.benchmark] : [])).map((b) =>
    benchmarkMetrics(b.symbol, dates, equity, b.prices, rfSeries ?? rfDaily),
  );

  let observations = 0;
  const daily = dailyReturns(equity);
  for (let i = 0; i < daily.length; i++) if (Number.isFinite(daily[i])) observations++;

  return {
    start: n > 0 ? dates[0] : null,
    end: n > 0 ? dates[n - 1] : null,
    bars: n,
    years,
    riskFree,
    initialEquity: n > 0 ? finiteOrNull(equity[0]) : null,
    finalEquity: n > 0 ? finiteOrNull(equity[n - 1]) : null,

    totalReturn: net.totalReturn,
    cagr: net.cagr,
    volatility: net.volatility,
    sharpe: net.sharpe,
    sortino: net.sortino,
    maxDrawdown: drawdownSummary(dates, maxEp),
    longestDrawdown: longEp
      ? {
          duration: longEp.duration,
          peakDate: dates[longEp.peak],
          recoveryDate: longEp.recovery === null ? null : dates[longEp.recovery],
        }
      : { duration: 0, peakDate: null, recoveryDate: null },
    calmar: net.calmar,
    skew: net.skew,
    kurtosis: net.kurtosis,
    var95: net.var95,
    cvar95: net.cvar95,
    tailRatio: net.tailRatio,

    bestDay: net.bestDay,
    worstDay: net.worstDay,
    bestMonth: net.bestMonth,
    worstMonth: net.worstMonth,
    bestYear: net.bestYear,
    worstYear: net.worstYear,
    positiveMonths: net.positiveMonths,

    exposure: exposure(curve, n),
    trading: {
      trades: trades.length,
      notional,
      turnover: annualisedTurnover(notional, meanEquity, yearsRaw),
      roundTrips: trips.count,
      wins: trips.wins,
      losses: trips.losses,
      winRate: trips.winRate,
      profitFactor: trips.profitFactor,
      expectancy: trips.expectancy,
      averageReturn: trips.averageReturn,
      averageHoldingDays: trips.averageHoldingDays,
      totalCommission: totalCommission(trades),
      totalSlippage: totalSlippage(trades),
      totalBorrow: n > 0 && curve.borrowPaid ? curve.borrowPaid[n - 1] : 0,
      interest: n > 0 && curve.interest ? curve.interest[n - 1] : 0,
    },
    gross: columnMetrics(dates.slice(0, gross.length), gross, rfDaily, gross.length === n ? yearsRaw : NaN, rfSeries),
    benchmark: input.benchmark ? (benchmarks[0] ?? null) : null,
    benchmarks,
    sharpeInference: sharpeInference(net.sharpe, observations, net.skew, net.kurtosis, benchmarks[0]?.sharpe ?? null),
  };
}
