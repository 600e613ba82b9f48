import { mkdirSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../datasets/index.ts';

const PRICES = 'date,open,high,low,close,adj_close,volume\n2024-01-02,10,11,9,10.5,10.25,100\n2024-01-03,10.5,11.5,10,11,10.75,200\n';
const MACRO = 'date,value,release_date\n2024-01-01,3.1,2024-02-13\n2024-02-01,3.2,\n';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'rotor-cache-data-'));
  const cacheDir = mkdtempSync(join(tmpdir(), 'rotor-cache-'));
  mkdirSync(join(dir, 'prices'));
  mkdirSync(join(dir, 'macro'));
  writeFileSync(join(dir, 'prices', 'A.csv'), PRICES);
  writeFileSync(join(dir, 'macro', 'CPIAUCNS.csv'), MACRO);
  const load = () => loadDataset(dir, ['A'], ['CPIAUCNS'], { cacheDir });
  return { dir, cacheDir, load };
}

describe('binary cache', () => {
  it('a warm load equals the cold load bit for bit', () => {
    // The whole-load entry and the per-file entries must each give back exactly what parsing gave.
    const { dir, load, cacheDir } = setup();
    const cold = load();
    expect(cold.cache.map((c) => c.status)).toEqual(['built', 'built']);
    expect(readdirSync(cacheDir)).toHaveLength(3); // one entry per file, one for the whole aligned load
    const warm = load();
    expect(warm.cache.map((c) => c.status)).toEqual(['dataset', 'dataset']);
    expect(Buffer.from(warm.market.buffer).equals(Buffer.from(cold.market.buffer))).toBe(true);
    expect(warm.market.dates).toEqual(cold.market.dates);
    expect(Buffer.from(warm.macro[0].values.buffer).equals(Buffer.from(cold.macro[0].values.buffer))).toBe(true);
    expect(warm.macro[0].released).toEqual(['2024-02-13', '2024-03-12']); // the first from the file, the second from the release calendar
    expect(warm.identity).toEqual(cold.identity);
    expect(Array.from(warm.market.column('A', 'adjClose'))).toEqual([10.25, 10.75]);
    const perFile = loadDataset(dir, ['A'], ['CPIAUCNS'], { cacheDir, vintage: 'latest' }); // another request: per-file entries
    expect(perFile.cache.map((c) => c.status)).toEqual(['hit', 'hit']);
    expect(Buffer.from(perFile.market.buffer).equals(Buffer.from(cold.market.buffer))).toBe(true);
    expect(warm.market.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('touching a source re-hashes it (same bytes: the entry is kept); changing it rebuilds with the new values', () => {
    const { dir, load } = setup();
    const first = load();
    const path = join(dir, 'prices', 'A.csv');
    const later = new Date(statSync(path).mtimeMs + 5_000);
    utimesSync(path, later, later);
    expect(load().cache.map((c) => c.status)).toEqual(['rehashed', 'hit']);
    expect(load().cache.map((c) => c.status)).toEqual(['dataset', 'dataset']);
    // Same size, and the old mtime put back: the ctime still moves, so the edit is seen.
    const before = statSync(path);
    writeFileSync(path, PRICES.replace('10.75', '10.95'));
    utimesSync(path, before.atime, before.mtime);
    const changed = load();
    expect(changed.cache.map((c) => c.status)).toEqual(['built', 'hit']);
    expect(Array.from(changed.market.column('A', 'adjClose'))).toEqual([10.25, 10.95]);
    expect(changed.identity.hash).not.toBe(first.identity.hash);
  });

  it('a file with errors is not cached, and still stops the load every time', () => {
    const { dir, cacheDir, load } = setup();
    writeFileSync(join(dir, 'prices', 'A.csv'), PRICES.replace('10.5,11.5', '10.5,9.5'));
    expect(load).toThrow(':3: high 9.5 is below low 10');
    expect(load).toThrow(':3: high 9.5 is below low 10');
    expect(readdirSync(cacheDir)).toHaveLength(1); // the macro file only
  });
});
