import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPriceSeries, issueText, loadDataset, parseMacroTable, parsePrices, type DataIssue } from '../../datasets/index.ts';

const HEAD = 'date,open,high,low,close,adj_close,volume';
const rows = (...lines: string[]) => [HEAD, ...lines].join('\n') + '\n';
const texts = (issues: readonly DataIssue[]) => issues.map(issueText);

describe('price rows: each error names file, line and what was found', () => {
  it.each([
    ['unparsable number', rows('2024-01-02,10,11,9,10,10,100', '2024-01-03,10,11,9,ten,10,100'), 'p.csv:3: close must be a number, found "ten"'],
    ['zero price', rows('2024-01-02,0,11,9,10,10,100'), 'p.csv:2: open must be > 0, found 0'],
    ['negative price', rows('2024-01-02,10,11,9,10,-3,100'), 'p.csv:2: adj_close must be > 0, found -3'],
    ['high below low', rows('2024-01-02,10,9,11,10,10,100'), 'p.csv:2: high 9 is below low 11'],
    ['close above high', rows('2024-01-02,10,11,9,12,12,100'), 'p.csv:2: close 12 is outside [low 9, high 11]'],
    ['close below low', rows('2024-01-02,10,11,9,8.5,8.5,100'), 'p.csv:2: close 8.5 is outside [low 9, high 11]'],
    ['duplicate date', rows('2024-01-02,10,11,9,10,10,1', '2024-01-02,10,11,9,10,10,1'), 'p.csv:3: duplicate date: 2024-01-02 follows 2024-01-02 (line 2)'],
    ['unsorted dates', rows('2024-01-03,10,11,9,10,10,1', '2024-01-02,10,11,9,10,10,1'), 'p.csv:3: dates out of order: 2024-01-02 follows 2024-01-03 (line 2)'],
    ['impossible date', rows('2024-02-30,10,11,9,10,10,1'), 'p.csv:2: date must be a date YYYY-MM-DD, found "2024-02-30"'],
    ['wrong field count', rows('2024-01-02,10,11,9,10,10'), 'p.csv:2: expected 7 fields (date,open,high,low,close,adj_close,volume), found 6'],
    ['empty file', '\n\n', 'p.csv: empty file, expected a header line'],
    ['header only', HEAD + '\n', 'p.csv: no rows after the header'],
    ['missing column', 'date,open,high,low,close,adj_close\n2024-01-02,10,11,9,10,10\n', 'p.csv:1: missing column volume; expected date,open,high,low,close,adj_close,volume, found date,open,high,low,close,adj_close'],
    ['neither close nor adj_close', rows('2024-01-02,10,11,9,,,100'), 'p.csv:2: neither close nor adj_close is given'],
  ])('%s', (_, text, expected) => {
    const t = parsePrices('p.csv', text);
    expect(texts(t.issues.filter((i) => i.severity === 'error'))).toEqual([expected]);
  });

  it('collects every error of a file, not only the first', () => {
    const t = parsePrices('p.csv', rows('2024-01-02,10,9,11,10,10,1', '2024-01-03,10,11,9,x,10,1', '2024-01-03,10,11,9,10,10,1'));
    expect(t.issues.map((i) => [i.line, i.rule])).toEqual([
      [2, 'high-below-low'],
      [3, 'bad-number'],
      [4, 'duplicate-date'],
    ]);
  });
});

describe('price series checks', () => {
  it('warns on a weekend date, a long gap and a big one-day move, with hand-computed values', () => {
    // 2024-01-06 is a Saturday; 01-08 → 01-22 is 14 days; 10 → 4 is −60.00%.
    const t = parsePrices('p.csv', rows('2024-01-05,10,10,10,10,10,1', '2024-01-06,10,10,10,10,10,1', '2024-01-08,10,10,10,10,10,1', '2024-01-22,4,4,4,4,4,1'));
    expect(t.issues).toEqual([]);
    expect(texts(checkPriceSeries(t))).toEqual([
      'p.csv:3: 2024-01-06 is a Saturday; markets are closed on weekends',
      'p.csv:5: calendar gap of 14 days from 2024-01-08 (line 4) to 2024-01-22; at most 10 expected',
      'p.csv:5: adj_close moved -60.00% from 2024-01-08, beyond ±25.00%: an unadjusted split?',
    ]);
    expect(checkPriceSeries(t).map((i) => i.severity)).toEqual(['warning', 'warning', 'warning']);
  });

  it('thresholds are configurable, and a gap can be made an error', () => {
    const t = parsePrices('p.csv', rows('2024-01-02,10,10,10,10,10,1', '2024-01-09,10.6,10.6,10.6,10.6,10.6,1'));
    const found = checkPriceSeries(t, { maxGapDays: 5, gapSeverity: 'error', maxMove: 0.05 });
    expect(found.map((i) => [i.severity, i.rule, i.value])).toEqual([
      ['error', 'calendar-gap', '7 days'],
      ['warning', 'big-move', '6.00%'],
    ]);
  });

  it('a file with only adj_close loads, with OHLC unknown (NaN) and one warning', () => {
    const t = parsePrices('ijr.csv', rows('2024-01-02,,,,,50.5,', '2024-01-03,,,,,51,'));
    expect(t.issues).toEqual([]);
    expect(Array.from(t.columns.adjClose)).toEqual([50.5, 51]);
    expect(Array.from(t.columns.open).every(Number.isNaN)).toBe(true);
    expect(texts(checkPriceSeries(t))).toEqual(['ijr.csv:2: open/high/low/close unavailable on 2 of 2 rows (adj_close only): such a symbol has a total-return close but no open or raw price there']);
  });
});

describe('macro files', () => {
  it('a missing month is a warning naming the period; a release before its period is an error', () => {
    const t = parseMacroTable('cpi.csv', 'date,value,release_date\n2025-08-01,100,2025-09-11\n2025-09-01,101,2025-08-15\n2025-11-01,102,2025-12-18\n');
    expect(texts(t.issues)).toEqual([
      'cpi.csv:3: release_date 2025-08-15 is before the period it reports starts (2025-09-01)',
      'cpi.csv:4: no row for 2025-10-01 (between 2025-09-01 on line 3 and 2025-11-01): unknown to strategies, never zero',
    ]);
    expect(t.issues.map((i) => i.severity)).toEqual(['error', 'warning']);
  });

  it('periods must ascend; a monthly date that is not the 1st is a warning (FRED convention)', () => {
    const t = parseMacroTable('m.csv', 'date,value\n2024-01-01,1\n2024-02-15,2\n2024-03-01,3\n2024-02-01,4\n');
    expect(texts(t.issues)).toEqual(['m.csv:5: dates out of order: 2024-02-01 follows 2024-03-01 (line 4)']);
    const w = parseMacroTable('m.csv', 'date,value\n2024-01-01,1\n2024-02-15,2\n2024-03-01,3\n2024-04-01,4\n2024-05-01,5\n');
    expect(texts(w.issues)).toEqual(['m.csv:3: 2024-02-15 is not the first day of a month (FRED convention: date = start of the period)']);
  });

  it('an unparsable value and a bad release date are errors with their line', () => {
    const t = parseMacroTable('m.csv', 'date,value,release_date\n2024-01-01,n/a,2024-02-10\n2024-02-01,2,2024-13-01\n');
    expect(texts(t.issues)).toEqual(['m.csv:2: value must be a number, found "n/a"', 'm.csv:3: release_date must be a date YYYY-MM-DD, found "2024-13-01"']);
  });
});

describe('loadDataset stops on errors before anything runs, and carries warnings', () => {
  const folder = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'rotor-val-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  };

  it('throws the first error as one line and says how many more there are', () => {
    const dir = folder({ 'prices/A.csv': rows('2024-01-02,10,9,11,10,10,1', '2024-01-03,0,11,9,10,10,1') });
    expect(() => loadDataset(dir, ['A'], [], { cacheDir: false })).toThrow(`${join(dir, 'prices', 'A.csv')}:2: high 9 is below low 11 (and 1 more error: see rotor data check ${dir})`);
  });

  it('warnings are listed in the identity with paths relative to the folder', () => {
    const dir = folder({ 'prices/A.csv': rows('2024-01-05,10,10,10,10,10,1', '2024-01-06,10,10,10,10,10,1') });
    const d = loadDataset(dir, ['A'], [], { cacheDir: false });
    expect(d.identity.warnings).toEqual([
      { file: 'prices/A.csv', line: 3, severity: 'warning', rule: 'weekend-date', value: '2024-01-06', message: '2024-01-06 is a Saturday; markets are closed on weekends', date: '2024-01-06' },
    ]);
  });
});
