import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rotor } from '../helpers/run-cli.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../helpers/shared-data.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'rotor-cli-'));

function adjClose(symbol: string, date: string): number {
  const line = readFileSync(join(SHARED_DATA, 'prices', `${symbol}.csv`), 'utf8').split('\n').find((l) => l.startsWith(date + ','));
  return Number(line!.split(',')[5]);
}

describe.skipIf(!HAVE_SHARED_DATA)('rotor run on real data', () => {
  it('writes equity, trades, metrics and report that agree with the CSV by hand', () => {
    const out = join(tmp(), 'run');
    const r = rotor(['run', 'buy-and-hold', '--data', SHARED_DATA, '--param', 'symbol=SPY', '--from', '2024-01-02', '--to', '2024-12-31',
      '--fill', 'close', '--commission-bps', '0', '--slippage-bps', '0', '--benchmark', 'SPY', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // All in at the 2024-01-02 close, no costs: equity grows with SPY's total-return (adjusted) close.
    const expected = 100_000 * (adjClose('SPY', '2024-12-31') / adjClose('SPY', '2024-01-02'));
    const equity = readFileSync(join(out, 'equity.csv'), 'utf8').trim().split('\n');
    expect(equity[0]).toBe('date,equity,cash,SPY');
    expect(equity[1].split(',').slice(0, 3)).toEqual(['2024-01-02', '100000', '0']);
    const [lastDate, lastEquity] = equity.at(-1)!.split(',');
    expect(lastDate).toBe('2024-12-31');
    expect(Number(lastEquity)).toBeCloseTo(expected, 6);
    const trades = readFileSync(join(out, 'trades.csv'), 'utf8').trim().split('\n');
    expect(trades).toHaveLength(2);
    expect(trades[1]).toMatch(/^2024-01-02,SPY,buy,/);

    const record = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(record.metrics.totalReturn).toBeCloseTo(expected / 100_000 - 1, 9);
    expect(record.metrics.benchmark.totalReturn).toBeCloseTo(expected / 100_000 - 1, 9);
    expect(record.settings.fill).toBe('close');
    expect(record.strategy).toMatchObject({ name: 'buy-and-hold', params: { symbol: 'SPY' } });
    expect(record.data).toMatchObject({ synthetic: false, from: '2024-01-02', to: '2024-12-31', bars: 252 });
    const spyHash = createHash('sha256').update(readFileSync(join(SHARED_DATA, 'prices', 'SPY.csv'))).digest('hex');
    expect(record.data.files).toEqual([expect.objectContaining({ file: 'prices/SPY.csv', sha256: spyHash })]);
    expect(record.rotor).toMatch(/^\d+\.\d+\.\d+$/);
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    expect(report).toContain('# buy-and-hold');
    expect(report).not.toContain('SYNTHETIC');
    expect(report).toContain(spyHash.slice(0, 12));
  });
});

describe('rotor run refuses bad input with one clear line and writes nothing', () => {
  it('names a bad parameter and its allowed range', () => {
    const out = join(tmp(), 'never');
    const r = rotor(['run', 'strategies/examples/streak-rotation.ts', '--param', 'days=99', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['rotor: strategy streak-rotation: --param days must be an integer in [1, 15], got "99"']);
    expect(existsSync(out)).toBe(false);
  });

  it('names the file and line of a bad price, and leaves earlier outputs untouched', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'prices'));
    writeFileSync(join(dir, 'prices', 'SPY.csv'), 'date,open,high,low,close,adj_close,volume\n2024-01-02,10,11,9,10,10,100\n2024-01-03,10,11,9,ten,10,100\n');
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'report.md'), 'previous report');
    writeFileSync(join(out, '.rotor-output'), ''); // an earlier rotor run's folder
    const r = rotor(['run', 'buy-and-hold', '--data', dir, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`rotor: ${join(dir, 'prices', 'SPY.csv')}:3: close must be a number, found "ten"`);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe('previous report');
    expect(existsSync(join(out, 'equity.csv'))).toBe(false);
  });

  it('rejects an unknown flag value and an unknown strategy', () => {
    expect(rotor(['run', 'buy-and-hold', '--fill', 'sometimes']).stderr).toBe('rotor: --fill sometimes: expected next-open, next-close or close\n');
    const r = rotor(['run', 'no-such-strategy']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no such file, and not a built-in');
  });
});
