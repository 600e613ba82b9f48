import type { ChunkRunner } from './runners.ts';
import type { TrialRow } from './trial.ts';

export interface ScheduleOptions {
  /** Each chunk is sized to take about this long, from the time per trial seen so far. */
  targetChunkMs: number;
  /** A chunk still running after this long is abandoned (its worker stopped) and retried. */
  chunkTimeoutMs: number;
  /** Largest chunk, whatever the timing says: also bounds what a retry repeats. */
  maxChunk: number;
  signal?: AbortSignal;
  /** Called with every finished chunk, in completion order, before the next one is counted. */
  onRows(rows: TrialRow[]): void;
  /** Called when a chunk failed once and is tried again on a fresh worker. */
  onRetry?(trials: readonly number[], error: Error): void;
  /** The row recorded for a trial whose chunk failed twice. */
  failedRow(trial: number, message: string): TrialRow;
}

/**
 * Run the given trials on a runner, a few chunks per slot in flight. A chunk whose worker dies, throws or hangs is
 * retried once (piscina replaces the worker); if it fails again its trials are recorded as failed and the rest go on.
 * Returns false when stopped by the signal; finished chunks have been handed to onRows by then.
 */
export async function runChunks(
  runner: ChunkRunner,
  pending: readonly number[],
  options: ScheduleOptions,
): Promise<boolean> {
  if (runner.schedule) return runner.schedule(pending, options);
  let next = 0;
  let size = Math.max(1, Math.min(8, Math.ceil(pending.length / (runner.slots * 4))));
  const stopped = () => options.signal?.aborted === true;

  const attempt = async (trials: readonly number[]): Promise<TrialRow[]> => {
    const timeout = AbortSignal.timeout(options.chunkTimeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      return await runner.run(trials, signal);
    } catch (e) {
      if (timeout.aborted && !stopped()) throw new Error(`no answer within ${Math.round(options.chunkTimeoutMs / 1000)} s (chunk timeout)`);
      throw e;
    }
  };

  const lane = async (): Promise<void> => {
    while (!stopped() && next < pending.length) {
      const trials = pending.slice(next, next + size);
      next += trials.length;
      const started = performance.now();
      let rows: TrialRow[];
      try {
        rows = await attempt(trials);
      } catch (first) {
        if (stopped()) return;
        options.onRetry?.(trials, first as Error);
        try {
          rows = await attempt(trials);
        } catch (second) {
          if (stopped()) return;
          const why = `the worker running this trial's chunk failed twice: ${(second as Error).message.split('\n')[0]}`;
          rows = trials.map((t) => options.failedRow(t, why));
        }
      }
      const perTrial = (performance.now() - started) / trials.length;
      size = Math.max(1, Math.min(options.maxChunk, Math.round(options.targetChunkMs / Math.max(perTrial, 1e-3))));
      options.onRows(rows);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, runner.slots * 2) }, lane));
  return !stopped();
}
