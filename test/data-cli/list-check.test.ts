import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rotor } from '../helpers/run-cli.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../helpers/shared-data.ts';

describe.skipIf(!HAVE_SHARED_DATA)('rotor data list/check on the real data', () => {
  it('list shows every symbol and series with rows, dates, columns and hash', () => {
    const r = rotor(['data', 'list', SHARED_DATA]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const line = (name: string) => r.stdout.split('\n').find((l) => l.startsWith(name + ' '))!.split(/\s{2,}/);
    // Rows and ranges as the data README's table states them.
    expect(line('RUT').slice(0, 5)).toEqual(['RUT', 'rotor', '9531', '1987-09-10', '2025-07-11']);
    expect(line('IJR').at(-1)).toBe('date,adj_close');
    expect(line('GDPC1').slice(0, 5)).toEqual(['GDPC1', 'rotor', '316', '1947-01-01', '2025-10-01']);
    expect(r.stdout).toContain('Prices (19 symbols)');
    expect(r.stdout).toContain('Macro (13 files)');
  });

  it('check prints the full table and passes (only warnings: 1933 gap, IJR/VB OHLC, October 2025)', () => {
    const r = rotor(['data', 'check', SHARED_DATA]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^file\s+line\s+severity\s+rule\s+value\s+message$/m);
    expect(r.stdout).toMatch(/^macro\/CPIAUCNS\.csv\s+1355\s+warning\s+missing-period\s+2025-10-01\s+no row for 2025-10-01/m);
    expect(r.stdout).toMatch(/^prices\/GSPC\.csv\s+1297\s+warning\s+calendar-gap\s+12 days/m);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('32 files checked (24 clean): 0 errors, 8 warnings.');
  });
});

describe('rotor data check on a folder with errors', () => {
  it('lists every error with file and line and exits 1; a gap can be made an error by flag', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rotor-check-'));
    mkdirSync(join(dir, 'prices'));
    writeFileSync(join(dir, 'prices', 'A.csv'), 'date,open,high,low,close,adj_close,volume\n2024-01-02,10,9,11,10,10,1\n2024-01-03,10,11,9,x,10,1\n2024-01-30,10,11,9,10,10,1\n');
    const r = rotor(['data', 'check', dir, '--max-gap-days', '20', '--gap-severity', 'error']);
    expect(r.status).toBe(1);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('prices/'));
    expect(rows.map((l) => l.split(/\s{2,}/).slice(0, 4))).toEqual([
      ['prices/A.csv', '2', 'error', 'high-below-low'],
      ['prices/A.csv', '3', 'error', 'bad-number'],
    ]);
    expect(r.stdout).toContain('1 files checked (0 clean): 2 errors, 0 warnings.');
    writeFileSync(join(dir, 'prices', 'A.csv'), 'date,open,high,low,close,adj_close,volume\n2024-01-02,10,11,9,10,10,1\n2024-01-30,10,11,9,10,10,1\n');
    const gap = rotor(['data', 'check', dir, '--max-gap-days', '20', '--gap-severity', 'error']);
    expect(gap.status).toBe(1);
    expect(gap.stdout).toMatch(/prices\/A\.csv\s+3\s+error\s+calendar-gap\s+28 days\s+calendar gap of 28 days from 2024-01-02 \(line 2\) to 2024-01-30; at most 20 expected/);
  });

  it('list works on the embedded sample', () => {
    const r = rotor(['data', 'list', 'datasets/sample']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^SPY\s+rotor\s+\d+\s+1995-01-03/m);
  });
});
