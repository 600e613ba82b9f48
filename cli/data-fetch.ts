import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RotorError } from '../engine/errors.ts';
import { alfredFirstReleases, alfredUrl, fredObservations, fredUrl } from '../datasets/fetch/fred.ts';
import { httpGet, type HttpGet } from '../datasets/fetch/http.ts';
import { mergeRows } from '../datasets/fetch/merge.ts';
import { yahooFinance, yahooRows, type YahooSource } from '../datasets/fetch/yahoo.ts';
import { issueText } from '../datasets/issues.ts';
import { symbolFile } from '../datasets/load.ts';
import { parseMacroTable } from '../datasets/read-macro.ts';
import { parsePrices, PRICE_COLUMNS } from '../datasets/read-prices.ts';
import { writeFilesAtomic } from '../reports/atomic-write.ts';

/** What the fetchers talk to; the CLI uses the network, tests pass stubs. */
export interface FetchDeps {
  http?: HttpGet;
  yahoo?: YahooSource;
  /** Progress lines (stderr by default). */
  progress?: (line: string) => void;
}

const stderr = (line: string) => process.stderr.write(line + '\n');
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Every file is fetched, merged and checked before the first one is written: a failure anywhere writes nothing. */
function checked(kind: 'prices' | 'macro', path: string, text: string): void {
  const issues = kind === 'prices' ? parsePrices(path, text).issues : parseMacroTable(path, text).issues;
  const error = issues.find((i) => i.severity === 'error');
  if (error) throw new RotorError(`not written: ${issueText(error)}`);
}

function existing(path: string, header: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const found = text.split(/\r?\n/, 1)[0].trim();
  if (found !== header) throw new RotorError(`${path}:1: has columns ${found}; this fetch writes ${header} (use another --out, or the same options as before)`);
  return text;
}

/** `rotor data fetch yahoo SYMBOL... --from DATE --out DIR`: raw OHLC, adj_close and volume per day. */
export async function fetchYahoo(symbols: readonly string[], options: { from: string; out: string }, deps: FetchDeps = {}): Promise<string[]> {
  if (!ISO.test(options.from)) throw new RotorError(`--from ${options.from}: expected a date YYYY-MM-DD`);
  const source = deps.yahoo ?? yahooFinance;
  const say = deps.progress ?? stderr;
  const out = resolve(options.out);
  const header = PRICE_COLUMNS.join(',');
  const files: Record<string, string> = {};
  for (const [i, symbol] of symbols.entries()) {
    say(`yahoo ${symbol} (${i + 1}/${symbols.length}) from ${options.from} …`);
    const rows = yahooRows(await source(symbol, options.from));
    if (rows.length === 0) throw new RotorError(`yahoo ${symbol}: no daily bars since ${options.from}; nothing written`);
    const name = join('prices', symbolFile(symbol));
    const merged = mergeRows(header, existing(join(out, name), header), rows, PRICE_COLUMNS.indexOf('adj_close'));
    checked('prices', join(out, name), merged.text);
    files[name] = merged.text;
    say(`  ${rows.length} rows (${rows[0].slice(0, 10)} → ${rows[rows.length - 1].slice(0, 10)}): ${merged.added} new, ${merged.replaced} replaced`);
  }
  return writeFilesAtomic(out, files);
}

/**
 * `rotor data fetch fred SERIES... --out DIR [--first-release]`: FRED's latest values as `date,value`; with
 * --first-release also ALFRED's first print and its date: `date,value,release_date,first_release_value`.
 */
export async function fetchFred(series: readonly string[], options: { out: string; firstRelease?: boolean }, deps: FetchDeps = {}): Promise<string[]> {
  const get = deps.http ?? httpGet;
  const say = deps.progress ?? stderr;
  const out = resolve(options.out);
  const header = options.firstRelease ? 'date,value,release_date,first_release_value' : 'date,value';
  const files: Record<string, string> = {};
  for (const [i, id] of series.entries()) {
    say(`fred ${id} (${i + 1}/${series.length}) …`);
    const latest = fredObservations(id, await get(fredUrl(id)));
    const first = options.firstRelease ? alfredFirstReleases(id, await get(alfredUrl(id))) : undefined;
    const dates = [...new Set([...latest.keys(), ...(first?.keys() ?? [])])].sort();
    const rows = dates.map((d) => {
      const f = first?.get(d);
      return first ? [d, latest.get(d) ?? f?.value ?? '', f?.released ?? '', f?.value ?? ''].join(',') : `${d},${latest.get(d)}`;
    });
    if (rows.length === 0) throw new RotorError(`fred ${id}: no observations; nothing written`);
    const name = join('macro', `${id}.csv`);
    const merged = mergeRows(header, existing(join(out, name), header), rows);
    checked('macro', join(out, name), merged.text);
    files[name] = merged.text;
    say(`  ${rows.length} observations (${dates[0]} → ${dates[dates.length - 1]})${first ? `, ${first.size} first releases` : ''}: ${merged.added} new, ${merged.replaced} replaced`);
  }
  return writeFilesAtomic(out, files);
}
