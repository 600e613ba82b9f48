import { availableParallelism } from 'node:os';
import { RotorError } from '../engine/index.ts';
import { folderReportFiles, loadSvgCharts, writeFilesAtomic } from '../reports/index.ts';
import type { Dataset } from '../datasets/index.ts';
import { coordinate, inProcessRunner, poolRunner, type BatchPlan, type CoordinatorOptions, type CoordinatorResult, type FinishInfo, type Keep, type Progress, type TrialContext } from '../batch/index.ts';
import { queueRunnerFromFlags, type QueueFlags } from './queue-command.ts';

export interface BatchRunFlags extends QueueFlags {
  workers?: number;
  keep: Keep;
  resume: boolean;
  quiet: boolean;
  'chunk-timeout': number;
  /** report.html beside report.md (--no-html skips it). */
  html: boolean;
}

/** `--workers N`: default one per core; 0 runs in this thread without a pool. */
export function workerCount(flag: number | undefined): number {
  if (flag === undefined) return availableParallelism();
  if (!Number.isInteger(flag) || flag < 0) throw new RotorError(`--workers must be a whole number ≥ 0, got ${flag}`);
  return flag;
}

/** On a terminal a progress bar (cli-progress, loaded only then); elsewhere a line every few seconds; nothing with --quiet. */
async function progressReporter(quiet: boolean, label: string, workersSeen?: () => number): Promise<{ update(p: Progress): void; stop(): void }> {
  if (quiet) return { update() {}, stop() {} };
  const workers = () => (workersSeen ? `, ${workersSeen()} workers` : '');
  if (process.stderr.isTTY) {
    const { default: cliProgress } = await import('cli-progress');
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {value}/{total} trials | {rate}/s | ETA {eta_formatted} | failed {failed}{workers}`, stream: process.stderr, hideCursor: true, etaBuffer: 50 },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        const payload = { rate: p.rate.toFixed(0), failed: p.failed, workers: workers().replace(',', ' |') };
        if (!started) {
          bar.start(p.total, p.done, payload);
          started = true;
        } else bar.update(p.done, payload);
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = 0;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 5000 && p.done < p.total) return;
      last = now;
      const eta = p.etaSeconds === null ? '?' : `${Math.ceil(p.etaSeconds)} s`;
      process.stderr.write(`${label}: ${p.done}/${p.total} trials, ${p.rate.toFixed(0)}/s, ETA ${eta}, ${p.failed} failed${workers()}\n`);
    },
    stop() {},
  };
}

/** Run a plan with the flags' workers, progress and resume; Ctrl-C stops cleanly with finished trials kept. */
export async function runBatchFlags(
  plan: BatchPlan,
  context: TrialContext,
  dataset: Dataset,
  flags: BatchRunFlags,
  out: string,
  label: string,
  finish: (info: FinishInfo) => Record<string, string>,
  reporting: Pick<CoordinatorOptions, 'curves' | 'report'> = {},
): Promise<CoordinatorResult> {
  const notice = (line: string) => flags.quiet || process.stderr.write(`\n${label}: ${line}\n`);
  const queue = await queueRunnerFromFlags(flags, plan, dataset, label, notice);
  const workers = queue ? 0 : workerCount(flags.workers);
  const keepAll = flags.keep === 'all' ? { dir: out, identity: dataset.identity } : undefined;
  const runner = queue ??
    (workers === 0
      ? inProcessRunner(context, keepAll)
      : await poolRunner({ plan, market: dataset.market.toTransfer(), macro: dataset.macro, views: context.allViews(), ...(keepAll ? { keepAll } : {}) }, { workers, maxOldGenerationSizeMb: 4096 }));
  if (!(flags['chunk-timeout'] > 0)) throw new RotorError(`--chunk-timeout must be a number of seconds > 0, got ${flags['chunk-timeout']}`);
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once('SIGINT', onSigint);
  process.once('SIGTERM', onSigint);
  const progress = await progressReporter(flags.quiet, label, queue && (() => queue.workersSeen()));
  // ECharts' SVG renderer (report.md's images) loads while workers run the trials, when this thread only waits.
  if (queue || workers > 0) loadSvgCharts().catch(() => {}); // awaited below, where a failure is met
  try {
    const result = await coordinate({
      plan,
      out,
      context,
      dataset,
      runner,
      keep: flags.keep,
      resume: flags.resume,
      workers: queue ? 'queue' : workers,
      chunkTimeoutMs: flags['chunk-timeout'] * 1000,
      signal: abort.signal,
      onProgress: (p) => progress.update(p),
      onRetry: (trials, e) => {
        if (!flags.quiet) process.stderr.write(`\n${label}: a worker failed on trials ${trials[0]}..${trials[trials.length - 1]} (${e.message.split('\n')[0]}); retrying them on a fresh worker\n`);
      },
      finish,
      ...reporting,
    });
    // The reports are built from the folder's files, as `rotor report DIR` builds them, so both give the same bytes.
    if (result.status === 'complete') {
      await loadSvgCharts(); // report.md's images
      result.files.push(...writeFilesAtomic(out, folderReportFiles(out, { html: flags.html !== false })));
    }
    return result;
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}
