import { join } from 'node:path';
import { RotorError, type MacroSeries, type MarketDataTransfer, type PriceView, type Strategy } from '../engine/index.ts';
import type { DatasetIdentity } from '../datasets/index.ts';
import { writeOutputFolder } from '../reports/index.ts';
import { runFiles, runRecord, strategySourceHash, type StrategyRef } from '../runs/index.ts';
import { loadStrategy, localImports } from '../strategies/index.ts';
import { trialCount, type BatchPlan } from './plan.ts';
import type { ScheduleOptions } from './schedule.ts';
import type { TrialContext, TrialRow } from './trial.ts';

/** Runs chunks of trials somewhere: in this thread, on a pool of worker threads, or through a queue. */
export interface ChunkRunner {
  /** How many chunks it can usefully run at once. */
  readonly slots: number;
  run(trials: readonly number[], signal: AbortSignal): Promise<TrialRow[]>;
  /**
   * Run all the pending trials its own way instead of the adaptive chunks of runChunks (a queue chunks them for its
   * workers); the contract is runChunks': rows to onRows, false when stopped by the signal.
   */
  schedule?(pending: readonly number[], options: ScheduleOptions): Promise<boolean>;
  /** The equity curves of these trials, computed where the trials ran (warm, and in parallel); absent: this thread. */
  curves?(trials: readonly number[]): Promise<(TrialEquity | undefined)[]>;
  close(): Promise<void>;
}

/** A trial's daily equity, as a report draws it (see TrialContext.curve). */
export interface TrialEquity {
  dates: string[];
  equity: Float64Array;
}

/** With `--keep all`, each trial's full run folder is written where it runs, under `trials/NNNN/`. */
export interface KeepAll {
  dir: string;
  identity: DatasetIdentity;
}

/** Everything a worker gets once, when it starts: never per task. */
export interface WorkerInit {
  plan: BatchPlan;
  market: MarketDataTransfer;
  macro: readonly MacroSeries[];
  /** Price views over shared memory, built once in the main thread. */
  views: readonly PriceView[];
  keepAll?: KeepAll;
}

export function trialFolder(dir: string, trial: number, trials: number): string {
  return join(dir, 'trials', String(trial).padStart(String(Math.max(0, trials - 1)).length, '0'));
}

/** Run trials in order, in this thread. The one place a trial runs, whichever runner asked. */
export function runTrials(ctx: TrialContext, trials: readonly number[], keepAll?: KeepAll): TrialRow[] {
  return trials.map((i) => {
    if (!keepAll) return ctx.run(i).row;
    const { row, execution, run } = ctx.run(i, true);
    if (execution?.result && execution.outcome.metrics && run) {
      const dataset = { market: ctx.market, macro: [...ctx.macro], identity: keepAll.identity, cache: [] };
      const record = runRecord(run, execution.result, execution.outcome.metrics, dataset, { sweep: { trial: i, trials: trialCount(ctx.plan), objective: ctx.plan.objective } });
      writeOutputFolder(trialFolder(keepAll.dir, i, trialCount(ctx.plan)), runFiles(record, execution.result, { html: false, images: false, market: ctx.market }));
    }
    return row;
  });
}

/** `--workers 0`: no pool, for debugging; the same trials, the same rows. */
export function inProcessRunner(ctx: TrialContext, keepAll?: KeepAll): ChunkRunner {
  return {
    slots: 1,
    run: async (trials, signal) => {
      signal.throwIfAborted();
      return runTrials(ctx, trials, keepAll);
    },
    close: async () => {},
  };
}

/** Load a plan's strategy modules, refusing any whose source is not the one the plan was made from. */
export async function loadPlanStrategies(refs: readonly StrategyRef[]): Promise<Strategy[]> {
  return Promise.all(
    refs.map(async (ref) => {
      const strategy = await loadStrategy(ref.path);
      const sha = strategySourceHash(ref.path, localImports(ref.path) ?? []);
      if (sha !== ref.sha256) throw new RotorError(`strategy ${ref.ref}: ${ref.path} (or a file it imports) changed since the sweep was planned (sha256 ${sha.slice(0, 12)}, expected ${ref.sha256.slice(0, 12)})`);
      return strategy;
    }),
  );
}
