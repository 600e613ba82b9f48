import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchFred, fetchYahoo } from '../../cli/data-fetch.ts';
import { networkError } from '../../datasets/fetch/http.ts';
import type { YahooChart } from '../../datasets/fetch/yahoo.ts';
import { rotor } from '../helpers/run-cli.ts';

const quiet = { progress: () => {} };
const tmp = () => mkdtempSync(join(tmpdir(), 'rotor-fetch-'));

// Made-up bars shaped like yahoo-finance2's chart() answer: timestamps at the 09:30 New York open (UTC−4 in July).
const at = (d: string) => new Date(`${d}T13:30:00Z`);
const chart = (bars: [string, number, number][]): YahooChart => ({
  meta: { symbol: 'XYZ', gmtoffset: -14400 },
  quotes: bars.map(([d, close, adj]) => ({ date: at(d), open: close - 1, high: close + 1, low: close - 2, close, adjclose: adj, volume: 1000 })),
});

describe('rotor data fetch yahoo (stubbed)', () => {
  it('writes rotor layout, and a second fetch merges without duplicating dates (fetched rows win, old adj_close rebased)', async () => {
    const out = tmp();
    await fetchYahoo(['^XYZ'], { from: '2024-07-01', out }, { ...quiet, yahoo: async () => chart([['2024-07-01', 10, 5], ['2024-07-02', 11, 5.5]]) });
    const file = join(out, 'prices', 'XYZ.csv');
    expect(readFileSync(file, 'utf8')).toBe('date,open,high,low,close,adj_close,volume\n2024-07-01,9,11,8,10,5,1000\n2024-07-02,10,12,9,11,5.5,1000\n');
    // The next download has a new dividend basis (adj_close ×0.9) and a corrected 07-02 close.
    await fetchYahoo(['^XYZ'], { from: '2024-07-02', out }, { ...quiet, yahoo: async () => chart([['2024-07-02', 11.5, 4.95], ['2024-07-03', 12, 5.4]]) });
    expect(readFileSync(file, 'utf8')).toBe(
      'date,open,high,low,close,adj_close,volume\n2024-07-01,9,11,8,10,4.5,1000\n2024-07-02,10.5,12.5,9.5,11.5,4.95,1000\n2024-07-03,11,13,10,12,5.4,1000\n',
    );
  });

  it('progress names each symbol and its rows', async () => {
    const lines: string[] = [];
    await fetchYahoo(['AAA', 'BBB'], { from: '2024-07-01', out: tmp() }, { progress: (l) => lines.push(l), yahoo: async () => chart([['2024-07-01', 10, 10]]) });
    expect(lines).toEqual([
      'yahoo AAA (1/2) from 2024-07-01 …',
      '  1 rows (2024-07-01 → 2024-07-01): 1 new, 0 replaced',
      'yahoo BBB (2/2) from 2024-07-01 …',
      '  1 rows (2024-07-01 → 2024-07-01): 1 new, 0 replaced',
    ]);
  });

  it('a bad bar in any symbol writes nothing at all', async () => {
    const out = tmp();
    const yahoo = async (s: string) => (s === 'BAD' ? chart([['2024-07-01', -5, 3]]) : chart([['2024-07-01', 10, 10]]));
    await expect(fetchYahoo(['OK', 'BAD'], { from: '2024-07-01', out }, { ...quiet, yahoo })).rejects.toThrow('not written: ');
    expect(existsSync(join(out, 'prices'))).toBe(false);
  });
});

describe('rotor data fetch fred (stubbed HTTP)', () => {
  const FRED = 'observation_date,UNRATE\n2024-06-01,6.1\n2024-07-01,6.2\n2024-08-01,.\n';

  it('writes date,value from the FRED CSV, skipping "." ', async () => {
    const out = tmp();
    const urls: string[] = [];
    await fetchFred(['UNRATE'], { out }, { ...quiet, http: async (url) => (urls.push(url), FRED) });
    expect(urls).toEqual(['https://fred.stlouisfed.org/graph/fredgraph.csv?id=UNRATE']);
    expect(readFileSync(join(out, 'macro', 'UNRATE.csv'), 'utf8')).toBe('date,value\n2024-06-01,6.1\n2024-07-01,6.2\n');
  });

  it('an existing file with other columns is refused, naming it', async () => {
    const out = tmp();
    mkdirSync(join(out, 'macro'));
    writeFileSync(join(out, 'macro', 'UNRATE.csv'), 'date,value,release_date\n2024-05-01,6.0,2024-06-07\n');
    await expect(fetchFred(['UNRATE'], { out }, { ...quiet, http: async () => FRED })).rejects.toThrow(
      `${join(out, 'macro', 'UNRATE.csv')}:1: has columns date,value,release_date; this command writes date,value`,
    );
  });

  it('no network: one clear line, nothing written', async () => {
    const out = tmp();
    const offline = async (url: string): Promise<string> => {
      throw networkError(url, Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }));
    };
    await expect(fetchFred(['UNRATE'], { out }, { ...quiet, http: offline })).rejects.toThrow('cannot reach fred.stlouisfed.org: no network? (ENOTFOUND)');
    expect(existsSync(join(out, 'macro'))).toBe(false);
  });
});

describe('the real command on this machine', () => {
  it.skipIf(process.env.ROTOR_ONLINE === '1')('without network, fetch fails fast with one line and writes nothing', () => {
    const out = join(tmp(), 'data');
    const r = rotor(['data', 'fetch', 'fred', 'UNRATE', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^rotor: cannot reach fred\.stlouisfed\.org: no network\?/);
    expect(existsSync(out)).toBe(false);
  });

  it.skipIf(process.env.ROTOR_ONLINE === '1')('without network, --first-release fails at ALFRED with one line and writes nothing', () => {
    const out = join(tmp(), 'data');
    const r = rotor(['data', 'fetch', 'fred', 'GDPC1', '--first-release', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^rotor: cannot reach alfred\.stlouisfed\.org: no network\?/);
    expect(existsSync(out)).toBe(false);
  });
});
