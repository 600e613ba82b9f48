/**
 * Everything rotor keeps in Redis, by key. BullMQ's own keys live under `rotor:chunks:*` (prefix `rotor`, queue
 * `chunks`); the rest are rotor's: what a sweep is, its inputs, and its results.
 */
export const PREFIX = 'rotor';
export const QUEUE_NAME = 'chunks';

export const keys = {
  /** Set of every sweep id ever published (for `rotor queue status`). */
  sweeps: `${PREFIX}:sweeps`,
  /** Hash: worker id → JSON heartbeat (host, pid, threads, rotor version, last seen). */
  workers: `${PREFIX}:workers`,
  /** The signed description of a sweep: its plan, its dataset's and strategies' hashes, its chunking. */
  sweep: (id: string) => `${PREFIX}:sweep:${id}`,
  /** Hash: trial index → its row's JSON, set once (HSETNX): a repeated chunk cannot change a result. */
  results: (id: string) => `${PREFIX}:results:${id}`,
  /** List of chunk numbers in the order their rows were stored (repeats possible): what the coordinator follows. */
  done: (id: string) => `${PREFIX}:done:${id}`,
  /** Hash: worker id → when it last took a chunk of this sweep. */
  sweepWorkers: (id: string) => `${PREFIX}:sweep-workers:${id}`,
  /** Hash: worker id → why it refuses this sweep (e.g. another rotor version). */
  refused: (id: string) => `${PREFIX}:refused:${id}`,
  /** A packed dataset (datasets' packDataset bytes), by the sha256 of those bytes. */
  data: (sha: string) => `${PREFIX}:data:${sha}`,
  /** Hash {source, sig}: a strategy file's bytes by their sha256, signed. */
  strategy: (sha: string) => `${PREFIX}:strategy:${sha}`,
};

/** BullMQ job ids may contain no ':' and must not be all digits. */
export function chunkJobId(sweep: string, chunk: number): string {
  return `sweep-${sweep}-chunk-${chunk}`;
}

export function chunkOfJobId(jobId: string): { sweep: string; chunk: number } | undefined {
  const m = /^sweep-([0-9a-f]+)-chunk-(\d+)$/.exec(jobId);
  return m ? { sweep: m[1], chunk: Number(m[2]) } : undefined;
}

/** Chunk c holds trials [c·size, min(n, (c+1)·size)): fixed by the sweep, whatever ran before. */
export function chunkTrials(chunk: number, size: number, n: number): number[] {
  const first = chunk * size;
  return Array.from({ length: Math.max(0, Math.min(n, first + size) - first) }, (_, k) => first + k);
}
