import { hostname } from 'node:os';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import { RotorError } from '../engine/index.ts';
import { loadPlanStrategies, poolRunner, runChunks, TrialContext, type ChunkRunner, type TrialRow } from '../batch/index.ts';
import { ROTOR_VERSION } from '../runs/index.ts';
import { fetchDataset, localPlan } from './inputs.ts';
import { chunkTrials, keys, PREFIX, QUEUE_NAME } from './keys.ts';
import { checkNoEviction, connect, goneError, redisFailure, type QueueAddress } from './redis.ts';
import { verify } from './secret.ts';
import { chunkMessage, readManifest, storeRows, type ChunkJob, type SweepManifest } from './store.ts';

export interface WorkerOptions {
  address: QueueAddress;
  secret: Buffer;
  retrySeconds: number;
  /** Threads of the local pool. */
  threads: number;
  /** Where fetched datasets and strategy files are kept between chunks and runs. */
  cacheDir: string;
  /** How long a chunk stays with a worker that stopped answering before another takes it. */
  lockSeconds: number;
  chunkTimeoutMs: number;
  log(line: string): void;
  signal?: AbortSignal;
}

/** One sweep set up on this worker: its plan with local paths, its data, and a pool whose threads hold them. */
interface SweepRuntime {
  manifest: SweepManifest;
  context: TrialContext;
  pool: ChunkRunner;
  active: number;
}

/** Why a worker does not run a sweep: `retry` leaves its chunks to other workers; `fail` fails them (forged or unrunnable). */
type Refusal = { refuse: 'retry' | 'fail'; why: string };

/**
 * Take chunk jobs from the queue and run them on a local piscina pool through the same runChunks a local sweep uses
 * (the backtests run in threads, so this event loop stays free to renew the chunk's lock). Rows are stored with
 * HSETNX, so a redelivered chunk changes nothing. Resolves when stopped by the signal; rejects with one line when
 * Redis went away for good.
 */
export async function runWorker(o: WorkerOptions): Promise<void> {
  const id = `${hostname()}/${process.pid}`;
  const { redis, gaveUp } = connect(o.address, { retrySeconds: o.retrySeconds });
  const sweeps = new Map<string, Promise<SweepRuntime | Refusal>>();
  const said = new Set<string>();
  const once = (line: string) => {
    if (!said.has(line)) o.log(line);
    said.add(line);
  };
  let worker: Worker | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  const ended = new Promise<void>((resolve) => redis.once('end', resolve));
  try {
    await checkNoEviction(redis, o.address);
    const beat = () => redis.hset(keys.workers, id, JSON.stringify({ host: hostname(), pid: process.pid, threads: o.threads, rotor: ROTOR_VERSION, seen: Date.now() })).catch(() => {});
    await beat();
    heartbeat = setInterval(beat, 5000);

    const setUp = async (sweep: string): Promise<SweepRuntime | Refusal> => {
      const m = await readManifest(redis, o.secret, sweep);
      if (!m.ok) return { refuse: 'fail', why: m.why };
      const manifest = m.value;
      if (manifest.rotor !== ROTOR_VERSION) return { refuse: 'retry', why: `it needs rotor ${manifest.rotor}; this worker runs rotor ${ROTOR_VERSION}` };
      const data = await fetchDataset(redis, o.cacheDir, manifest);
      if (!data.ok) return { refuse: 'fail', why: data.why };
      const plan = await localPlan(redis, o.secret, o.cacheDir, manifest);
      if (!plan.ok) return { refuse: 'fail', why: plan.why };
      let strategies;
      try {
        strategies = await loadPlanStrategies(plan.value.strategies);
      } catch (e) {
        if (e instanceof RotorError) return { refuse: 'retry', why: e.message };
        throw e;
      }
      const { market, macro } = data.value;
      const context = new TrialContext(plan.value, strategies, market, macro);
      const pool = await poolRunner({ plan: plan.value, market: market.toTransfer(), macro, views: context.allViews() }, { workers: o.threads, maxOldGenerationSizeMb: 4096 });
      o.log(`sweep ${sweep.slice(0, 12)} (${manifest.title}, ${manifest.n} trials): set up on ${o.threads} threads`);
      return { manifest, context, pool, active: 0 };
    };

    /** Keep a finished sweep's pool while it may get more chunks; at most two idle ones. */
    const release = async (keep: string) => {
      for (const [sweep, p] of sweeps) {
        if (sweeps.size <= 2 || sweep === keep) break;
        const rt = await p;
        if ('refuse' in rt || rt.active > 0) continue;
        sweeps.delete(sweep);
        await rt.pool.close();
      }
    };

    const processor = async (job: Job<ChunkJob>, token?: string): Promise<{ trials: number }> => {
      const { sweep, chunk, sig } = job.data ?? ({} as ChunkJob);
      if (typeof sweep !== 'string' || !Number.isInteger(chunk) || !verify(o.secret, 'chunk', chunkMessage(sweep, chunk), sig)) {
        const why = `job ${job.id} is unsigned or wrongly signed (not queued with this worker's secret): refused`;
        o.log(why);
        throw new UnrecoverableError(`refused by worker ${id}: ${why}`);
      }
      if (!sweeps.has(sweep)) {
        // A failure to set up (Redis busy, say) is not remembered: the next chunk tries again.
        sweeps.set(sweep, setUp(sweep).catch((e: unknown) => {
          sweeps.delete(sweep);
          throw e;
        }));
      }
      const rt = await sweeps.get(sweep)!;
      if ('refuse' in rt) {
        once(`sweep ${sweep.slice(0, 12)} refused: ${rt.why}`);
        if (rt.refuse === 'fail') throw new UnrecoverableError(`refused by worker ${id}: ${rt.why}`);
        await redis.hset(keys.refused(sweep), id, rt.why);
        // Back to the queue without spending an attempt: another worker may run it.
        await job.moveToDelayed(Date.now() + 5000, token);
        throw new DelayedError();
      }
      rt.active++;
      try {
        await redis.hset(keys.sweepWorkers(sweep), id, String(Date.now()));
        const trials = chunkTrials(chunk, rt.manifest.chunkSize, rt.manifest.n);
        const rows: TrialRow[] = [];
        const started = performance.now();
        await runChunks(rt.pool, trials, {
          targetChunkMs: 50,
          chunkTimeoutMs: o.chunkTimeoutMs,
          maxChunk: 1000,
          onRows: (r) => rows.push(...r),
          failedRow: (t, message) => rt.context.failedRow(t, message),
          onRetry: (t, e) => o.log(`sweep ${sweep.slice(0, 12)}: a thread failed on trials ${t[0]}..${t[t.length - 1]} (${e.message.split('\n')[0]}); retrying them`),
        });
        await storeRows(redis, sweep, chunk, rows);
        o.log(`sweep ${sweep.slice(0, 12)} chunk ${chunk}: ${rows.length} trials in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        return { trials: rows.length };
      } finally {
        rt.active--;
        await release(sweep);
      }
    };

    worker = new Worker<ChunkJob>(QUEUE_NAME, processor, {
      connection: redis,
      prefix: PREFIX,
      // Two chunks at once keep the threads busy while one chunk's rows go to Redis; a one-thread worker takes one,
      // leaving the next chunk to another worker.
      concurrency: o.threads > 1 ? 2 : 1,
      lockDuration: o.lockSeconds * 1000,
      stalledInterval: o.lockSeconds * 1000,
      maxStalledCount: 1,
    });
    worker.on('error', (e) => {
      if (!gaveUp()) once(`queue: ${e.message.split('\n')[0]} (retrying)`);
    });
    o.log(`worker ${id} (rotor ${ROTOR_VERSION}, ${o.threads} threads) takes chunks from ${o.address.shown}`);
    await new Promise<void>((resolve, reject) => {
      o.signal?.addEventListener('abort', () => resolve(), { once: true });
      void ended.then(() => reject(goneError(o.address, o.retrySeconds, new Error('connection lost'), 'this worker stops')));
    });
  } catch (e) {
    throw redisFailure(o.address, o.retrySeconds, e, 'this worker stops', gaveUp());
  } finally {
    clearInterval(heartbeat);
    // A graceful close finishes the chunks in hand; it cannot while Redis is gone, so that ends it too.
    if (worker) await Promise.race([(gaveUp() ? worker.close(true) : worker.close()).catch(() => {}), ended]);
    if (!gaveUp()) await redis.hdel(keys.workers, id).catch(() => {});
    for (const p of sweeps.values()) {
      const rt = await p.catch(() => undefined);
      if (rt && !('refuse' in rt)) await rt.pool.close();
    }
    redis.disconnect();
  }
}
