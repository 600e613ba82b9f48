export { parseQueueUrl, type QueueAddress } from './redis.ts';
export { readSecret } from './secret.ts';
export { everyLiveWorkerRefuses, queueRunner, CHUNK_TRIALS, type QueueRunner, type QueueRunnerOptions } from './coordinator-runner.ts';
export { runWorker, type WorkerOptions } from './worker.ts';
export { queueStatus, type QueueStatus, type SweepStatus, type WorkerStatus } from './status.ts';
