import { join, resolve } from 'node:path';
import { runJob } from './run-job.ts';
import { summaryLines } from './summary.ts';

/** The demo's runs: each built-in strategy on the synthetic sample, against SPY. */
export const DEMO_RUNS: { strategy: string; params?: Record<string, string> }[] = [
  { strategy: 'buy-and-hold', params: { symbol: 'SPY' } },
  { strategy: 'fixed-weight', params: { weights: 'SPY:0.5,IWM:0.5' } },
];

export async function runDemo(outDir: string): Promise<void> {
  console.log('rotor demo on the embedded SYNTHETIC sample dataset (generated data, not market history)\n');
  for (const run of DEMO_RUNS) {
    const out = resolve(join(outDir, run.strategy));
    const job = await runJob({ strategy: run.strategy, params: run.params, settings: { benchmark: 'SPY' }, out });
    for (const line of summaryLines(job)) console.log(line);
    console.log(`  report: ${join(out, 'report.md')}\n`);
  }
}
