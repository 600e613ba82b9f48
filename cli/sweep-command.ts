import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { FieldError, RotorError, resolveRun, type ResolvedRun, type RunSettings, type Strategy } from '../engine/index.ts';
import { parseMacroLagFlags, type Dataset } from '../datasets/index.ts';
import { buildSpace, objectivePaths, overfittingSummary, paramColumns, pointAt, spaceSize, sweepSummary, TrialContext, type BatchPlan, type TrialSpace } from '../batch/index.ts';
import { checkHeatmap, fixed } from '../reports/index.ts';
import { loadRunData, loadStrategyRef, type DataRef, type StrategyRef } from '../runs/index.ts';
import { asFlagError, type FlagSources } from './field-flags.ts';
import { parseParamFlags } from './run-job.ts';
import { runBatchFlags, type BatchRunFlags } from './batch-run.ts';
import { withQueueFlags } from './queue-command.ts';
import { settingsFromFlags, withMacroFlags, withRunFlags, type MacroFlags, type RunFlags } from './settings-flags.ts';

/** Flags every command that runs many backtests shares: workers, objective, what to keep, resume, progress. */
export function withBatchFlags<T>(y: Argv<T>) {
  return withQueueFlags(y)
    .option('workers', { type: 'number', describe: 'worker threads (default: one per core; 0 = in this thread, for debugging)' })
    .option('objective', { type: 'string', default: 'sharpe', describe: 'metric of metrics.json that ranks the trials, e.g. sharpe, cagr, maxDrawdown.depth' })
    .option('minimize', { type: 'boolean', default: false, describe: 'lower objective is better (e.g. volatility)' })
    .option('keep', { choices: ['best', 'all', 'none'] as const, default: 'best' as const, describe: "best: the best trial's run folder; all: every trial's; none: trial rows only" })
    .option('resume', { type: 'boolean', default: false, describe: 'run only the trials missing from --out (same spec, data, strategy and rotor version)' })
    .option('pbo-blocks', { type: 'number', default: 16, describe: 'blocks of the calendar for the overfitting statistics (even)' })
    .option('chunk-timeout', { type: 'number', default: 300, describe: 'seconds before a chunk of trials that gives no answer is retried' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress output' })
    .option('html', { type: 'boolean', default: true, describe: 'write report.html beside report.md (--no-html skips it)' });
}

/** The top trials whose daily equity the sweep report draws (rerun once each at the end). */
export const TOP_CURVES = 5;

export function sweepOptions<T>(y: Argv<T>) {
  return withBatchFlags(withMacroFlags(withRunFlags(y)))
    .positional('strategy', { type: 'string', demandOption: true, describe: 'a built-in name or a path to a .ts strategy file' })
    .option('grid', { type: 'string', array: true, describe: 'NAME=SPEC: 3..7, 0.005..0.02:0.005 or a,b,c (repeatable; the last varies fastest)' })
    .option('random', { type: 'number', describe: 'draw N points (seeded) from the --grid ranges or the declared ranges of numeric params' })
    .option('seed', { type: 'number', default: 1, describe: 'seed of --random' })
    .option('heatmap', { type: 'string', describe: 'A,B: the two varied params the report maps the objective over (default: the first two)' })
    .option('out', { type: 'string', describe: 'output folder (default: rotor-out/sweep-<strategy>)' });
}

export type SweepFlags = RunFlags & MacroFlags & BatchRunFlags & { strategy: string; grid?: string[]; random?: number; seed: number; heatmap?: string; out?: string; objective: string; minimize: boolean; 'pbo-blocks': number };

export function parseGridFlags(flags: readonly string[] = []): { name: string; text: string }[] {
  return flags.map((flag) => {
    const eq = String(flag).indexOf('=');
    if (eq <= 0) throw new RotorError(`--grid ${flag}: expected NAME=SPEC, e.g. days=3..7, minGain=0.005..0.02:0.005 or newStreak=extend,ignore`);
    return { name: String(flag).slice(0, eq).trim(), text: String(flag).slice(eq + 1).trim() };
  });
}

export function checkObjective(objective: string): void {
  const paths = objectivePaths();
  if (!paths.includes(objective)) {
    const near = paths.filter((p) => p.toLowerCase().includes(objective.toLowerCase().split('.').pop() ?? '')).slice(0, 6);
    throw new RotorError(`--objective ${objective} is not a metric of metrics.json${near.length ? `; did you mean ${near.join(', ')}?` : ''} (e.g. sharpe, cagr, sortino, calmar, maxDrawdown.depth)`);
  }
}

export function checkPboBlocks(s: number): void {
  if (!Number.isInteger(s) || s < 2 || s % 2 !== 0 || s > 24) throw new RotorError(`--pbo-blocks must be an even whole number from 2 to 24, got ${s}`);
}

/** Market bars between --from and --to (the whole calendar without them): what the overfitting blocks split. */
export function calendarWindow(dates: readonly string[], from?: string, to?: string): { first: number; last: number } {
  let first = 0;
  while (first < dates.length && from && dates[first] < from) first++;
  let last = dates.length - 1;
  while (last > 0 && to && dates[last] > to) last--;
  return { first, last: Math.max(first, last) };
}

/** Every distinct run a space can ask for, so the data for all of them is loaded once (all points when few). */
function representativeRuns(strategy: Parameters<typeof resolveRun>[0], base: Record<string, unknown>, settings: ReturnType<typeof settingsFromFlags>, space: TrialSpace, sources: FlagSources): ResolvedRun[] {
  const resolveOne = (params: Record<string, unknown>) => {
    try {
      return resolveRun(strategy, params, settings);
    } catch (e) {
      throw asFlagError(e, sources);
    }
  };
  const n = spaceSize(space);
  if (n <= 50_000) return Array.from({ length: n }, (_, i) => resolveOne({ ...base, ...pointAt(space, i) }));
  const runs = [resolveOne({ ...base, ...pointAt(space, 0) })];
  if (space.kind === 'grid') for (const axis of space.axes) for (const v of axis.values) runs.push(resolveOne({ ...base, ...pointAt(space, 0), [axis.name]: v }));
  return runs;
}

/** What a sweep's flags resolve to before anything runs: the strategy, the space, the data and the plan's parts. */
export interface SweepInputs {
  strategy: Strategy;
  ref: StrategyRef;
  space: TrialSpace;
  /** `--param` values, fixed in every trial. */
  base: Record<string, string>;
  settings: Partial<RunSettings>;
  sources: FlagSources;
  dataset: Dataset;
  data: DataRef;
  /** Markdown lines that describe the space, for summaries and reports. */
  spaceLines: string[];
  /** What the sweep report needs beyond the trial rows (sweep.json's `report`). */
  report: { title: string; params: string[]; heatmap?: [string, string]; method: string[] };
}

/** Check a sweep's flags, load its strategy and the data every trial reads (walk-forward sweeps the same way). */
export async function sweepInputs(flags: SweepFlags): Promise<SweepInputs> {
  const grid = parseGridFlags(flags.grid?.map(String));
  const sources: FlagSources = { grid: new Set(grid.map((g) => g.name)), random: flags.random !== undefined };
  const base = parseParamFlags(flags.param?.map(String));
  const settings = settingsFromFlags(flags);
  checkObjective(flags.objective);
  checkPboBlocks(flags['pbo-blocks']);
  if (flags.random !== undefined && !(Number.isInteger(flags.random) && flags.random > 0)) throw new RotorError(`--random must be a whole number > 0, got ${flags.random}`);
  if (!Number.isInteger(flags.seed)) throw new RotorError(`--seed must be a whole number, got ${flags.seed}`);

  const { strategy, ref } = await loadStrategyRef(flags.strategy);
  let space: TrialSpace;
  try {
    space = buildSpace(strategy.name, strategy.params ?? {}, { grid, random: flags.random === undefined ? undefined : { n: flags.random, seed: flags.seed }, fixed: new Set(Object.keys(base)) });
  } catch (e) {
    throw e instanceof FieldError ? asFlagError(e, sources) : e;
  }
  const varied = space.axes.map((a) => a.name);
  const heatmap = flags.heatmap === undefined ? undefined : checkHeatmap(String(flags.heatmap).split(',').map((p) => p.trim()), varied);
  const runs = representativeRuns(strategy, base, settings, space, sources);
  const { dataset, data } = loadRunData({ dir: flags.data, vintage: flags.macroVintage, macroLags: parseMacroLagFlags(flags.macroLag?.map(String)) }, runs);
  const spaceLines =
    space.kind === 'grid'
      ? [`Grid (trial i counts through the grid with the last --grid varying fastest): ${space.axes.map((a) => `\`${a.name}\` = ${a.values.map(String).join(', ')}`).join('; ') || 'no param varied (one trial)'}.`]
      : [`Random: ${space.n} points drawn with seed ${space.seed} (point i depends only on the seed and i) over ${space.axes.map((a) => (a.kind === 'list' ? `\`${a.name}\` ∈ {${a.values.join(', ')}}` : `\`${a.name}\` ∈ [${a.min}, ${a.max}]`)).join(', ')}.`];
  if (Object.keys(base).length) spaceLines.push(`Fixed: ${Object.entries(base).map(([k, v]) => `\`${k}\` = ${v}`).join(', ')}.`);
  const report = { title: strategy.name, params: varied, ...(heatmap ? { heatmap } : {}), method: spaceLines };
  return { strategy, ref, space, base, settings, sources, dataset, data, spaceLines, report };
}

export async function sweepCommand(args: unknown): Promise<void> {
  const flags = args as SweepFlags;
  const { strategy, ref, space, base, settings, dataset, data, spaceLines, report } = await sweepInputs(flags);
  const plan: BatchPlan = {
    kind: 'sweep',
    strategies: [ref],
    data,
    objective: flags.objective,
    minimize: flags.minimize,
    pboBlocks: flags['pbo-blocks'],
    window: calendarWindow(dataset.market.dates, settings.from, settings.to),
    trials: { kind: 'space', template: { strategy: 0, params: base, settings }, space },
  };
  const out = resolve(flags.out ?? resolve('rotor-out', `sweep-${strategy.name}`));
  const context = new TrialContext(plan, [strategy], dataset.market, dataset.macro);
  const params = paramColumns(plan);
  const result = await runBatchFlags(plan, context, dataset, flags, out, `sweep ${strategy.name}`, (info) => ({
    'summary.md': sweepSummary(
      { title: `Sweep: ${strategy.name}`, kind: 'sweep', objective: plan.objective, minimize: plan.minimize, n: info.n, counts: info.counts, dataset: { dir: data.dir, hash: data.hash, synthetic: dataset.identity.synthetic }, space: spaceLines, extra: overfittingSummary(info.overfitting) },
      info.rows(),
      params,
    ),
  }), { curves: TOP_CURVES, report });
  const tag = dataset.identity.synthetic ? ' [SYNTHETIC sample data]' : '';
  if (result.status === 'interrupted') {
    console.log(`sweep ${strategy.name}${tag}: interrupted after ${result.counts.ok + result.counts.failed} of ${result.n} trials; finished ones are kept: rerun with --resume`);
    process.exitCode = 130;
    return;
  }
  console.log(`sweep ${strategy.name}${tag}: ${result.n} trials (${result.counts.ok} ok, ${result.counts.failed} failed), ${result.ran} run now in ${fixed(result.seconds, 1)} s`);
  if (result.best) {
    console.log(`  best: trial ${result.best.trial} (${params.map((p) => `${p}=${String(result.best!.params[p])}`).join(' ')}) ${plan.objective} ${fixed(result.best.objective, 3)}`);
  }
  console.log(`  wrote ${out}/ (sweep.json, trials.csv, trials.jsonl, curves.csv, summary.md, report.md${flags.html !== false ? ', report.html' : ''}${flags.keep === 'best' && result.best ? ', best/' : flags.keep === 'all' ? ', trials/' : ''})`);
}
