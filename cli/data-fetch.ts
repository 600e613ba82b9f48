import { join, resolve } from 'node:path';
import { RotorError } from '../engine/errors.ts';
import { fetchAlfred, fredObservations, fredUrl } from '../datasets/fetch/fred.ts';
import { httpGet, httpPostForm, type HttpGet, type HttpPostForm } from '../datasets/fetch/http.ts';
import { yahooFinance, yahooRows, type YahooSource } from '../datasets/fetch/yahoo.ts';
import { symbolFile } from '../datasets/load.ts';
import { PRICE_COLUMNS } from '../datasets/read-prices.ts';
import { StagedFiles } from '../datasets/staged-files.ts';
import { writeFilesAtomic } from '../reports/atomic-write.ts';

/** What the fetchers talk to; the CLI uses the network, tests pass stubs. */
export interface FetchDeps {
  http?: HttpGet;
  /** The form POST of ALFRED's download page (`--first-release`). */
  post?: HttpPostForm;
  yahoo?: YahooSource;
  /** Progress lines (stderr by default). */
  progress?: (line: string) => void;
}

const stderr = (line: string) => process.stderr.write(line + '\n');
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** `rotor data fetch yahoo SYMBOL... --from DATE --out DIR`: raw OHLC, adj_close and volume per day. */
export async function fetchYahoo(symbols: readonly string[], options: { from: string; out: string }, deps: FetchDeps = {}): Promise<string[]> {
  if (!ISO.test(options.from)) throw new RotorError(`--from ${options.from}: expected a date YYYY-MM-DD`);
  const source = deps.yahoo ?? yahooFinance;
  const say = deps.progress ?? stderr;
  const out = resolve(options.out);
  const header = PRICE_COLUMNS.join(',');
  // Every file is fetched, merged and checked before the first one is written: a failure anywhere writes nothing.
  const staged = new StagedFiles(out);
  for (const [i, symbol] of symbols.entries()) {
    say(`yahoo ${symbol} (${i + 1}/${symbols.length}) from ${options.from} …`);
    const rows = yahooRows(await source(symbol, options.from));
    if (rows.length === 0) throw new RotorError(`yahoo ${symbol}: no daily bars since ${options.from}; nothing written`);
    const merged = staged.merge('prices', join('prices', symbolFile(symbol)), header, rows, PRICE_COLUMNS.indexOf('adj_close'));
    say(`  ${rows.length} rows (${rows[0].slice(0, 10)} → ${rows[rows.length - 1].slice(0, 10)}): ${merged.added} new, ${merged.replaced} replaced`);
  }
  return writeFilesAtomic(out, staged.files);
}

/** rotor's layout of a series with its first prints, as ../shared/data's GDPC1.csv (the growth column only where it applies). */
const FIRST_RELEASE_COLUMNS = ['date', 'value', 'release_date', 'first_release_value', 'first_release_qoq_saar_pct', 'latest_vintage'] as const;

/**
 * `rotor data fetch fred SERIES... --out DIR [--first-release]`: FRED's latest values as `date,value`; with
 * --first-release, ALFRED's every vintage instead: `date,value,release_date,first_release_value[,
 * first_release_qoq_saar_pct],latest_vintage` (value = the latest vintage's; release_date = the first vintage holding
 * the observation, with its value).
 */
export async function fetchFred(series: readonly string[], options: { out: string; firstRelease?: boolean }, deps: FetchDeps = {}): Promise<string[]> {
  const get = deps.http ?? httpGet;
  const post = deps.post ?? httpPostForm;
  const say = deps.progress ?? stderr;
  const out = resolve(options.out);
  const staged = new StagedFiles(out);
  for (const [i, id] of series.entries()) {
    const name = join('macro', `${id}.csv`);
    if (!options.firstRelease) {
      say(`fred ${id} (${i + 1}/${series.length}) …`);
      const latest = fredObservations(id, await get(fredUrl(id)));
      const dates = [...latest.keys()].sort();
      if (dates.length === 0) throw new RotorError(`fred ${id}: no observations; nothing written`);
      const merged = staged.merge('macro', name, 'date,value', dates.map((d) => `${d},${latest.get(d)}`));
      say(`  ${dates.length} observations (${dates[0]} → ${dates[dates.length - 1]}): ${merged.added} new, ${merged.replaced} replaced`);
      continue;
    }
    say(`alfred ${id} (${i + 1}/${series.length}): every vintage …`);
    const alfred = await fetchAlfred(id, get, post);
    const h = alfred.histories;
    if (h.length === 0) throw new RotorError(`alfred ${id}: no observations in any vintage; nothing written`);
    const columns = FIRST_RELEASE_COLUMNS.filter((c) => alfred.qoqSaar || c !== 'first_release_qoq_saar_pct');
    const rows = h.map((o) => [o.date, o.value, o.released, o.firstValue, ...(alfred.qoqSaar ? [o.qoqSaarPct === undefined ? '' : String(o.qoqSaarPct)] : []), o.latestVintage].join(','));
    const merged = staged.merge('macro', name, columns.join(','), rows);
    say(
      `  ${h.length} observations (${h[0].date} → ${h[h.length - 1].date}) in ${alfred.vintages} vintages${alfred.qoqSaar ? ', with first-release q/q SAAR growth' : ''}: ${merged.added} new, ${merged.replaced} replaced`,
    );
  }
  return writeFilesAtomic(out, staged.files);
}
