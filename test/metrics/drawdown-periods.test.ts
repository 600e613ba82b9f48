import { describe, it, expect } from 'vitest';
import { computeMetrics, drawdownEpisodes, drawdownSeries, periodReturns } from '../../engine/metrics/index.ts';
import { makeCurve } from './helpers.ts';

const days = (n: number) => Array.from({ length: n }, (_, i) => `2024-03-${String(i + 1).padStart(2, '0')}`);

describe('drawdowns', () => {
  it('a drawdown that recovers (back to exactly the old peak counts as recovered)', () => {
    // equity   100  120  90    108   120  130  117
    // peak     100  120  120   120   120  130  130
    // dd       0    0    −.25  −.10  0    0    −.10
    // Episode 1: peak bar 1, trough bar 2 (−0.25), recovery bar 4 (120 ≥ 120) → 3 bars.
    // Episode 2: peak bar 5, trough bar 6 (−0.10), never recovered → 6 − 5 = 1 bar.
    const eq = [100, 120, 90, 108, 120, 130, 117];
    const d = days(7);
    const dd = drawdownSeries(Float64Array.from(eq));
    [0, 0, -0.25, -0.1, 0, 0, -0.1].forEach((x, i) => expect(dd[i]).toBeCloseTo(x, 12));

    const m = computeMetrics({ curve: makeCurve(d, eq), trades: [], riskFree: 0 });
    expect(m.maxDrawdown).toEqual({
      depth: -0.25,
      peakDate: d[1],
      troughDate: d[2],
      recoveryDate: d[4],
      duration: 3,
    });
    expect(m.longestDrawdown).toEqual({ duration: 3, peakDate: d[1], recoveryDate: d[4] });
    const episodes = drawdownEpisodes(Float64Array.from(eq));
    expect(episodes.map((e) => [e.peak, e.trough, e.recovery, e.duration])).toEqual([
      [1, 2, 4, 3],
      [5, 6, null, 1],
    ]);
  });

  it('a drawdown that never recovers runs to the last bar', () => {
    // 100 → 90 → 80 → 95: peak bar 0, trough bar 2 (80/100 − 1 = −0.2), no recovery, duration 3 − 0 = 3.
    const d = days(4);
    const m = computeMetrics({ curve: makeCurve(d, [100, 90, 80, 95]), trades: [], riskFree: 0 });
    expect(m.maxDrawdown.depth).toBeCloseTo(-0.2, 12);
    expect(m.maxDrawdown.peakDate).toBe(d[0]);
    expect(m.maxDrawdown.troughDate).toBe(d[2]);
    expect(m.maxDrawdown.recoveryDate).toBeNull();
    expect(m.maxDrawdown.duration).toBe(3);
    expect(m.longestDrawdown).toEqual({ duration: 3, peakDate: d[0], recoveryDate: null });
    // Calmar = CAGR / 0.2 where CAGR = 0.95^(365.25/3) − 1.
    expect(m.calmar).toBeCloseTo((Math.pow(0.95, 365.25 / 3) - 1) / 0.2, 10);
  });

  it('the peak is the latest bar at the high; the longest episode can differ from the deepest', () => {
    // 100 100 90 100 | 95 94 93 92 99 100
    // Episode 1: peak bar 1 (latest bar at 100), trough bar 2 (−0.10), recovery bar 3 → 2 bars.
    // Episode 2: peak bar 3, trough bar 7 (92/100 − 1 = −0.08), recovery bar 9 → 6 bars.
    const d = days(10);
    const m = computeMetrics({
      curve: makeCurve(d, [100, 100, 90, 100, 95, 94, 93, 92, 99, 100]),
      trades: [],
      riskFree: 0,
    });
    expect(m.maxDrawdown.depth).toBeCloseTo(-0.1, 12);
    expect(m.maxDrawdown).toMatchObject({ peakDate: d[1], troughDate: d[2], recoveryDate: d[3], duration: 2 });
    expect(m.longestDrawdown).toEqual({ duration: 6, peakDate: d[3], recoveryDate: d[9] });
  });
});

describe('calendar periods', () => {
  // date        equity
  // 2023-11-29  100
  // 2023-11-30  102       2023-11: 102/100 − 1       = +0.02
  // 2023-12-01  101
  // 2023-12-29  105.06    2023-12: 105.06/102 − 1    = +0.03
  // 2024-01-02   99.807   2024-01: 99.807/105.06 − 1 = −0.05
  // 2024-02-01  109.7877  2024-02: 109.7877/99.807 − 1 = +0.10
  // Years: 2023: 105.06/100 − 1 = +0.0506;  2024: 109.7877/105.06 − 1 = 0.95·1.1 − 1 = +0.045
  const dates = ['2023-11-29', '2023-11-30', '2023-12-01', '2023-12-29', '2024-01-02', '2024-02-01'];
  const eq = [100, 102, 101, 105.06, 99.807, 109.7877];

  it('month and year returns across a year boundary', () => {
    const months = periodReturns(dates, Float64Array.from(eq), 'month');
    expect(months.map((p) => p.period)).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    [0.02, 0.03, -0.05, 0.1].forEach((x, i) => expect(months[i].ret).toBeCloseTo(x, 12));
    const years = periodReturns(dates, Float64Array.from(eq), 'year');
    expect(years.map((p) => p.period)).toEqual(['2023', '2024']);
    expect(years[0].ret).toBeCloseTo(0.0506, 12);
    expect(years[1].ret).toBeCloseTo(0.045, 12);
  });

  it('best / worst / positive share in computeMetrics', () => {
    const m = computeMetrics({ curve: makeCurve(dates, eq), trades: [], riskFree: 0 });
    expect(m.bestMonth?.period).toBe('2024-02');
    expect(m.bestMonth?.ret).toBeCloseTo(0.1, 12);
    expect(m.worstMonth?.period).toBe('2024-01');
    expect(m.worstMonth?.ret).toBeCloseTo(-0.05, 12);
    expect(m.positiveMonths).toBe(0.75);
    expect(m.bestYear?.period).toBe('2023');
    expect(m.bestYear?.ret).toBeCloseTo(0.0506, 12);
    expect(m.worstYear?.period).toBe('2024');
    expect(m.worstYear?.ret).toBeCloseTo(0.045, 12);
  });

  it('a first period with a single bar is measured from the first equity (return 0)', () => {
    // 2024-01-31 100 | 2024-02-01 110: January = 100/100 − 1 = 0, February = 110/100 − 1 = +0.10.
    const p = periodReturns(['2024-01-31', '2024-02-01'], Float64Array.from([100, 110]), 'month');
    expect(p).toEqual([
      { period: '2024-01', ret: 0 },
      { period: '2024-02', ret: expect.closeTo(0.1, 12) },
    ]);
    expect(periodReturns([], new Float64Array(0), 'year')).toEqual([]);
  });
});
