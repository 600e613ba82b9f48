import { describe, expect, it } from 'vitest';
import { average, change, fromHigh, fromLow, macro, ret, yoy } from '../../engine/rules/index.ts';
import { days } from '../helpers/tiny-market.ts';
import { fakeContext, months } from './fake-context.ts';

const values = (w: { points: readonly { value: number }[] }) => w.points.map((p) => p.value);

describe('price transforms', () => {
  const dates = days(6);
  const m = { dates, prices: { A: [100, 110, 99, 99, 120, 90] } };

  it('return over n bars is close(t) / close(t − n) − 1, unknown before the data', () => {
    const w = ret('A', 2).window(fakeContext(m, 4), 3);
    // bar 2: 99/100 − 1; bar 3: 99/110 − 1; bar 4: 120/99 − 1
    expect(values(w)).toEqual([99 / 100 - 1, 99 / 110 - 1, 120 / 99 - 1]);
    expect(Number.isNaN(ret('A', 2).window(fakeContext(m, 1), 1).points[0].value)).toBe(true);
    expect(ret('A').label).toBe('A daily return');
    expect(ret('A', 126).label).toBe('A 126-day return');
  });

  it('distance from the n-bar high and low includes today', () => {
    // bars 3..5: 99, 120, 90 → high 120, low 90
    expect(fromHigh('A', 3).window(fakeContext(m, 5), 1).points[0].value).toBeCloseTo(90 / 120 - 1, 12);
    expect(fromLow('A', 3).window(fakeContext(m, 4), 1).points[0].value).toBeCloseTo(120 / 99 - 1, 12);
    expect(average('A', 2).window(fakeContext(m, 1), 1).points[0].value).toBe(105);
  });
});

describe('macro transforms go by period, not by position', () => {
  // Monthly index 100, 101, … for 2023-01 .. 2024-06, each released the 15th of the next month, but 2023-10 never
  // published (a shutdown): reads that need it must be unknown, not shifted onto a neighbour.
  const periods = months('2023-01-01', 18);
  const obs = periods
    .map((period, i) => ({ period, value: 100 + i, released: `${months(period, 2)[1].slice(0, 8)}15` }))
    .filter((o) => o.period !== '2023-10-01');
  const m = { dates: ['2024-05-14', '2024-05-15', '2024-07-16', '2024-11-20'], macro: { CPI: obs } };

  it('year-over-year compares the same month a year earlier', () => {
    // On 2024-05-14 the latest known month is 2024-03 (index 114) against 2023-03 (102).
    const w = yoy(macro('CPI')).window(fakeContext(m, 0), 1);
    expect(w.points).toEqual([{ key: 2024 * 12 + 2, at: '2024-03', value: 114 / 102 - 1 }]);
    // From its release day, 2024-04 (115 vs 103).
    expect(yoy(macro('CPI')).window(fakeContext(m, 1), 1).points[0]).toMatchObject({ at: '2024-04', value: 115 / 103 - 1 });
  });

  it('a missing month makes the transforms that need it unknown and leaves a hole in windows', () => {
    const w = macro('CPI').window(fakeContext(m, 2), 10); // 2024-06 back to 2023-09, without 2023-10
    expect(w.points.map((p) => p.at)).toEqual(['2023-09', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    // 3-month change at 2024-01 needs 2023-10: unknown. At 2024-02 it is 2024-02 − 2023-11 = 3.
    const c = change(macro('CPI'), 3).window(fakeContext(m, 2), 6);
    expect(c.points.map((p) => [p.at, p.value])).toEqual([
      ['2024-01', NaN],
      ['2024-02', 3],
      ['2024-03', 3],
      ['2024-04', 3],
      ['2024-05', 3],
      ['2024-06', 3],
    ]);
  });

  it('a series whose next period is overdue ends in an unknown point, not its stale value', () => {
    // Published through 2024-01 only. The engine's as-of reader counts 2024-02 as due by 2024-02-29 + 59 days
    // (monthly lag 45 + 14 days' grace) = 2024-04-28.
    const stops = { dates: ['2024-04-27', '2024-04-29'], macro: { CPI: obs.filter((o) => o.period <= '2024-01-01') } };
    expect(macro('CPI').window(fakeContext(stops, 0), 1).points).toEqual([{ key: 2024 * 12, at: '2024-01', value: 112 }]);
    const late = macro('CPI').window(fakeContext(stops, 1), 2).points;
    expect(late.map((p) => p.at)).toEqual(['2024-01', '2024-02 (overdue)']);
    expect(Number.isNaN(late[1].value)).toBe(true);
  });

  it('quarterly series step by quarter and compare four quarters back', () => {
    const q = [
      { period: '2023-01-01', value: 10, released: '2023-04-27' },
      { period: '2023-04-01', value: 11, released: '2023-07-27' },
      { period: '2023-07-01', value: 12, released: '2023-10-26' },
      { period: '2023-10-01', value: 13, released: '2024-01-25' },
      { period: '2024-01-01', value: 12.5, released: '2024-04-25' },
    ];
    const qm = { dates: ['2024-04-25'], macro: { EPS: q } };
    expect(yoy(macro('EPS', { every: 'quarter' })).window(fakeContext(qm, 0), 1).points[0]).toMatchObject({ at: '2024Q1', value: 12.5 / 10 - 1 });
    expect(() => macro('EPS', { every: 'month' }).window(fakeContext(qm, 0), 1)).toThrow(/EPS is quarterly, but a rule reads it as monthly/);
  });
});
