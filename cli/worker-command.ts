import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { RotorError } from '../engine/index.ts';
import { workerCount } from './batch-run.ts';
import { checkRetry } from './queue-command.ts';

export function workerOptions<T>(y: Argv<T>) {
  return y
    .option('queue', { type: 'string', demandOption: true, describe: 'the Redis the coordinator uses: redis://[:PASSWORD@]HOST:PORT[/DB] or rediss:// (TLS)' })
    .option('workers', { type: 'number', describe: 'threads that run the backtests (default: one per core)' })
    .option('secret-file', { type: 'string', describe: "file holding the coordinator's signing secret (else ROTOR_QUEUE_SECRET)" })
    .option('cache', { type: 'string', default: '.rotor-cache/queue', describe: 'folder for the datasets and strategy files fetched from the queue' })
    .option('redis-retry', { type: 'number', default: 60, describe: 'seconds to keep retrying a Redis that went away before stopping' })
    .option('lock', { type: 'number', default: 30, describe: 'seconds after which a chunk of a worker that stopped answering goes to another worker' })
    .option('chunk-timeout', { type: 'number', default: 300, describe: 'seconds before a thread that gives no answer is replaced and its trials retried' });
}

type WorkerFlags = { queue: string; workers?: number; 'secret-file'?: string; cache: string; 'redis-retry': number; lock: number; 'chunk-timeout': number };

/** `rotor worker`: run chunks from the queue until Ctrl-C (it finishes the chunks it holds) or Redis is gone for good. */
export async function workerCommand(args: unknown): Promise<void> {
  const flags = args as WorkerFlags;
  const { parseQueueUrl, readSecret, runWorker } = await import('../queue/index.ts');
  const address = parseQueueUrl(flags.queue);
  const threads = workerCount(flags.workers);
  if (threads < 1) throw new RotorError(`--workers must be at least 1 for a queue worker, got ${threads}`);
  checkRetry(flags['redis-retry']);
  if (!(flags.lock >= 1)) throw new RotorError(`--lock must be a number of seconds ≥ 1, got ${flags.lock}`);
  if (!(flags['chunk-timeout'] > 0)) throw new RotorError(`--chunk-timeout must be a number of seconds > 0, got ${flags['chunk-timeout']}`);
  const secret = readSecret(flags['secret-file']);
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await runWorker({
      address,
      secret,
      retrySeconds: flags['redis-retry'],
      threads,
      cacheDir: resolve(flags.cache),
      lockSeconds: flags.lock,
      chunkTimeoutMs: flags['chunk-timeout'] * 1000,
      log: (line) => process.stderr.write(`rotor worker: ${line}\n`),
      signal: abort.signal,
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
