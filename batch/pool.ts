import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ChunkRunner, WorkerInit } from './runners.ts';
import type { TrialRow } from './trial.ts';

/** The worker module beside this one: built JavaScript when rotor runs built, else the entry that loads tsx first. */
function workerFile(): string {
  const js = fileURLToPath(new URL('./worker.js', import.meta.url));
  return existsSync(js) ? js : fileURLToPath(new URL('./worker-entry.js', import.meta.url));
}

export interface PoolOptions {
  workers: number;
  /** Heap limit per worker, so a runaway trial fails its chunk instead of the machine. */
  maxOldGenerationSizeMb?: number;
}

/**
 * A piscina pool whose workers each get the plan and the data once (the market's SharedArrayBuffer is shared, not
 * copied) and then take chunks of trial indices. A worker that dies rejects its chunk and is replaced.
 */
export function poolRunner(init: WorkerInit, options: PoolOptions): ChunkRunner {
  const pool = new Piscina({
    filename: workerFile(),
    workerData: init,
    minThreads: options.workers,
    maxThreads: options.workers,
    idleTimeout: 60_000,
    ...(options.maxOldGenerationSizeMb ? { resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb } } : {}),
  });
  // A worker that fails to start or dies outside a task is reported through its tasks; never crash the process.
  pool.on('error', () => {});
  return {
    slots: options.workers,
    run: (trials, signal) => pool.run({ trials: [...trials] }, { signal }) as Promise<TrialRow[]>,
    close: () => pool.destroy(),
  };
}
