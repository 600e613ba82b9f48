import { statSync } from 'node:fs';
import { MarketData } from '../engine/market/market-data.ts';
import type { MacroSeries } from '../engine/macro/macro-series.ts';
import type { MacroFrequency } from '../engine/macro/periods.ts';
import { CACHE_VERSION, packEntry, readEntry, sha256, unpackEntry, writeEntry, type CacheEntry } from './binary-cache.ts';
import type { DatasetIdentity } from './load.ts';
import { join } from 'node:path';

/**
 * A whole load as one cache entry: the aligned market buffer and the built macro series, exactly as the engine
 * takes them, so a warm `rotor run` does no parsing, checking or aligning at all. Keyed by what was asked (symbols,
 * series, options) and by every source file's stat stamp; any stat change misses, and the per-file entries (which
 * re-hash) take over and write a new one.
 */
interface Header {
  identity: DatasetIdentity;
  dates: string[];
  symbols: string[];
  macro: { name: string; periods: string[]; released: string[]; frequency?: MacroFrequency; dueLagDays?: number }[];
}

export function datasetKey(request: unknown, files: readonly string[]): string {
  const stamps = files.map((f) => {
    const st = statSync(f);
    return [f, st.size, st.mtimeMs, st.ctimeMs, st.ino];
  });
  return sha256(JSON.stringify({ v: CACHE_VERSION, request, stamps })).slice(0, 32);
}

export function readDatasetEntry(cacheDir: string, key: string): { market: MarketData; macro: MacroSeries[]; identity: DatasetIdentity } | undefined {
  const e = readEntry<Header>(join(cacheDir, `dataset-${key}.bin`), 'dataset');
  return e && fromEntry(e);
}

export function writeDatasetEntry(cacheDir: string, key: string, market: MarketData, macro: readonly MacroSeries[], identity: DatasetIdentity): void {
  writeEntry(join(cacheDir, `dataset-${key}.bin`), 'dataset', { size: 0, mtimeMs: 0, ctimeMs: 0, ino: 0, sha256: key }, toEntry(market, macro, identity));
}

/** A loaded dataset as bytes (the cache entry's form), to hand to another machine: see unpackDataset. */
export function packDataset(market: MarketData, macro: readonly MacroSeries[], identity: DatasetIdentity): Buffer {
  return packEntry('dataset', { size: 0, mtimeMs: 0, ctimeMs: 0, ino: 0, sha256: identity.hash }, toEntry(market, macro, identity));
}

/** The dataset packDataset packed, on fresh shared memory; undefined when the bytes are not an intact one. */
export function unpackDataset(bytes: Buffer): { market: MarketData; macro: MacroSeries[]; identity: DatasetIdentity } | undefined {
  const e = unpackEntry<Header>(bytes, 'dataset');
  return e && fromEntry(e);
}

function toEntry(market: MarketData, macro: readonly MacroSeries[], identity: DatasetIdentity): CacheEntry<Header> {
  const arrays: Record<string, Float64Array> = { market: new Float64Array(market.buffer) };
  macro.forEach((m, i) => (arrays[`m${i}`] = m.values));
  const header: Header = {
    identity,
    dates: [...market.dates],
    symbols: [...market.symbols],
    macro: macro.map((m) => ({ name: m.name, periods: m.periods, released: m.released, frequency: m.frequency, dueLagDays: m.dueLagDays })),
  };
  return { header, arrays };
}

function fromEntry(e: CacheEntry<Header>): { market: MarketData; macro: MacroSeries[]; identity: DatasetIdentity } {
  const values = e.arrays.market as Float64Array;
  const buffer = new SharedArrayBuffer(values.byteLength);
  new Float64Array(buffer).set(values);
  const macro = e.header.macro.map((m, i) => ({ ...m, values: Float64Array.from(e.arrays[`m${i}`] as Float64Array) }));
  return { market: new MarketData(e.header.dates, e.header.symbols, buffer), macro, identity: e.header.identity };
}
