import { Queue } from 'bullmq';
import { chunkOfJobId, keys, PREFIX, QUEUE_NAME } from './keys.ts';
import { connect, redisFailure, type QueueAddress } from './redis.ts';
import { allRows, readManifestUnchecked } from './store.ts';

export interface SweepStatus {
  sweep: string;
  title: string;
  rotor: string;
  created: string;
  n: number;
  /** Trials in the store, and how many of those failed. */
  done: number;
  failed: number;
  chunks: { waiting: number; active: number; done: number; failed: number };
  workers: number;
}

export interface WorkerStatus {
  id: string;
  threads: number;
  rotor: string;
  /** Milliseconds since its last heartbeat. */
  ago: number;
}

export interface QueueStatus {
  policy: string;
  sweeps: SweepStatus[];
  workers: WorkerStatus[];
}

const STATES = { waiting: ['wait', 'prioritized', 'delayed', 'paused'], active: ['active'], done: ['completed'], failed: ['failed'] } as const;

/** What is in the queue now: every published sweep with its trials and chunks by state, and every worker seen. */
export async function queueStatus(address: QueueAddress, retrySeconds: number): Promise<QueueStatus> {
  const { redis, gaveUp } = connect(address, { retrySeconds });
  const queue = new Queue(QUEUE_NAME, { connection: redis, prefix: PREFIX });
  queue.on('error', () => {});
  try {
    const policy = /^maxmemory_policy:(\S+)/m.exec(await redis.info('memory'))?.[1] ?? 'unknown';
    const chunkCounts = new Map<string, SweepStatus['chunks']>();
    for (const [state, types] of Object.entries(STATES) as [keyof typeof STATES, readonly string[]][]) {
      for (const job of await queue.getJobs([...types] as Parameters<Queue['getJobs']>[0], 0, -1)) {
        const c = job?.id ? chunkOfJobId(job.id) : undefined;
        if (!c) continue;
        const counts = chunkCounts.get(c.sweep) ?? { waiting: 0, active: 0, done: 0, failed: 0 };
        counts[state]++;
        chunkCounts.set(c.sweep, counts);
      }
    }
    const sweeps: SweepStatus[] = [];
    for (const sweep of (await redis.smembers(keys.sweeps)).sort()) {
      const m = await readManifestUnchecked(redis, sweep);
      if (!m) {
        await redis.srem(keys.sweeps, sweep); // expired
        continue;
      }
      let failed = 0;
      let done = 0;
      for await (const rows of allRows(redis, sweep)) {
        done += rows.length;
        failed += rows.filter((r) => r.status === 'failed').length;
      }
      sweeps.push({ sweep, title: m.title, rotor: m.rotor, created: m.created, n: m.n, done, failed, chunks: chunkCounts.get(sweep) ?? { waiting: 0, active: 0, done: 0, failed: 0 }, workers: await redis.hlen(keys.sweepWorkers(sweep)) });
    }
    sweeps.sort((a, b) => (a.created < b.created ? -1 : 1));
    const workers: WorkerStatus[] = [];
    for (const [id, text] of Object.entries(await redis.hgetall(keys.workers))) {
      const w = JSON.parse(text) as { threads: number; rotor: string; seen: number };
      // A worker killed without a goodbye is listed for a day, then forgotten.
      if (Date.now() - w.seen > 24 * 3600_000) await redis.hdel(keys.workers, id);
      else workers.push({ id, threads: w.threads, rotor: w.rotor, ago: Date.now() - w.seen });
    }
    workers.sort((a, b) => a.ago - b.ago);
    return { policy, sweeps, workers };
  } catch (e) {
    throw redisFailure(address, retrySeconds, e, 'no status', gaveUp());
  } finally {
    await queue.close().catch(() => {});
    redis.disconnect();
  }
}
