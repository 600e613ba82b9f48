import { drawdownSeries } from '../../engine/metrics/index.ts';
import { benchmarksOf } from '../model/metrics-table.ts';
import type { BatchReportInput } from './batch-input.ts';

export interface BatchRow {
  name: string;
  report?: string;
  figures: (number | null)[];
}

export interface BatchModel {
  kind: 'batch';
  input: BatchReportInput;
  columns: { label: string; format: 'pct' | 'ratio' | 'count' }[];
  rows: BatchRow[];
  curves: { name: string; dates: readonly string[]; growth: Float64Array; drawdown: Float64Array }[];
}

/** The runs side by side: one row each, benchmark figures beside the run's own, curves rebased to 1. */
export function buildBatchModel(input: BatchReportInput): BatchModel {
  const columns: BatchModel['columns'] = [
    { label: 'Total return', format: 'pct' },
    { label: 'CAGR', format: 'pct' },
    { label: 'Volatility', format: 'pct' },
    { label: 'Sharpe', format: 'ratio' },
    { label: 'Sortino', format: 'ratio' },
    { label: 'Calmar', format: 'ratio' },
    { label: 'Max drawdown', format: 'pct' },
    { label: 'Trades', format: 'count' },
    { label: 'Benchmark CAGR', format: 'pct' },
    { label: 'Benchmark Sharpe', format: 'ratio' },
    { label: 'Benchmark max DD', format: 'pct' },
    { label: 'Beta', format: 'ratio' },
    { label: 'Information ratio', format: 'ratio' },
  ];
  const rows = input.runs.map((r) => {
    const m = r.metrics;
    const b = benchmarksOf(m)[0];
    return {
      name: r.name,
      ...(r.report ? { report: r.report } : {}),
      figures: [m.totalReturn, m.cagr, m.volatility, m.sharpe, m.sortino, m.calmar, m.maxDrawdown.depth, m.trading.trades, b?.cagr ?? null, b?.sharpe ?? null, b?.maxDrawdown ?? null, b?.beta ?? null, b?.informationRatio ?? null],
    };
  });
  const curves = input.runs.map((r) => {
    const eq = Float64Array.from(r.equity);
    const base = eq.find((v) => v > 0) ?? NaN;
    return { name: r.name, dates: r.dates, growth: eq.map((v) => v / base), drawdown: drawdownSeries(eq) };
  });
  return { kind: 'batch', input, columns, rows, curves };
}
