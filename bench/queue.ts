// Sweep throughput through the Redis queue (a coordinator and 2 `rotor worker` processes of one thread each, on this
// machine) against the local pool of 2 threads, for the same 400-trial sweep: what the queue's round trips and each
// worker's set-up cost. Printed when redis-server is installed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HAVE_REDIS, startRedis } from '../test/helpers/redis.ts';

const BIN = fileURLToPath(new URL('../cli/bin.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../strategies/examples/streak-rotation.ts', import.meta.url));
const SWEEP = ['sweep', EXAMPLE, '--from', '2015-01-01', '--to', '2023-12-31', '--grid', 'days=1..10', '--grid', 'hold=5..200:5', '--quiet', '--keep', 'none'];
const env = { ...process.env, ROTOR_QUEUE_SECRET: 'bench-secret-0123456789abcdef' };
// Every folder this bench writes (sweeps, the workers' caches), removed when it ends.
const ROOT = mkdtempSync(join(tmpdir(), 'rotor-bench-queue-'));
process.on('exit', () => rmSync(ROOT, { recursive: true, force: true }));

function sweep(extra: string[]): { perSecond: number; seconds: number; n: number; out: string } {
  const out = mkdtempSync(join(ROOT, 'sweep-'));
  const r = spawnSync(process.execPath, [BIN, ...SWEEP, ...extra, '--out', out], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`rotor sweep failed: ${r.stderr}`);
  const meta = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')) as { n: number; timings: { seconds: number; trialsPerSecond: number } };
  return { perSecond: meta.timings.trialsPerSecond, seconds: meta.timings.seconds, n: meta.n, out };
}

if (!HAVE_REDIS) {
  console.log('queue bench: SKIPPED (no redis-server; apt-get install -y redis-server)');
} else {
  const redis = await startRedis();
  const workers = [1, 2].map((k) => spawn(process.execPath, [BIN, 'worker', '--queue', redis.url, '--workers', '1', '--cache', join(ROOT, `cache-${k}`)], { env, stdio: 'ignore' }));
  try {
    console.log(`queue bench (load average ${loadavg()[0].toFixed(1)}; noisy on a shared machine):`);
    const local = sweep(['--workers', '2']);
    const queued = sweep(['--queue', redis.url]);
    const same = readFileSync(join(local.out, 'trials.jsonl'), 'utf8') === readFileSync(join(queued.out, 'trials.jsonl'), 'utf8');
    console.log(`  local pool, 2 threads:              ${local.perSecond.toFixed(1)} trials/s (${local.n} trials in ${local.seconds.toFixed(1)} s)`);
    console.log(`  queue, 2 worker processes × 1 thread: ${queued.perSecond.toFixed(1)} trials/s (${queued.n} trials in ${queued.seconds.toFixed(1)} s, set-up and Redis included)`);
    console.log(`  queue / local: ${(queued.perSecond / local.perSecond).toFixed(2)}; trials.jsonl ${same ? 'identical' : 'DIFFERENT'}`);
    if (!same) process.exitCode = 1;
  } finally {
    await Promise.all(workers.map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : (w.once('exit', resolve), w.kill('SIGTERM'))))));
    await redis.stop();
  }
}
