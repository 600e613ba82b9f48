import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RotorError } from '../engine/errors.ts';
import { alignBars } from '../engine/market/align.ts';
import type { MarketData } from '../engine/market/market-data.ts';
import type { MacroSeries } from '../engine/macro/macro-series.ts';
import { readPrices } from './read-prices.ts';
import { readMacro, type MacroVintage } from './read-macro.ts';

/** The embedded synthetic sample, used whenever no --data folder is given. */
export const SAMPLE_DIR = fileURLToPath(new URL('./sample', import.meta.url));

/** Enough to tell two runs' data apart and to reproduce them. */
export interface DatasetIdentity {
  dir: string;
  synthetic: boolean;
  /** sha256 over the names and hashes of the files used. */
  hash: string;
  files: { file: string; sha256: string; rows: number; first: string; last: string }[];
}

export interface Dataset {
  market: MarketData;
  macro: MacroSeries[];
  identity: DatasetIdentity;
}

/** `^RUT` is stored as RUT.csv: carets are not portable in file names. */
export function symbolFile(symbol: string): string {
  return symbol.replace(/^\^/, '') + '.csv';
}

export function listSymbols(dir: string): { prices: string[]; macro: string[] } {
  const names = (sub: string) =>
    existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)).filter((f) => f.endsWith('.csv')).map((f) => basename(f, '.csv')).sort() : [];
  return { prices: names('prices'), macro: names('macro') };
}

function isSynthetic(dir: string): boolean {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { synthetic?: unknown }).synthetic === true;
  } catch {
    return false;
  }
}

/**
 * Load the named symbols and macro series from a folder laid out as `prices/SYMBOL.csv` and `macro/SERIES.csv`
 * (a flat folder of price files is accepted too). Only what a run needs is read.
 */
export function loadDataset(
  dirIn: string,
  symbols: readonly string[],
  macroNames: readonly string[] = [],
  options: { vintage?: MacroVintage } = {},
): Dataset {
  const dir = resolve(dirIn);
  if (!existsSync(dir)) throw new RotorError(`--data ${dirIn}: no such folder`);
  const priceDir = existsSync(join(dir, 'prices')) ? join(dir, 'prices') : dir;
  const files: DatasetIdentity['files'] = [];
  const record = (path: string, text: string, dates: readonly string[]) => {
    files.push({
      file: path.slice(dir.length + 1),
      sha256: createHash('sha256').update(text).digest('hex'),
      rows: dates.length,
      first: dates[0],
      last: dates[dates.length - 1],
    });
  };
  const unique = [...new Set(symbols)];
  const bars = unique.map((symbol) => {
    const path = join(priceDir, symbolFile(symbol));
    if (!existsSync(path)) {
      const have = listSymbols(dir).prices;
      throw new RotorError(`${path}: no price file for ${symbol} (the folder has ${have.join(', ') || 'no price files'})`);
    }
    const text = readFileSync(path, 'utf8');
    const b = readPrices(path, symbol, text);
    record(path, text, b.dates);
    return b;
  });
  // `GDPC1.first_release_qoq_saar_pct` names a column of macro/GDPC1.csv; `GDPC1` alone its value column.
  const macro = [...new Set(macroNames)].map((name) => {
    const dot = name.indexOf('.');
    const fileName = dot < 0 ? name : name.slice(0, dot);
    const path = join(dir, 'macro', `${fileName}.csv`);
    if (!existsSync(path)) {
      const have = listSymbols(dir).macro;
      throw new RotorError(`${path}: no macro file for ${name} (the folder has ${have.join(', ') || 'no macro files'})`);
    }
    const text = readFileSync(path, 'utf8');
    const m = readMacro(path, name, text, { column: dot < 0 ? undefined : name.slice(dot + 1), vintage: options.vintage });
    if (!files.some((f) => f.file === path.slice(dir.length + 1))) record(path, text, m.periods);
    return m;
  });
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => a.file.localeCompare(b.file))) hash.update(`${f.file}\0${f.sha256}\n`);
  return {
    market: alignBars(bars),
    macro,
    identity: { dir, synthetic: isSynthetic(dir), hash: hash.digest('hex'), files },
  };
}
