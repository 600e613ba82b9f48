import { ROTOR_ROOT } from './package-root.ts';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A compact cache of parsed data files: per source file, one entry holding a JSON header (what the file was, its
 * text columns and findings) and the numeric columns as raw little-endian typed-array bytes, which load back as
 * views without parsing.
 *
 * Keying: the entry records the source's sha256, and the (size, mtime, ctime, inode) it had when hashed. A load
 * whose stat matches trusts the entry without reading the source (hashing all of ../shared/data on every run costs
 * more than the rest of a warm load); any stat change re-hashes the source, and a changed hash re-parses it. Writing a
 * file always changes its ctime, so an edit that keeps the size and restores the mtime is still caught. Bumping
 * CACHE_VERSION (when a reader's output changes) invalidates every entry.
 *
 * Where: $ROTOR_CACHE_DIR (`off` disables), else rotor's own node_modules/.cache/rotor, else the OS temp folder.
 * Never inside the data folder: it may be read-only (../shared/data is) or under version control.
 */
export const CACHE_VERSION = 4; // 4: findings carry the date they are about

const MAGIC = Buffer.from('ROTORC\0\x01', 'latin1');

export interface SourceStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  sha256: string;
}

/** One typed column of an entry. */
export type CachedArray = Float64Array | Int32Array;

export interface CacheEntry<H> {
  header: H;
  arrays: Record<string, CachedArray>;
}

interface StoredHeader<H> {
  version: number;
  kind: string;
  source: SourceStamp;
  arrays: { name: string; type: 'f64' | 'i32'; length: number }[];
  header: H;
}


/** The cache folder to use, or undefined when caching is off. */
export function defaultCacheDir(): string | undefined {
  const env = process.env.ROTOR_CACHE_DIR;
  if (env) return env === 'off' ? undefined : resolve(env);
  const modules = join(ROTOR_ROOT, 'node_modules');
  if (existsSync(modules)) return join(modules, '.cache', 'rotor');
  return join(tmpdir(), `rotor-cache-${userInfo().uid}`);
}

export function statStamp(st: Stats, sha256: string): SourceStamp {
  return { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, sha256 };
}

export function sameStat(a: SourceStamp, st: Stats): boolean {
  return a.size === st.size && a.mtimeMs === st.mtimeMs && a.ctimeMs === st.ctimeMs && a.ino === st.ino;
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The entry file of one source file (by absolute path and what it was read as). */
export function entryPath(dir: string, source: string, kind: string): string {
  return join(dir, `${sha256(`${resolve(source)}\0${kind}`).slice(0, 32)}.bin`);
}

/** Read an entry if it exists, is of this version and kind, and is intact; anything else is a miss. */
export function readEntry<H>(path: string, kind: string): (CacheEntry<H> & { source: SourceStamp }) | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    return undefined;
  }
  return unpackEntry<H>(buf, kind);
}

/** An entry from its bytes (a file's, or a queue's copy of a dataset), or undefined if they are not one intact. */
export function unpackEntry<H>(buf: Buffer, kind: string): (CacheEntry<H> & { source: SourceStamp }) | undefined {
  if (buf.length < 12 || !buf.subarray(0, 8).equals(MAGIC)) return undefined;
  const headerLength = buf.readUInt32LE(8);
  let stored: StoredHeader<H>;
  try {
    stored = JSON.parse(buf.toString('utf8', 12, 12 + headerLength)) as StoredHeader<H>;
  } catch {
    return undefined;
  }
  if (stored.version !== CACHE_VERSION || stored.kind !== kind) return undefined;
  let offset = align8(12 + headerLength);
  // Typed views need an 8-byte aligned start; a pooled or sliced Buffer may not give one, so copy in that case.
  const base = (buf.byteOffset & 7) === 0 ? buf : Buffer.from(buf);
  const arrays: Record<string, CachedArray> = {};
  for (const a of stored.arrays) {
    const bytes = a.length * (a.type === 'f64' ? 8 : 4);
    if (offset + bytes > base.length) return undefined;
    arrays[a.name] =
      a.type === 'f64' ? new Float64Array(base.buffer, base.byteOffset + offset, a.length) : new Int32Array(base.buffer, base.byteOffset + offset, a.length);
    offset = align8(offset + bytes);
  }
  return { header: stored.header, arrays, source: stored.source };
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

/** An entry as bytes: magic, header length, JSON header, then each array 8-byte aligned. */
export function packEntry<H>(kind: string, source: SourceStamp, entry: CacheEntry<H>): Buffer {
  const arrays = Object.entries(entry.arrays).map(([name, a]) => ({ name, type: a instanceof Float64Array ? ('f64' as const) : ('i32' as const), length: a.length }));
  const stored: StoredHeader<H> = { version: CACHE_VERSION, kind, source, arrays, header: entry.header };
  const json = Buffer.from(JSON.stringify(stored), 'utf8');
  const size = align8(12 + json.length) + arrays.reduce((s, a) => s + align8(a.length * (a.type === 'f64' ? 8 : 4)), 0);
  const out = Buffer.alloc(size);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(json.length, 8);
  json.copy(out, 12);
  let offset = align8(12 + json.length);
  for (const a of Object.values(entry.arrays)) {
    const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    bytes.copy(out, offset);
    offset = align8(offset + a.byteLength);
  }
  return out;
}

/**
 * Write an entry atomically (temporary file, then rename), so concurrent runs never read half an entry. A cache
 * that cannot be written is not an error: the run goes on from the source; the caller is told.
 */
export function writeEntry<H>(path: string, kind: string, source: SourceStamp, entry: CacheEntry<H>): boolean {
  const out = packEntry(kind, source, entry);
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(tmp, out);
    renameSync(tmp, path);
    return true;
  } catch {
    rmSync(tmp, { force: true });
    return false;
  }
}
