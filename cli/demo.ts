import { join, resolve } from 'node:path';
import { positionRows, type EquityCurve } from '../engine/index.ts';
import { computeMetrics, type Metrics } from '../engine/metrics/index.ts';
import { METRIC_COLUMNS, metricAt } from '../batch/index.ts';
import { batchReportFiles, fixed, loadSvgCharts, pct, StagedFolder, type BatchReportInput } from '../reports/index.ts';
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
  return {
    dates: c.dates.slice(a, b),
    equity: c.equity.slice(a, b),
    grossEquity: c.grossEquity.slice(a, b),
    cash: c.cash.slice(a, b),
    symbols: c.symbols,
    positions: positionRows(c.positions, a, b),
  };
}

/**
 * Runs start when their symbols do (BIL, the T-bill leg of dual momentum, only in 2007), so the comparison measures
 * them over the period every run covers, with each run's own settings (risk-free rate, benchmark); each run's own
 * report covers its whole run.
 */
export function commonPeriod(jobs: readonly { name: string; job: JobResult }[]): { from: string; to: string; runs: { name: string; curve: EquityCurve; metrics: Metrics }[] } {
  const from = jobs.map((j) => j.job.metrics.start ?? '').reduce((a, b) => (b > a ? b : a));
  const to = jobs.map((j) => j.job.metrics.end ?? '').reduce((a, b) => (b < a ? b : a));
  const runs = jobs.map(({ name, job }) => {
    const r = job.result;
    const curve = sliceCurve(r.curve, from, to);
    const a = r.curve.dates.findIndex((d) => d >= from);
    const benchmark = r.benchmark ? { symbol: r.benchmark.symbol, prices: r.benchmark.prices.slice(a, a + curve.dates.length) } : undefined;
    const trades = r.trades.filter((t) => t.date >= from && t.date <= to);
    return { name, curve, metrics: computeMetrics({ curve, trades, riskFree: r.settings.riskFree, benchmark }) };
  });
  return { from, to, runs };
}

export function comparison(jobs: readonly { name: string; job: JobResult }[]): string[] {
  const { from, to, runs } = commonPeriod(jobs);
  const rows = runs.map(({ name, metrics: m }) => [name, pct(m.totalReturn, 1), pct(m.cagr), pct(m.volatility, 1), fixed(m.sharpe), pct(m.maxDrawdown.depth, 1), String(m.trading.trades)]);
  const header = ['strategy', 'total', 'CAGR', 'vol', 'Sharpe', 'max DD', 'trades'];
  const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ');
  return [`Comparison over ${from} → ${to}, the period every run covers (net of costs; SYNTHETIC data):`, '', line(header), ...rows.map(line)];
}

/** The demo's batch report: every run over the common period, side by side. */
export function demoBatch(jobs: readonly { name: string; job: JobResult }[], html = true): BatchReportInput {
  const { from, to, runs } = commonPeriod(jobs);
  return {
    name: 'rotor demo',
    synthetic: true,
    dataset: { dir: jobs[0].job.dataset.dir, hash: jobs[0].job.dataset.hash },
    method: [
      `Every run measured over ${from} → ${to}, the period every run covers; each run's own report covers its whole run.`,
      'Figures are net of costs, with each run\'s own settings (risk-free rate, benchmark SPY).',
    ],
    runs: runs.map((r) => ({ name: r.name, metrics: Object.fromEntries(METRIC_COLUMNS.map((p) => [p, metricAt(r.metrics, p)])), dates: r.curve.dates, equity: r.curve.equity, report: `${r.name}/${html ? 'report.html' : 'report.md'}` })),
  };
}

export async function runDemo(outDir: string, opts: { html?: boolean } = {}): Promise<void> {
  console.log('rotor demo on the embedded SYNTHETIC sample dataset (generated data, not market history)\n');
  const jobs: { name: string; job: JobResult }[] = [];
  // Every run's folder and the comparison are staged together and replace --out as a whole at the end.
  const stage = new StagedFolder(outDir);
  let files: string[];
  try {
    for (const run of DEMO_RUNS) {
      const job = await runJob({ strategy: run.strategy, params: run.params, settings: { benchmark: 'SPY' }, out: join(stage.dir, run.name), html: opts.html });
      jobs.push({ name: run.name, job });
      if (run.name !== run.strategy) console.log(`${run.name} = ${run.strategy} ${Object.entries(run.params ?? {}).map(([k, v]) => `${k}=${v}`).join(' ')}`);
      for (const line of summaryLines(job)) console.log(line);
      console.log(`  report: ${join(resolve(outDir), run.name, opts.html === false ? 'report.md' : 'report.html')}\n`);
    }
    const batch = demoBatch(jobs, opts.html !== false);
    await loadSvgCharts(); // report.md's images
    files = stage.write(batchReportFiles(batch, { html: opts.html !== false }));
    stage.commit();
  } finally {
    stage.abort();
  }
  console.log(`comparison report: ${files[files.length - 1]}\n`);
  for (const line of comparison(jobs)) console.log(line);
}
