import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueText, loadDataset, parseMacroTable, parsePrices, warningsForRun, type DataIssue } from '../../datasets/index.ts';
import { priceView } from '../../engine/index.ts';
import { days, tinyMarket } from '../helpers/tiny-market.ts';

const HEAD = 'date,open,high,low,close,adj_close,volume';
const rows = (...lines: string[]) => [HEAD, ...lines].join('\n') + '\n';
const errors = (issues: readonly DataIssue[]) => issues.filter((i) => i.severity === 'error').map(issueText);

describe('a number in any other notation is an error naming file, line and cell, never a guess', () => {
  it.each(['1e3', '1E3', '1,234', ' 12', '12 ', '0x10', '0b11', '0o7', '+12', 'Infinity', '-Infinity', 'NaN', '1_000', '12.3.4', '١٢', '$12', '12%', '--1'])(
    'close "%s"',
    (cell) => {
      const text = rows('2024-01-02,10,11,9,10,10,100', `2024-01-03,10,11,9,${cell.includes(',') ? `"${cell}"` : cell},10,100`);
      expect(errors(parsePrices('p.csv', text).issues)).toEqual([`p.csv:3: close must be a number, found "${cell}"`]);
    },
  );

  it('plain decimals still read exactly as written', () => {
    const t = parsePrices('p.csv', rows('2024-01-02,10.,11.50,.5,1,1.0,0', '2024-01-03,0010,11,9,10,10,100'));
    expect(errors(t.issues)).toEqual([]);
    expect(Array.from(t.columns.open)).toEqual([10, 10]);
    expect(Array.from(t.columns.low)).toEqual([0.5, 9]);
  });

  it('in a macro file too', () => {
    const t = parseMacroTable('m.csv', 'date,value\n2024-01-01,1e2\n2024-02-01,5\n');
    expect(errors(t.issues)).toEqual(['m.csv:2: value must be a number, found "1e2"']);
  });
});

describe('an empty adj_close on one row', () => {
  it('is an error at its line when other rows have one (it would have switched that day to the raw close)', () => {
    const t = parsePrices('p.csv', rows('2024-01-02,10,11,9,10,9.5,100', '2024-01-03,10,11,9,10.5,,100', '2024-01-04,10,11,9,10.2,9.7,100'));
    expect(errors(t.issues)).toEqual([
      'p.csv:3: adj_close is empty, but close is 10.5 and other rows (line 2) have adj_close: fill it, or the total-return price would jump to the raw close here',
    ]);
  });

  it('a file without any adj_close is raw prices, and one with adj_close only is fine', () => {
    expect(errors(parsePrices('p.csv', rows('2024-01-02,10,11,9,10,,100', '2024-01-03,10,11,9,10.5,,100')).issues)).toEqual([]);
    expect(errors(parsePrices('p.csv', rows('2024-01-02,,,,,9.5,', '2024-01-03,,,,,9.7,')).issues)).toEqual([]);
  });

  it('the engine reads a day without an adjusted close as unknown, not as the raw close', () => {
    const dates = days(3);
    const market = tinyMarket({ A: { dates, close: [100, 101, 102], adjClose: [50, NaN, 51] } });
    const view = priceView(market, 'total-return');
    expect(Array.from(view.close[0])).toEqual([50, NaN, 51]); // was [50, 101, 51]: a jump to the raw close and back
  });

  it('through a run, the error stops it with one line naming the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rotor-cells-'));
    mkdirSync(join(dir, 'prices'));
    writeFileSync(join(dir, 'prices', 'AAA.csv'), rows('2024-01-02,10,11,9,10,9.5,100', '2024-01-03,10,11,9,10.5,,100'));
    expect(() => loadDataset(dir, ['AAA'], [])).toThrow(/prices\/AAA\.csv:3: adj_close is empty, but close is 10\.5/);
  });
});

describe('a calendar gap that starts before the run and ends inside it', () => {
  it("is kept with the run's warnings; one that ends before the run is not", () => {
    const gap = (date: string): DataIssue => ({ file: 'prices/A.csv', severity: 'warning', rule: 'calendar-gap', message: `gap to ${date}`, line: 6, date });
    const used = [{ file: 'prices/A.csv', first: '2001-01-22', last: '2001-03-30', rows: 50 }];
    // The run asked for 2001-01-15, inside the gap 2001-01-05 → 2001-01-22: its first bar is the gap's end.
    expect(warningsForRun([gap('2001-01-22'), gap('2001-01-10')], used)).toEqual({ kept: [gap('2001-01-22')], outside: 1 });
  });
});

describe('a column named twice', () => {
  it.each([
    ['date,open,high,low,close,close,volume', 'p.csv:1: columns 5 and 6 are both close; a file names each column once'],
    ['Date,Open,High,Low,Close,Adj Close,adj_close,Volume', 'p.csv:1: columns 6 and 7 are both adj_close; a file names each column once'],
  ])('%s is an error, not one of them read and the other dropped', (header, expected) => {
    expect(errors(parsePrices('p.csv', `${header}\n2024-01-02,1,1,1,1,1,1,1\n`).issues)).toEqual([expected]);
  });

  it('in a macro file too', () => {
    expect(errors(parseMacroTable('m.csv', 'date,value,VALUE\n2024-01-01,1,2\n').issues)).toEqual(['m.csv:1: columns 2 and 3 are both VALUE; a file names each column once']);
  });
});
