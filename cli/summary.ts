import type { JobResult } from './run-job.ts';
import { fixed, pct } from '../reports/format.ts';

/** The few lines a person reads in the terminal after a run. */
export function summaryLines(job: JobResult): string[] {
  const m = job.metrics;
  const tag = job.dataset.synthetic ? ' [SYNTHETIC sample data]' : '';
  return [
    `${job.result.strategy.name}${tag}: ${m.start} → ${m.end}`,
    `  total ${pct(m.totalReturn)}  CAGR ${pct(m.cagr)}  vol ${pct(m.volatility)}  Sharpe ${fixed(m.sharpe)}  max DD ${pct(m.maxDrawdown.depth)}  trades ${m.trading.trades}`,
  ];
}
