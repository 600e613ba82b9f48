import { drawdownSeries } from '../../engine/metrics/index.ts';
import { metricFormat, type FigureFormat } from '../sweep/figures.ts';
import type { BatchReportInput } from './batch-input.ts';

export interface BatchRow {
  name: string;
  trial?: number;
  strategy?: string;
  status: string;
  error?: string;
  window?: string;
  costs?: string;
  report?: string;
  figures: (number | null)[];
}

export interface BatchModel {
  kind: 'batch';
  input: BatchReportInput;
  columns: { key: string; label: string; format: FigureFormat }[];
  rows: BatchRow[];
  /** Growth of 1 and underwater curve of every run with a curve, in the table's order. */
  curves: { name: string; dates: readonly string[]; growth: Float64Array; drawdown: Float64Array }[];
}

const COLUMNS: [string, string][] = [
  ['totalReturn', 'Total return'],
  ['cagr', 'CAGR'],
  ['volatility', 'Volatility'],
  ['sharpe', 'Sharpe'],
  ['sortino', 'Sortino'],
  ['calmar', 'Calmar'],
  ['maxDrawdown.depth', 'Max drawdown'],
  ['maxDrawdown.duration', 'Max DD length (days)'],
  ['trading.trades', 'Trades'],
  ['trading.turnover', 'Turnover (ann.)'],
  ['benchmark.totalReturn', 'Benchmark total return'],
  ['benchmark.beta', 'Beta'],
  ['benchmark.alpha', 'Alpha (ann.)'],
  ['benchmark.correlation', 'Correlation'],
];

/** The runs side by side: one row each, the benchmark's figures beside the run's, curves rebased to 1. */
export function buildBatchModel(input: BatchReportInput): BatchModel {
  const columns = COLUMNS.map(([key, label]) => ({ key, label, format: metricFormat(key) }));
  const rows = input.runs.map((r) => ({
    name: r.name,
    status: r.status ?? 'ok',
    ...(r.trial !== undefined ? { trial: r.trial } : {}),
    ...(r.strategy ? { strategy: r.strategy } : {}),
    ...(r.error ? { error: r.error } : {}),
    ...(r.window ? { window: r.window } : {}),
    ...(r.costs ? { costs: r.costs } : {}),
    ...(r.report ? { report: r.report } : {}),
    figures: columns.map((c) => r.metrics[c.key] ?? null),
  }));
  const curves = input.runs.flatMap((r) => {
    if (!r.dates || !r.equity || r.dates.length === 0) return [];
    const eq = Float64Array.from(r.equity);
    const base = eq.find((v) => v > 0) ?? NaN;
    return [{ name: r.name, dates: r.dates, growth: eq.map((v) => v / base), drawdown: drawdownSeries(eq) }];
  });
  return { kind: 'batch', input, columns, rows, curves };
}
