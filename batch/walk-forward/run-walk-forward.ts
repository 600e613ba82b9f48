import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_SETTINGS, deflatedSharpe, expectedMaxSharpe, resolveRun, RotorError, type BacktestResult, type ParamValue, type RunSettings, type Strategy } from '../../engine/index.ts';
import { computeMetrics, TRADING_DAYS_PER_YEAR, type Metrics } from '../../engine/metrics/index.ts';
import type { Dataset } from '../../datasets/index.ts';
import { checkOutputFolder, loadSvgCharts, writeFilesAtomic, type OverfittingBlock } from '../../reports/index.ts';
import { canonicalJson, execute, planRun, runError, runFiles, runRecord, ROTOR_VERSION, type DataRef, type Execution, type RunError, type StrategyRef } from '../../runs/index.ts';
import { freshFolder, type CoordinatorResult } from '../coordinator.ts';
import { Ledger } from '../ledger.ts';
import { METRIC_COLUMNS, metricAt } from '../metric-columns.ts';
import { paramColumns, planIdentity, type BatchPlan } from '../plan.ts';
import { pointAt, type TrialSpace } from '../space.ts';
import { paramText } from '../trial-files.ts';
import { TrialContext, type TrialRow } from '../trial.ts';
import type { FoldSpec, WindowBars } from './folds.ts';
import { planFolds, type Fold } from './folds.ts';
import { closeOut } from './close-out.ts';
import { stitchRuns } from './stitch.ts';
import { barOnOrAfter, durationText } from './duration.ts';
import { walkForwardReports } from './report-input.ts';

/** What a walk-forward sweeps and how: a sweep's inputs, and how its windows fold. */
export interface WalkForwardSetup {
  strategy: Strategy;
  ref: StrategyRef;
  dataset: Dataset;
  data: DataRef;
  /** `--param` values, fixed in every trial. */
  base: Readonly<Record<string, unknown>>;
  settings: Partial<RunSettings>;
  space: TrialSpace;
  objective: string;
  minimize: boolean;
  pboBlocks: number;
  folds: FoldSpec;
}

/** One fold's result: what its sweep chose on the train window and what that did on the test window. */
export interface FoldOutcome {
  index: number;
  train: { from: string; to: string; bars: number };
  test: { from: string; to: string; bars: number };
  trials: number;
  failed: number;
  chosen: { trial: number; params: Record<string, ParamValue>; runKey: string };
  inSample: Record<string, number | null>;
  outOfSample: Record<string, number | null>;
  testRunKey: string;
  /** The fold's sweep: N, the chosen trial's deflated Sharpe, PBO over its train window (logits left out). */
  overfitting: OverfittingBlock;
}

export interface WalkForwardResult {
  status: 'complete' | 'interrupted';
  folds: FoldOutcome[];
  /** Every trial of every fold, failed ones included. */
  trials: number;
  /** The stitched out-of-sample run and its metrics (complete only). */
  stitched?: { result: BacktestResult; metrics: Metrics; runKey: string };
  /** Bars after the last test window, in no fold. */
  unusedTail: number;
  /** N over every fold, and the stitched run's Sharpe deflated by it (complete only). */
  overfitting?: WalkForwardOverfitting;
  files: string[];
}

export interface WalkForwardOverfitting {
  n: number;
  failed: number;
  /** Variance of every ok trial's annualised Sharpe, all folds pooled. */
  sharpeVariance: number | null;
  expectedMaxSharpe: number | null;
  /** The stitched out-of-sample Sharpe's PSR against the expected best of N unskilled trials: a conservative bar. */
  oosDeflatedSharpe: number | null;
  /** Median of the folds' PBO. */
  medianPbo: number | null;
  basis: string;
}

export interface WalkForwardHooks {
  out: string;
  resume: boolean;
  /** Write report.html files (the walk-forward's and oos/'s); default true. */
  html?: boolean;
  /** Run one fold's sweep into `dir` (the CLI's workers, progress and Ctrl-C); `resume` continues its ledger. */
  sweep(plan: BatchPlan, context: TrialContext, dir: string, resume: boolean, fold: Fold): Promise<CoordinatorResult>;
}

const MARKER = 'walk-forward.json';

const pctText = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

function overfittingLines(result: WalkForwardResult): string[] {
  const o = result.overfitting!;
  const dsrs = result.folds.map((f) => f.overfitting.dsr).filter((v): v is number => typeof v === 'number');
  return [
    `Selected from N = ${o.n} trials over ${result.folds.length} folds (every trial of every fold; ${o.failed} failed, counted too).`,
    `Per fold, on its train window: the chosen trial's deflated Sharpe ratio (the probability that its Sharpe beats the best of that fold's unskilled trials) and the sweep's PBO (the probability that its in-sample best is below the median out of sample) are in the folds table. Median PBO ${pctText(o.medianPbo)}; ${dsrs.filter((d) => d >= 0.95).length} of ${result.folds.length} folds chose a trial with a deflated Sharpe of 95% or more.`,
    `The stitched run is out of sample: no test bar entered any choice. Held to the bar of the best of all N = ${o.n} trials by luck (expected maximum Sharpe ${o.expectedMaxSharpe === null ? '—' : o.expectedMaxSharpe.toFixed(2)}), its deflated Sharpe ratio is ${pctText(o.oosDeflatedSharpe)}: a conservative check, since the stitched run was not itself picked from them.`,
    o.basis,
  ];
}

/** The ok trials' Sharpe ratios of a finished fold, from its ledger read a row at a time. */
function foldSharpes(dir: string, n: number): number[] {
  const ledger = Ledger.open(join(dir, 'trials.jsonl'), n);
  const out: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const row = ledger.row(i);
      const v = row.metrics.sharpe;
      if (row.status === 'ok' && typeof v === 'number' && Number.isFinite(v)) out.push(v);
    }
    return out;
  } finally {
    ledger.close();
  }
}

function walkForwardOverfitting(folds: readonly FoldOutcome[], sharpes: readonly number[], m: Metrics, days: number): WalkForwardOverfitting {
  const n = folds.reduce((a, f) => a + f.overfitting.n, 0);
  const failed = folds.reduce((a, f) => a + (f.overfitting.failed ?? 0), 0);
  const mean = sharpes.reduce((a, b) => a + b, 0) / sharpes.length;
  const variance = sharpes.length >= 2 ? sharpes.reduce((a, x) => a + (x - mean) ** 2, 0) / (sharpes.length - 1) : null;
  const annual = Math.sqrt(TRADING_DAYS_PER_YEAR);
  let dsr: number | null = null;
  if (variance !== null && typeof m.sharpe === 'number' && typeof m.skew === 'number' && typeof m.kurtosis === 'number' && days >= 2) {
    const d = deflatedSharpe({ sharpe: m.sharpe / annual, observations: days, skew: m.skew, kurtosis: m.kurtosis + 3 }, n, variance / TRADING_DAYS_PER_YEAR);
    dsr = Number.isFinite(d) ? d : null;
  }
  const pbos = folds.map((f) => f.overfitting.pbo).filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  const median = pbos.length ? (pbos[(pbos.length - 1) >> 1] + pbos[pbos.length >> 1]) / 2 : null;
  const emax = variance === null ? null : expectedMaxSharpe(n, variance);
  return {
    n,
    failed,
    sharpeVariance: variance,
    expectedMaxSharpe: emax !== null && Number.isFinite(emax) ? emax : null,
    oosDeflatedSharpe: dsr,
    medianPbo: median,
    basis: `Sharpe ratios annualised × √${TRADING_DAYS_PER_YEAR}; the deflated Sharpe ratios take daily Sharpes (÷ √${TRADING_DAYS_PER_YEAR}), skew and kurtosis of the daily returns, T = their days; the variance pools every ok trial of every fold. PBO by CSCV on each fold's train window cut into blocks (--pbo-blocks). Formulas: METRICS.md.`,
  };
}

/**
 * Where the strategy can run on the data: the bars of its first trial over --from/--to (its symbols' common
 * history). The folds are laid on these, so no fold starts before the strategy can. A failed probe is returned.
 */
export function probeWindow(setup: Omit<WalkForwardSetup, 'folds'>): { window?: WindowBars; error?: RunError } {
  const params = { ...setup.base, ...pointAt(setup.space, 0) };
  let plan;
  try {
    plan = planRun(resolveRun(setup.strategy, params, setup.settings), setup.ref, setup.data);
  } catch (e) {
    return { error: runError(e) };
  }
  const { outcome } = execute(plan, setup.dataset);
  if (outcome.status === 'failed') return { error: outcome.error };
  return { window: { first: outcome.firstBar, last: outcome.firstBar + outcome.returns.length } };
}

export function foldDir(out: string, fold: Fold, folds: number): string {
  return join(out, 'folds', String(fold.index).padStart(Math.max(2, String(folds).length), '0'));
}

function foldPlan(setup: WalkForwardSetup, fold: Fold): BatchPlan {
  const dates = setup.dataset.market.dates;
  return {
    kind: 'sweep',
    strategies: [setup.ref],
    data: setup.data,
    objective: setup.objective,
    minimize: setup.minimize,
    pboBlocks: setup.pboBlocks,
    window: fold.train,
    trials: { kind: 'space', template: { strategy: 0, params: setup.base, settings: { ...setup.settings, from: dates[fold.train.first], to: dates[fold.train.last] } }, space: setup.space },
  };
}

function identity(setup: WalkForwardSetup, folds: readonly Fold[]) {
  const parts = {
    folds: canonicalJson({ spec: setup.folds, folds }),
    sweeps: folds.map((f) => planIdentity(foldPlan(setup, f), ROTOR_VERSION).id).join(','),
  };
  return { id: createHash('sha256').update(canonicalJson(parts)).digest('hex').slice(0, 32), parts };
}

/** The walk-forward's folder: fresh (replacing an earlier walk-forward), or the one a resume continues, checked. */
function prepareFolder(out: string, id: string, resume: boolean): void {
  const meta = join(out, MARKER);
  if (resume) {
    checkOutputFolder(out, { markers: [MARKER] });
    if (!existsSync(meta)) throw new RotorError(`--resume: ${out} holds no walk-forward to resume (no ${MARKER}); run without --resume`);
    const before = JSON.parse(readFileSync(meta, 'utf8')) as { walkForward?: string };
    if (before.walkForward !== id) throw new RotorError(`--resume: ${out} holds a different walk-forward (its folds, grid, params, settings, objective, data, strategy or rotor version differ); run without --resume or use another --out`);
    return;
  }
  freshFolder(out, MARKER);
}

function metricRow(m: Metrics | undefined): Record<string, number | null> {
  return Object.fromEntries(METRIC_COLUMNS.map((p) => [p, metricAt(m, p)]));
}

function testRun(setup: WalkForwardSetup, fold: Fold, best: TrialRow, cash: number): { execution: Execution; key: string } {
  const dates = setup.dataset.market.dates;
  const settings = { ...setup.settings, from: dates[fold.test.first], to: dates[fold.test.last], initialCash: cash };
  let plan;
  try {
    plan = planRun(resolveRun(setup.strategy, best.params, settings), setup.ref, setup.data);
  } catch (e) {
    throw new RotorError(`fold ${fold.index}: the chosen params do not run on the test window ${dates[fold.test.first]} .. ${dates[fold.test.last]}: ${(e as Error).message}`);
  }
  const execution = execute(plan, setup.dataset, { full: true });
  if (execution.outcome.status === 'failed' || !execution.result) {
    throw new RotorError(`fold ${fold.index}: trial ${best.trial}'s params failed on the test window ${dates[fold.test.first]} .. ${dates[fold.test.last]}: ${execution.outcome.error?.message ?? 'no result'}`);
  }
  return { execution, key: plan.key };
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const num = (v: number | null) => (v === null ? '' : String(v));

export function foldsCsv(folds: readonly FoldOutcome[], params: readonly string[], objective: string): string {
  const head = ['fold', 'train_from', 'train_to', 'test_from', 'test_to', 'trials', 'failed', 'chosen_trial', ...params, `is_${objective}`, `oos_${objective}`, 'is_totalReturn', 'oos_totalReturn', 'oos_maxDrawdown', 'is_dsr', 'pbo'];
  const lines = folds.map((f) =>
    [String(f.index), f.train.from, f.train.to, f.test.from, f.test.to, String(f.trials), String(f.failed), String(f.chosen.trial), ...params.map((p) => paramText(f.chosen.params[p])), num(f.inSample[objective]), num(f.outOfSample[objective]), num(f.inSample.totalReturn), num(f.outOfSample.totalReturn), num(f.outOfSample['maxDrawdown.depth']), num(f.overfitting.dsr ?? null), num(f.overfitting.pbo ?? null)].map(csvCell).join(','),
  );
  return [head.map(csvCell).join(','), ...lines].join('\n') + '\n';
}

/**
 * Walk forward: for each fold, sweep its train window (a sweep folder under folds/NN/, resumable), take the best
 * trial by the objective, run it on the test window (earlier bars readable as history; nothing of the test window
 * reaches the choice), starting with the cash the previous test window had once its positions were sold. Then stitch the test runs into
 * one out-of-sample run (oos/), and write folds.csv, walk-forward.json and whatever `reports` adds.
 */
export async function runWalkForward(setup: WalkForwardSetup, window: WindowBars, hooks: WalkForwardHooks): Promise<WalkForwardResult> {
  const out = resolve(hooks.out);
  const dates = setup.dataset.market.dates;
  // Calendar lengths count from --from when the strategy can start there (2y from 2010-01-01, not from the 4th).
  const from = setup.settings.from;
  const origin = from && from <= dates[window.first] && barOnOrAfter(dates, from) === window.first ? from : dates[window.first];
  const { folds, unusedTail } = planFolds(dates, window, setup.folds, origin);
  const { id, parts } = identity(setup, folds);
  prepareFolder(out, id, hooks.resume);
  const started = new Date();
  const span = (w: WindowBars) => ({ from: dates[w.first], to: dates[w.last], bars: w.last - w.first + 1 });
  const params = paramColumns(foldPlan(setup, folds[0]));
  const meta = (status: string, outcomes: FoldOutcome[], extra: Record<string, unknown> = {}) => ({
    walkForward: id,
    status,
    rotor: ROTOR_VERSION,
    identity: parts,
    strategy: { ref: setup.ref.ref, builtIn: setup.ref.builtIn, sha256: setup.ref.sha256 },
    spec: {
      train: durationText(setup.folds.train),
      test: durationText(setup.folds.test),
      step: durationText(setup.folds.step ?? setup.folds.test),
      anchored: setup.folds.anchored,
      objective: setup.objective,
      minimize: setup.minimize,
      pboBlocks: setup.pboBlocks,
      space: setup.space,
      params: setup.base,
    },
    dataset: { dir: setup.data.dir, hash: setup.data.hash, synthetic: setup.dataset.identity.synthetic, window: span(window), unusedTail },
    folds: folds.map((f) => ({ index: f.index, train: span(f.train), test: span(f.test) })),
    outcomes,
    ...extra,
  });
  writeFilesAtomic(out, { [MARKER]: JSON.stringify(meta('running', []), null, 2) + '\n' });

  const outcomes: FoldOutcome[] = [];
  const runs: { index: number; result: BacktestResult }[] = [];
  let cash = setup.settings.initialCash ?? DEFAULT_SETTINGS.initialCash;
  let trials = 0;
  const sharpes: number[] = [];
  for (const fold of folds) {
    const plan = foldPlan(setup, fold);
    const dir = foldDir(out, fold, folds.length);
    const context = new TrialContext(plan, [setup.strategy], setup.dataset.market, setup.dataset.macro);
    const swept = await hooks.sweep(plan, context, dir, hooks.resume && existsSync(join(dir, 'sweep.json')), fold);
    if (swept.status === 'interrupted') {
      writeFilesAtomic(out, { [MARKER]: JSON.stringify(meta('interrupted', outcomes, { interruptedIn: fold.index }), null, 2) + '\n' });
      return { status: 'interrupted', folds: outcomes, trials: trials + swept.n, unusedTail, files: [join(out, MARKER)] };
    }
    trials += swept.n;
    if (!swept.best) throw new RotorError(`fold ${fold.index} (train ${dates[fold.train.first]} .. ${dates[fold.train.last]}): no trial has a value of --objective ${setup.objective} (${swept.counts.failed} of ${swept.n} failed); see ${join(dir, 'summary.md')}`);
    // The sweep's own block (sweep.json), without its per-split arrays: walk-forward.json keeps the figures.
    const { logits: _l, isOos: _p, ...overfitting } = swept.overfitting!;
    sharpes.push(...foldSharpes(dir, swept.n));
    const { execution, key } = testRun(setup, fold, swept.best, cash);
    // Between windows the positions are sold (and paid for); the last window ends holding them, as any run does.
    const result = fold === folds[folds.length - 1] ? execution.result! : closeOut(execution.result!, fold.test.last);
    cash = result.curve.equity[result.curve.equity.length - 1];
    runs.push({ index: fold.index, result });
    outcomes.push({
      index: fold.index,
      train: span(fold.train),
      test: span(fold.test),
      trials: swept.n,
      failed: swept.counts.failed,
      chosen: { trial: swept.best.trial, params: swept.best.params, runKey: swept.best.runKey },
      inSample: { ...metricRow(undefined), ...swept.best.metrics, [setup.objective]: swept.best.objective },
      outOfSample: { ...metricRow(execution.outcome.metrics), [setup.objective]: metricAt(execution.outcome.metrics, setup.objective) },
      testRunKey: key,
      overfitting,
    });
  }

  const chosen = Object.fromEntries(outcomes.map((o) => [`fold ${o.index} (${o.test.from} .. ${o.test.to})`, params.map((p) => `${p}=${paramText(o.chosen.params[p])}`).join(', ') || 'defaults']));
  const stitched = stitchRuns(runs, chosen);
  stitched.notes.unshift({ kind: 'info', message: `walk-forward: ${folds.length} test windows stitched; rules with memory (streaks, state, open positions) restart at each test window, which starts in cash: the previous window's positions are sold at its last close, at the run's costs` });
  const metrics = computeMetrics({ curve: stitched.curve, trades: stitched.trades, riskFree: stitched.settings.riskFree, benchmark: stitched.benchmark, benchmarks: stitched.benchmarks, riskFreeDaily: stitched.riskFreeDaily });
  const runKey = createHash('sha256').update(outcomes.map((o) => o.testRunKey).join(',')).digest('hex');
  // The record names the strategy and data as the test runs did; its key covers all of them.
  const lastPlan = planRun(resolveRun(setup.strategy, outcomes[outcomes.length - 1].chosen.params, { ...setup.settings }), setup.ref, setup.data);
  const record = { ...runRecord(lastPlan, stitched, metrics, setup.dataset), runKey };
  const result: WalkForwardResult = { status: 'complete', folds: outcomes, trials, stitched: { result: stitched, metrics, runKey }, unusedTail, overfitting: walkForwardOverfitting(outcomes, sharpes, metrics, stitched.curve.dates.length - 1), files: [] };
  const files: Record<string, string> = {};
  await loadSvgCharts(); // oos/report.md's images
  for (const [name, text] of Object.entries(runFiles(record, stitched, { market: setup.dataset.market, html: hooks.html !== false }))) files[`oos/${name}`] = text;
  files['folds.csv'] = foldsCsv(outcomes, params, setup.objective);
  const reports = walkForwardReports(result, setup, params, overfittingLines(result));
  if (hooks.html === false) delete reports['report.html'];
  Object.assign(files, reports);
  const finished = new Date();
  files[MARKER] =
    JSON.stringify(
      meta('complete', outcomes, {
        trials,
        overfitting: result.overfitting,
        stitched: { runKey, from: stitched.curve.dates[0], to: stitched.curve.dates[stitched.curve.dates.length - 1], bars: stitched.curve.dates.length, metrics: metricRow(metrics) },
        timings: { started: started.toISOString(), finished: finished.toISOString(), seconds: (finished.getTime() - started.getTime()) / 1000 },
      }),
      null,
      2,
    ) + '\n';
  rmSync(join(out, 'oos'), { recursive: true, force: true });
  result.files = writeFilesAtomic(out, files);
  return result;
}
