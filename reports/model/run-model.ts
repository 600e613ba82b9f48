import { positionBars, type DecisionRecord, type PositionValues } from '../../engine/index.ts';
import {
  dailyReturns, dailyRiskFree, drawdownSeries, periodReturns, roundTrips, rollingStats, ROLLING_WINDOW,
  type Metrics, type RoundTrip,
} from '../../engine/metrics/index.ts';
import { modelBlock, type ModelBlock } from '../model-section.ts';
import type { RunRecord } from '../run-record.ts';
import { histogram, type Histogram } from './histogram.ts';
import { methodSection, type MethodSection } from './method.ts';
import { benchmarksOf, metricsTable, type MetricsTable } from './metrics-table.ts';
import { inferenceSection, type InferenceSection } from './sharpe-inference.ts';
import { nullModelBlock, type NullModelBlock } from './null-model.ts';
import { ruleTimeline, type RuleTimeline } from './rule-timeline.ts';
import type { PriceSeries, RunReportInputs } from './run-inputs.ts';
import { calendarYears, monthlyTable, worstDrawdowns, type CalendarYear, type DrawdownRow, type MonthlyRow } from './tables.ts';
import { tradeMarks, type TradeMark } from './trade-marks.ts';

/** A line over the run's dates (NaN where undefined). */
export interface Line {
  name: string;
  values: Float64Array;
}

export interface RunReportModel {
  kind: 'run';
  title: string;
  description: string;
  synthetic: boolean;
  span: { from: string; to: string; bars: number; years: number | null };
  metrics: Metrics;
  table: MetricsTable;
  /** The Sharpe ratio's standard error, PSR and minimum track record; null for an older metrics.json. */
  inference: InferenceSection | null;
  nullModel: NullModelBlock | null;
  benchmarkSymbols: string[];
  params: [string, string][];
  monthly: MonthlyRow[];
  calendarYears: CalendarYear[];
  worstDrawdowns: DrawdownRow[];
  roundTrips: RoundTrip[];
  exposure: [string, number | null][];
  method: MethodSection;
  /** Financing, several benchmarks, margin calls, listings: what the run's model did beyond trading. */
  model: ModelBlock;
  notes: RunRecord['notes'];
  decisions: readonly DecisionRecord[];
  series: {
    dates: readonly string[];
    /** Cumulative return since the first bar: the strategy, then each benchmark (from its first price). */
    cumulative: Line[];
    /** Underwater curves, same order. */
    drawdown: Line[];
    rollingWindow: number;
    rollingSharpe: Line[];
    rollingVolatility: Line[];
    /** Strategy against the first benchmark; absent without one. */
    rollingBeta?: Line;
    dailyReturns: Histogram;
    monthlyReturns: Histogram;
    /** Weight of each held symbol (position value / equity), symbols that were ever held. */
    weights: Line[];
    prices: { symbol: string; values: Float64Array; marks: TradeMark[] }[];
    rules: RuleTimeline | null;
  };
}

function cumulative(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length).fill(NaN);
  let base = NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (!Number.isFinite(base) && v > 0) base = v;
    if (Number.isFinite(base)) out[i] = v / base - 1;
  }
  return out;
}

function finite(xs: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) if (Number.isFinite(xs[i])) out.push(xs[i]);
  return out;
}

function paramText(v: unknown): string {
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The one report model of a run: every figure, table and series both renderers show, computed here once. */
export function buildRunModel(inp: RunReportInputs): RunReportModel {
  const { record, dates, equity } = inp;
  const m = record.metrics;
  const n = Math.min(dates.length, equity.length);
  const rfDaily = dailyRiskFree(m.riskFree);
  const benchSymbols = benchmarksOf(m).map((b) => b.symbol);
  const benches = benchSymbols
    .map((s) => inp.benchmarks.find((b) => b.symbol === s))
    .filter((b): b is PriceSeries => b !== undefined);
  const name = 'Strategy';

  const daily = dailyReturns(equity);
  const benchDaily = benches.map((b) => dailyReturns(b.prices));
  const rolling = rollingStats(daily, ROLLING_WINDOW, rfDaily, benchDaily[0]);
  const benchRolling = benchDaily.map((r) => rollingStats(r, ROLLING_WINDOW, rfDaily));

  const monthsP = finite(periodReturns(dates, equity, 'month').map((p) => p.ret));
  const monthsB = benches.length ? finite(periodReturns(dates, benches[0].prices, 'month').map((p) => p.ret)) : null;
  const dailyP = finite(daily);
  const dailyB = benchDaily.length ? finite(benchDaily[0]) : null;

  const weights = holdingWeights(inp.symbols, inp.positions, equity, n);

  const trips = roundTrips(inp.trades);
  return {
    kind: 'run',
    title: record.strategy.name,
    description: record.strategy.description ?? '',
    synthetic: record.data.synthetic,
    span: { from: record.data.from, to: record.data.to, bars: record.data.bars, years: m.years },
    metrics: m,
    table: metricsTable(m),
    inference: inferenceSection(m),
    nullModel: nullModelBlock(record.nullModel),
    benchmarkSymbols: benches.map((b) => b.symbol),
    params: Object.entries(record.strategy.params).map(([key, v]) => [key, paramText(v)]),
    monthly: monthlyTable(dates, equity),
    calendarYears: calendarYears(dates, equity, benches.map((b) => b.prices)),
    worstDrawdowns: worstDrawdowns(dates, equity, 5),
    roundTrips: trips,
    exposure: Object.entries(m.exposure.bySymbol),
    method: methodSection(record, inp.trials),
    model: modelBlock(record),
    notes: record.notes,
    decisions: inp.decisions,
    series: {
      dates: dates.slice(0, n),
      cumulative: [{ name, values: cumulative(equity) }, ...benches.map((b) => ({ name: b.symbol, values: cumulative(b.prices) }))],
      drawdown: [{ name, values: drawdownSeries(equity) }, ...benches.map((b) => ({ name: b.symbol, values: drawdownSeries(b.prices) }))],
      rollingWindow: ROLLING_WINDOW,
      rollingSharpe: [{ name, values: rolling.sharpe }, ...benches.map((b, j) => ({ name: b.symbol, values: benchRolling[j].sharpe }))],
      rollingVolatility: [{ name, values: rolling.volatility }, ...benches.map((b, j) => ({ name: b.symbol, values: benchRolling[j].volatility }))],
      ...(rolling.beta ? { rollingBeta: { name: `beta to ${benches[0].symbol}`, values: rolling.beta } } : {}),
      dailyReturns: histogram([{ name, values: dailyP }, ...(dailyB ? [{ name: benches[0].symbol, values: dailyB }] : [])], 60),
      monthlyReturns: histogram([{ name, values: monthsP }, ...(monthsB ? [{ name: benches[0].symbol, values: monthsB }] : [])], 30),
      weights,
      prices: inp.prices.map((p) => ({ symbol: p.symbol, values: p.prices, marks: tradeMarks(inp.trades, p.symbol) })),
      rules: ruleTimeline(inp.decisions, dates[n - 1] ?? ''),
    },
  };
}

/**
 * Weight of each symbol ever held (a non-zero value on some bar), bar by bar: value / equity, 0 on a bar it was not
 * held, NaN where equity is not positive or its value not finite.
 */
function holdingWeights(symbols: readonly string[], p: PositionValues, equity: Float64Array, n: number): Line[] {
  const bars = Math.min(n, positionBars(p));
  const ever = new Uint8Array(symbols.length);
  for (let e = 0, end = bars > 0 ? p.rowStart[bars] : 0; e < end; e++) if (p.value[e] !== 0 && Number.isFinite(p.value[e])) ever[p.column[e]] = 1;
  const lines = new Map<number, Float64Array>();
  for (let j = 0; j < symbols.length; j++) {
    if (!ever[j]) continue;
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) w[i] = equity[i] > 0 ? 0 : NaN;
    lines.set(j, w);
  }
  for (let i = 0; i < bars; i++) {
    for (let e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
      const w = lines.get(p.column[e]);
      const pv = p.value[e];
      if (w) w[i] = equity[i] > 0 && Number.isFinite(pv) ? pv / equity[i] : NaN;
    }
  }
  return [...lines].map(([j, values]) => ({ name: symbols[j], values }));
}
