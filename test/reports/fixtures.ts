import type { SweepReportInput } from '../../reports/index.ts';
import type { BatchReportInput } from '../../reports/index.ts';
import { computeMetrics } from '../../engine/metrics/index.ts';
import { METRIC_COLUMNS, metricAt } from '../../batch/index.ts';
import { makeCurve } from '../metrics/helpers.ts';
import { days } from '../helpers/tiny-market.ts';

export const XSS = '<img src=x onerror=alert(1)>';

/** A made-up random walk (deterministic), `n` business days. */
export function walk(n: number, seed: number, drift = 0.0003, vol = 0.01): { dates: string[]; equity: number[] } {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const dates = days(n, '2015-01-01');
  const equity = [100_000];
  for (let i = 1; i < n; i++) equity.push(equity[i - 1] * (1 + drift + vol * (rnd() + rnd() + rnd() - 1.5)));
  return { dates, equity };
}

export function madeUpSweep(): SweepReportInput {
  const trials = [];
  let t = 0;
  for (const lookback of [21, 63, 126, 252]) {
    for (const top of [1, 2, 3]) {
      for (const band of ['0', '0.05']) {
        t++;
        const sharpe = 0.2 + lookback / 600 - top * 0.05 + (band === '0' ? 0 : 0.03) + ((t * 37) % 11) / 100;
        trials.push({ trial: t, status: t === 7 ? 'failed' : 'ok', params: { lookback, top, band: t === 3 ? XSS : band }, metrics: t === 7 ? {} : { sharpe, cagr: sharpe / 10, maxDrawdown: -0.3 + sharpe / 20 } });
      }
    }
  }
  const top = [3, 5, 9, 12, 20].map((trial, k) => ({ trial, ...walk(600, 11 + k) }));
  return {
    name: `momentum ${XSS}`,
    objective: 'sharpe',
    n: trials.length,
    counts: { ok: trials.length - 1, failed: 1 },
    paramNames: ['lookback', 'top', 'band'],
    trials,
    top,
    overfitting: { n: trials.length, sharpeVariance: 0.012, expectedMaxSharpe: 0.25, dsr: 0.41, pbo: 0.37, probOosLoss: 0.2, slope: -0.3, splits: 7, logits: [-1.2, -0.4, 0.3, 0.8, 1.5, -0.1, 0.6], isOos: [[0.5, 0.2], [0.7, 0.1], [0.4, 0.3], [0.9, -0.1]] },
    synthetic: true,
    dataset: { dir: 'sample', hash: 'abc123' },
    method: ['made-up trials for the test'],
  };
}

export function madeUpBatch(): BatchReportInput {
  const runs = ['a', 'b', XSS].map((name, k) => {
    const w = walk(800 + k * 50, 3 + k);
    const curve = makeCurve(w.dates, w.equity);
    const bench = walk(w.dates.length, 99);
    const m = computeMetrics({ curve, trades: [], riskFree: 0.02, benchmark: { symbol: 'SPY', prices: Float64Array.from(bench.equity) } });
    return { name, metrics: Object.fromEntries(METRIC_COLUMNS.map((p) => [p, metricAt(m, p)])), dates: w.dates, equity: w.equity };
  });
  return { name: 'made-up batch', runs, synthetic: true, method: ['made-up runs for the test'] };
}
