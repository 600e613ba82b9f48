import { join, resolve } from 'node:path';
import type { EquityCurve } from '../engine/index.ts';
import { computeMetrics, type Metrics } from '../engine/metrics/index.ts';
import { fixed, pct } from '../reports/index.ts';
import { runJob, type JobResult } from './run-job.ts';
import { summaryLines } from './summary.ts';

/** The demo's runs on the synthetic sample, against SPY: the two seeds, the classic rotations, the benchmark legs. */
export const DEMO_RUNS: { name: string; strategy: string; params?: Record<string, string> }[] = [
  { name: 'small-cap-streak', strategy: 'small-cap-streak' },
  { name: 'ubs-four-conditions', strategy: 'ubs-four-conditions' },
  { name: 'relative-momentum', strategy: 'relative-momentum' },
  { name: 'dual-momentum', strategy: 'dual-momentum' },
  { name: 'sector-rotation', strategy: 'sector-rotation' },
  { name: '50-50', strategy: 'fixed-weight', params: { weights: 'SPY:0.5,IWM:0.5' } },
  { name: 'buy-and-hold-SPY', strategy: 'buy-and-hold', params: { symbol: 'SPY' } },
  { name: 'buy-and-hold-IWM', strategy: 'buy-and-hold', params: { symbol: 'IWM' } },
];

/** The rows of a curve between two dates, both included. */
function sliceCurve(c: EquityCurve, from: string, to: string): EquityCurve {
  const a = c.dates.findIndex((d) => d >= from);
  let b = c.dates.length;
  while (b > 0 && c.dates[b - 1] > to) b--;
  const n = c.symbols.length;
  return {
    dates: c.dates.slice(a, b),
    equity: c.equity.slice(a, b),
    grossEquity: c.grossEquity.slice(a, b),
    cash: c.cash.slice(a, b),
    symbols: c.symbols,
    positionValues: c.positionValues.slice(a * n, b * n),
  };
}

/**
 * Runs start when their symbols do (BIL, the T-bill leg of dual momentum, only in 2007), so the table compares them
 * over the period every run covers; each run's own report covers its whole run.
 */
export function comparison(jobs: readonly { name: string; job: JobResult }[]): string[] {
  const from = jobs.map((j) => j.job.metrics.start ?? '').reduce((a, b) => (b > a ? b : a));
  const to = jobs.map((j) => j.job.metrics.end ?? '').reduce((a, b) => (b < a ? b : a));
  const rows = jobs.map(({ name, job }) => {
    const curve = sliceCurve(job.result.curve, from, to);
    const trades = job.result.trades.filter((t) => t.date >= from && t.date <= to);
    const m: Metrics = computeMetrics({ curve, trades, riskFree: 0 });
    return [name, pct(m.totalReturn, 1), pct(m.cagr), pct(m.volatility, 1), fixed(m.sharpe), pct(m.maxDrawdown.depth, 1), String(m.trading.trades)];
  });
  const header = ['strategy', 'total', 'CAGR', 'vol', 'Sharpe', 'max DD', 'trades'];
  const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ');
  return [`Comparison over ${from} → ${to}, the period every run covers (net of costs; SYNTHETIC data):`, '', line(header), ...rows.map(line)];
}

export async function runDemo(outDir: string): Promise<void> {
  console.log('rotor demo on the embedded SYNTHETIC sample dataset (generated data, not market history)\n');
  const jobs: { name: string; job: JobResult }[] = [];
  for (const run of DEMO_RUNS) {
    const out = resolve(join(outDir, run.name));
    const job = await runJob({ strategy: run.strategy, params: run.params, settings: { benchmark: 'SPY' }, out });
    jobs.push({ name: run.name, job });
    if (run.name !== run.strategy) console.log(`${run.name} = ${run.strategy} ${Object.entries(run.params ?? {}).map(([k, v]) => `${k}=${v}`).join(' ')}`);
    for (const line of summaryLines(job)) console.log(line);
    console.log(`  report: ${join(out, 'report.md')}\n`);
  }
  for (const line of comparison(jobs)) console.log(line);
}
