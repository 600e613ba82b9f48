import { describe, expect, it } from 'vitest';
import { buildBatchModel, buildSweepModel, checkHeatmap, sweepReportFiles, type SweepReportInput, type SweepTrial } from '../../reports/index.ts';
import { overfittingLines } from '../../reports/sweep/sweep-render.ts';

// A made-up 2 × 3 × 2 grid whose objective is worked out by hand: sharpe = 10a + b/10 + (c = y ? 1 : 0).
function grid(): SweepTrial[] {
  const trials: SweepTrial[] = [];
  let t = 0;
  for (const a of [2, 1]) for (const b of [30, 10, 20]) for (const c of ['x', 'y']) {
    const sharpe = 10 * a + b / 10 + (c === 'y' ? 1 : 0);
    trials.push({ trial: t, status: 'ok', params: { a, b, c }, metrics: { sharpe, cagr: sharpe / 100 } });
    t++;
  }
  // One failed trial: counted in N, left out of every mean.
  trials.push({ trial: t, status: 'failed', params: { a: 1, b: 10, c: 'x' }, metrics: { sharpe: null }, error: '2020-01-02: boom' });
  return trials;
}

function input(over: Partial<SweepReportInput> = {}): SweepReportInput {
  const trials = grid();
  return { name: 'made up', objective: 'sharpe', n: trials.length, counts: { ok: 12, failed: 1 }, paramNames: ['a', 'b', 'c'], trials, synthetic: true, ...over };
}

describe('sweep report model on a made-up grid', () => {
  it('heatmap over the first two params: each cell the mean objective over the third; values in natural order', () => {
    const m = buildSweepModel(input());
    const hm = m.heatmap!;
    expect([hm.x, hm.y]).toEqual(['a', 'b']);
    expect(hm.xs).toEqual(['1', '2']);
    expect(hm.ys).toEqual(['10', '20', '30']);
    const cell = (a: string, b: string) => hm.cells.find(([i, j]) => hm.xs[i] === a && hm.ys[j] === b)!;
    // a = 1, b = 10: (10 + 1 + 0 + 10 + 1 + 1) / 2 = 11.5 over its two ok trials (the failed third is not one).
    expect(cell('1', '10')[2]).toBeCloseTo(11.5, 12);
    expect(cell('1', '10')[3]).toBe(2);
    expect(cell('2', '30')[2]).toBeCloseTo(23.5, 12);
    expect(hm.cells).toHaveLength(6);
  });

  it('on a two-param grid, a heatmap cell is the objective of that grid point', () => {
    const trials = grid().filter((t) => t.params.c === 'x' && t.status === 'ok');
    const m = buildSweepModel(input({ trials, n: trials.length, counts: { ok: trials.length, failed: 0 }, paramNames: ['b', 'a'] }));
    for (const t of trials) {
      const [, , v] = m.heatmap!.cells.find(([i, j]) => m.heatmap!.xs[i] === String(t.params.b) && m.heatmap!.ys[j] === String(t.params.a))!;
      expect(v).toBe(t.metrics.sharpe);
    }
  });

  it('--heatmap picks the pair; a name the sweep does not vary is one clear line', () => {
    expect(buildSweepModel(input({ heatmap: ['c', 'a'] })).heatmap!.xs).toEqual(['x', 'y']);
    expect(() => checkHeatmap(['a', 'days'], ['a', 'b', 'c'])).toThrow(/^--heatmap a,days: days is not a param the sweep varies \(a, b, c\)$/);
    expect(() => checkHeatmap(['a'], ['a', 'b'])).toThrow(/^--heatmap a: expected two different grid params, e.g. --heatmap a,b$/);
    expect(() => checkHeatmap(['a', 'a'], ['a', 'b'])).toThrow(/expected two different grid params/);
  });

  it('marginals: the mean and best objective per value of each param, failed trials left out', () => {
    const m = buildSweepModel(input());
    const a = m.marginals.find((x) => x.param === 'a')!;
    // a = 1: 10 + mean(b)/10 (= 2) + mean(c) (= 0.5); best 10 + 3 + 1.
    expect(a.values).toEqual(['1', '2']);
    expect(a.count).toEqual([6, 6]);
    expect(a.mean[0]).toBeCloseTo(12.5, 12);
    expect(a.mean[1]).toBeCloseTo(22.5, 12);
    expect(a.best).toEqual([14, 24]);
    const c = m.marginals.find((x) => x.param === 'c')!;
    // c = y: 15 + 2 + 1 = 18 on average.
    expect(c.mean[1]).toBeCloseTo(18, 12);
    // Lower is better: the best is the minimum.
    expect(buildSweepModel(input({ direction: 'min' })).marginals[0].best).toEqual([11, 21]);
  });

  it('top trials best first (ties by trial), the spread and distribution over ok trials, the failures listed', () => {
    const m = buildSweepModel(input());
    expect(m.top.map((t) => t.metrics.sharpe)).toEqual([24, 23, 23, 22, 22, 21, 14, 13, 13, 12]);
    // 23 = a 2, b 30, c x (trial 0) and a 2, b 20, c y (trial 5): the lower trial first.
    expect(m.top.slice(1, 3).map((t) => t.trial)).toEqual([0, 5]);
    expect(m.valued).toBe(12);
    expect(m.spread!.min).toBe(11);
    expect(m.spread!.max).toBe(24);
    expect(m.spread!.mean).toBeCloseTo(17.5, 12);
    expect(m.spread!.median).toBeCloseTo(17.5, 12);
    expect(m.distribution.counts[0].counts.reduce((a, b) => a + b, 0)).toBe(12);
    expect(m.failed).toEqual([{ trial: 12, error: '2020-01-02: boom' }]);
    expect(m.columns.map((c) => [c.key, c.format])).toContainEqual(['cagr', 'pct']);
  });

  it('a numeric param with many values (a random sweep) is grouped into ten equal ranges', () => {
    const trials: SweepTrial[] = Array.from({ length: 50 }, (_, i) => ({ trial: i, status: 'ok', params: { x: i / 49, y: i % 2 }, metrics: { sharpe: i } }));
    const m = buildSweepModel({ name: 'r', objective: 'sharpe', n: 50, counts: { ok: 50 }, paramNames: ['x', 'y'], trials, synthetic: false });
    const x = m.marginals[0];
    expect(x.binned).toBe(true);
    expect(x.values).toHaveLength(10);
    expect(x.values[0]).toBe('0–0.1');
    expect(x.count).toEqual([5, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
    // Bin 0 holds x = 0 … 4/49, objective 0 … 4.
    expect(x.mean[0]).toBe(2);
    expect(m.heatmap!.xs).toHaveLength(10);
  });

  it('top curves rebased to 1; the overfitting block in plain sentences; PBO explained', () => {
    const m = buildSweepModel(input({ top: [{ trial: 11, dates: ['2020-01-02', '2020-01-03'], equity: [200, 250] }], overfitting: { n: 13, pbo: 0.25, dsr: 0.9, logits: [-1, 1, 2, 3], splits: 4 } }));
    expect(Array.from(m.curves[0].growth)).toEqual([1, 1.25]);
    expect(m.logits!.counts[0].counts.reduce((a, b) => a + b, 0)).toBe(4);
    const lines = overfittingLines(m);
    expect(lines[0]).toBe('The best trial was selected from N = 13 trials (failed ones count: each was a try).');
    expect(lines.find((l) => l.startsWith('PBO'))).toMatch(/^PBO \(probability of backtest overfitting\) = 25\.0%: in 25\.0% of the 4 ways of splitting the calendar/);
    expect(lines.find((l) => l.startsWith('Deflated'))).toMatch(/90\.0%/);
    expect(overfittingLines(buildSweepModel(input()))[0]).toMatch(/^Not computed for this sweep/);
  });

  it('both renderers come from the one model: report.md has the hand-worked figures the HTML draws', () => {
    const files = sweepReportFiles(input(), { images: false });
    expect(Object.keys(files).sort()).toEqual(['report.html', 'report.md']);
    expect(files['report.md']).toContain('| 1 | 6 | 12.500 | 14.000 |');
    expect(files['report.md']).toContain('| 10 | 11.500 | 21.500 |');
    expect(files['report.html']).toContain('"value":[0,0,11.5]');
  });
});

describe('batch report model', () => {
  it('one row per run from its figures, curves rebased with their drawdowns', () => {
    const m = buildBatchModel({
      name: 'b',
      synthetic: false,
      runs: [
        { name: 'a', metrics: { totalReturn: 0.1, sharpe: 1.5, 'maxDrawdown.depth': -0.2 }, dates: ['2020-01-02', '2020-01-03', '2020-01-06'], equity: [100, 80, 120] },
        { name: 'b', status: 'failed', error: 'boom', metrics: {} },
      ],
    });
    const col = (k: string) => m.columns.findIndex((c) => c.key === k);
    expect(m.rows[0].figures[col('sharpe')]).toBe(1.5);
    expect(m.rows[0].figures[col('maxDrawdown.depth')]).toBe(-0.2);
    expect(m.rows[1]).toMatchObject({ status: 'failed', error: 'boom' });
    expect(m.curves).toHaveLength(1);
    expect(Array.from(m.curves[0].growth)).toEqual([1, 0.8, 1.2]);
    expect(m.curves[0].drawdown[1]).toBeCloseTo(-0.2, 12);
    expect(m.curves[0].drawdown[2]).toBe(0);
  });
});
