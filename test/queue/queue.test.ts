import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { keys, PREFIX, QUEUE_NAME } from '../../queue/keys.ts';
import { chunkJob, publishSweep, readManifestUnchecked } from '../../queue/store.ts';
import { rotor } from '../helpers/run-cli.ts';
import { HAVE_REDIS, startRedis, type TestRedis } from '../helpers/redis.ts';

const BIN = fileURLToPath(new URL('../../cli/bin.js', import.meta.url));
const SECRET = 'queue-test-secret-0123456789';
const tmp = mkdtempSync(join(tmpdir(), 'rotor-queue-'));
// 200 trials: two chunks of 100. Each trial spins 25 ms of wall-clock time in init, so a chunk takes at least 2.5 s
// however fast the machine: worker a is still inside its chunk when the test kills it.
const SWEEP = ['sweep', 'test/batch/fixtures/faulty.ts', '--from', '2004-06-01', '--to', '2006-12-31', '--grid', 'k=0..199', '--param', 'spinMs=25'];
const N = 200;

interface Proc {
  child: ChildProcess;
  log: () => string;
  exit: Promise<number | null>;
}

function start(args: string[], env: Record<string, string> = { ROTOR_QUEUE_SECRET: SECRET }): Proc {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (d) => (text += d));
  child.stderr!.on('data', (d) => (text += d));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, log: () => text, exit };
}

async function until(what: string, test: () => boolean | Promise<boolean>, ms = 40_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
const withoutTimings = (dir: string) => {
  const j = JSON.parse(read(dir, 'sweep.json')) as Record<string, unknown>;
  delete j.timings;
  return j;
};

/** Every file of a sweep folder (trials, summary, reports, best/), byte for byte; sweep.json but its timings. */
function expectSameOutputs(dir: string, local: string): void {
  const files = (readdirSync(local, { recursive: true, withFileTypes: true }) as Dirent[]).filter((e) => e.isFile()).map((e) => relative(local, join(e.parentPath, e.name))).sort();
  expect(files).toContain('trials.jsonl');
  expect(files).toContain('best/metrics.json');
  const theirs = (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[]).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
  expect(theirs).toEqual(files);
  for (const f of files) if (f !== 'sweep.json') expect(read(dir, f), f).toBe(read(local, f));
  expect(withoutTimings(dir)).toEqual(withoutTimings(local));
}

describe.skipIf(!HAVE_REDIS)('sweeps through a Redis queue (BullMQ) with rotor worker processes', () => {
  let redis: TestRedis;
  let client: Redis;
  let queue: Queue;
  let closed = false;
  const local = join(tmp, 'local');
  const queued = join(tmp, 'queued');
  let sweepId = '';
  const workers: Proc[] = [];
  const worker = (name: string, extra: string[] = []) => {
    const w = start(['worker', '--queue', redis.url, '--workers', '1', '--lock', '3', '--redis-retry', '3', '--cache', join(tmp, `cache-${name}`), ...extra]);
    workers.push(w);
    return w;
  };

  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis(redis.url, { maxRetriesPerRequest: null });
    client.on('error', () => {});
    queue = new Queue(QUEUE_NAME, { connection: client, prefix: PREFIX });
  });

  afterAll(async () => {
    for (const w of workers) w.child.kill('SIGKILL');
    if (!closed) {
      await queue?.close();
      client?.disconnect();
    }
    await redis?.stop();
  });

  it('a coordinator and two workers, one killed -9 mid-sweep, write byte for byte what a local sweep writes', async () => {
    const l = rotor([...SWEEP, '--out', local, '--workers', '2', '--quiet']);
    expect(l.stderr).toBe('');
    expect(l.status).toBe(0);

    const a = worker('a');
    await until('worker a to start', () => a.log().includes('takes chunks'));
    const b = worker('b');
    await until('worker b to start', () => b.log().includes('takes chunks'));
    const coordinator = start([...SWEEP, '--queue', redis.url, '--out', queued]);
    // Worker a has taken a chunk and is running it: kill it before it stores anything.
    await until('worker a to take a chunk', () => a.log().includes('set up on 1 threads'));
    await sleep(500);
    sweepId = (JSON.parse(read(queued, 'sweep.json')) as { sweep: string }).sweep;
    expect(await client.hlen(keys.results(sweepId))).toBeLessThan(N);
    a.child.kill('SIGKILL');
    expect(await coordinator.exit, coordinator.log()).toBe(0);
    expect(a.log()).not.toMatch(/chunk \d+: \d+ trials/);
    // Worker b ran its own chunk and, after a's lock ran out, a's.
    expect(b.log()).toMatch(/chunk 0: 100 trials/);
    expect(b.log()).toMatch(/chunk 1: 100 trials/);
    expect(coordinator.log()).toMatch(/sweep faulty: 200\/200 trials, .* 2 workers/);
    expectSameOutputs(queued, local);
    expect(await client.hlen(keys.results(sweepId))).toBe(N);
  });

  it('a duplicated chunk changes nothing in the store', async () => {
    const before = await client.hgetall(keys.results(sweepId));
    // A marker where trial 0's row is: a rerun of chunk 0 must not overwrite it (HSETNX).
    await client.hset(keys.results(sweepId), '0', 'marker');
    const done = await client.llen(keys.done(sweepId));
    await queue.add('chunk', chunkJob(Buffer.from(SECRET), sweepId, 0), { jobId: `duplicate-${sweepId}-0` });
    await until('the duplicate to be stored', async () => (await client.llen(keys.done(sweepId))) > done);
    const after = await client.hgetall(keys.results(sweepId));
    expect(after['0']).toBe('marker');
    expect({ ...after, 0: before['0'] }).toEqual(before);
    await client.hset(keys.results(sweepId), '0', before['0']);
  });

  it('a worker refuses a job not signed with its secret, with one line, and the job fails', async () => {
    const w = workers[1];
    await queue.add('chunk', chunkJob(Buffer.from('another-secret-of-16+chars'), sweepId, 1), { jobId: `forged-${sweepId}-1` });
    await until('the refusal', () => w.log().includes(`job forged-${sweepId}-1 is unsigned or wrongly signed`));
    await until('the job to fail', async () => (await queue.getJobState(`forged-${sweepId}-1`)) === 'failed');
    expect(w.log().split('\n').filter((l) => l.includes('forged-'))).toHaveLength(1);
  });

  it('a worker refuses a sweep made by another rotor version, leaving its chunks to other workers', async () => {
    const manifest = (await readManifestUnchecked(client, sweepId))!;
    const other = 'ab'.repeat(16);
    await publishSweep(client, Buffer.from(SECRET), { ...manifest, sweep: other, rotor: '99.0.0' }, Buffer.alloc(0), manifest.strategies.map(() => null));
    await queue.add('chunk', chunkJob(Buffer.from(SECRET), other, 0), { jobId: `sweep-${other}-chunk-0` });
    const w = workers[1];
    await until('the refusal', () => w.log().includes(`sweep ${other.slice(0, 12)} refused: it needs rotor 99.0.0; this worker runs rotor`));
    const id = /worker (\S+) \(rotor/.exec(w.log())![1];
    expect(await client.hget(keys.refused(other), id)).toMatch(/needs rotor 99\.0\.0/);
    expect(['delayed', 'waiting', 'active']).toContain(await queue.getJobState(`sweep-${other}-chunk-0`));
    expect(await client.hlen(keys.results(other))).toBe(0);
    await queue.remove(`sweep-${other}-chunk-0`).catch(() => {});
  });

  it('rotor queue status lists the sweep, its chunks and the workers, without the password', () => {
    const s = rotor(['queue', 'status', redis.url]);
    expect(s.status).toBe(0);
    expect(s.stdout).not.toContain(redis.password);
    expect(s.stdout).toContain('maxmemory-policy noeviction');
    expect(s.stdout).toMatch(new RegExp(`${sweepId.slice(0, 12)}  sweep faulty: 200/200 trials done; chunks 0 waiting, 0 active, \\d+ done`));
    expect(s.stdout).toMatch(/workers seen:\n {2}\S+\/\d+ {2}1 threads, rotor/);
  });

  it('--resume takes every finished trial from the store, with no worker running', async () => {
    for (const w of workers) w.child.kill('SIGKILL');
    const resumed = join(tmp, 'resumed');
    cpSync(queued, resumed, { recursive: true });
    const lines = read(resumed, 'trials.jsonl').split('\n').slice(0, 10);
    writeFileSync(join(resumed, 'trials.jsonl'), lines.join('\n') + '\n');
    const r = start([...SWEEP, '--queue', redis.url, '--out', resumed, '--resume', '--quiet']);
    expect(await r.exit).toBe(0);
    expect(r.log()).toMatch(/^sweep faulty \[SYNTHETIC sample data\]: 200 trials \(200 ok, 0 failed\), 190 run now/);
    expectSameOutputs(resumed, local);
  });

  it('a chunk whose thread keeps dying has its trials failed with the reason; the other trials are as in a local sweep', async () => {
    const faulty = ['sweep', 'test/batch/fixtures/faulty.ts', '--from', '2004-06-01', '--to', '2005-06-30', '--grid', 'k=0..5', '--param', 'bad=2', '--param', 'mode=exit', '--keep', 'none'];
    const l = rotor([...faulty, '--workers', '1', '--out', join(tmp, 'faulty-local'), '--quiet']);
    expect(l.status).toBe(0);
    const w = worker('c');
    await until('worker c to start', () => w.log().includes('takes chunks'));
    const q = start([...faulty, '--queue', redis.url, '--out', join(tmp, 'faulty-queued'), '--quiet']);
    expect(await q.exit, q.log()).toBe(0);
    w.child.kill('SIGKILL');
    const lines = (dir: string) => read(join(tmp, dir), 'trials.jsonl').trim().split('\n');
    const [queuedLines, localLines] = [lines('faulty-queued'), lines('faulty-local')];
    const rows = queuedLines.map((t) => JSON.parse(t) as { trial: number; status: string; error: string | null });
    expect(rows).toHaveLength(6);
    // The trials that shared a thread with trial 2 fail with it (which ones depends on the chunking, as locally).
    expect(rows[2].status).toBe('failed');
    for (const r of rows.filter((r) => r.status === 'failed')) expect(r.error).toMatch(/^the worker running this trial's chunk failed twice: /);
    const ok = rows.filter((r) => r.status === 'ok' && (JSON.parse(localLines[r.trial]) as { status: string }).status === 'ok');
    expect(ok.length).toBeGreaterThan(0);
    for (const r of ok) expect(queuedLines[r.trial]).toBe(localLines[r.trial]);
  });

  it('refuses a Redis that may evict keys, and a missing secret, with one line', async () => {
    await client.config('SET', 'maxmemory-policy', 'allkeys-lru');
    const w = start(['worker', '--queue', redis.url, '--redis-retry', '3']);
    expect(await w.exit).toBe(1);
    expect(w.log().trim()).toMatch(/^rotor: Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ has maxmemory-policy allkeys-lru, which would evict/);
    await client.config('SET', 'maxmemory-policy', 'noeviction');
    const s = start([...SWEEP, '--queue', redis.url, '--out', join(tmp, 'nosecret')], { ROTOR_QUEUE_SECRET: '' });
    expect(await s.exit).toBe(1);
    expect(s.log().trim().split('\n')).toHaveLength(1);
    expect(s.log()).toMatch(/^rotor: --queue needs the shared secret/);
  });

  it('a worker whose Redis goes away retries, then stops with one line', async () => {
    const w = worker('gone');
    await until('the worker to start', () => w.log().includes('takes chunks'));
    await queue.close();
    client.disconnect();
    closed = true;
    await redis.stop();
    expect(await w.exit).toBe(1);
    expect(w.log().trim().split('\n').pop()).toMatch(/^rotor: Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ went away .* within 3 s of retries; this worker stops$/);
  });
});
