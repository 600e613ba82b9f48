import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { RotorError } from '../engine/errors.ts';
import { PRICE_FIELDS } from '../engine/market/market-data.ts';
import { defaultCacheDir } from './binary-cache.ts';
import { readMacroFile, readPriceFile } from './cached-read.ts';
import type { DataIssue } from './issues.ts';
import { priceFolder } from './load.ts';
import { checkPriceSeries, type PriceRuleOptions } from './price-rules.ts';
import { macroSeriesFrom } from './read-macro.ts';
import { seriesKind, type SeriesKind } from './release-lags.ts';

/** One file of a data folder, as `rotor data list` shows it. */
export interface InventoryEntry {
  kind: 'prices' | 'macro';
  /** Relative to the folder. */
  file: string;
  /** Symbol (`RUT` stands for `^RUT` too) or series file stem. */
  name: string;
  format: string;
  rows: number;
  first: string;
  last: string;
  /** Columns with at least one value, in the file's own names. */
  columns: string[];
  sha256: string;
  /** Macro: the names a strategy can read (`GDPC1`, or `SHILLER_SP500_MONTHLY.earnings_ttm` for a wide table). */
  series?: string[];
  /** Macro: the kind of the main series, which sets the default release lag, and how many rows carry their own release_date. */
  releaseKind?: SeriesKind;
  releaseDates?: number;
  issues: DataIssue[];
}

const FIELD_HEADER = { open: 'open', high: 'high', low: 'low', close: 'close', adjClose: 'adj_close', volume: 'volume' } as const;

function csvFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.csv')).sort() : [];
}

/**
 * Read every price and macro file of a folder and describe it. `cache: false` parses every file from its source
 * (what `rotor data check` does, so that it judges the bytes on disk); series checks use `rules`.
 */
export function inventory(dirIn: string, options: { rules?: PriceRuleOptions; cache?: boolean } = {}): InventoryEntry[] {
  const dir = resolve(dirIn);
  if (!existsSync(dir)) throw new RotorError(`${dirIn}: no such folder`);
  const cacheDir = options.cache === false ? undefined : defaultCacheDir();
  const rel = (path: string) => path.slice(dir.length + 1);
  const out: InventoryEntry[] = [];
  const prices = priceFolder(dir);
  for (const f of csvFiles(prices)) {
    const path = join(prices, f);
    const { table, sha256 } = readPriceFile(path, cacheDir);
    const issues = [...table.issues];
    if (!issues.some((i) => i.severity === 'error')) issues.push(...checkPriceSeries(table, options.rules));
    const columns = table.dates.length ? ['date', ...PRICE_FIELDS.filter((k) => table.columns[k].some((v) => !Number.isNaN(v))).map((k) => FIELD_HEADER[k])] : [];
    out.push({ kind: 'prices', file: rel(path), name: basename(f, '.csv'), format: table.format, rows: table.dates.length, first: table.dates[0] ?? '', last: table.dates.at(-1) ?? '', columns, sha256, issues });
  }
  for (const f of csvFiles(join(dir, 'macro'))) {
    const path = join(dir, 'macro', f);
    const { table, sha256 } = readMacroFile(path, cacheDir);
    const stem = basename(f, '.csv');
    const numeric = Object.keys(table.numeric).filter((c) => table.numeric[c].some((v) => !Number.isNaN(v)));
    const text = Object.keys(table.text).filter((c) => table.text[c].some((v) => v !== ''));
    const sourceName = (c: string) => (c === 'value' && table.format === 'fred' ? table.header.find((h, i) => i > 0 && !text.includes(h)) ?? c : c);
    const series = table.numeric.value ? [stem] : numeric.map((c) => `${stem}.${c}`);
    const entry: InventoryEntry = {
      kind: 'macro',
      file: rel(path),
      name: stem,
      format: table.format,
      rows: table.dates.length,
      first: table.dates[0] ?? '',
      last: table.dates.at(-1) ?? '',
      columns: table.dates.length ? [table.header[0], ...numeric.map(sourceName), ...text] : [],
      sha256,
      series,
      issues: table.issues,
    };
    if (series.length && !table.issues.some((i) => i.severity === 'error')) {
      const main = macroSeriesFrom(table, series[0], { column: series[0].includes('.') ? series[0].slice(stem.length + 1) : undefined });
      entry.releaseKind = main.info.kind;
      entry.releaseDates = main.periods.length - main.info.defaultReleases;
    } else if (series.length) {
      entry.releaseKind = seriesKind(series[0], table.frequency);
    }
    out.push(entry);
  }
  if (out.length === 0) throw new RotorError(`${dirIn}: no price or macro files (expected prices/SYMBOL.csv and macro/SERIES.csv, or *.csv)`);
  return out;
}
