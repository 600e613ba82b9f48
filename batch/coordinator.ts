import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RotorError } from '../engine/index.ts';
import type { Dataset } from '../datasets/index.ts';
import { checkOutputFolder, curvesCsv, CURVES_FILE, loadSvgCharts, OUTPUT_MARKER, writeFilesAtomic, writeOutputFolder, type TrialCurve } from '../reports/index.ts';
import { runFiles, runRecord, ROTOR_VERSION } from '../runs/index.ts';
import type { OverfittingBlock } from '../reports/index.ts';
import { Ledger } from './ledger.ts';
import { overfittingBlock } from './overfitting.ts';
import { paramColumns, planIdentity, trialCount, type BatchPlan } from './plan.ts';
import { runChunks } from './schedule.ts';
import { better } from './summary.ts';
import { trialsCsvHeader, trialsCsvLine } from './trial-files.ts';
import type { ChunkRunner, TrialEquity } from './runners.ts';
import type { TrialContext, TrialRow } from './trial.ts';

export type Keep = 'best' | 'all' | 'none';

export interface Progress {
  done: number;
  total: number;
  failed: number;
  /** Trials per second since this process started running them. */
  rate: number;
  etaSeconds: number | null;
}

export interface CoordinatorOptions {
  plan: BatchPlan;
  out: string;
  /** The main thread's own context: validates, reruns the best trials in full, runs everything with --workers 0. */
  context: TrialContext;
  dataset: Dataset;
  runner: ChunkRunner;
  keep: Keep;
  resume: boolean;
  /** For sweep.json's timings only. */
  workers: number | string;
  chunkTimeoutMs: number;
  targetChunkMs?: number;
  signal?: AbortSignal;
  onProgress?(p: Progress): void;
  onRetry?(trials: readonly number[], error: Error): void;
  /**
   * How many of the best ok trials are run again, in this thread, for their daily equity (curves.csv, which the
   * reports draw). Deterministic, so the same trials give the same bytes; the best one's run also writes best/.
   */
  curves?: number;
  /** What the reports need beyond the trial rows (title, varied params, heatmap …), kept in sweep.json's `report`. */
  report?: Record<string, unknown>;
  /** Builds summary.md from the finished ledger. */
  finish(info: FinishInfo): Record<string, string>;
}

export interface FinishInfo {
  n: number;
  counts: { ok: number; failed: number };
  /** Every row, in trial order, read from the ledger one at a time. */
  rows(): Iterable<TrialRow>;
  best: TrialRow | null;
  /** N, DSR and PBO of the trials, from the ledger alone (also in sweep.json). */
  overfitting: OverfittingBlock;
}

export interface CoordinatorResult {
  status: 'complete' | 'interrupted';
  n: number;
  counts: { ok: number; failed: number };
  best: TrialRow | null;
  /** The trials' overfitting block, as in sweep.json (complete only). */
  overfitting?: OverfittingBlock;
  /** Trials this process ran (a resume runs only the missing ones). */
  ran: number;
  seconds: number;
  files: string[];
}

const MARKER = 'sweep.json';

/** The `count` best ok trials of the finished ledger, best first (ties as `better` breaks them). */
function bestRows(ledger: Ledger, n: number, minimize: boolean, count: number): TrialRow[] {
  const order = better(minimize);
  const top: TrialRow[] = [];
  for (let i = 0; i < n; i++) {
    const row = ledger.row(i);
    if (row.status !== 'ok') continue;
    if (top.length < count || order(row, top[top.length - 1]) < 0) {
      top.push(row);
      top.sort(order);
      if (top.length > count) top.pop();
    }
  }
  return top;
}

/** The sweep's folder: fresh (replacing an earlier rotor sweep), or the one a resume continues, checked first. */
function prepareFolder(out: string, plan: BatchPlan, resume: boolean): void {
  const { id, parts } = planIdentity(plan, ROTOR_VERSION);
  const meta = join(out, MARKER);
  if (resume) {
    checkOutputFolder(out, { markers: [MARKER] });
    if (!existsSync(meta)) throw new RotorError(`--resume: ${out} holds no sweep to resume (no ${MARKER}); run without --resume`);
    const before = JSON.parse(readFileSync(meta, 'utf8')) as { sweep?: string; identity?: Record<string, string> };
    if (before.sweep !== id) {
      const what = { spec: 'the spec (grid, params, settings or objective)', dataset: 'the dataset', strategy: 'the strategy file', rotor: "rotor's version" } as const;
      const changed = (Object.keys(what) as (keyof typeof what)[]).filter((k) => before.identity?.[k] !== parts[k]).map((k) => what[k]);
      throw new RotorError(`--resume: ${out} holds a different sweep: ${changed.join(', ') || 'its identity'} differ${changed.length === 1 ? 's' : ''} from this one's; run without --resume or use another --out`);
    }
    return;
  }
  freshFolder(out, MARKER);
}

/**
 * Empty `out` for a fresh start, marked as rotor's. Refused: a file, a path under a file, a folder of files rotor did
 * not write (no .rotor-output and no `marker`, the file that marked sweeps before).
 */
export function freshFolder(out: string, marker: string): void {
  checkOutputFolder(out, { markers: [marker] });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, OUTPUT_MARKER), 'This folder was written by rotor; rotor may replace it as a whole.\n');
}

/** Write lines to a file as they come, flushed to disk before it is renamed into place. */
function writeLines(path: string, lines: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    let batch: string[] = [];
    for (const line of lines) {
      batch.push(line);
      if (batch.length >= 1000) {
        writeSync(fd, batch.join('\n') + '\n');
        batch = [];
      }
    }
    if (batch.length) writeSync(fd, batch.join('\n') + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Arrays of numbers on one line: the overfitting block's logits and pairs would otherwise take a line per number. */
const compactNumberArrays = (json: string): string => json.replace(/\[\s*-?\d[\d.eE+-]*(?:,\s*-?\d[\d.eE+-]*)*\s*\]/g, (m) => m.replace(/\s+/g, ''));

function writeJson(path: string, value: unknown): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  writeSync(fd, compactNumberArrays(JSON.stringify(value, null, 2)) + '\n');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, path);
}

/**
 * Run a sweep or a batch into its folder: the ledger first (so a kill loses only trials in flight), then, from the
 * ledger and in trial order, trials.jsonl, trials.csv, the summary and sweep.json, and the best run's folder.
 */
export async function coordinate(o: CoordinatorOptions): Promise<CoordinatorResult> {
  const out = resolve(o.out);
  const { plan } = o;
  const n = trialCount(plan);
  const { id, parts } = planIdentity(plan, ROTOR_VERSION);
  prepareFolder(out, plan, o.resume);
  const started = new Date();
  const t0 = performance.now();
  const meta = (status: string, extra: Record<string, unknown>, timings: Record<string, unknown>) => ({
    sweep: id,
    kind: plan.kind,
    status,
    rotor: ROTOR_VERSION,
    identity: parts,
    strategies: plan.strategies.map((s) => ({ ref: s.ref, builtIn: s.builtIn, sha256: s.sha256 })),
    spec: { objective: plan.objective, minimize: plan.minimize, pboBlocks: plan.pboBlocks, trials: plan.trials },
    dataset: { dir: plan.data.dir, hash: plan.data.hash, vintage: plan.data.vintage, macroLags: plan.data.macroLags, synthetic: o.dataset.identity.synthetic, window: { from: o.dataset.market.dates[plan.window.first], to: o.dataset.market.dates[plan.window.last] } },
    n,
    ...(o.report ? { report: o.report } : {}),
    ...extra,
    timings,
  });
  const running = { workers: o.workers, started: started.toISOString() };
  writeJson(join(out, MARKER), meta('running', {}, running));

  const ledgerPath = join(out, 'trials.jsonl');
  const ledger = Ledger.open(ledgerPath, n);
  const pending: number[] = [];
  for (let i = 0; i < n; i++) if (!ledger.has(i)) pending.push(i);
  let failed = 0;
  let ran = 0;
  for (let i = 0; i < n; i++) if (ledger.has(i) && ledger.row(i).status === 'failed') failed++;
  const report = () => {
    const seconds = (performance.now() - t0) / 1000;
    const rate = seconds > 0 ? ran / seconds : 0;
    o.onProgress?.({ done: ledger.done, total: n, failed, rate, etaSeconds: rate > 0 ? (n - ledger.done) / rate : null });
  };
  report();
  const wanted = o.curves ?? 0;
  // With best/ kept, the best trial's full run (below) gives its curve; the pool draws the others'.
  const skip = o.keep === 'best' ? 1 : 0;
  let complete: boolean;
  let top: TrialRow[] = [];
  /** The curves of top[skip] … top[wanted − 1], drawn on the workers. */
  let pooled: (TrialEquity | undefined)[] | undefined;
  let trialsEnd = 0;
  try {
    complete = await runChunks(o.runner, pending, {
      targetChunkMs: o.targetChunkMs ?? 50,
      chunkTimeoutMs: o.chunkTimeoutMs,
      maxChunk: 1000,
      signal: o.signal,
      onRetry: o.onRetry,
      failedRow: (t, message) => o.context.failedRow(t, message),
      onRows: (rows) => {
        const fresh = ledger.append(rows);
        ran += fresh.length;
        failed += fresh.filter((r) => r.status === 'failed').length;
        report();
      },
    });
    trialsEnd = performance.now();
    if (complete) {
      top = bestRows(ledger, n, plan.minimize, Math.max(1, wanted));
      // The top curves where the trials ran, warm and side by side, before the workers stop; else in this thread.
      if (wanted > skip && o.runner.curves) pooled = await o.runner.curves(top.slice(skip, wanted).map((r) => r.trial)).catch(() => undefined);
    }
  } finally {
    await o.runner.close();
  }
  // The trials' time: not the curves drawn after them, nor the pool's closing.
  const seconds = (trialsEnd - t0) / 1000;
  // maxRSS covers the worker threads too: they live in this process.
  const timings = { ...running, finished: new Date().toISOString(), seconds, trialsRun: ran, trialsPerSecond: seconds > 0 ? ran / seconds : null, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
  const counts = { ok: ledger.done - failed, failed };
  if (!complete) {
    ledger.close();
    writeJson(join(out, MARKER), meta('interrupted', { counts: { ...counts, missing: n - ledger.done } }, timings));
    return { status: 'interrupted', n, counts, best: null, ran, seconds, files: [join(out, MARKER), ledgerPath] };
  }

  // Every trial is in the ledger: everything below is a function of it alone, in trial order.
  const rowsInOrder = function* () {
    for (let i = 0; i < n; i++) yield ledger.row(i);
  };
  const best = top[0] ?? null;
  const params = paramColumns(plan);
  const batch = plan.kind === 'batch';
  // Streamed line by line, so memory does not grow with the number of trials.
  const csvPath = join(out, 'trials.csv');
  writeLines(`${csvPath}.tmp-${process.pid}`, (function* () {
    yield trialsCsvHeader(params, plan.objective, batch);
    for (const row of rowsInOrder()) yield trialsCsvLine(row, params, plan.objective, batch);
  })());
  const sortedTmp = `${ledgerPath}.sorted-${process.pid}`;
  writeLines(sortedTmp, (function* () {
    for (let i = 0; i < n; i++) yield ledger.text(i);
  })());
  const overfitting = overfittingBlock(rowsInOrder(), plan);
  const extraFiles = o.finish({ n, counts, rows: rowsInOrder, best, overfitting });
  ledger.close();

  const files: Record<string, string> = { ...extraFiles };
  const curves: TrialCurve[] = [];
  let bestFiles: Record<string, string> | undefined;
  for (const [k, row] of top.slice(0, Math.max(wanted, skip)).entries()) {
    if (k < skip) {
      // best/ is the best trial's full run, which gives its curve too.
      const { execution, run } = o.context.run(row.trial, true);
      const result = execution?.result;
      if (result && execution.outcome.metrics && run) {
        const record = runRecord(run, result, execution.outcome.metrics, o.dataset, { sweep: { trial: row.trial, trials: n, objective: plan.objective } });
        await loadSvgCharts(); // best/report.md's images
        bestFiles = runFiles(record, result, { market: o.dataset.market });
        if (wanted > 0) curves.push({ trial: row.trial, dates: result.curve.dates, equity: result.curve.equity });
      }
      continue;
    }
    // A curve needs neither metrics nor anything else recorded.
    const curve = pooled?.[k - skip] ?? o.context.curve(row.trial);
    if (curve) curves.push({ trial: row.trial, ...curve });
  }
  if (wanted) files[CURVES_FILE] = curvesCsv(curves);
  // best/ is a run folder, swapped in whole; the summary files beside it are each renamed into place.
  const written = bestFiles ? writeOutputFolder(join(out, 'best'), bestFiles) : (rmSync(join(out, 'best'), { recursive: true, force: true }), []);
  written.push(...writeFilesAtomic(out, files));
  renameSync(`${csvPath}.tmp-${process.pid}`, csvPath);
  // The ledger becomes trials.jsonl in trial order: the same bytes whatever the workers or chunks were.
  renameSync(sortedTmp, ledgerPath);
  writeJson(join(out, MARKER), meta('complete', { counts, best: best ? { trial: best.trial, objective: best.objective, params: best.params, runKey: best.runKey } : null, overfitting }, timings));
  return { status: 'complete', n, counts, best, overfitting, ran, seconds, files: [join(out, MARKER), ledgerPath, csvPath, ...written] };
}
