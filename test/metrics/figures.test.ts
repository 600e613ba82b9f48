import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, sampleKurtosis, sampleSkewness, sampleStandardDeviation } from 'simple-statistics';
import { resolveRun, runBacktest, type RunSettings } from '../../engine/index.ts';
import { computeMetrics, FIGURE_PATHS, metricAt, metricFigures, type MetricsInput } from '../../engine/metrics/index.ts';
import { shapeStats } from '../../engine/metrics/distribution.ts';
import { objectivePaths } from '../../batch/metric-columns.ts';
import { execute, loadRunData, loadStrategyRef, planRun } from '../../runs/index.ts';

/** A run on the synthetic sample, as the metrics see it. */
async function sampleRun(ref: string, params: Record<string, unknown>, settings: Partial<RunSettings>): Promise<MetricsInput> {
  const { strategy } = await loadStrategyRef(ref);
  const resolved = resolveRun(strategy, params, settings);
  const { dataset } = loadRunData({}, [resolved]);
  const r = runBacktest({ market: dataset.market, macro: dataset.macro, strategy: resolved.strategy, resolved, record: { positions: false, decisions: false } });
  return { curve: r.curve, trades: r.trades, riskFree: r.settings.riskFree, benchmark: r.benchmark, benchmarks: r.benchmarks, riskFreeDaily: r.riskFreeDaily };
}

const CASES: [string, string, Record<string, unknown>, Partial<RunSettings>][] = [
  ['buy-and-hold, no benchmark', 'buy-and-hold', { symbol: 'SPY' }, {}],
  ['streak, a constant risk-free rate and SPY', 'small-cap-streak', {}, { riskFree: 0.02, benchmark: 'SPY' }],
  [
    'dual momentum, SPY and a 60/40 blend, BIL as the risk-free series, a cash rate',
    'dual-momentum',
    {},
    {
      benchmark: 'SPY',
      benchmarks: [{ name: 'SPY', weights: { SPY: 1 } }, { name: '60/40', weights: { SPY: 0.6, BIL: 0.4 } }],
      riskFreeFrom: { kind: 'symbol', symbol: 'BIL' },
      cashRate: { kind: 'constant', rate: 0.02 },
    },
  ],
];

describe('a sweep trial’s figures are the numbers metrics.json holds', () => {
  it('every path metricFigures derives on its own, and every other objective path, equals computeMetrics at that path', async () => {
    for (const [label, ref, params, settings] of CASES) {
      const input = await sampleRun(ref, params, settings);
      const full = computeMetrics(input);
      const paths = [...new Set([...FIGURE_PATHS, ...objectivePaths()])];
      const { figures, dailyReturns } = metricFigures(input, paths);
      for (const p of paths) expect(Object.is(figures[p], metricAt(full, p)), `${label}: ${p} = ${figures[p]} vs ${metricAt(full, p)}`).toBe(true);
      expect(Array.from(dailyReturns)).toEqual(Array.from(input.curve.equity.subarray(1)).map((v, i) => v / input.curve.equity[i] - 1));
    }
  });

  it('the ratios equal simple-statistics over the daily returns, bit for bit, and drawdown and months a naive loop', async () => {
    const input = await sampleRun('small-cap-streak', {}, { benchmark: 'SPY' });
    const eq = input.curve.equity;
    const r: number[] = [];
    for (let i = 1; i < eq.length; i++) r.push(eq[i] / eq[i - 1] - 1);
    const sd = sampleStandardDeviation(r);
    const { figures } = metricFigures(input, ['volatility', 'sharpe', 'sortino', 'skew', 'kurtosis', 'totalReturn', 'maxDrawdown.depth', 'positiveMonths']);
    expect(figures.volatility).toBe(sd * Math.sqrt(252));
    expect(figures.sharpe).toBe((mean(r) / sd) * Math.sqrt(252));
    expect(figures.sortino).toBe((mean(r) / Math.sqrt(mean(r.map((x) => (x < 0 ? x * x : 0))))) * Math.sqrt(252));
    expect(figures.skew).toBe(sampleSkewness(r));
    expect(figures.kurtosis).toBe(sampleKurtosis(r));
    expect(figures.totalReturn).toBe(eq[eq.length - 1] / eq[0] - 1);
    let peak = -Infinity;
    let depth = 0;
    for (const v of eq) {
      peak = Math.max(peak, v);
      depth = Math.min(depth, v / peak - 1);
    }
    expect(figures['maxDrawdown.depth']).toBe(depth);
    const monthEnd = new Map<string, number>();
    input.curve.dates.forEach((d, i) => monthEnd.set(d.slice(0, 7), eq[i]));
    const ends = [eq[0], ...monthEnd.values()];
    const up = ends.slice(1).filter((v, k) => v / ends[k] - 1 > 0).length;
    expect(figures.positiveMonths).toBe(up / monthEnd.size);
  });

  it('skew and kurtosis from one pass equal simple-statistics bit for bit, on any sample (ties, tiny and constant ones)', () => {
    const value = fc.oneof(fc.double({ min: -0.2, max: 0.2, noNaN: true }), fc.constantFrom(0, 0.01, -0.01, 1e-9));
    fc.assert(
      fc.property(fc.array(value, { minLength: 0, maxLength: 60 }), fc.integer({ min: 0, max: 3 }), (xs, repeat) => {
        const sample = repeat === 0 ? xs : xs.map(() => xs[0] ?? 0); // a quarter of them constant
        const n = sample.length;
        const spread = n >= 2 && sampleStandardDeviation(sample) > 1e-12;
        const finite = (v: number) => (Number.isFinite(v) ? v : null);
        expect(shapeStats(Float64Array.from(sample))).toEqual({
          skew: spread && n >= 3 ? finite(sampleSkewness(sample)) : null,
          kurtosis: spread && n >= 4 ? finite(sampleKurtosis(sample)) : null,
        });
      }),
      { numRuns: 2000, seed: 17 },
    );
  });

  it('the paths it derives alone include every number a trial row lists, so no row costs a whole computeMetrics', async () => {
    const { METRIC_COLUMNS } = await import('../../batch/metric-columns.ts');
    expect(METRIC_COLUMNS.filter((p) => !FIGURE_PATHS.includes(p))).toEqual([]);
  });

  it('benchmarks that start after the run, risk-free series and a curve with unknown bars give the same figures', async () => {
    const input = await sampleRun('sector-rotation', {}, {});
    const equity = Float64Array.from(input.curve.equity);
    equity[10] = NaN; // a bar whose value is unknown: its returns drop out everywhere
    const late = Float64Array.from(input.benchmark?.prices ?? equity).map((v, i) => (i < 300 ? NaN : v));
    const rf = new Float64Array(equity.length).map((_, i) => (i % 7 === 0 ? NaN : 0.0001 * (1 + Math.sin(i))));
    const tweaked: MetricsInput = { ...input, curve: { ...input.curve, equity }, benchmark: { symbol: 'LATE', prices: late }, benchmarks: [{ symbol: 'LATE', prices: late }], riskFreeDaily: rf };
    const full = computeMetrics(tweaked);
    const { figures } = metricFigures(tweaked, FIGURE_PATHS);
    for (const p of FIGURE_PATHS) expect(Object.is(figures[p], metricAt(full, p)), `${p}: ${figures[p]} vs ${metricAt(full, p)}`).toBe(true);
    expect(figures['benchmark.totalReturn']).not.toBeNull();
  });

  it('a compact trial outcome carries the figures a full run would, and the same daily returns', async () => {
    const { strategy, ref } = await loadStrategyRef('small-cap-streak');
    const resolved = resolveRun(strategy, { days: 3 }, {});
    const { dataset, data } = loadRunData({}, [resolved]);
    const plan = planRun(resolved, ref, data);
    const paths = ['sharpe', 'maxDrawdown.depth', 'benchmark.alpha', 'skew', 'gross.bestYear.ret'];
    const compact = execute(plan, dataset, { figures: paths }).outcome;
    const full = execute(plan, dataset, { full: true }).outcome;
    expect(compact.metrics).toBeUndefined();
    for (const p of paths) expect(compact.figures?.[p]).toBe(metricAt(full.metrics, p));
    expect(Array.from(compact.returns)).toEqual(Array.from(full.returns));
    expect(compact.firstBar).toBe(full.firstBar);
  });
});
