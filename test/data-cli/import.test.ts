import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../cli/data-import.ts';
import { cleanNumber, parseExportDate } from '../../datasets/import/export-values.ts';
import { rotor } from '../helpers/run-cli.ts';

const BIN = fileURLToPath(new URL('../../cli/bin.js', import.meta.url));
const HEADER = 'date,open,high,low,close,adj_close,volume';
const tmp = () => mkdtempSync(join(tmpdir(), 'rotor-import-'));
/** Write an export under its own name in a fresh folder; returns its path. */
function exportFile(name: string, text: string): string {
  const path = join(tmp(), name);
  writeFileSync(path, text);
  return path;
}
const read = (out: string, name: string) => readFileSync(join(out, name), 'utf8');

describe('export cells', () => {
  it('dates in the common export styles; day-first slashes are refused, not guessed', () => {
    expect(['2024-07-16', '2024-07-16 00:00:00-04:00', '07/16/2024', '7/5/2024', 'Jul 16, 2024', 'Sept 3, 2024', '20240716'].map(parseExportDate)).toEqual([
      '2024-07-16',
      '2024-07-16',
      '2024-07-16',
      '2024-07-05',
      '2024-07-16',
      '2024-09-03',
      '2024-07-16',
    ]);
    expect(['16/07/2024', 'Jux 16, 2024', '2024-02-30', '', 'yesterday'].map(parseExportDate)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('numbers: thousands separators, K/M/B volumes, missing markers; anything else left for the reader to report', () => {
    expect(['4,267.20', '101.5', 'null', '-', '.', ' 12 '].map((c) => cleanNumber(c))).toEqual(['4267.20', '101.5', '', '', '', '12']);
    expect(['456K', '1.23M', '2.5B', '1,234'].map((c) => cleanNumber(c, { suffixes: true }))).toEqual(['456000', '1230000', '2500000000', '1234']);
    expect(cleanNumber('1.23M')).toBe('1.23M');
    expect(cleanNumber('abc')).toBe('abc');
  });
});

describe('rotor data import (danfo at the data edge)', () => {
  it('a Yahoo export, unsorted, with an exact duplicate and an all-null row: sorted, deduplicated, counted', async () => {
    const file = exportFile(
      'XYZ.csv',
      [
        'Date,Open,High,Low,Close,Adj Close,Volume',
        '2024-07-03,11,12,10,11.5,11.2,1500', // line 2
        '2024-07-01,10,11,9,10.5,10.2,1000',
        '2024-07-04,null,null,null,null,null,null', // line 4: a holiday row
        '',
        '2024-07-02,10.5,11.5,10,11,10.7,1200', // line 6
        '2024-07-01,10,11,9,10.5,10.2,1000', // line 7: line 3 again
        '',
      ].join('\n'),
    );
    const out = tmp();
    const r = await importFiles([file], { out });
    expect(read(out, 'prices/XYZ.csv')).toBe(
      [HEADER, '2024-07-01,10,11,9,10.5,10.2,1000', '2024-07-02,10.5,11.5,10,11,10.7,1200', '2024-07-03,11,12,10,11.5,11.2,1500', ''].join('\n'),
    );
    expect(r.lines).toEqual([`${file} (yahoo) → prices/XYZ.csv: 5 rows in, 3 written, 2 dropped (1 empty, 1 exact duplicate); 2024-07-01 → 2024-07-03; 3 new, 0 replaced in 3 rows`]);
    expect(r.written).toEqual([join(out, 'prices', 'XYZ.csv')]);
  });

  it('an Investing.com export: "Jul 16, 2024" dates, quoted thousands, 1.23M/456K volumes, newest first; adj_close from close, said so', async () => {
    const file = exportFile(
      'S&P 500 Historical Data.csv',
      '\uFEFF' +
        [
          '"Date","Price","Open","High","Low","Vol.","Change %"',
          '"Jul 17, 2024","4,188.27","4,210.07","4,222.49","4,184.81","2.35B","-1.39%"',
          '"Jul 16, 2024","4,267.20","4,244.09","4,270.00","4,220.00","1.23M","0.64%"',
          '"Jul 15, 2024","4,231.22","4,238.16","4,260.00","4,210.00","456K","0.28%"',
          '"Jul 12, 2024","-","-","-","-","-","-"',
        ].join('\r\n') +
        '\r\n',
    );
    const out = tmp();
    const r = await importFiles([file], { out, symbol: '^SPX' });
    expect(read(out, 'prices/SPX.csv')).toBe(
      [
        HEADER,
        '2024-07-15,4238.16,4260.00,4210.00,4231.22,4231.22,456000',
        '2024-07-16,4244.09,4270.00,4220.00,4267.20,4267.20,1230000',
        '2024-07-17,4210.07,4222.49,4184.81,4188.27,4188.27,2350000000',
        '',
      ].join('\n'),
    );
    expect(r.lines[0]).toBe(
      `${file} (investing) → prices/SPX.csv: 4 rows in, 3 written, 1 dropped (1 empty, 0 exact duplicates); 2024-07-15 → 2024-07-17; 3 new, 0 replaced in 3 rows; adj_close filled from close (no adjusted column: dividends not reinvested)`,
    );
  });

  it('Stooq (ISO and bulk YYYYMMDD) and a spreadsheet with MM/DD/YYYY dates; one command, every file', async () => {
    const stooq = exportFile('AAA.csv', 'Date,Open,High,Low,Close,Volume\n2024-01-03,50.5,52,50,51.75,8000\n2024-01-02,50,51,49.5,50.5,9000\n');
    const bulk = exportFile('BBB.csv', '<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\nBBB.US,D,20240102,000000,20,21,19,20.5,700,0\n');
    const sheet = exportFile('CCC.csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n01/03/2024,5,6,4,5.5,5.4,10\n1/2/2024,5,6,4,5,4.9,11\n');
    const out = tmp();
    const r = await importFiles([stooq, bulk, sheet], { out });
    expect(read(out, 'prices/AAA.csv')).toBe(`${HEADER}\n2024-01-02,50,51,49.5,50.5,50.5,9000\n2024-01-03,50.5,52,50,51.75,51.75,8000\n`);
    expect(read(out, 'prices/BBB.csv')).toBe(`${HEADER}\n2024-01-02,20,21,19,20.5,20.5,700\n`);
    expect(read(out, 'prices/CCC.csv')).toBe(`${HEADER}\n2024-01-02,5,6,4,5,4.9,11\n2024-01-03,5,6,4,5.5,5.4,10\n`);
    expect(r.lines.map((l) => l.split(': ')[0])).toEqual([`${stooq} (stooq) → prices/AAA.csv`, `${bulk} (stooq-ascii) → prices/BBB.csv`, `${sheet} (yahoo) → prices/CCC.csv`]);
  });

  it("a FRED export goes to macro/SERIES.csv as date,value; '.' days are dropped as empty", async () => {
    const file = exportFile('fredgraph.csv', 'observation_date,DGS10\n2024-07-03,3.86\n2024-07-04,.\n2024-07-05,3.78\n2024-07-01,3.97\n');
    const out = tmp();
    const r = await importFiles([file], { out });
    expect(read(out, 'macro/DGS10.csv')).toBe('date,value\n2024-07-01,3.97\n2024-07-03,3.86\n2024-07-05,3.78\n');
    expect(r.lines[0]).toBe(`${file} (fred) → macro/DGS10.csv: 4 rows in, 3 written, 1 dropped (1 empty, 0 exact duplicates); 2024-07-01 → 2024-07-05; 3 new, 0 replaced in 3 rows`);
  });

  it('merges into an existing file as a fetch does: imported rows win on common dates, older adj_close rebased', async () => {
    const out = tmp();
    mkdirSync(join(out, 'prices'));
    writeFileSync(join(out, 'prices', 'XYZ.csv'), `${HEADER}\n2024-07-01,10,11,9,10.5,5,1000\n2024-07-02,10.5,11.5,10,11,5.5,1200\n`);
    // The new export's adj_close is on another dividend basis (×0.9 at 07-02) and corrects nothing else.
    const file = exportFile('XYZ.csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-07-03,11,12,10,11.5,5.4,1500\n2024-07-02,10.5,11.5,10,11,4.95,1200\n');
    const r = await importFiles([file], { out });
    expect(read(out, 'prices/XYZ.csv')).toBe(`${HEADER}\n2024-07-01,10,11,9,10.5,4.5,1000\n2024-07-02,10.5,11.5,10,11,4.95,1200\n2024-07-03,11,12,10,11.5,5.4,1500\n`);
    expect(r.lines[0]).toContain('1 new, 1 replaced in 3 rows');
  });

  it('a date given twice with different values is an error naming both lines; nothing is written', async () => {
    const file = exportFile('XYZ.csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-07-02,10,11,9,10.5,10.2,1000\n2024-07-01,10,11,9,10,9.8,900\n2024-07-02,10,11,9,10.7,10.4,1000\n');
    const out = tmp();
    await expect(importFiles([file], { out })).rejects.toThrow(
      `${file}:4: date 2024-07-02 is also on line 2 with other values (close 10.5 there, 10.7 here; adj_close 10.2 there, 10.4 here); keep one of the two`,
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it("rotor's own checks run on the import, at the export's lines: an error stops everything, warnings are listed", async () => {
    const good = exportFile('AAA.csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-07-02,10,11,9,10.5,10.5,1\n2024-07-01,10,11,9,10,10,1\n');
    // Line 2 is the later date: after sorting it is the second row, and the error must still say line 2.
    const bad = exportFile('BBB.csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-07-02,10,9,11,10,10,1\n2024-07-01,10,11,9,10,10,1\n');
    const out = tmp();
    await expect(importFiles([good, bad], { out })).rejects.toThrow(`${bad}:2: high 9 is below low 11`);
    expect(readdirSync(out)).toEqual([]);
    const jump = exportFile('CCC.csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-07-03,20,21,19,20,20,1\n2024-07-02,10,11,9,10,10,1\n');
    const r = await importFiles([jump], { out });
    expect(r.lines[1]).toBe(`  warning ${jump}:2: adj_close moved 100.00% from 2024-07-02, beyond ±25.00%: an unadjusted split?`);
    const gap = exportFile('DDD.csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-07-30,10,11,9,10,10,1\n2024-07-01,10,11,9,10,10,1\n');
    expect((await importFiles([gap], { out })).lines[1]).toBe(`  warning ${gap}:2: calendar gap of 29 days from 2024-07-01 (line 3) to 2024-07-30; at most 10 expected`);
  });

  it('one-line errors: unreadable dates and cells by line, a header in no known layout, --format that does not match, no symbol', async () => {
    const out = tmp();
    const dates = exportFile('XYZ.csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-07-01,10,11,9,10,10,1\n2024/07/16,10,11,9,10,10,1\n');
    await expect(importFiles([dates], { out })).rejects.toThrow(`${dates}:3: Date must be a date (YYYY-MM-DD, MM/DD/YYYY, "Jul 16, 2024" or YYYYMMDD), found "2024/07/16"`);
    const cell = exportFile('XYZ.csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-07-02,10,11,9,ten,10,1\n2024-07-01,10,11,9,10,10,1\n');
    await expect(importFiles([cell], { out })).rejects.toThrow(`${cell}:2: close must be a number, found "ten"`);
    const fields = exportFile('XYZ.csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-07-01,10,11,9,10,10,1\n2024-07-02,10,11,9,10,10\n');
    await expect(importFiles([fields], { out })).rejects.toThrow(`${fields}:3: expected 7 fields (Date,Open,High,Low,Close,Adj Close,Volume), found 6`);
    const odd = exportFile('XYZ.csv', 'when,what\n2024-07-01,10\n');
    await expect(importFiles([odd], { out })).rejects.toThrow(`${odd}:1: expected a header Date,Open,High,Low,Close,Adj Close,Volume;`);
    const yahoo = exportFile('XYZ.csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-07-01,10,11,9,10,10,1\n');
    await expect(importFiles([yahoo], { out, format: 'investing' })).rejects.toThrow(
      `${yahoo}:1: --format investing expects Date,Price,Open,High,Low,Vol.,Change %; this header is yahoo's: Date,Open,High,Low,Close,Adj Close,Volume`,
    );
    const unnamed = exportFile('Data (1).csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-07-01,10,11,9,10,10,1\n');
    await expect(importFiles([unnamed], { out })).rejects.toThrow(`${unnamed}: cannot tell the symbol from the file name "Data (1)"; name it with --symbol`);
    await expect(importFiles([yahoo, yahoo], { out, symbol: 'X' })).rejects.toThrow(`--symbol X: 2 files given and every file is named by its own name; say which file it names: --symbol FILE=X`);
    await expect(importFiles([unnamed, unnamed.replace('Data (1)', 'Data (2)')], { out, symbol: 'X' })).rejects.toThrow('no such file');
    expect(readdirSync(out)).toEqual([]);
  });

  it('the real command prints one summary line per file, and errors as one line with exit status 1', () => {
    const file = exportFile('XYZ.csv', 'Date,Open,High,Low,Close,Volume\n2024-07-02,10,11,9,10.5,5\n2024-07-01,10,11,9,10,4\n');
    const out = join(tmp(), 'data');
    const r = rotor(['data', 'import', file, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      `${file} (stooq) → prices/XYZ.csv: 2 rows in, 2 written, 0 dropped (0 empty, 0 exact duplicates); 2024-07-01 → 2024-07-02; 2 new, 0 replaced in 2 rows; adj_close filled from close (no adjusted column: dividends not reinvested)\nwrote ${join(out, 'prices', 'XYZ.csv')}\n`,
    );
    const bad = rotor(['data', 'import', join(tmp(), 'missing.csv'), '--out', out]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^rotor: .*missing\.csv: no such file\n$/);
  });
});

describe('dates an import cannot read unambiguously, and --symbol beside other files', () => {
  const yahoo = (dates: string[]) => ['Date,Open,High,Low,Close,Adj Close,Volume', ...dates.map((d) => `${d},10,11,9,10,10,1`)].join('\n') + '\n';

  it('a day-first file is refused as a whole at its first day-first line, even where its other dates would parse month first', async () => {
    const out = tmp();
    // 03/07/2024 alone would be read as March 7: the file is day first, so nothing of it is imported.
    const file = exportFile('XYZ.csv', yahoo(['03/07/2024', '04/07/2024', '16/07/2024', '17/07/2024']));
    await expect(importFiles([file], { out })).rejects.toThrow(
      `${file}:4: Date "16/07/2024" is written day first (DD/MM/YYYY); rotor reads slashed dates as MM/DD/YYYY only, so the file's other dates could be misread`,
    );
    // Every row day first: the case that crashed inside danfo (no row left to build a frame from).
    const all = exportFile('XYZ.csv', yahoo(['16/07/2024', '17/07/2024']));
    await expect(importFiles([all], { out })).rejects.toThrow(`${all}:2: Date "16/07/2024" is written day first`);
    expect(readdirSync(out)).toEqual([]);
  });

  it.each([
    ['16.07.2024', 'is written day first'],
    ['07-16-2024', 'does not say whether the day or the month comes first'],
    ['07.08.2024', 'does not say whether the day or the month comes first'],
    ['07/16/24', 'has a two-digit year'],
    ['2024/07/16', 'must be a date'],
    ['16 Jul 2024', 'must be a date'],
    ['1721088000', 'must be a date'],
    ['2024-02-30', 'must be a date'],
    ['"Jul 32, 2024"', 'must be a date'],
  ])('"%s" is one line naming the file and line (%s), nothing written', async (date, says) => {
    const out = tmp();
    const file = exportFile('XYZ.csv', yahoo(['2024-07-01', date]));
    const error = await importFiles([file], { out }).then(() => undefined, (e: Error) => e.message);
    expect(error).toContain(`${file}:3: Date `);
    expect(error).toContain(says);
    expect(error).not.toContain('\n');
    expect(readdirSync(out)).toEqual([]);
  });

  it("the README's example: a file named by its symbol and an Investing.com export named by --symbol, in one command", () => {
    const dir = tmp();
    writeFileSync(join(dir, 'SPY.csv'), yahoo(['2024-07-15', '2024-07-16']));
    writeFileSync(join(dir, 'S&P 500 Historical Data.csv'), 'Date,Price,Open,High,Low,Vol.,Change %\n"Jul 16, 2024","5,667.20","5,644.09","5,667.26","5,631.43",2.1B,0.64%\n');
    const r = rotor(['data', 'import', 'SPY.csv', 'S&P 500 Historical Data.csv', '--symbol', '^SPX', '--out', 'data'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(read(join(dir, 'data'), 'prices/SPY.csv')).toBe(`${HEADER}\n2024-07-15,10,11,9,10,10,1\n2024-07-16,10,11,9,10,10,1\n`);
    expect(read(join(dir, 'data'), 'prices/SPX.csv')).toBe(`${HEADER}\n2024-07-16,5644.09,5667.26,5631.43,5667.20,5667.20,2100000000\n`);
  });

  it('--symbol FILE=SYM names a given file; a symbol with = in it (EURUSD=X) is still a symbol', async () => {
    const a = exportFile('A.csv', yahoo(['2024-07-01']));
    const b = exportFile('B.csv', yahoo(['2024-07-02']));
    const out = tmp();
    const r = await importFiles([a, b], { out, symbol: [`${b}=QQQ`] });
    expect(r.written.sort()).toEqual([join(out, 'prices', 'A.csv'), join(out, 'prices', 'QQQ.csv')]);
    const fx = exportFile('Data (1).csv', yahoo(['2024-07-01']));
    expect((await importFiles([a, fx], { out: tmp(), symbol: 'EURUSD=X' })).lines[1]).toContain('→ prices/EURUSD=X.csv');
    await expect(importFiles([a, b], { out, symbol: ['nope.csv=QQQ'] })).rejects.toThrow(`--symbol nope.csv=QQQ: nope.csv is not one of the files imported`);
  });
});

describe('a reader that stops early', () => {
  it('`rotor … | head -1` ends quietly: exit 0, no EPIPE stack', () => {
    const out = join(tmp(), 'demo');
    // The shell's head closes the pipe after one line while rotor is still printing.
    const r = spawnSync('sh', ['-c', `node "${BIN}" demo --no-html --out "${out}" | head -1`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('danfo stays at the data edge', () => {
  it('only datasets/import/danfo.ts loads danfojs-node, and only by dynamic import', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
        const rel = join(dir, e.name);
        if (e.isDirectory()) walk(rel);
        else if (rel.endsWith('.ts') && rel !== join('datasets', 'import', 'danfo.ts')) {
          const text = readFileSync(join(root, rel), 'utf8');
          // A value import or require anywhere else would load it on that module's path (`import type` is erased).
          if (/^\s*import\s+(?!type\b)[^;]*['"]danfojs-node['"]/m.test(text) || /(require|import)\(\s*['"]danfojs-node['"]\s*\)/.test(text)) offenders.push(rel);
        }
      }
    };
    for (const dir of ['engine', 'datasets', 'cli', 'reports', 'strategies']) if (existsSync(join(root, dir))) walk(dir);
    expect(offenders).toEqual([]);
    expect(readFileSync(join(root, 'datasets', 'import', 'danfo.ts'), 'utf8')).toMatch(/return import\('danfojs-node'\)/);
  });
});
