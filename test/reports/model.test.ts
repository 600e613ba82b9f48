import { describe, expect, it } from 'vitest';
import { computeMetrics, rollingStats, roundTrips, summariseRoundTrips, tailStats } from '../../engine/metrics/index.ts';
import { monthlyTable, worstDrawdowns } from '../../reports/model/tables.ts';
import { ruleTimeline } from '../../reports/model/rule-timeline.ts';
import { metricsTable } from '../../reports/model/metrics-table.ts';
import { scriptJson } from '../../reports/html/escape.ts';
import { keepIndices } from '../../reports/charts/shape.ts';
import { makeCurve, trade } from '../metrics/helpers.ts';

// A made-up curve whose figures are worked out by hand below.
const DATES = ['2023-12-29', '2024-01-02', '2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01', '2024-03-28'];
const EQUITY = Float64Array.from([100, 110, 99, 104.5, 121, 110, 132]);

describe('report model on a hand-made curve', () => {
  it('monthly table: each month from the previous month-end, the year from the previous year-end', () => {
    const rows = monthlyTable(DATES, EQUITY);
    expect(rows.map((r) => r.year)).toEqual(['2023', '2024']);
    // 2023-12 holds one bar: measured from itself, 0.
    expect(rows[0].months[11]).toBe(0);
    expect(rows[0].months.slice(0, 11)).toEqual(new Array(11).fill(null));
    expect(rows[0].total).toBe(0);
    // Jan: 99 / 100 − 1; Feb: 121 / 99 − 1; Mar: 132 / 121 − 1; the year: 132 / 100 − 1.
    expect(rows[1].months[0]).toBeCloseTo(-0.01, 12);
    expect(rows[1].months[1]).toBeCloseTo(2 / 9, 12);
    expect(rows[1].months[2]).toBeCloseTo(1 / 11, 12);
    expect(rows[1].months.slice(3)).toEqual(new Array(9).fill(null));
    expect(rows[1].total).toBeCloseTo(0.32, 12);
  });

  it('worst drawdowns: deepest first, with peak, trough, recovery and lengths in bars', () => {
    expect(worstDrawdowns(DATES, EQUITY, 5)).toEqual([
      // 110 → 99 (−10%), back above 110 at 121.
      { start: '2024-01-02', trough: '2024-01-31', recovery: '2024-02-29', depth: expect.closeTo(-0.1, 12), length: 3, toTrough: 1 },
      // 121 → 110 (−1/11), back above at 132.
      { start: '2024-02-29', trough: '2024-03-01', recovery: '2024-03-28', depth: expect.closeTo(-1 / 11, 12), length: 2, toTrough: 1 },
    ]);
    expect(worstDrawdowns(DATES, EQUITY, 1)).toHaveLength(1);
  });

  it('rolling Sharpe and volatility over a 3-day window', () => {
    const r = Float64Array.from([0.1, -0.1, 104.5 / 99 - 1, 121 / 104.5 - 1, 110 / 121 - 1, 132 / 110 - 1]);
    const s = rollingStats(r, 3, 0);
    // Bars 0–2 have fewer than 3 returns behind them.
    expect(Array.from(s.sharpe.slice(0, 3)).every(Number.isNaN)).toBe(true);
    // Returns 0.1, −0.1, 0.0556: mean 0.018519, sample sd 0.105018 → × √252.
    expect(s.sharpe[3]).toBeCloseTo(2.7992536, 6);
    expect(s.volatility[3]).toBeCloseTo(1.6671111, 6);
    expect(s.sharpe).toHaveLength(7);
    // A benchmark identical to the strategy has beta 1 on every full window.
    const b = rollingStats(r, 3, 0, r);
    expect(Array.from(b.beta!.slice(3)).map((x) => Number(x.toFixed(12)))).toEqual([1, 1, 1, 1]);
  });

  it('round trips: entry/exit, calendar days held, P&L net of both commissions, return, profit factor, expectancy', () => {
    const trades = [
      trade('2024-01-02', 0, 'X', 'buy', 10, 10, 1),
      trade('2024-01-03', 1, 'Y', 'buy', 5, 20),
      trade('2024-01-05', 3, 'Y', 'sell', 5, 18),
      trade('2024-01-12', 8, 'X', 'sell', 10, 12, 1),
    ];
    const trips = roundTrips(trades);
    expect(trips).toEqual([
      // cost 10 × (10 + 0.1) = 101, proceeds 10 × (12 − 0.1) = 119.
      expect.objectContaining({ symbol: 'Y', openDate: '2024-01-03', closeDate: '2024-01-05', holdingDays: 2, pnl: -10, ret: -0.1, win: false }),
      expect.objectContaining({ symbol: 'X', openDate: '2024-01-02', closeDate: '2024-01-12', holdingDays: 10, cost: 101, proceeds: 119, win: true }),
    ]);
    expect(trips[1].pnl).toBeCloseTo(18, 12);
    expect(trips[1].ret).toBeCloseTo(18 / 101, 12);
    const s = summariseRoundTrips(trips);
    expect(s.profitFactor).toBeCloseTo(1.8, 12);
    expect(s.expectancy).toBeCloseTo(4, 12);
    expect(s.averageReturn).toBeCloseTo((18 / 101 - 0.1) / 2, 12);
    expect(s.averageHoldingDays).toBe(6);
  });

  it('VaR, CVaR and tail ratio by linear-interpolation quantiles', () => {
    const t = tailStats([0.05, -0.03, 0.01, 0, 0.02, -0.01]);
    // Sorted −0.03 −0.01 0 0.01 0.02 0.05: q05 at h = 0.25 → −0.025, q95 at h = 4.75 → 0.0425.
    expect(t.var95).toBeCloseTo(-0.025, 12);
    expect(t.cvar95).toBeCloseTo(-0.03, 12);
    expect(t.tailRatio).toBeCloseTo(1.7, 12);
    expect(tailStats([0.01, 0.01, 0.01]).skew).toBeNull();
  });

  it('tracking error and information ratio against a benchmark, and its full column in the table', () => {
    const dates = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'];
    const m = computeMetrics({ curve: makeCurve(dates, [100, 102, 101, 104]), trades: [], riskFree: 0, benchmark: { symbol: 'B', prices: Float64Array.from([50, 50.5, 50.5, 51]) } });
    expect(m.benchmark!.trackingError).toBeCloseTo(0.2394178541, 8);
    expect(m.benchmark!.informationRatio).toBeCloseTo(7.0163394077, 7);
    expect(m.benchmark!.totalReturn).toBeCloseTo(0.02, 12);
    expect(m.benchmark!.maxDrawdown).toBe(0);
    const table = metricsTable(m);
    expect(table.columns).toEqual(['Strategy (net)', 'Gross of costs', 'Benchmark B']);
    for (const label of ['Sharpe', 'Sortino', 'Calmar', 'Skew', 'Daily VaR 95%', 'Best month']) {
      const row = table.rows.find((r) => r.label === label)!;
      expect(row.cells).toHaveLength(3);
    }
    const sharpe = table.rows.find((r) => r.label === 'Sharpe')!;
    expect(sharpe.cells[2].value).toBe(m.benchmark!.sharpe);
    expect(sharpe.cells[2].value).not.toBeNull();
  });
});

describe('rule timeline from recorded decisions', () => {
  const rules = (gate: string, a: string, b: string) => [
    { rule: 'gate', state: gate, because: '', depth: 0 },
    { rule: 'a', state: a, because: '', depth: 1 },
    { rule: 'b', state: b, because: '', depth: 1 },
  ];
  const dec = (date: string, trigger: string, gate: string, a: string, b: string) => ({ date, bar: 0, summary: `${trigger} on ${date}`, detail: { trigger, action: 'x', rules: rules(gate, a, b) } });

  it('the deciding rule as spans between its changes, the parts as points on decision days', () => {
    const t = ruleTimeline([dec('2024-01-02', 'start', 'false', 'true', 'false'), dec('2024-03-01', 'entry', 'true', 'true', 'true'), dec('2024-06-03', 'exit', 'false', 'unknown', 'true')], '2024-12-31')!;
    expect(t.rules).toEqual([{ name: 'gate', depth: 0 }, { name: 'a', depth: 1 }, { name: 'b', depth: 1 }]);
    expect(t.segments).toEqual([
      { rule: 0, from: '2024-01-02', to: '2024-03-01', state: 'false' },
      { rule: 0, from: '2024-03-01', to: '2024-06-03', state: 'true' },
      { rule: 0, from: '2024-06-03', to: '2024-12-31', state: 'false' },
    ]);
    expect(t.points.filter((p) => p.rule === 1).map((p) => p.state)).toEqual(['true', 'true', 'unknown']);
    expect(t.decisions.map((d) => d.trigger)).toEqual(['start', 'entry', 'exit']);
  });

  it('null for a run without rule decisions', () => {
    expect(ruleTimeline([{ date: '2024-01-02', bar: 0, summary: 'rebalance' }], '2024-01-02')).toBeNull();
  });
});

describe('page safety and size', () => {
  it('embedded JSON cannot close its script block', () => {
    const text = scriptJson({ name: '</script><img src=x onerror=alert(1)>&\u2028' });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ name: '</script><img src=x onerror=alert(1)>&\u2028' });
  });

  it('downsampling keeps the extremes and both ends', () => {
    const n = 10_000;
    const v = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 50) + (i === 4321 ? -5 : 0));
    const keep = keepIndices(n, v, 1000);
    expect(keep.length).toBeLessThanOrEqual(1002);
    expect(keep).toContain(0);
    expect(keep).toContain(n - 1);
    expect(keep).toContain(4321);
    expect(keepIndices(10, v, 1000)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
