import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROTOR_ROOT } from '../datasets/index.ts';
import type { ChunkRunner, TrialEquity, WorkerInit } from './runners.ts';
import type { TrialRow } from './trial.ts';

/** The built worker when rotor runs built (dist/), else the source entry that loads tsx first. */
function workerFile(): string {
  const built = join(ROTOR_ROOT, 'dist', 'batch', 'worker.js');
  const fromDist = fileURLToPath(import.meta.url).startsWith(join(ROTOR_ROOT, 'dist'));
  return fromDist && existsSync(built) ? built : join(ROTOR_ROOT, 'batch', 'worker-entry.js');
}

export interface PoolOptions {
  workers: number;
  /** Heap limit per worker, so a runaway trial fails its chunk instead of the machine. */
  maxOldGenerationSizeMb?: number;
}

/**
 * A piscina pool whose workers each get the plan and the data once (the market's SharedArrayBuffer is shared, not
 * copied) and then take chunks of trial indices. A worker that dies rejects its chunk and is replaced. Piscina is
 * loaded here, when a pool starts, not when the CLI does.
 */
export async function poolRunner(init: WorkerInit, options: PoolOptions): Promise<ChunkRunner> {
  const { Piscina } = await import('piscina');
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
    // One task per curve, so that every worker takes a share.
    curves: (trials) => Promise.all(trials.map((t) => pool.run({ trials: [t], curves: true }).then((c: (TrialEquity | undefined)[]) => c[0]))),
    close: () => pool.destroy(),
  };
}
