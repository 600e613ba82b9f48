import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rotor } from '../helpers/run-cli.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../helpers/shared-data.ts';

const out = mkdtempSync(join(tmpdir(), 'rotor-null-shared-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.skipIf(!HAVE_SHARED_DATA)('rotor run --null on ../shared/data', () => {
  it("relative momentum against 500 random-timing paths: the paths' exposure is the run's, the percentiles are in range", () => {
    const r = rotor(['run', 'relative-momentum', '--data', SHARED_DATA, '--benchmark', 'SPY', '--null', 'random-timing:500', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const { metrics, nullModel } = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(nullModel.n).toBe(500);
    // The run's average gross exposure measured by the metrics, and by the null model from the same positions.
    expect(nullModel.exposure).toBeCloseTo(metrics.exposure.meanGross, 9);
    expect(nullModel.switches).toBeGreaterThan(20);
    for (const f of [nullModel.totalReturn, nullModel.sharpe]) {
      expect(f.percentile).toBeGreaterThanOrEqual(0);
      expect(f.percentile).toBeLessThanOrEqual(100);
      const below = f.values.filter((v: number) => v < f.strategy).length;
      expect(f.percentile).toBeCloseTo((100 * below) / 500, 6); // no ties among paths that switch at other dates
      expect(f.p5).toBeLessThanOrEqual(f.median);
      expect(f.median).toBeLessThanOrEqual(f.p95);
    }
    expect(metrics.totalReturn).toBe(nullModel.totalReturn.strategy);
  });
});
