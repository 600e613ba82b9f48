import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rotor } from '../helpers/run-cli.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'rotor-wf-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
const base = ['walk-forward', 'small-cap-streak', '--grid', 'days=2..4', '--grid', 'holdDays=5,20', '--from', '2012-01-01', '--to', '2016-12-31', '--quiet'];
const args = [...base, '--train', '2y', '--test', '1y'];

describe('rotor walk-forward on the synthetic sample', () => {
  it('gives the same files with 1 and 2 workers', () => {
    const a = tmp();
    const b = tmp();
    const one = rotor([...args, '--workers', '1', '--out', a]);
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    expect(one.stdout).toMatch(/walk-forward small-cap-streak \[SYNTHETIC sample data\]: 3 folds, 18 trials/);
    expect(rotor([...args, '--workers', '2', '--out', b]).status).toBe(0);
    for (const f of ['folds.csv', 'report.md', 'oos/metrics.json', 'oos/equity.csv', 'oos/trades.csv', 'folds/01/trials.jsonl', 'folds/03/trials.csv', 'folds/02/best/metrics.json']) expect(read(b, f)).toBe(read(a, f));
    const strip = (d: string) => {
      const j = JSON.parse(read(d, 'walk-forward.json')) as Record<string, unknown>;
      delete j.timings;
      return j;
    };
    expect(strip(b)).toEqual(strip(a));
    const wf = strip(a) as { status: string; folds: { test: { from: string } }[]; trials: number };
    expect(wf.status).toBe('complete');
    expect(wf.folds.map((f) => f.test.from)).toEqual(['2014-01-02', '2015-01-02', '2016-01-04']);
    expect(read(a, 'report.html')).toContain('data-chart="data-is-oos-folds"');
    expect(read(a, 'oos/report.md')).toContain('walk-forward: 3 test windows stitched');
  });

  it('--no-html leaves out every report.html, the folds\' too', () => {
    const out = tmp();
    const r = rotor([...args, '--no-html', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/wrote .* \(walk-forward.json, folds.csv, report.md, oos\/, folds\/\)/);
    for (const f of ['report.html', 'oos/report.html', 'folds/01/report.html']) expect(existsSync(join(out, f)), f).toBe(false);
    for (const f of ['report.md', 'oos/report.md', 'folds/01/report.md']) expect(existsSync(join(out, f)), f).toBe(true);
  });

  it('refuses bad durations, windows that do not fit, repeated flags, a foreign --out and a resume of nothing in one line', () => {
    const bad = rotor([...base, '--train', '2q', '--test', '1y', '--out', tmp()]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^rotor: --train 2q: expected a whole number > 0 and a unit/);
    const big = rotor([...base, '--train', '5y', '--test', '1y', '--out', tmp()]);
    expect(big.status).toBe(1);
    expect(big.stderr).toMatch(/^rotor: --train 5y \+ --test 1y do not fit the data: the strategy can run 2012-01-03 \.\. 2016-12-30/);
    const overlap = rotor([...args, '--step', '6m', '--out', tmp()]);
    expect(overlap.stderr).toMatch(/^rotor: --step 6m is shorter than --test 1y/);
    expect(rotor([...args, '--train', '3y', '--out', tmp()]).stderr).toMatch(/^rotor: --train is given 2 times \(2y, 3y\); give it once/);
    const foreign = tmp();
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    expect(rotor([...args, '--out', foreign]).stderr).toMatch(/^rotor: --out .* is a folder rotor did not write \(it has files and no \.rotor-output\); choose a new or empty folder\n$/);
    expect(readFileSync(join(foreign, 'notes.txt'), 'utf8')).toBe('mine');
    expect(rotor([...args, '--resume', '--out', tmp()]).stderr).toMatch(/^rotor: --resume: .* holds no walk-forward to resume/);
  });
});
