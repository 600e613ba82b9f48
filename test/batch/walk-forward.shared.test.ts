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
    // The stitched run compounds the test windows: each started with the equity the previous one ended with.
    const compounded = wf.outcomes.reduce((g, o) => g * (1 + o.outOfSample.totalReturn), 1) - 1;
    expect(oos.metrics.totalReturn).toBeCloseTo(compounded, 10);
    expect(oos.metrics.benchmark.symbol).toBe('SPY');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/\| Total return \| .* \| .* \|/);
  });
});
