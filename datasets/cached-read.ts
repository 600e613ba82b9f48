import { readFileSync, statSync } from 'node:fs';
import { PRICE_FIELDS, type PriceField } from '../engine/market/market-data.ts';
import type { MacroFrequency } from '../engine/macro/periods.ts';
import { entryPath, readEntry, sameStat, sha256, statStamp, writeEntry, type CacheEntry, type CachedArray } from './binary-cache.ts';
import { countErrors, type DataIssue } from './issues.ts';
import { parsePrices, type PriceTable } from './read-prices.ts';
import { parseMacroTable, type MacroTable } from './read-macro.ts';
import type { MacroFormat, PriceFormat } from './formats.ts';

/** How a file was obtained: from a cache entry as is, from an entry after re-hashing a touched file, or parsed. */
export type CacheStatus = 'hit' | 'rehashed' | 'built' | 'off';

export interface Read<T> {
  table: T;
  sha256: string;
  cache: CacheStatus;
}

interface PriceHeader {
  format: PriceFormat;
  header: string[];
  dates: string[];
  issues: DataIssue[];
}

interface MacroHeader {
  format: MacroFormat;
  header: string[];
  dates: string[];
  issues: DataIssue[];
  text: Record<string, string[]>;
  numericNames: string[];
  frequency: MacroFrequency;
}

/** Issues are stored without their path, so that an entry stays valid however the folder is named on this run. */
const strip = (issues: readonly DataIssue[]): DataIssue[] => issues.map((i) => ({ ...i, file: '' }));
const withFile = (file: string, issues: readonly DataIssue[]): DataIssue[] => issues.map((i) => ({ ...i, file }));

function cachedRead<T, H>(
  file: string,
  kind: string,
  cacheDir: string | undefined,
  parse: (text: string) => T,
  toEntry: (t: T) => CacheEntry<H>,
  fromEntry: (e: CacheEntry<H>) => T,
  hasErrors: (t: T) => boolean,
): Read<T> {
  const st = statSync(file);
  const path = cacheDir ? entryPath(cacheDir, file, kind) : undefined;
  const entry = path ? readEntry<H>(path, kind) : undefined;
  if (entry && sameStat(entry.source, st)) return { table: fromEntry(entry), sha256: entry.source.sha256, cache: 'hit' };
  const bytes = readFileSync(file);
  const hash = sha256(bytes);
  if (entry && entry.source.sha256 === hash) {
    writeEntry(path!, kind, statStamp(st, hash), entry);
    return { table: fromEntry(entry), sha256: hash, cache: 'rehashed' };
  }
  const table = parse(bytes.toString('utf8'));
  // A file with errors stops every run that reads it: nothing worth keeping until it is fixed.
  if (path && !hasErrors(table)) writeEntry(path, kind, statStamp(st, hash), toEntry(table));
  return { table, sha256: hash, cache: path ? 'built' : 'off' };
}

/** A price file, through the cache when one is given. */
export function readPriceFile(file: string, cacheDir: string | undefined): Read<PriceTable> {
  return cachedRead<PriceTable, PriceHeader>(
    file,
    'prices',
    cacheDir,
    (text) => parsePrices(file, text),
    (t) => ({
      header: { format: t.format, header: t.header, dates: t.dates, issues: strip(t.issues) },
      arrays: { lines: t.lines, ...Object.fromEntries(PRICE_FIELDS.map((f) => [f, t.columns[f]])) },
    }),
    (e) => ({
      file,
      format: e.header.format,
      header: e.header.header,
      dates: e.header.dates,
      lines: e.arrays.lines as Int32Array,
      columns: Object.fromEntries(PRICE_FIELDS.map((f) => [f, e.arrays[f] as Float64Array])) as Record<PriceField, Float64Array>,
      issues: withFile(file, e.header.issues),
    }),
    (t) => countErrors(t.issues) > 0,
  );
}

/** A macro file, through the cache when one is given. */
export function readMacroFile(file: string, cacheDir: string | undefined): Read<MacroTable> {
  return cachedRead<MacroTable, MacroHeader>(
    file,
    'macro',
    cacheDir,
    (text) => parseMacroTable(file, text),
    (t) => {
      const arrays: Record<string, CachedArray> = { lines: t.lines };
      const names = Object.keys(t.numeric);
      names.forEach((name, i) => (arrays[`n${i}`] = t.numeric[name]));
      return {
        header: { format: t.format, header: t.header, dates: t.dates, issues: strip(t.issues), text: t.text, numericNames: names, frequency: t.frequency },
        arrays,
      };
    },
    (e) => ({
      file,
      format: e.header.format,
      header: e.header.header,
      dates: e.header.dates,
      lines: e.arrays.lines as Int32Array,
      numeric: Object.fromEntries(e.header.numericNames.map((name, i) => [name, e.arrays[`n${i}`] as Float64Array])),
      text: e.header.text,
      frequency: e.header.frequency,
      issues: withFile(file, e.header.issues),
    }),
    (t) => countErrors(t.issues) > 0,
  );
}
