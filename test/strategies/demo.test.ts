import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_DIR } from '../../datasets/index.ts';
import { rotor } from '../helpers/run-cli.ts';

function adjClose(symbol: string, date: string): number {
  const line = readFileSync(join(SAMPLE_DIR, 'prices', `${symbol}.csv`), 'utf8').split('\n').find((l) => l.startsWith(date + ','));
  return Number(line!.split(',')[5]);
}

describe('rotor demo', () => {
  it('runs both seeds, the classic rotations and the benchmark legs on the sample, then compares them', () => {
    const out = mkdtempSync(join(tmpdir(), 'rotor-demo-'));
    const r = rotor(['demo', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const names = ['small-cap-streak', 'ubs-four-conditions', 'relative-momentum', 'dual-momentum', 'sector-rotation', '50-50', 'buy-and-hold-SPY', 'buy-and-hold-IWM'];
    for (const n of names) expect(existsSync(join(out, n, 'report.md'))).toBe(true);
    const table = r.stdout.slice(r.stdout.indexOf('Comparison over'));
    // BIL, dual momentum's T-bill leg, starts 2007-05-30 in the sample; every other run covers that period too.
    expect(table).toMatch(/^Comparison over 2007-05-30 → 2024-12-31/);
    const rows = table.trim().split('\n').slice(3);
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(names);
    // Buy-and-hold SPY over the window is SPY's total return there (its leftover cash is cents).
    const spy = rows[6].split(/\s+/)[1];
    expect(spy).toBe(`${((adjClose('SPY', '2024-12-31') / adjClose('SPY', '2007-05-30') - 1) * 100).toFixed(1)}%`);
  });
});
