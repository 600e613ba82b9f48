import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rotor } from '../helpers/run-cli.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../helpers/shared-data.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'rotor-stats-shared-'));
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe.skipIf(!HAVE_SHARED_DATA)('overfitting statistics on ../shared/data', () => {
  const data = ['--data', SHARED_DATA, '--from', '2010-01-01', '--to', '2019-12-31', '--benchmark', 'SPY'];

  it('a sweep writes the same overfitting block with 2 workers as in one thread, consistent with its trials', () => {
    const dir = tmp();
    const args = ['sweep', 'small-cap-streak', ...data, '--grid', 'days=3..5', '--grid', 'holdDays=10,20,40', '--keep', 'best', '--quiet'];
    expect(rotor([...args, '--workers', '2', '--out', join(dir, 'a')]).status).toBe(0);
    expect(rotor([...args, '--workers', '0', '--out', join(dir, 'b')]).status).toBe(0);
    const a = json(join(dir, 'a', 'sweep.json'));
    const b = json(join(dir, 'b', 'sweep.json'));
    expect(a.overfitting).toEqual(b.overfitting);
    const o = a.overfitting;
    expect(o).toMatchObject({ n: 9, failed: 0, blocks: 16, splits: 12870, pboTrials: 9, bestTrial: a.best.trial });
    expect(o.pbo).toBeGreaterThanOrEqual(0);
    expect(o.pbo).toBeLessThanOrEqual(1);
    // The DSR deflates: it cannot exceed the best trial's own PSR against 0, which its best/ metrics.json states.
    const best = json(join(dir, 'a', 'best', 'metrics.json')).metrics;
    expect(o.bestSharpe).toBe(best.sharpe);
    if (o.expectedMaxSharpe > 0) expect(o.dsr).toBeLessThanOrEqual(best.sharpeInference.psr + 1e-6);
    const rows = readFileSync(join(dir, 'a', 'trials.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { metrics: { sharpe: number } });
    const s = rows.map((r) => r.metrics.sharpe);
    const m = s.reduce((x, y) => x + y, 0) / s.length;
    expect(o.sharpeVariance).toBeCloseTo(s.reduce((x, y) => x + (y - m) ** 2, 0) / (s.length - 1), 12);
    expect(readFileSync(join(dir, 'a', 'summary.md'), 'utf8')).toContain('What PBO means');
  });
});
