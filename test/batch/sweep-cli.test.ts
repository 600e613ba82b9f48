import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rotor } from '../helpers/run-cli.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../helpers/shared-data.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'rotor-sweep-'));
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
const withoutTimings = (dir: string) => {
  const j = JSON.parse(read(dir, 'sweep.json')) as Record<string, unknown>;
  delete j.timings;
  return j;
};

function csvRows(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trim().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, k) => [cols[k], v])));
}

describe.skipIf(!HAVE_SHARED_DATA)('rotor sweep on ../shared/data', () => {
  const data = ['--data', SHARED_DATA, '--from', '2012-01-01', '--to', '2019-12-31', '--benchmark', 'SPY'];

  it('a sweep of one trial gives exactly the numbers rotor run gives', () => {
    const dir = tmp();
    const run = rotor(['run', 'small-cap-streak', ...data, '--param', 'days=4', '--param', 'holdDays=30', '--out', join(dir, 'run')]);
    expect(run.status).toBe(0);
    const sweep = rotor(['sweep', 'small-cap-streak', ...data, '--param', 'days=4', '--grid', 'holdDays=30', '--out', join(dir, 'sweep'), '--quiet']);
    expect(sweep.stderr).toBe('');
    expect(sweep.status).toBe(0);
    const a = JSON.parse(read(join(dir, 'run'), 'metrics.json'));
    const b = JSON.parse(read(join(dir, 'sweep', 'best'), 'metrics.json'));
    expect(b.metrics).toEqual(a.metrics);
    expect(b.runKey).toBe(a.runKey);
    expect(b.sweep).toEqual({ trial: 0, trials: 1, objective: 'sharpe' });
    expect(read(join(dir, 'sweep', 'best'), 'equity.csv')).toBe(read(join(dir, 'run'), 'equity.csv'));
    const [row] = csvRows(read(join(dir, 'sweep'), 'trials.csv'));
    expect(Number(row.sharpe)).toBe(a.metrics.sharpe);
    expect(Number(row.totalReturn)).toBe(a.metrics.totalReturn);
    expect(row.run_key).toBe(a.runKey);
  });

  it('writes byte-identical trial files with 0, 1 and 2 workers, in trial order, with marginals that match the rows', () => {
    const dir = tmp();
    const args = (w: string) => ['sweep', 'strategies/examples/streak-rotation.ts', ...data, '--grid', 'days=3..5', '--grid', 'hold=10,20,40', '--workers', w, '--out', join(dir, `w${w}`), '--quiet'];
    for (const w of ['0', '1', '2']) expect(rotor(args(w)).status).toBe(0);
    // curves.csv too: with workers its curves are drawn on them, with 0 in this thread.
    for (const f of ['trials.csv', 'trials.jsonl', 'summary.md', 'curves.csv']) {
      expect(read(join(dir, 'w1'), f)).toBe(read(join(dir, 'w0'), f));
      expect(read(join(dir, 'w2'), f)).toBe(read(join(dir, 'w0'), f));
    }
    expect(withoutTimings(join(dir, 'w2'))).toEqual(withoutTimings(join(dir, 'w0')));
    const rows = csvRows(read(join(dir, 'w0'), 'trials.csv'));
    expect(rows.map((r) => r.trial)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8']);
    expect(rows.map((r) => `${r.days}/${r.hold}`)).toEqual(['3/10', '3/20', '3/40', '4/10', '4/20', '4/40', '5/10', '5/20', '5/40']);
    const meta = withoutTimings(join(dir, 'w0')) as { n: number; counts: { ok: number; failed: number }; best: { trial: number } };
    expect(meta.n).toBe(9);
    expect(meta.counts).toEqual({ ok: 9, failed: 0 });
    const sharpe = rows.map((r) => Number(r.sharpe));
    expect(meta.best.trial).toBe(sharpe.indexOf(Math.max(...sharpe)));
    // The marginal mean for days=4 is the mean of its three rows.
    const mean4 = (sharpe[3] + sharpe[4] + sharpe[5]) / 3;
    const summary = read(join(dir, 'w0'), 'summary.md');
    expect(summary).toContain('**N = 9 trials** (9 ok, 0 failed');
    expect(summary).toMatch(new RegExp(`\\| 4 \\| 3 \\| ${mean4.toFixed(4)} \\|`));
  });

  it('--keep all writes every trial\'s run folder; --keep none none', () => {
    const dir = tmp();
    expect(rotor(['sweep', 'strategies/examples/streak-rotation.ts', ...data, '--grid', 'days=3..4', '--keep', 'all', '--out', join(dir, 'all'), '--quiet']).status).toBe(0);
    expect(readdirSync(join(dir, 'all', 'trials'))).toEqual(['0', '1']);
    const t1 = JSON.parse(read(join(dir, 'all', 'trials', '1'), 'metrics.json'));
    expect(t1.strategy.params.days).toBe(4);
    expect(rotor(['sweep', 'strategies/examples/streak-rotation.ts', ...data, '--grid', 'days=3..4', '--keep', 'none', '--out', join(dir, 'none'), '--quiet']).status).toBe(0);
    expect(existsSync(join(dir, 'none', 'best'))).toBe(false);
    expect(existsSync(join(dir, 'none', 'trials'))).toBe(false);
  });
});

describe('rotor sweep refuses bad input with one line before running anything', () => {
  const cases: [string[], RegExp][] = [
    [['--grid', 'dayz=1..3'], /^rotor: strategy small-cap-streak: --grid dayz is not one of its params \(did you mean days\?\); its params are index, small/],
    [['--grid', 'days=0..3'], /^rotor: strategy small-cap-streak: --grid days=0\.\.3: 0 is not an integer in \[1, 20\]$/],
    [['--grid', 'days'], /^rotor: --grid days: expected NAME=SPEC/],
    [['--grid', 'newStreak=extend,forever'], /"forever" is not one of extend, ignore$/],
    [['--objective', 'sharp'], /^rotor: --objective sharp is not a metric of metrics.json; did you mean .*sharpe/],
    [['--pbo-blocks', '7'], /^rotor: --pbo-blocks must be an even whole number/],
    [['--random', '0'], /^rotor: --random must be a whole number > 0, got 0$/],
    [['--cash', '0'], /^rotor: --cash must be a number > 0, got 0$/],
    [['--param', 'days=4', '--grid', 'days=3..5'], /^rotor: --grid days is both fixed \(--param\) and varied; drop one$/],
  ];
  it.each(cases)('%j', (extra, message) => {
    const out = join(tmp(), 'never');
    const r = rotor(['sweep', 'small-cap-streak', ...extra, '--out', out, '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});
