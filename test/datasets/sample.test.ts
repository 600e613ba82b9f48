/**
 * The committed synthetic sample must be exactly what the generator produces, and must keep the properties other
 * tests and demos rely on. The invariants are recomputed here from the files, independently of the generator.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { generateSample } from '../../datasets/generate-sample.ts';

const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../datasets/sample');

const ETFS = ['SPY', 'IWM', 'XLB', 'XLE', 'XLF', 'XLI', 'XLK', 'XLP', 'XLU', 'XLV', 'XLY', 'BIL'];
const INDICES = ['GSPC', 'RUT'];
const STARTS: Record<string, string> = {
  GSPC: '1995-01-03',
  RUT: '1995-01-03',
  SPY: '1995-01-03',
  IWM: '2000-05-26',
  BIL: '2007-05-30',
  ...Object.fromEntries(['XLB', 'XLE', 'XLF', 'XLI', 'XLK', 'XLP', 'XLU', 'XLV', 'XLY'].map((s) => [s, '1998-12-22'])),
};
const MACRO = ['CPIAUCNS', 'FEDFUNDS', 'UNRATE', 'GDPC1', 'SMALLCAP_EPS'];

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

interface Csv {
  header: string[];
  rows: string[][];
}

function readCsv(rel: string): Csv {
  const text = readFileSync(path.join(SAMPLE, rel), 'utf8');
  expect(text.includes('\r'), `${rel} has CR characters`).toBe(false);
  expect(text.endsWith('\n') && !text.endsWith('\n\n'), `${rel} must end with exactly one newline`).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const utcDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

function expectSortedUniqueDates(file: string, dates: string[]): void {
  const bad = dates.filter((d) => !(ISO.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d));
  expect(bad, `${file}: malformed dates`).toEqual([]);
  const unordered = dates.filter((d, i) => i > 0 && d <= dates[i - 1]);
  expect(unordered, `${file}: dates not strictly increasing`).toEqual([]);
}

function closes(symbol: string): { dates: string[]; close: number[] } {
  const { rows } = readCsv(`prices/${symbol}.csv`);
  return { dates: rows.map((r) => r[0]), close: rows.map((r) => Number(r[4])) };
}

function returns(values: number[]): number[] {
  return values.slice(1).map((v, i) => v / values[i] - 1);
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
function stdev(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}
function correlation(a: number[], b: number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Last day of the period starting at `date` (monthly or quarterly), as a UTC day number. */
function periodEnd(date: string, months: number): number {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime() / 86_400_000 - 1;
}

describe('synthetic sample dataset', () => {
  it('is exactly what the generator writes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rotor-sample-'));
    try {
      await generateSample(dir);
      const generated = await listFiles(dir);
      const committed = await listFiles(SAMPLE);
      expect(generated).toEqual(committed);
      for (const rel of committed) {
        const [a, b] = await Promise.all([readFile(path.join(dir, rel)), readFile(path.join(SAMPLE, rel))]);
        expect(a.equals(b), `${rel} differs from a fresh generation`).toBe(true);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('says it is synthetic', () => {
    const manifest = JSON.parse(readFileSync(path.join(SAMPLE, 'manifest.json'), 'utf8')) as {
      synthetic: boolean;
      files: Record<string, { rows: number; first: string; last: string }>;
    };
    expect(manifest.synthetic).toBe(true);
    for (const [rel, info] of Object.entries(manifest.files)) {
      const { rows } = readCsv(rel);
      expect(info).toEqual({ rows: rows.length, first: rows[0][0], last: rows[rows.length - 1][0] });
    }
    expect(Object.keys(manifest.files).sort()).toEqual(
      [...[...ETFS, ...INDICES].map((s) => `prices/${s}.csv`), ...MACRO.map((m) => `macro/${m}.csv`)].sort(),
    );
    expect(readFileSync(path.join(SAMPLE, 'README.md'), 'utf8')).toMatch(/SYNTHETIC/);
  });

  describe.each([...INDICES, ...ETFS])('prices/%s.csv', (symbol) => {
    const file = `prices/${symbol}.csv`;

    it('has the layout, calendar and OHLC ordering', () => {
      const { header, rows } = readCsv(file);
      expect(header).toEqual(['date', 'open', 'high', 'low', 'close', 'adj_close', 'volume']);
      expect(rows[0][0]).toBe(STARTS[symbol]);
      expect(rows[rows.length - 1][0]).toBe('2024-12-31');
      expectSortedUniqueDates(file, rows.map((r) => r[0]));
      // Collect problems and assert once: one expect per cell would make this test slow for ~90k rows.
      const bad: string[] = [];
      const volume = INDICES.includes(symbol) ? /^\d*$/ : /^\d+$/;
      for (const r of rows) {
        const where = `${file} ${r[0]}`;
        if (r.length !== 7) bad.push(`${where}: ${r.length} fields`);
        if (!r.slice(1, 5).every((c) => /^\d+\.\d{2}$/.test(c))) bad.push(`${where}: prices need 2 decimals`);
        if (!/^\d+\.\d{4}$/.test(r[5])) bad.push(`${where}: adj_close needs 4 decimals`);
        if (!volume.test(r[6])) bad.push(`${where}: volume ${r[6]}`);
        const [o, h, l, c, a] = r.slice(1, 6).map(Number);
        const day = new Date(`${r[0]}T00:00:00Z`).getUTCDay();
        if (day === 0 || day === 6) bad.push(`${where}: weekend`);
        if (!(Math.min(o, h, l, c, a) > 0)) bad.push(`${where}: non-positive price`);
        if (!(l <= Math.min(o, c) && Math.max(o, c) <= h)) bad.push(`${where}: OHLC out of order`);
      }
      expect(bad.slice(0, 10)).toEqual([]);
      const dates = new Set(rows.map((r) => r[0]));
      for (const holiday of ['1999-12-24', '2001-01-01', '2001-09-11', '2012-07-04', '2019-12-25']) expect(dates.has(holiday)).toBe(false);
    });

    it('has adj_close as a backward dividend adjustment ending at close', () => {
      const { rows } = readCsv(file);
      const last = rows[rows.length - 1];
      expect(last[5]).toBe(`${last[4]}00`);
      // adj_close is rounded to 1e-4, so each ratio carries an error of up to 0.5e-4 / close.
      const slack = (close: number): number => 0.50001e-4 / close;
      let prevRatio = 0;
      let prevSlack = 0;
      for (const r of rows) {
        const close = Number(r[4]);
        const ratio = Number(r[5]) / close;
        expect(ratio, `${file} ${r[0]}`).toBeGreaterThanOrEqual(prevRatio - prevSlack - slack(close));
        expect(ratio).toBeLessThanOrEqual(1 + slack(close));
        prevRatio = ratio;
        prevSlack = slack(close);
      }
      const firstRatio = Number(rows[0][5]) / Number(rows[0][4]);
      if (INDICES.includes(symbol)) for (const r of rows) expect(r[5]).toBe(`${r[4]}00`);
      else expect(firstRatio).toBeLessThan(0.97); // every ETF paid dividends over its history
    });
  });

  it('gives the small-cap index at least three runs of ≥5 daily gains above 1 %', () => {
    const r = returns(closes('RUT').close);
    let runs = 0;
    let length = 0;
    for (const x of [...r, -1]) {
      if (x > 0.01) length++;
      else {
        if (length >= 5) runs++;
        length = 0;
      }
    }
    expect(runs).toBeGreaterThanOrEqual(3);
  });

  it('gives small caps realistic volatility and correlation with large caps', () => {
    const large = closes('GSPC');
    const small = closes('RUT');
    expect(small.dates).toEqual(large.dates);
    const rs = returns(small.close);
    const rl = returns(large.close);
    const vol = stdev(rs) * Math.sqrt(252);
    expect(vol).toBeGreaterThan(0.15);
    expect(vol).toBeLessThan(0.3);
    expect(vol).toBeGreaterThan(stdev(rl) * Math.sqrt(252));
    const rho = correlation(rl, rs);
    expect(rho).toBeGreaterThan(0.6);
    expect(rho).toBeLessThan(0.95);
  });

  it('tracks the indices with the ETFs', () => {
    const pairs: [string, string][] = [['SPY', 'GSPC'], ['IWM', 'RUT']];
    for (const [etf, index] of pairs) {
      const e = readCsv(`prices/${etf}.csv`).rows;
      const idx = closes(index);
      const i = new Map(idx.dates.map((d, k) => [d, idx.close[k]]));
      const re = returns(e.map((r) => Number(r[5])));
      const ri = returns(e.map((r) => i.get(r[0]) ?? NaN));
      expect(correlation(re, ri)).toBeGreaterThan(0.98);
    }
  });

  describe.each(MACRO)('macro/%s.csv', (name) => {
    const file = `macro/${name}.csv`;

    it('has periods, values and release dates after each period', () => {
      const { header, rows } = readCsv(file);
      const quarterly = name === 'GDPC1' || name === 'SMALLCAP_EPS';
      expect(header.slice(0, 3)).toEqual(['date', 'value', 'release_date']);
      if (name === 'GDPC1') expect(header).toEqual(['date', 'value', 'release_date', 'first_release_value', 'first_release_qoq_saar_pct']);
      expectSortedUniqueDates(file, rows.map((r) => r[0]));
      for (const r of rows) {
        expect(r.length).toBe(header.length);
        expect(r[0].endsWith('-01'), `${file} ${r[0]} is not the first of a month`).toBe(true);
        if (quarterly) expect(['01', '04', '07', '10']).toContain(r[0].slice(5, 7));
        expect(Number.isFinite(Number(r[1])) && r[1] !== '').toBe(true);
        expect(ISO.test(r[2])).toBe(true);
        expect(utcDay(r[2]), `${file} ${r[0]} released ${r[2]}`).toBeGreaterThan(periodEnd(r[0], quarterly ? 3 : 1));
        const weekday = new Date(`${r[2]}T00:00:00Z`).getUTCDay();
        expect(weekday >= 1 && weekday <= 5, `${file} ${r[0]} released on a weekend`).toBe(true);
      }
      expect(rows[0][0] <= '1995-01-01').toBe(true);
      expect(rows[rows.length - 1][0] >= '2024-10-01').toBe(true);
    });
  });

  it('misses exactly one CPI month, 2013-10', () => {
    const months = readCsv('macro/CPIAUCNS.csv').rows.map((r) => r[0].slice(0, 7));
    const missing: string[] = [];
    for (let i = 1; i < months.length; i++) {
      let [y, m] = months[i - 1].split('-').map(Number);
      for (;;) {
        m = m === 12 ? 1 : m + 1;
        if (m === 1) y++;
        const key = `${y}-${String(m).padStart(2, '0')}`;
        if (key === months[i]) break;
        missing.push(key);
      }
    }
    expect(missing).toEqual(['2013-10']);
  });

  it('has recessions: negative GDP quarters, and an inflation spike', () => {
    const gdp = readCsv('macro/GDPC1.csv').rows;
    const negative = gdp.slice(1).filter((r, i) => Number(r[1]) < Number(gdp[i][1])).map((r) => r[0].slice(0, 4));
    for (const year of ['2001', '2008', '2009', '2020']) expect(negative).toContain(year);
    const cpi = new Map(readCsv('macro/CPIAUCNS.csv').rows.map((r) => [r[0], Number(r[1])]));
    const yoy = [...cpi].flatMap(([d, v]) => {
      const prev = cpi.get(`${Number(d.slice(0, 4)) - 1}${d.slice(4)}`);
      return prev === undefined ? [] : [v / prev - 1];
    });
    expect(Math.max(...yoy)).toBeGreaterThan(0.07);
  });
});
