/**
 * Performance metrics of a finished run. Every formula, unit and convention is written down in METRICS.md at the
 * repo root; keep the two in step.
 */
import type { EquityCurve, Trade } from '../types.ts';
import { BenchmarkBasis, type BenchmarkMetrics } from './benchmark.ts';
import { ColumnBasis, type ColumnMetrics, type DatedValue } from './column.ts';
import { longestDrawdownEpisode, type DrawdownEpisode } from './drawdown.ts';
import { exposure, type Exposure } from './exposure.ts';
import type { PeriodReturn } from './periods.ts';
import { dailyRiskFree } from './returns.ts';
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
export { columnMetrics, ColumnBasis, type ColumnMetrics, type DatedValue } from './column.ts';
export { metricAt, metricFigures, FIGURE_PATHS } from './figures.ts';
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

/**
 * What the figures of one run share, each derived once when first needed: the net and gross columns, the drawdown
 * episodes, the round trips, every benchmark. computeMetrics assembles all of it; metricFigures (figures.ts) only
 * what a sweep trial's row lists.
 */
export class MetricsBasis {
  readonly n: number;
  readonly dates: readonly string[];
  readonly equity: Float64Array;
  readonly riskFree: number;
  readonly yearsRaw: number;
  readonly net: ColumnBasis;
  readonly gross: ColumnBasis;
  private readonly rfSeries?: Float64Array;
  private readonly rfDaily: number;
  private benchmarksMemo?: BenchmarkBasis[];
  private tradingMemo?: TradingMetrics;

  constructor(readonly input: MetricsInput) {
    const { curve } = input;
    this.rfSeries = input.riskFreeDaily;
    this.riskFree = this.rfSeries ? annualRiskFree(this.rfSeries) : Number.isFinite(input.riskFree) ? input.riskFree : 0;
    this.rfDaily = dailyRiskFree(this.riskFree);
    const n = Math.min(curve.dates.length, curve.equity.length);
    this.n = n;
    this.dates = n === curve.dates.length ? curve.dates : curve.dates.slice(0, n);
    this.equity = curve.equity.subarray(0, n);
    const gross = curve.grossEquity.subarray(0, Math.min(n, curve.grossEquity.length));
    this.yearsRaw = n > 0 ? yearsBetween(this.dates[0], this.dates[n - 1]) : NaN;
    this.net = new ColumnBasis(this.dates, this.equity, this.rfDaily, this.yearsRaw, this.rfSeries);
    const grossDates = gross.length === this.dates.length ? this.dates : this.dates.slice(0, gross.length);
    this.gross = new ColumnBasis(grossDates, gross, this.rfDaily, gross.length === n ? this.yearsRaw : NaN, this.rfSeries);
  }

  /** Every benchmark, the first being `benchmark`. */
  get benchmarks(): BenchmarkBasis[] {
    const { input } = this;
    return (this.benchmarksMemo ??= (input.benchmarks ?? (input.benchmark ? [input.benchmark] : [])).map(
      (b) => new BenchmarkBasis(b.symbol, this.dates, this.equity, b.prices, this.rfSeries ?? this.rfDaily, this.net.daily),
    ));
  }

  /** The benchmark of `benchmark` (the first of `benchmarks`), when one was given. */
  get benchmark(): BenchmarkBasis | null {
    return this.input.benchmark ? (this.benchmarks[0] ?? null) : null;
  }

  get trading(): TradingMetrics {
    if (this.tradingMemo) return this.tradingMemo;
    const { curve, trades } = this.input;
    const n = this.n;
    const equityValues = finiteArray(this.equity);
    const meanEquity = equityValues.length > 0 ? meanOf(equityValues) : NaN;
    const notional = tradedNotional(trades);
    const trips = summariseRoundTrips(roundTrips(trades));
    return (this.tradingMemo = {
      trades: trades.length,
      notional,
      turnover: annualisedTurnover(notional, meanEquity, this.yearsRaw),
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
    });
  }

  maxDrawdown(): DrawdownSummary {
    return drawdownSummary(this.dates, this.net.maxEpisode);
  }

  exposure(): Exposure {
    return exposure(this.input.curve, this.n);
  }
}

export function computeMetrics(input: MetricsInput): Metrics {
  const basis = new MetricsBasis(input);
  const { n, dates, equity } = basis;
  const net = basis.net.all();
  const longEp = longestDrawdownEpisode(basis.net.episodes);
  const benchmarks = basis.benchmarks.map((b) => b.all());

  let observations = 0;
  const daily = basis.net.daily;
  for (let i = 0; i < daily.length; i++) if (Number.isFinite(daily[i])) observations++;

  return {
    start: n > 0 ? dates[0] : null,
    end: n > 0 ? dates[n - 1] : null,
    bars: n,
    years: finiteOrNull(basis.yearsRaw),
    riskFree: basis.riskFree,
    initialEquity: n > 0 ? finiteOrNull(equity[0]) : null,
    finalEquity: n > 0 ? finiteOrNull(equity[n - 1]) : null,

    totalReturn: net.totalReturn,
    cagr: net.cagr,
    volatility: net.volatility,
    sharpe: net.sharpe,
    sortino: net.sortino,
    maxDrawdown: basis.maxDrawdown(),
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

    exposure: basis.exposure(),
    trading: basis.trading,
    gross: basis.gross.all(),
    benchmark: input.benchmark ? (benchmarks[0] ?? null) : null,
    benchmarks,
    sharpeInference: sharpeInference(net.sharpe, observations, net.skew, net.kurtosis, benchmarks[0]?.sharpe ?? null),
  };
}
