import { describe, expect, it } from 'vitest';
import { above, declutter, eventStudy, ForwardReturns, onsets, overlaps, ret, returnStats, ruleSignal, streak } from '../../engine/index.ts';
import { days, tinyMarket } from '../helpers/tiny-market.ts';

describe('event-study building blocks', () => {
  it('forward returns count the symbol\'s own trading days, entering at the event close', () => {
    // Bar 2 has no price: from bar 1, one trading day ahead is bar 3.
    const f = new ForwardReturns(Float64Array.from([100, 110, NaN, 121, 133.1]));
    expect(f.at(1, 1)).toBeCloseTo(121 / 110 - 1, 12);
    expect(f.at(0, 3)).toBeCloseTo(133.1 / 100 - 1, 12);
    expect(f.at(2, 1)).toBeNaN(); // no bar on the event day
    expect(f.at(3, 2)).toBeNaN(); // data ends first
  });

  it('onsets, declutter and overlap flags', () => {
    expect(onsets(['unknown', 'true', 'true', 'false', 'true', 'unknown', 'true'])).toEqual([1, 4, 6]);
    expect(declutter([1, 2, 6, 9], 3)).toEqual([1, 6]); // 2 is within 3 bars of 1; 9, 3 bars after 6, too
    expect(declutter([1, 2, 6, 10], 3)).toEqual([1, 6, 10]);
    // 2 starts 1 bar after 1: windows of 5 and 21 overlap, of 1 not; 30 starts 28 after 2: none.
    expect(overlaps([1, 2, 30], [1, 5, 21])).toEqual([[], [5, 21], []]);
  });

  it('summary statistics: mean, median, hit rate, count', () => {
    expect(returnStats([0.1, -0.2, 0.3, 0.05])).toEqual({ count: 4, mean: (0.1 - 0.2 + 0.3 + 0.05) / 4, median: (0.05 + 0.1) / 2, hitRate: 0.75 });
    expect(returnStats([NaN, 0.02, -0.01, 0]).median).toBe(0);
    expect(returnStats([]).count).toBe(0);
  });
});

describe('eventStudy', () => {
  const dates = days(8);
  const closes = { A: Float64Array.from([100, 102, 101, 104, 103, 107, 110, 108]) };

  it('lists each occurrence with forward returns and summarises them beside the baseline', () => {
    const s = eventStudy({ dates, closes, horizons: [1, 2], window: [0, 7], triggers: [{ bar: 1, because: 'x' }, { bar: 2, because: 'y' }, { bar: 6, because: 'z' }] });
    expect(s.occurrences.map((o) => [o.date, o.forward.A[1], o.forward.A[2], o.overlapsPrevious])).toEqual([
      [dates[1], 101 / 102 - 1, 104 / 102 - 1, []],
      [dates[2], 104 / 101 - 1, 103 / 101 - 1, [2]],
      [dates[6], 108 / 110 - 1, null, []],
    ]);
    const [h1, h2] = s.summary.A;
    expect(h1.events).toEqual(returnStats([101 / 102 - 1, 104 / 101 - 1, 108 / 110 - 1]));
    expect(h2.events.count).toBe(2);
    expect(h2.overlapping).toBe(1);
    // Baseline at h = 1: every bar 0..6 (bar 7 has no next close).
    expect(h1.baseline).toEqual(returnStats([102 / 100, 101 / 102, 104 / 101, 103 / 104, 107 / 103, 110 / 107, 108 / 110].map((x) => x - 1)));
    expect(s.window).toEqual({ from: dates[0], to: dates[7], bars: 8 });
  });

  it('declutters and keeps only occurrences inside the window', () => {
    const s = eventStudy({ dates, closes, horizons: [1], window: [1, 7], declutter: 2, triggers: [0, 1, 2, 3, 6].map((bar) => ({ bar, because: '' })) });
    expect(s.occurrences.map((o) => o.bar)).toEqual([1, 6]);
    expect(s.dropped).toBe(2);
  });
});

describe('ruleSignal', () => {
  it('evaluates a rule through the replay and reports one trigger per streak', () => {
    // Daily returns: +2% ×3 (bars 1–3), −1%, +2% ×4 (bars 5–8): a 3-day streak completes on bars 3 and 7.
    const returns = [0, 0.02, 0.02, 0.02, -0.01, 0.02, 0.02, 0.02, 0.02, 0];
    const close = returns.reduce<number[]>((c, r, i) => [...c, i === 0 ? 100 : c[i - 1] * (1 + r)], []);
    const dates = days(close.length);
    const market = tinyMarket({ RUT: { dates, close } });
    const s = ruleSignal({ market, anchor: 'RUT', rule: () => streak(above(ret('RUT'), 0.01), 3) });
    expect(s.triggers.map((t) => t.bar)).toEqual([3, 7]);
    expect(s.triggers[0].because).toBe('RUT closed up more than 1% for 3 days (+2.00%, +2.00%, +2.00%)');
    expect(s.window).toEqual([3, 9]); // unknown until three returns exist
    expect(s.description).toBe('RUT closed up more than 1% for 3 days');
  });
});
