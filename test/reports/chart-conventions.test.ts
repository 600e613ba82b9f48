import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../engine/index.ts';
import { computeMetrics } from '../../engine/metrics/index.ts';
import { nullModel as nullModelRecord } from '../../runs/index.ts';
import { batchCharts, buildBatchModel, buildRunModel, buildSweepModel, inputsFromResult, runCharts, sweepCharts, walkForwardCharts, type ChartSpec, type EventsReportModel, type RunRecord } from '../../reports/index.ts';
import { eventsCharts } from '../../reports/charts/events-charts.ts';
import { momentumRotation } from '../../bench/momentum-rotation.ts';
import { syntheticMarket } from '../../bench/synthetic-market.ts';
import { rotor } from '../helpers/run-cli.ts';
import { madeUpBatch, madeUpSweep } from './fixtures.ts';

type Obj = Record<string, unknown>;
const axes = (a: unknown): Obj[] => (Array.isArray(a) ? a : a ? [a] : []) as Obj[];

/** Every chart: a title, named axes with a unit in the name (or a time axis of dates), a legend or colour key, tooltips. */
function expectConventions(charts: readonly ChartSpec[]): void {
  expect(charts.length).toBeGreaterThan(0);
  for (const c of charts) {
    const o = c.option as Obj;
    const why = `chart ${c.id}`;
    expect((o.title as Obj | undefined)?.text, why).toBeTruthy();
    expect(o.tooltip, why).toBeTruthy();
    const legend = o.legend as Obj | undefined;
    expect(!!(legend && legend.show !== false) || !!o.visualMap, `${why}: a legend or a colour key`).toBe(true);
    for (const a of [...axes(o.xAxis), ...axes(o.yAxis)]) {
      expect(a.name, `${why}: axis name`).toBeTruthy();
      // A value axis names its unit in brackets: (%), (ratio), (count), (trading days)…
      if (a.type === 'value' || a.type === 'log') expect(String(a.name), `${why}: unit of ${String(a.name)}`).toMatch(/\(.+\)/);
    }
    if (axes(o.xAxis).some((a) => a.type === 'time')) {
      const series = (o.series as Obj[]) ?? [];
      const source = ((o.dataset as Obj | undefined)?.source as unknown[][] | undefined) ?? (series[0]?.data as unknown[][] | undefined) ?? [];
      expect(String(source[0]?.[0] ?? ''), `${why}: dates on the time axis`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  }
}

describe('every chart of every report has a title, labelled axes with units, a legend and tooltips', () => {
  it('run report', () => {
    const market = syntheticMarket(4, 800, 3);
    const result = runBacktest({ market, strategy: momentumRotation(market.symbols, 0.3, 63), settings: { benchmark: market.symbols[0] } });
    const metrics = computeMetrics({ curve: result.curve, trades: result.trades, riskFree: 0, benchmark: result.benchmark });
    const d = result.curve.dates;
    const record: RunRecord = {
      rotor: 'test', runKey: 'k', strategy: { ...result.strategy, ref: 'bench', sha256: '0'.repeat(64) }, settings: result.settings, metrics, notes: [],
      data: { dir: 'synthetic', synthetic: true, hash: '0'.repeat(64), files: [], macro: [], vintage: 'first', warnings: [], from: d[0], to: d[d.length - 1], bars: d.length },
    };
    expectConventions(runCharts(buildRunModel(inputsFromResult(record, result, market))));
    // With a null model, its two histograms too.
    const nullModel = nullModelRecord(result, metrics, market, { model: 'random-timing', n: 20, seed: 1 });
    const withNull = runCharts(buildRunModel(inputsFromResult({ ...record, nullModel }, result, market)));
    expect(withNull.map((c) => c.id)).toEqual(expect.arrayContaining(['null-total-return', 'null-sharpe']));
    expectConventions(withNull);
  });

  it('walk-forward report', () => {
    const dates = ['2020-01-02', '2020-01-03', '2020-01-06', '2020-01-07'];
    const fold = (index: number, from: string) => ({ index, train: { from: '2019-01-02', to: '2019-12-31' }, test: { from, to: from }, trials: 4, chosen: 'days=3', isObjective: 1.2, oosObjective: 0.4, oosTotalReturn: 0.01, oosMaxDrawdown: -0.02, dsr: 0.5, pbo: 0.3 });
    const charts = walkForwardCharts({
      name: 'x', synthetic: true, objective: 'sharpe', minimize: false, scheme: '1y train, 1d test', trials: 8, folds: [fold(1, dates[0]), fold(2, dates[2])],
      oos: { dates, equity: Float64Array.from([100, 101, 102, 101]), benchmark: { symbol: 'SPY', prices: Float64Array.from([10, 10.1, 10.3, 10.2]) } },
      figures: [], oosObjective: 0.5, overfitting: [], method: [], dataset: { dir: 'd', hash: 'h' },
    });
    expect(charts.map((c) => c.id)).toEqual(['oos-equity', 'is-oos-folds']);
    expectConventions(charts);
  });

  it('sweep and batch reports', () => {
    const sweep = sweepCharts(buildSweepModel(madeUpSweep()));
    expect(sweep.map((c) => c.id)).toEqual(expect.arrayContaining(['objective-distribution', 'objective-heatmap', 'marginal-0', 'top-equity', 'pbo-logits', 'is-oos']));
    expectConventions(sweep);
    expectConventions(batchCharts(buildBatchModel(madeUpBatch())));
  });

  it('event-study report: forward returns per horizon against the baseline, each occurrence\'s path', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'rotor-charts-')), 'events');
    expect(rotor(['events', 'streak', '--symbol', 'RUT', '--days', '3', '--min-return', '0.005', '--symbols', 'RUT,SPY', '--no-html', '--out', out]).status).toBe(0);
    const model = JSON.parse(readFileSync(join(out, 'event-study.json'), 'utf8')) as EventsReportModel;
    const charts = eventsCharts(model);
    expect(charts.map((c) => c.id)).toEqual(['forward-0', 'paths-0', 'forward-1', 'paths-1']);
    expectConventions(charts);
  });
});
