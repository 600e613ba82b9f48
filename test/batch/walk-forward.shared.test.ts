import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rotor } from '../helpers/run-cli.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../helpers/shared-data.ts';

const out = mkdtempSync(join(tmpdir(), 'rotor-wf-shared-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.skipIf(!HAVE_SHARED_DATA)('rotor walk-forward on ../shared/data', () => {
  it('sweeps each train window, tests the choice on the next year and stitches the years', () => {
    const r = rotor(['walk-forward', 'small-cap-streak', '--data', SHARED_DATA, '--from', '2010-01-01', '--to', '2019-12-31', '--benchmark', 'SPY', '--grid', 'days=3..5', '--grid', 'holdDays=10,30', '--train', '3y', '--test', '1y', '--workers', '2', '--quiet', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const wf = JSON.parse(readFileSync(join(out, 'walk-forward.json'), 'utf8')) as { folds: { test: { from: string; to: string } }[]; outcomes: { outOfSample: { totalReturn: number } }[]; trials: number };
    expect(wf.folds.map((f) => f.test.from.slice(0, 4))).toEqual(['2013', '2014', '2015', '2016', '2017', '2018', '2019']);
    expect(wf.trials).toBe(7 * 6);
    const oos = JSON.parse(readFileSync(join(out, 'oos', 'metrics.json'), 'utf8')) as { metrics: { totalReturn: number; benchmark: { symbol: string } } };
    // The stitched run compounds the test windows, each starting in cash with what the previous one had left once
    // its positions were sold at its last close: the test runs' returns times E / (E + cost) at each boundary.
    const equity = new Map(readFileSync(join(out, 'oos', 'equity.csv'), 'utf8').trim().split('\n').slice(1).map((l) => [l.split(',')[0], Number(l.split(',')[1])]));
    const closeOuts = readFileSync(join(out, 'oos', 'trades.csv'), 'utf8').split('\n').filter((l) => l.endsWith(',walk-forward: the test window ends; its positions are closed before the next window starts in cash'));
    const cost = new Map<string, number>();
    for (const [date, , , , , fee, slip] of closeOuts.map((l) => l.split(','))) cost.set(date, (cost.get(date) ?? 0) + Number(fee) + Number(slip));
    expect(cost.size).toBeGreaterThan(0);
    expect([...cost.keys()].every((d) => wf.folds.slice(0, -1).some((f) => f.test.to === d))).toBe(true);
    const kept = [...cost].reduce((g, [date, c]) => g * (equity.get(date)! / (equity.get(date)! + c)), 1);
    const compounded = wf.outcomes.reduce((g, o) => g * (1 + o.outOfSample.totalReturn), 1);
    expect(kept).toBeLessThan(1);
    expect(1 + oos.metrics.totalReturn).toBeCloseTo(compounded * kept, 10);
    expect(oos.metrics.benchmark.symbol).toBe('SPY');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/\| Total return \| .* \| .* \|/);
  });
});
