import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { RotorError } from '../engine/index.ts';
import { packDataset, ROTOR_ROOT, type Dataset } from '../datasets/index.ts';
import { planIdentity, trialCount, type BatchPlan, type ChunkRunner, type ScheduleOptions, type TrialRow } from '../batch/index.ts';
import { ROTOR_VERSION } from '../runs/index.ts';
import { chunkJobId, chunkOfJobId, chunkTrials, keys, PREFIX, QUEUE_NAME } from './keys.ts';
import { checkNoEviction, connect, redisFailure, type QueueAddress } from './redis.ts';
import { allRows, chunkJob, chunksOf, publishSweep, readRows, sha256, storeRows, type SweepManifest } from './store.ts';

export const CHUNK_TRIALS = 100;

export interface QueueRunnerOptions {
  address: QueueAddress;
  secret: Buffer;
  /** How long a lost Redis is retried before the coordinator stops. */
  retrySeconds: number;
  plan: BatchPlan;
  dataset: Dataset;
  title: string;
  /** Without it the sweep starts afresh: results a previous run left in Redis are dropped. */
  resume: boolean;
  chunkSize?: number;
  /** One line for the user: a worker that refuses the sweep, a chunk that failed. */
  notice(line: string): void;
}

export interface QueueRunner extends ChunkRunner {
  /** Workers that have taken chunks of this sweep. */
  workersSeen(): number;
}

/** A worker whose heartbeat (every 5 s) is older than this is taken to be gone. */
const LIVE_MS = 20_000;

/**
 * When every worker still beating has refused the sweep (another rotor version, a strategy it cannot load), no chunk
 * will ever run: the reasons, to stop with, instead of waiting forever. Undefined while any live worker may take it.
 */
export function everyLiveWorkerRefuses(workers: Readonly<Record<string, string>>, refused: Readonly<Record<string, string>>, now: number): string | undefined {
  const live = Object.entries(workers).filter(([, text]) => {
    try {
      return now - (JSON.parse(text) as { seen: number }).seen < LIVE_MS;
    } catch {
      return false;
    }
  }).map(([id]) => id);
  if (live.length === 0 || live.some((w) => !(w in refused))) return undefined;
  return live.map((w) => `${w}: ${refused[w]}`).join('; ');
}

/** How every stored chunk job looks: two attempts, like a local chunk; kept a while for `rotor queue status`. */
const WEEK_SECONDS = 7 * 24 * 3600;
const JOB_OPTIONS = { attempts: 2, removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 } };

/**
 * Run a sweep's trials through the queue: publish its inputs, enqueue a job per chunk of trials that is not yet in
 * the store, and hand the coordinator every row as it lands in the store. The coordinator's ledger, files and
 * reports are then exactly those of a local sweep. N is what the store holds, never a count of jobs.
 */
export function queueRunner(o: QueueRunnerOptions): QueueRunner {
  const size = o.chunkSize ?? CHUNK_TRIALS;
  const { id } = planIdentity(o.plan, ROTOR_VERSION);
  const n = trialCount(o.plan);
  let seen = 0;
  let conn: { redis: Redis; gaveUp: () => boolean } | undefined;
  let queue: Queue | undefined;

  const schedule = async (pending: readonly number[], options: ScheduleOptions): Promise<boolean> => {
    conn = connect(o.address, { retrySeconds: o.retrySeconds });
    const { redis } = conn;
    queue = new Queue(QUEUE_NAME, { connection: redis, prefix: PREFIX });
    queue.on('error', () => {});
    try {
      await checkNoEviction(redis, o.address);
      const manifest = await publish(redis);
      if (!o.resume) await forget(redis, queue);
      const want = new Set(pending);
      const feed = (rows: TrialRow[]) => {
        const fresh = rows.filter((r) => want.delete(r.trial));
        if (fresh.length) options.onRows(fresh);
      };
      // Chunks noted done from here on are followed; everything stored before is read once.
      let cursor = await redis.llen(keys.done(id));
      for await (const page of allRows(redis, id)) feed(page);
      const todo = chunksOf(want, size);
      for (let k = 0; k < todo.length; k += 1000) {
        await queue.addBulk(todo.slice(k, k + 1000).map((c) => ({ name: 'chunk', data: chunkJob(o.secret, id, c), opts: { ...JOB_OPTIONS, jobId: chunkJobId(id, c) } })));
      }
      const refusals = new Set<string>();
      let lastCheck = 0;
      while (want.size && !options.signal?.aborted) {
        try {
          await sleep(200, undefined, { signal: options.signal });
        } catch {
          break;
        }
        const len = await redis.llen(keys.done(id));
        if (len > cursor) {
          const chunks = [...new Set((await redis.lrange(keys.done(id), cursor, len - 1)).map(Number))];
          cursor = len;
          feed(await readRows(redis, id, chunks.flatMap((c) => chunkTrials(c, size, n)).filter((t) => want.has(t))));
        }
        if (Date.now() - lastCheck > 2000) {
          lastCheck = Date.now();
          seen = await redis.hlen(keys.sweepWorkers(id));
          const refused = await redis.hgetall(keys.refused(id));
          for (const [worker, why] of Object.entries(refused)) {
            if (!refusals.has(worker)) o.notice(`worker ${worker} refuses this sweep: ${why}`);
            refusals.add(worker);
          }
          const stuck = everyLiveWorkerRefuses(await redis.hgetall(keys.workers), refused, Date.now());
          if (stuck) throw new RotorError(`every running worker refuses this sweep (${stuck}); finished trials are kept: fix the workers, then rerun with --resume`);
          feed(await failedChunks(redis, queue, want, options));
        }
      }
      if (options.signal?.aborted) return false;
      // Done: what it left in Redis stays a week, for `rotor queue status` and a late --resume.
      const inputs = [keys.data(manifest.dataset.sha256), ...manifest.strategies.filter((s) => !s.builtIn).map((s) => keys.strategy(s.sha256))];
      for (const key of [keys.sweep(id), keys.results(id), keys.done(id), keys.sweepWorkers(id), keys.refused(id), ...inputs]) await redis.expire(key, WEEK_SECONDS);
      return true;
    } catch (e) {
      throw redisFailure(o.address, o.retrySeconds, e, 'finished trials are kept: once it is back, rerun with --resume', conn.gaveUp());
    }
  };

  async function publish(redis: Redis): Promise<SweepManifest> {
    const sources = o.plan.strategies.map((s) => {
      if (s.builtIn) return null;
      const source = readFileSync(s.path);
      if (sha256(source) !== s.sha256) throw new RotorError(`strategy ${s.ref}: ${s.path} changed since the sweep was planned`);
      return source;
    });
    const bytes = packDataset(o.dataset.market, o.dataset.macro, o.dataset.identity);
    const m: SweepManifest = {
      sweep: id,
      rotor: ROTOR_VERSION,
      title: o.title,
      n,
      chunkSize: size,
      plan: o.plan,
      dataset: { sha256: sha256(bytes), bytes: bytes.length },
      strategies: o.plan.strategies.map((s) => {
        const rel = relative(ROTOR_ROOT, s.path);
        return { sha256: s.sha256, builtIn: s.builtIn, rel: rel.startsWith('..') ? null : rel.split(sep).join('/'), name: s.path.split(/[\\/]/).pop()! };
      }),
      created: new Date().toISOString(),
    };
    await publishSweep(redis, o.secret, m, bytes, sources);
    return m;
  }

  /** A fresh start: what an earlier run of the same sweep left (results, chunk jobs not running now) goes. */
  async function forget(redis: Redis, q: Queue): Promise<void> {
    await redis.del(keys.results(id), keys.done(id), keys.sweepWorkers(id), keys.refused(id));
    const chunks = Math.ceil(n / size);
    for (let c = 0; c < chunks; c++) await q.remove(chunkJobId(id, c));
  }

  /** Trials of chunks that failed for good (both attempts, or stalled twice): failed rows, stored so a resume keeps them. */
  async function failedChunks(redis: Redis, q: Queue, want: Set<number>, options: ScheduleOptions): Promise<TrialRow[]> {
    const rows: TrialRow[] = [];
    for (const job of await q.getFailed(0, -1)) {
      const of = job.id ? chunkOfJobId(job.id) : undefined;
      if (of?.sweep !== id) continue;
      const c = of.chunk;
      const trials = chunkTrials(c, size, n).filter((t) => want.has(t));
      if (!trials.length) continue;
      const why = `the worker running this trial's chunk failed twice: ${String(job.failedReason ?? 'unknown').split('\n')[0]}`;
      o.notice(`chunk ${c} (trials ${trials[0]}..${trials[trials.length - 1]}) failed: ${String(job.failedReason ?? 'unknown').split('\n')[0]}`);
      const failed = trials.map((t) => options.failedRow(t, why));
      await storeRows(redis, id, c, failed);
      rows.push(...(await readRows(redis, id, trials)));
    }
    return rows;
  }

  return {
    slots: 1,
    run: () => Promise.reject(new Error('the queue runner runs whole sweeps (schedule), not single chunks')),
    schedule,
    workersSeen: () => seen,
    close: async () => {
      await queue?.close().catch(() => {});
      conn?.redis.disconnect();
    },
  };
}
