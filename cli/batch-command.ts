import { basename, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { FieldError, RotorError, resolveRun, type ResolvedRun, type Strategy } from '../engine/index.ts';
import { parseMacroLagFlags } from '../datasets/index.ts';
import { batchEntries, batchSummary, overfittingSummary, readBatchFile, TrialContext, trialAt, type BatchPlan, type TrialTemplate } from '../batch/index.ts';
import { fixed } from '../reports/index.ts';
import { loadRunData, loadStrategyRef, type StrategyRef } from '../runs/index.ts';
import { runBatchFlags, type BatchRunFlags } from './batch-run.ts';
import { calendarWindow, checkObjective, checkPboBlocks, withBatchFlags } from './sweep-command.ts';
import { settingsFromFlags, withMacroFlags, withRunFlags, type MacroFlags, type RunFlags } from './settings-flags.ts';

/** Runs whose daily equity the batch report overlays (the best by the objective when there are more). */
const MAX_CURVES = 30;

export function batchOptions<T>(y: Argv<T>) {
  return withBatchFlags(withMacroFlags(withRunFlags(y)))
    .positional('file', { type: 'string', demandOption: true, describe: 'a JSON file (or a .ts module exporting one) listing runs, or a product { strategies, windows, costs }' })
    .option('out', { type: 'string', describe: 'output folder (default: rotor-out/batch-<file name>)' });
}

type BatchFlags = RunFlags & MacroFlags & BatchRunFlags & { file: string; out?: string; objective: string; minimize: boolean; 'pbo-blocks': number };

/** An engine field of one entry, as the batch file spells it. */
function entryField(origin: string, field: string): string {
  if (field.startsWith('params.')) return `${origin}.${field}`;
  if (field === 'settings.from' || field === 'settings.to') return `${origin}.${field.slice('settings.'.length)}`;
  if (field.startsWith('settings.costs.')) return `${origin}.${field.slice('settings.'.length)}`;
  return `${origin}.${field}`;
}

export async function batchCommand(args: unknown): Promise<void> {
  const flags = args as BatchFlags;
  checkObjective(flags.objective);
  checkPboBlocks(flags['pbo-blocks']);
  const defaults = settingsFromFlags(flags);
  const entries = batchEntries(flags.file, await readBatchFile(flags.file), defaults);

  // Every entry is loaded and checked before anything runs.
  const refs: StrategyRef[] = [];
  const strategies: Strategy[] = [];
  const templates: TrialTemplate[] = [];
  const runs: ResolvedRun[] = [];
  for (const e of entries) {
    let loaded;
    try {
      loaded = await loadStrategyRef(e.strategy);
    } catch (err) {
      throw err instanceof RotorError ? new RotorError(`${flags.file}: ${e.origin}.strategy: ${err.message}`) : err;
    }
    let k = refs.findIndex((r) => r.path === loaded.ref.path);
    if (k < 0) {
      k = refs.push(loaded.ref) - 1;
      strategies.push(loaded.strategy);
    }
    try {
      runs.push(resolveRun(strategies[k], e.params, e.settings));
    } catch (err) {
      if (err instanceof FieldError) throw new RotorError(`${flags.file}: ${e.origin} (${e.label}): ${err.message.split(err.field).join(entryField(e.origin, err.field))}`);
      throw err;
    }
    templates.push({ strategy: k, label: e.label, params: e.params, settings: e.settings });
  }
  const { dataset, data } = loadRunData({ dir: flags.data, vintage: flags.macroVintage, macroLags: parseMacroLagFlags(flags.macroLag?.map(String)) }, runs);
  const plan: BatchPlan = {
    kind: 'batch',
    strategies: refs,
    data,
    objective: flags.objective,
    minimize: flags.minimize,
    pboBlocks: flags['pbo-blocks'],
    window: calendarWindow(dataset.market.dates, defaults.from, defaults.to),
    trials: { kind: 'list', entries: templates },
  };
  const name = basename(flags.file).replace(/\.[^.]+$/, '');
  const out = resolve(flags.out ?? resolve('rotor-out', `batch-${name}`));
  const context = new TrialContext(plan, strategies, dataset.market, dataset.macro);
  const describe = (trial: number) => {
    const s = trialAt(plan, trial).settings;
    const c = s.costs;
    return { window: `${s.from ?? 'start'} → ${s.to ?? 'end'}`, costs: c ? `${c.commissionBps ?? 0}+${c.slippageBps ?? 0} bps` : '' };
  };
  const result = await runBatchFlags(plan, context, dataset, flags, out, `batch ${name}`, (info) => ({
    'summary.md': batchSummary(
      { title: `Batch: ${name}`, kind: 'batch', objective: plan.objective, minimize: plan.minimize, n: info.n, counts: info.counts, dataset: { dir: data.dir, hash: data.hash, synthetic: dataset.identity.synthetic }, space: [`${info.n} runs from \`${flags.file}\`; windows and costs per run as listed (costs: commission + slippage, bps).`], extra: overfittingSummary(info.overfitting, 'runs') },
      info.rows(),
      (row) => describe(row.trial),
    ),
  }), { curves: Math.min(MAX_CURVES, entries.length), report: { title: name, method: [`${entries.length} runs from \`${flags.file}\`.`], runs: entries.map((_, i) => describe(i)) } });
  const tag = dataset.identity.synthetic ? ' [SYNTHETIC sample data]' : '';
  if (result.status === 'interrupted') {
    console.log(`batch ${name}${tag}: interrupted after ${result.counts.ok + result.counts.failed} of ${result.n} runs; finished ones are kept: rerun with --resume`);
    process.exitCode = 130;
    return;
  }
  console.log(`batch ${name}${tag}: ${result.n} runs (${result.counts.ok} ok, ${result.counts.failed} failed) in ${fixed(result.seconds, 1)} s`);
  if (result.best) console.log(`  best by ${plan.objective}: ${result.best.label} ${fixed(result.best.objective, 3)}`);
  console.log(`  wrote ${out}/ (sweep.json, trials.csv, trials.jsonl, curves.csv, summary.md, report.md${flags.html !== false ? ', report.html' : ''}${flags.keep === 'all' ? ', trials/' : flags.keep === 'best' && result.best ? ', best/' : ''})`);
}
