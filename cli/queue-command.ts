import { dirname, relative } from 'node:path';
import type { Argv } from 'yargs';
import { RotorError } from '../engine/index.ts';
import type { Dataset } from '../datasets/index.ts';
import type { BatchPlan } from '../batch/index.ts';
import type { QueueRunner } from '../queue/index.ts';

// BullMQ and ioredis take a third of a second to load: only the commands that use a queue load them.
const loadQueue = () => import('../queue/index.ts');

export interface QueueFlags {
  queue?: string;
  'secret-file'?: string;
  'redis-retry': number;
}

/** The flags that send a sweep's or batch's chunks through a Redis queue instead of this machine's pool. */
export function withQueueFlags<T>(y: Argv<T>) {
  return y
    .option('queue', { type: 'string', describe: 'run the chunks on `rotor worker`s through Redis: redis://[:PASSWORD@]HOST:PORT[/DB] or rediss:// (TLS)' })
    .option('secret-file', { type: 'string', describe: 'with --queue: file holding the secret that signs the jobs (else ROTOR_QUEUE_SECRET)' })
    .option('redis-retry', { type: 'number', default: 60, describe: 'with --queue: seconds to keep retrying a Redis that went away before stopping' });
}

export function checkRetry(seconds: number): void {
  if (!(seconds > 0)) throw new RotorError(`--redis-retry must be a number of seconds > 0, got ${seconds}`);
}

/** The queue runner for `--queue`, or undefined without it; refuses what cannot run remotely. */
export async function queueRunnerFromFlags(flags: QueueFlags & { keep: string; resume: boolean; workers?: number }, plan: BatchPlan, dataset: Dataset, title: string, notice: (line: string) => void): Promise<QueueRunner | undefined> {
  if (flags.queue === undefined) {
    if (flags['secret-file'] !== undefined) throw new RotorError('--secret-file is for --queue; add --queue redis://HOST:PORT or drop it');
    return undefined;
  }
  const { parseQueueUrl, queueRunner, readSecret } = await loadQueue();
  const address = parseQueueUrl(flags.queue);
  if (flags.keep === 'all') throw new RotorError("--keep all writes each trial's folder where it runs, which with --queue is on the workers: use --keep best or --keep none");
  if (flags.workers !== undefined) throw new RotorError('--workers sets this machine\'s threads; with --queue the workers are `rotor worker --workers N` processes: drop --workers');
  checkRetry(flags['redis-retry']);
  for (const s of plan.strategies) {
    // Only the strategy file goes to the workers; what it imports from beside it would be missing there.
    if (s.imports?.length) throw new RotorError(`strategy ${s.ref} imports ${s.imports.map((f) => relative(dirname(s.path), f)).join(', ')}, which a queue worker would not have: put the strategy in one file to run it with --queue`);
  }
  const secret = readSecret(flags['secret-file']);
  return queueRunner({ address, secret, retrySeconds: flags['redis-retry'], plan, dataset, title, resume: flags.resume, notice });
}

function ago(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 120 ? `${s} s ago` : s < 7200 ? `${Math.round(s / 60)} min ago` : `${Math.round(s / 3600)} h ago`;
}

export function queueOptions<T>(y: Argv<T>) {
  return y
    .command(
      'status <url>',
      'list the sweeps in a Redis queue (trials done, chunks waiting/active/done/failed) and the workers seen',
      (s) => s.positional('url', { type: 'string', demandOption: true, describe: 'redis://[:PASSWORD@]HOST:PORT[/DB] or rediss://' }).option('redis-retry', { type: 'number', default: 10, describe: 'seconds to keep retrying an unreachable Redis' }),
      async (args) => {
        const { parseQueueUrl, queueStatus } = await loadQueue();
        const address = parseQueueUrl(String(args.url), 'queue status');
        checkRetry(Number(args['redis-retry']));
        const status = await queueStatus(address, Number(args['redis-retry']));
        console.log(`queue ${address.shown} (maxmemory-policy ${status.policy}${status.policy === 'noeviction' ? '' : ': would evict, sweeps refuse it'})`);
        console.log(status.sweeps.length ? 'sweeps:' : 'sweeps: none');
        for (const s of status.sweeps) {
          const c = s.chunks;
          console.log(
            `  ${s.sweep.slice(0, 12)}  ${s.title}: ${s.done}/${s.n} trials done${s.failed ? ` (${s.failed} failed)` : ''}; chunks ${c.waiting} waiting, ${c.active} active, ${c.done} done, ${c.failed} failed; ${s.workers} worker${s.workers === 1 ? '' : 's'}; rotor ${s.rotor}; published ${s.created}`,
          );
        }
        console.log(status.workers.length ? 'workers seen:' : 'workers seen: none');
        for (const w of status.workers) console.log(`  ${w.id}  ${w.threads} threads, rotor ${w.rotor}, last seen ${ago(w.ago)}${w.ago > 30_000 ? ' (stopped?)' : ''}`);
      },
    )
    .demandCommand(1, 'name a queue command: rotor queue status redis://HOST:PORT');
}
