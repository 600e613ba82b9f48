import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { RotorError } from '../engine/index.ts';
import { overfittingSummary, parseDuration, paramColumns, probeWindow, runWalkForward, sweepSummary, type WalkForwardSetup } from '../batch/index.ts';
import { fixed } from '../reports/index.ts';
import { inFlagTerms } from './field-flags.ts';
import { runBatchFlags } from './batch-run.ts';
import { sweepInputs, sweepOptions, type SweepFlags } from './sweep-command.ts';

export function walkForwardOptions<T>(y: Argv<T>) {
  return sweepOptions(y)
    .option('out', { type: 'string', describe: 'output folder (default: rotor-out/walk-forward-<strategy>)' })
    .option('train', { type: 'string', demandOption: true, describe: 'length of each train window: 5y, 18m, 26w or 252d (trading days)' })
    .option('test', { type: 'string', demandOption: true, describe: 'length of each test window, right after its train window: 1y, 6m, 13w, 63d' })
    .option('step', { type: 'string', describe: 'how far each fold moves on (default: the test length; at least the test length)' })
    .option('anchored', { type: 'boolean', default: false, describe: 'every train window starts at the first bar (expanding) instead of rolling with the step' });
}

type WalkForwardFlags = SweepFlags & { train: string; test: string; step?: string; anchored: boolean };

export async function walkForwardCommand(args: unknown): Promise<void> {
  const flags = args as WalkForwardFlags;
  const spec = { train: parseDuration('train', flags.train), test: parseDuration('test', flags.test), ...(flags.step !== undefined ? { step: parseDuration('step', flags.step) } : {}), anchored: flags.anchored };
  const inputs = await sweepInputs(flags);
  const { strategy, dataset, data, sources, spaceLines } = inputs;
  const setup: WalkForwardSetup = { ...inputs, objective: flags.objective, minimize: flags.minimize, pboBlocks: flags['pbo-blocks'], folds: spec };
  const probe = probeWindow(setup);
  if (!probe.window) {
    const error = probe.error!;
    if (error.internal) throw Object.assign(new Error(error.message), { stack: error.stack });
    throw new RotorError(inFlagTerms(error, sources));
  }
  const out = resolve(flags.out ?? resolve('rotor-out', `walk-forward-${strategy.name}`));
  const tag = dataset.identity.synthetic ? ' [SYNTHETIC sample data]' : '';
  let params: string[] = [];
  const result = await runWalkForward(setup, probe.window, {
    out,
    resume: flags.resume,
    html: flags.html !== false,
    sweep: (plan, context, dir, resume, fold) => {
      params = paramColumns(plan);
      const dates = dataset.market.dates;
      const title = `Walk-forward ${strategy.name}, fold ${fold.index}: train ${dates[fold.train.first]} .. ${dates[fold.train.last]}`;
      return runBatchFlags(plan, context, dataset, { ...flags, resume }, dir, `fold ${fold.index}`, (info) => ({
        'summary.md': sweepSummary({ title, kind: 'sweep', objective: plan.objective, minimize: plan.minimize, n: info.n, counts: info.counts, dataset: { dir: data.dir, hash: data.hash, synthetic: dataset.identity.synthetic }, space: spaceLines, extra: overfittingSummary(info.overfitting) }, info.rows(), params),
      }));
    },
  });
  if (result.status === 'interrupted') {
    console.log(`walk-forward ${strategy.name}${tag}: interrupted in fold ${result.folds.length + 1}; finished trials and folds are kept: rerun with --resume`);
    process.exitCode = 130;
    return;
  }
  console.log(`walk-forward ${strategy.name}${tag}: ${result.folds.length} folds, ${result.trials} trials`);
  for (const f of result.folds) {
    console.log(`  fold ${f.index}: train ${f.train.from}..${f.train.to} → test ${f.test.from}..${f.test.to}: ${params.map((p) => `${p}=${String(f.chosen.params[p])}`).join(' ') || 'defaults'}  IS ${flags.objective} ${fixed(f.inSample[flags.objective], 3)}  OOS ${fixed(f.outOfSample[flags.objective], 3)}`);
  }
  const m = result.stitched!.metrics;
  console.log(`  out of sample ${result.stitched!.result.curve.dates[0]}..${result.stitched!.result.curve.dates.at(-1)}: total ${fixed((m.totalReturn ?? NaN) * 100, 1)}%, Sharpe ${fixed(m.sharpe, 2)}, max DD ${fixed(m.maxDrawdown.depth * 100, 1)}%`);
  console.log(`  wrote ${out}/ (walk-forward.json, folds.csv, report.md${flags.html !== false ? ', report.html' : ''}, oos/, folds/)`);
}
