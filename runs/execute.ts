import { FieldError, RotorError, runBacktest, type BacktestResult, type MacroSeries, type MarketData, type PriceView } from '../engine/index.ts';
import { computeMetrics, dailyReturns, metricFigures } from '../engine/metrics/index.ts';
import { firstOnOrAfter } from '../engine/macro/index.ts';
import type { RunError, RunOutcome } from './outcome.ts';
import type { RunPlan } from './plan.ts';

/** The data a run replays, loaded once and shared by every run over it (a worker keeps one for all its trials). */
export interface RunInputs {
  market: MarketData;
  macro: readonly MacroSeries[];
  /** A price view in the run's basis, reused across runs (see BacktestInput.view). */
  view?: PriceView;
}

export interface ExecuteOptions {
  /** Keep the full result (curve, trades, decisions) for writing a run folder; a sweep trial does not. */
  full?: boolean;
  /**
   * Without `full`: the metric paths the outcome must carry (a sweep trial's row). The outcome then holds those
   * figures only, not the whole metrics, which cost more to derive than the backtest.
   */
  figures?: readonly string[];
}

export interface Execution {
  outcome: RunOutcome;
  /** Present when `full` was asked for and the run succeeded. */
  result?: BacktestResult;
}

/**
 * Run one plan over loaded data and measure it. Pure: no files, no console. A failure of any kind becomes a failed
 * outcome carrying the error as data, so a sweep counts it and goes on; `rotor run` turns it back into an error.
 */
export function execute(plan: RunPlan, inputs: RunInputs, options: ExecuteOptions = {}): Execution {
  try {
    const view = inputs.view?.basis === plan.spec.settings.prices ? inputs.view : undefined;
    // A compact outcome needs neither the per-position columns nor the decision log.
    const record = options.full ? undefined : { positions: false, decisions: false };
    const result = runBacktest({ market: inputs.market, macro: inputs.macro, strategy: plan.resolved.strategy, resolved: plan.resolved, view, ...(record ? { record } : {}) });
    const input = { curve: result.curve, trades: result.trades, riskFree: result.settings.riskFree, benchmark: result.benchmark, benchmarks: result.benchmarks, riskFreeDaily: result.riskFreeDaily };
    const compact = !options.full && options.figures ? metricFigures(input, options.figures) : undefined;
    const outcome: RunOutcome = {
      key: plan.key,
      status: 'ok',
      ...(compact ? { figures: compact.figures } : { metrics: computeMetrics(input) }),
      firstBar: barOf(inputs.market.dates, result.curve.dates[0]),
      returns: compact && compact.dailyReturns.length === Math.max(0, result.curve.equity.length - 1) ? compact.dailyReturns : dailyReturns(result.curve.equity),
      counts: { bars: result.curve.dates.length, trades: result.trades.length, decisions: result.decisions.length, notes: result.notes.length },
      notes: result.notes,
    };
    return options.full ? { outcome, result } : { outcome };
  } catch (e) {
    return { outcome: failedOutcome(plan.key, runError(e)) };
  }
}

/** Index of `date` in the market's ascending calendar (a binary search: a sweep asks once per trial); -1 if absent. */
function barOf(dates: readonly string[], date: string | undefined): number {
  if (date === undefined) return -1;
  const i = firstOnOrAfter(dates, date);
  return dates[i] === date ? i : -1;
}

export function failedOutcome(key: string, error: RunError): RunOutcome {
  return { key, status: 'failed', error, firstBar: -1, returns: new Float64Array(0), counts: { bars: 0, trades: 0, decisions: 0, notes: 0 }, notes: [] };
}

/** Anything thrown, as data: a user's mistake keeps its one line and field; anything else is a bug with its stack. */
export function runError(e: unknown): RunError {
  const date = typeof (e as { date?: unknown })?.date === 'string' ? (e as { date: string }).date : undefined;
  const base = { ...(date ? { date } : {}) };
  if (e instanceof FieldError) return { ...base, message: e.message, field: e.field, internal: false };
  const debugStack = (e as { debugStack?: unknown })?.debugStack;
  if (e instanceof RotorError) return { ...base, message: e.message, internal: false, ...(typeof debugStack === 'string' ? { stack: debugStack } : {}) };
  if (e instanceof Error) return { ...base, message: e.message, internal: true, ...(e.stack ? { stack: e.stack } : {}) };
  return { ...base, message: String(e), internal: true };
}
