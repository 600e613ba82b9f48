import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { RotorError } from '../engine/errors.ts';
import { checkSymbolName } from '../engine/strategy/symbol-name.ts';
import { alignBars } from '../engine/market/align.ts';
import type { MarketData } from '../engine/market/market-data.ts';
import type { MacroSeries } from '../engine/macro/macro-series.ts';
import { defaultCacheDir } from './binary-cache.ts';
import { ROTOR_ROOT } from './package-root.ts';
import { readMacroFile, readPriceFile, type CacheStatus } from './cached-read.ts';
import { throwIfErrors, type DataIssue } from './issues.ts';
import { checkPriceSeries, type PriceRuleOptions } from './price-rules.ts';
import { symbolBars } from './read-prices.ts';
import { macroSeriesFrom, type MacroVintage } from './read-macro.ts';
import { lagOverride, RELEASE_RULES_ID, type SeriesKind } from './release-lags.ts';
import { CALENDAR_FILE } from './release-calendar.ts';
import { readMacroLagConfig, MACRO_LAGS_FILE } from './macro-lag-config.ts';
import { datasetKey, readDatasetEntry, writeDatasetEntry } from './dataset-cache.ts';

/** The embedded synthetic sample, used whenever no --data folder is given. */
export const SAMPLE_DIR = join(ROTOR_ROOT, 'datasets', 'sample');

export interface DatasetFile {
  /** Path relative to the dataset folder, e.g. `prices/SPY.csv`. */
  file: string;
  sha256: string;
  /** Layout the file was read as (rotor, yahoo, stooq, stooq-ascii, fred, table). */
  format: string;
  /** The symbol a price file was read for. */
  symbol?: string;
  rows: number;
  first: string;
  last: string;
}

/** How each macro series of a run was read: which column, and where its release dates came from. */
export interface DatasetSeries {
  series: string;
  file: string;
  column: string;
  kind: SeriesKind;
  /** Observations whose release date is the kind's default (or the override), not a date from the file. */
  defaultReleases: number;
  /** Days after period end, when overridden by --macro-lag or macro-lags.json. */
  lagDays?: number;
}

/** Enough to tell two runs' data apart and to reproduce them. */
export interface DatasetIdentity {
  dir: string;
  synthetic: boolean;
  /** sha256 over the names and hashes of the files used. */
  hash: string;
  files: DatasetFile[];
  macro: DatasetSeries[];
  vintage: MacroVintage;
  /** What the data checks found that does not stop a run (big moves, gaps, missing periods, OHLC unavailable). */
  warnings: DataIssue[];
}

export interface Dataset {
  market: MarketData;
  macro: MacroSeries[];
  identity: DatasetIdentity;
  /** Per file, whether it came from the binary cache (not part of the identity: it does not change results). */
  cache: { file: string; status: CacheStatus | 'dataset' }[];
}

export interface LoadOptions {
  vintage?: MacroVintage;
  /** Days after period end per series (from --macro-lag); these win over the folder's macro-lags.json. */
  macroLags?: Readonly<Record<string, number>>;
  rules?: PriceRuleOptions;
  /** A cache folder, or false for none; default `defaultCacheDir()`. */
  cacheDir?: string | false;
}

/** sha256 over the names and hashes of some files: a dataset's hash, or the part of it one run reads. */
export function filesHash(files: readonly Pick<DatasetFile, 'file' | 'sha256'>[]): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => a.file.localeCompare(b.file))) hash.update(`${f.file}\0${f.sha256}\n`);
  return hash.digest('hex');
}

/** `^RUT` is stored as RUT.csv: carets are not portable in file names. */
export function symbolFile(symbol: string): string {
  return checkSymbolName(symbol, 'symbol').replace(/^\^/, '') + '.csv';
}

export function listSymbols(dir: string): { prices: string[]; macro: string[] } {
  const names = (sub: string) => (existsSync(sub) ? readdirSync(sub).filter((f) => f.endsWith('.csv')).map((f) => basename(f, '.csv')).sort() : []);
  return { prices: names(priceFolder(dir)), macro: names(join(dir, 'macro')) };
}

/** `prices/` when the folder has one; otherwise the folder itself holds price files. */
export function priceFolder(dir: string): string {
  return existsSync(join(dir, 'prices')) ? join(dir, 'prices') : dir;
}

export function isSynthetic(dir: string): boolean {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { synthetic?: unknown }).synthetic === true;
  } catch {
    return false;
  }
}

/** `GDPC1.first_release_qoq_saar_pct` names a column of macro/GDPC1.csv; `GDPC1` alone its value column. */
export function macroFileOf(name: string): { stem: string; column?: string } {
  const dot = checkSymbolName(name, 'macro series').indexOf('.');
  return dot < 0 ? { stem: name } : { stem: name.slice(0, dot), column: name.slice(dot + 1) };
}

/**
 * Load the named symbols and macro series from a folder laid out as `prices/SYMBOL.csv` and `macro/SERIES.csv`
 * (a flat folder of price files is accepted too), in rotor's layout or as Yahoo/Stooq/FRED exports. Only what a run
 * needs is read. Every file is checked first; any error stops the load (nothing has been written yet), with the
 * first one as the message. Warnings travel in the identity, to the run's metadata and report.
 */
/**
 * Whether a series is one whose published values are revised later (employment, GDP, seasonally adjusted CPI) read
 * from a file that keeps only today's revised values: no first prints to read instead.
 */
function readsRevisedValues(stem: string, kind: SeriesKind, column: string, numeric: Readonly<Record<string, unknown>>): boolean {
  if (column !== 'value' || 'first_release_value' in numeric) return false;
  if (kind === 'employment' || kind === 'gdp') return true;
  // Seasonally adjusted CPI is revised every February; not-seasonally-adjusted CPI (CPIAUCNS, CUUR…) is not.
  return kind === 'cpi' && !/NS$|^CUUR/.test(stem.toUpperCase());
}

export function loadDataset(dirIn: string, symbols: readonly string[], macroNames: readonly string[] = [], options: LoadOptions = {}): Dataset {
  const dir = resolve(dirIn);
  if (!existsSync(dir)) throw new RotorError(`--data ${dirIn}: no such folder`);
  const cacheDir = options.cacheDir === false ? undefined : (options.cacheDir ?? defaultCacheDir());
  const vintage = options.vintage ?? 'first';
  const lags = { ...readMacroLagConfig(dir), ...options.macroLags };
  const rel = (path: string) => path.slice(dir.length + 1);
  const files: DatasetFile[] = [];
  const cache: Dataset['cache'] = [];
  const issues: DataIssue[] = [];
  const record = (path: string, sha: string, format: string, dates: readonly string[], symbol?: string) => {
    files.push({ file: rel(path), sha256: sha, format, ...(symbol ? { symbol } : {}), rows: dates.length, first: dates[0] ?? '', last: dates[dates.length - 1] ?? '' });
  };

  const prices = priceFolder(dir);
  const wanted = [...new Set(macroNames)];
  const sources = [...new Set(symbols)].map((s) => join(prices, symbolFile(s)));
  const macroSources = [...new Set(wanted.map((n) => join(dir, 'macro', `${macroFileOf(n).stem}.csv`)))];
  const allFound = [...sources, ...macroSources].every((p) => existsSync(p));
  const key = cacheDir && allFound ? datasetKey({ dir, symbols, wanted, vintage, lags, rules: options.rules ?? {}, releaseRules: RELEASE_RULES_ID }, [...sources, ...macroSources, CALENDAR_FILE]) : undefined;
  const whole = key ? readDatasetEntry(cacheDir!, key) : undefined;
  if (whole) return { ...whole, cache: whole.identity.files.map((f) => ({ file: f.file, status: 'dataset' as const })) };

  const bars = [...new Set(symbols)].map((symbol) => {
    const path = join(prices, symbolFile(symbol));
    if (!existsSync(path)) {
      const have = listSymbols(dir).prices;
      // Symbols are case-sensitive file names: `spy` is not SPY.csv, so say which one it probably meant.
      const sameLetters = have.find((h) => h.toLowerCase() === symbol.replace(/^\^/, '').toLowerCase());
      throw new RotorError(`${path}: no price file for ${symbol}${sameLetters ? ` (did you mean ${sameLetters}?)` : ''} (the folder has ${have.join(', ') || 'no price files'})`);
    }
    const read = readPriceFile(path, cacheDir);
    cache.push({ file: rel(path), status: read.cache });
    issues.push(...read.table.issues);
    if (!read.table.issues.some((i) => i.severity === 'error')) issues.push(...checkPriceSeries(read.table, options.rules));
    record(path, read.sha256, read.table.format, read.table.dates, symbol);
    return symbolBars(read.table, symbol);
  });

  const tables = new Map<string, ReturnType<typeof readMacroFile>>();
  const series: DatasetSeries[] = [];
  for (const name of wanted) {
    const { stem } = macroFileOf(name);
    const path = join(dir, 'macro', `${stem}.csv`);
    if (tables.has(path)) continue;
    if (!existsSync(path)) {
      const have = listSymbols(dir).macro;
      throw new RotorError(`${path}: no macro file for ${name} (the folder has ${have.join(', ') || 'no macro files'})`);
    }
    const read = readMacroFile(path, cacheDir);
    tables.set(path, read);
    cache.push({ file: rel(path), status: read.cache });
    issues.push(...read.table.issues);
    record(path, read.sha256, read.table.format, read.table.dates);
  }
  throwIfErrors(issues, dirIn);

  const macro = wanted.map((name) => {
    const { stem, column } = macroFileOf(name);
    const path = join(dir, 'macro', `${stem}.csv`);
    const lagDays = lagOverride(lags, name);
    const { info, ...s } = macroSeriesFrom(tables.get(path)!.table, name, { column, vintage, lagDays });
    series.push({ series: name, file: rel(path), column: info.column, kind: info.kind, defaultReleases: info.defaultReleases, ...(lagDays === undefined ? {} : { lagDays }) });
    if (readsRevisedValues(stem, info.kind, info.column, tables.get(path)!.table.numeric)) {
      issues.push({
        file: path,
        severity: 'warning',
        rule: 'latest-vintage',
        message: `${name} is read from its latest vintage: values revised after they were first published, shown on their first release dates ` +
          `(look-ahead in the revisions); fetch the first prints with \`rotor data fetch fred ${stem} --first-release\``,
      });
    }
    return s;
  });

  const warnings = issues.filter((i) => i.severity === 'warning').map((i) => ({ ...i, file: i.file.startsWith(dir) ? rel(i.file) : i.file }));
  const market = alignBars(bars);
  const identity: DatasetIdentity = { dir, synthetic: isSynthetic(dir), hash: filesHash(files), files, macro: series, vintage, warnings };
  if (key) writeDatasetEntry(cacheDir!, key, market, macro, identity);
  return { market, macro, identity, cache };
}

export { MACRO_LAGS_FILE };
