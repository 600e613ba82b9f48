import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset, parseMacroTable, parsePrices, readMacro } from '../../datasets/index.ts';

// Made-up numbers in each provider's own layout.
const YAHOO = 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,100,102,99,101,95.5,1200\n2024-01-03,null,null,null,null,null,null\n2024-01-04,101,103,100,102.5,96.9,1300\n';
const STOOQ = 'Date,Open,High,Low,Close,Volume\n2024-01-02,50,51,49.5,50.5,9000\n2024-01-03,50.5,52,50,51.75,8000\n';
const STOOQ_ASCII = '<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\nXYZ.US,D,20240102,000000,20,21,19,20.5,700,0\nXYZ.US,D,20240103,000000,20.5,22,20,21.25,800,0\n';
const FRED_PRICE = 'observation_date,SP500\n2024-01-02,3742.83\n2024-01-03,.\n2024-01-04,3688.68\n';

describe('foreign price exports are recognised from their header', () => {
  it('Yahoo: Adj Close becomes adj_close, an all-null row is skipped with a warning', () => {
    const t = parsePrices('y.csv', YAHOO);
    expect(t.format).toBe('yahoo');
    expect(t.dates).toEqual(['2024-01-02', '2024-01-04']);
    expect(Array.from(t.columns.close)).toEqual([101, 102.5]);
    expect(Array.from(t.columns.adjClose)).toEqual([95.5, 96.9]);
    expect(Array.from(t.columns.volume)).toEqual([1200, 1300]);
    expect(t.issues.map((i) => [i.line, i.severity, i.rule])).toEqual([[3, 'warning', 'empty-row']]);
  });

  it('Stooq: no adjusted column, so Close is used for adj_close too', () => {
    const t = parsePrices('s.csv', STOOQ);
    expect(t.format).toBe('stooq');
    expect(Array.from(t.columns.adjClose)).toEqual([50.5, 51.75]);
    expect(Array.from(t.columns.open)).toEqual([50, 50.5]);
    expect(t.issues).toEqual([]);
  });

  it("Stooq's bulk ASCII layout with YYYYMMDD dates", () => {
    const t = parsePrices('a.csv', STOOQ_ASCII);
    expect(t.format).toBe('stooq-ascii');
    expect(t.dates).toEqual(['2024-01-02', '2024-01-03']);
    expect(Array.from(t.columns.close)).toEqual([20.5, 21.25]);
    expect(Array.from(t.columns.volume)).toEqual([700, 800]);
    expect(parsePrices('a.csv', STOOQ_ASCII.replace('20240103', '2024013')).issues[0].message).toBe('date must be a date YYYYMMDD, found "2024013"');
  });

  it("FRED: observation_date,SERIES as a close-only series, '.' = missing", () => {
    const t = parsePrices('f.csv', FRED_PRICE);
    expect(t.format).toBe('fred');
    expect(t.dates).toEqual(['2024-01-02', '2024-01-04']);
    expect(Array.from(t.columns.close)).toEqual([3742.83, 3688.68]);
    expect(Array.from(t.columns.adjClose)).toEqual([3742.83, 3688.68]);
  });

  it('a folder of exports loads as it is; ^XYZ is read from XYZ.csv', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rotor-fmt-'));
    mkdirSync(join(dir, 'prices'));
    mkdirSync(join(dir, 'macro'));
    writeFileSync(join(dir, 'prices', 'AAA.csv'), YAHOO);
    writeFileSync(join(dir, 'prices', 'XYZ.csv'), STOOQ_ASCII);
    writeFileSync(join(dir, 'macro', 'UNRATE.csv'), 'observation_date,UNRATE\n2024-01-01,3.7\n2024-02-01,3.9\n');
    const d = loadDataset(dir, ['AAA', '^XYZ'], ['UNRATE'], { cacheDir: false });
    expect(d.market.symbols).toEqual(['AAA', '^XYZ']);
    expect(d.market.dates).toEqual(['2024-01-02', '2024-01-03', '2024-01-04']);
    expect(Array.from(d.market.column('^XYZ', 'close')).slice(0, 2)).toEqual([20.5, 21.25]);
    expect(d.identity.files.map((f) => [f.file, f.format])).toEqual([
      ['prices/AAA.csv', 'yahoo'],
      ['prices/XYZ.csv', 'stooq-ascii'],
      ['macro/UNRATE.csv', 'fred'],
    ]);
    expect(Array.from(d.macro[0].values)).toEqual([3.7, 3.9]);
  });
});

describe('macro layouts', () => {
  it('FRED DATE,SERIES with . for missing: the series column is the value', () => {
    const s = readMacro('f.csv', 'FEDFUNDS', 'DATE,FEDFUNDS\n2024-06-01,7.25\n2024-07-01,.\n2024-08-01,7.25\n');
    expect(s.periods).toEqual(['2024-06-01', '2024-08-01']);
  });

  it('first-release columns: first print by default, latest on request, any column by name', () => {
    const text = 'date,value,release_date,first_release_value,first_release_qoq_saar_pct\n2024-01-01,200,2024-04-25,190,1.5\n2024-04-01,210,2024-07-25,,2.5\n';
    expect(Array.from(readMacro('g.csv', 'G', text).values)).toEqual([190, 210]); // no first print for Q2: its value
    expect(Array.from(readMacro('g.csv', 'G', text, { vintage: 'latest' }).values)).toEqual([200, 210]);
    expect(Array.from(readMacro('g.csv', 'G.first_release_qoq_saar_pct', text, { column: 'first_release_qoq_saar_pct' }).values)).toEqual([1.5, 2.5]);
  });

  it('a wide table has no value: the error lists the series names it does have', () => {
    const text = 'date,price,earnings_ttm\n2024-01-01,10,1\n2024-02-01,11,1.1\n';
    expect(parseMacroTable('w.csv', text).format).toBe('table');
    expect(() => readMacro('w.csv', 'W', text)).toThrow('w.csv:1: no column value for macro series W; name one of its columns: W.price, W.earnings_ttm');
  });

  it('a release calendar with YYYY-MM months reads as periods', () => {
    const t = parseMacroTable('c.csv', 'reference_month,release_date\n2024-06,2024-07-11\n2024-07,2024-08-14\n');
    expect(t.dates).toEqual(['2024-06-01', '2024-07-01']);
    expect(t.text.release_date).toEqual(['2024-07-11', '2024-08-14']);
    expect(t.issues).toEqual([]);
  });
});
