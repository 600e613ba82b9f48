import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { BatchPlan, TrialRow } from '../batch/index.ts';
import { keys } from './keys.ts';
import { sign, verify } from './secret.ts';

/**
 * What a worker needs to run any chunk of a sweep, signed as one text: the plan (exactly the coordinator's), which
 * rotor version made it, and the hashes of the inputs it must fetch and check.
 */
export interface SweepManifest {
  sweep: string;
  rotor: string;
  /** `sweep small-cap-streak`, `batch runs`: what `rotor queue status` calls it. */
  title: string;
  n: number;
  chunkSize: number;
  plan: BatchPlan;
  /** sha256 of the packed dataset's bytes (its key in Redis). */
  dataset: { sha256: string; bytes: number };
  /** Per plan strategy: the file's place relative to rotor's folder when inside it (so its relative import of the engine still resolves), else null. */
  strategies: { sha256: string; builtIn: boolean; rel: string | null; name: string }[];
  created: string;
}

export const sha256 = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The message a chunk job's signature covers. */
export const chunkMessage = (sweep: string, chunk: number): string => `${sweep}\n${chunk}`;

export interface ChunkJob {
  sweep: string;
  chunk: number;
  sig: string;
}

export function chunkJob(secret: Buffer, sweep: string, chunk: number): ChunkJob {
  return { sweep, chunk, sig: sign(secret, 'chunk', chunkMessage(sweep, chunk)) };
}

/**
 * Put a sweep's inputs into Redis once: the dataset and each strategy file by their hashes (not sent again when
 * already there), then the signed manifest. Inputs a finished sweep let expire are made permanent again.
 */
export async function publishSweep(redis: Redis, secret: Buffer, manifest: SweepManifest, dataset: Buffer, sources: readonly (Buffer | null)[]): Promise<void> {
  const dataKey = keys.data(manifest.dataset.sha256);
  if (!(await redis.exists(dataKey))) await redis.set(dataKey, dataset);
  await redis.persist(dataKey);
  for (const [k, source] of sources.entries()) {
    if (!source) continue;
    const sha = manifest.strategies[k].sha256;
    await redis.hset(keys.strategy(sha), { source, sig: sign(secret, 'strategy', Buffer.concat([Buffer.from(`${sha}\n`), source])) });
    await redis.persist(keys.strategy(sha));
  }
  const body = JSON.stringify(manifest);
  await redis.set(keys.sweep(manifest.sweep), JSON.stringify({ body, sig: sign(secret, 'sweep', body) }));
  await redis.sadd(keys.sweeps, manifest.sweep);
}

/** A sweep's manifest as stored, without checking its signature (for status); undefined when absent. */
export async function readManifestUnchecked(redis: Redis, sweep: string): Promise<SweepManifest | undefined> {
  const text = await redis.get(keys.sweep(sweep));
  return text ? (JSON.parse((JSON.parse(text) as { body: string }).body) as SweepManifest) : undefined;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; why: string };

/** A sweep's manifest, refused when missing or not signed with this secret. */
export async function readManifest(redis: Redis, secret: Buffer, sweep: string): Promise<Checked<SweepManifest>> {
  const text = await redis.get(keys.sweep(sweep));
  if (!text) return { ok: false, why: `sweep ${sweep.slice(0, 12)} has no manifest in Redis (its coordinator never published it, or it expired)` };
  let stored: { body?: unknown; sig?: unknown };
  try {
    stored = JSON.parse(text) as typeof stored;
  } catch {
    return { ok: false, why: `sweep ${sweep.slice(0, 12)}: its manifest is not JSON` };
  }
  if (typeof stored.body !== 'string' || !verify(secret, 'sweep', stored.body, stored.sig)) {
    return { ok: false, why: `sweep ${sweep.slice(0, 12)}: its manifest is unsigned or wrongly signed (not written with this worker's secret)` };
  }
  const manifest = JSON.parse(stored.body) as SweepManifest;
  if (manifest.sweep !== sweep) return { ok: false, why: `sweep ${sweep.slice(0, 12)}: its manifest is for another sweep (${String(manifest.sweep).slice(0, 12)})` };
  return { ok: true, value: manifest };
}

export async function readDataset(redis: Redis, sha: string): Promise<Checked<Buffer>> {
  const bytes = await redis.getBuffer(keys.data(sha));
  if (!bytes) return { ok: false, why: `dataset ${sha.slice(0, 12)} is not in Redis` };
  const got = sha256(bytes);
  if (got !== sha) return { ok: false, why: `dataset ${sha.slice(0, 12)} in Redis has sha256 ${got.slice(0, 12)}: altered or damaged` };
  return { ok: true, value: bytes };
}

export async function readStrategy(redis: Redis, secret: Buffer, sha: string): Promise<Checked<Buffer>> {
  const [source, sig] = await Promise.all([redis.hgetBuffer(keys.strategy(sha), 'source'), redis.hget(keys.strategy(sha), 'sig')]);
  if (!source) return { ok: false, why: `strategy file ${sha.slice(0, 12)} is not in Redis` };
  if (sha256(source) !== sha) return { ok: false, why: `strategy file ${sha.slice(0, 12)} in Redis has another sha256: altered or damaged` };
  if (!verify(secret, 'strategy', Buffer.concat([Buffer.from(`${sha}\n`), source]), sig)) return { ok: false, why: `strategy file ${sha.slice(0, 12)} is unsigned or wrongly signed (not written with this worker's secret)` };
  return { ok: true, value: source };
}

/**
 * Store a chunk's rows, each only if its trial has none yet (HSETNX), then note the chunk as done, in one
 * transaction: a duplicate or redelivered chunk changes nothing already stored.
 */
export async function storeRows(redis: Redis, sweep: string, chunk: number, rows: readonly TrialRow[]): Promise<void> {
  const tx = redis.multi();
  for (const row of rows) tx.hsetnx(keys.results(sweep), String(row.trial), JSON.stringify(row));
  tx.rpush(keys.done(sweep), String(chunk));
  const replies = await tx.exec();
  const failed = replies?.find(([e]) => e);
  if (!replies || failed) throw new Error(`storing chunk ${chunk}: ${failed?.[0]?.message ?? 'transaction aborted'}`);
}

/** The stored rows of some trials (absent ones left out). */
export async function readRows(redis: Redis, sweep: string, trials: readonly number[]): Promise<TrialRow[]> {
  if (!trials.length) return [];
  const texts = await redis.hmget(keys.results(sweep), ...trials.map(String));
  return texts.flatMap((t) => (t ? [JSON.parse(t) as TrialRow] : []));
}

/** Every stored row, a page at a time. */
export async function* allRows(redis: Redis, sweep: string): AsyncGenerator<TrialRow[]> {
  let cursor = '0';
  do {
    const [next, flat] = await redis.hscan(keys.results(sweep), cursor, 'COUNT', 1000);
    cursor = next;
    const rows: TrialRow[] = [];
    for (let k = 1; k < flat.length; k += 2) rows.push(JSON.parse(flat[k]) as TrialRow);
    if (rows.length) yield rows;
  } while (cursor !== '0');
}

/** Chunks with at least one of the given trials, ascending. */
export function chunksOf(trials: Iterable<number>, size: number): number[] {
  const set = new Set<number>();
  for (const t of trials) set.add(Math.floor(t / size));
  return [...set].sort((a, b) => a - b);
}
