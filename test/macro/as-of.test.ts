import { describe, expect, it } from 'vitest';
import { defineStrategy, readAsOf, runBacktest, type MacroReading, type MacroSeries } from '../../engine/index.ts';
import { days, tinyMarket, ZERO_COSTS } from '../helpers/tiny-market.ts';

// A made-up monthly index: 2023-01 = 100, +1 a month, to 2024-03 = 114, except 2023-10, which was never published.
// Each month is released 15 days after it ends; a period counts as missing 30 days after its end.
const months = Array.from({ length: 15 }, (_, m) => ({ period: `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`, value: 100 + m }));
const kept = months.filter((o) => o.period !== '2023-10-01');
const released: Record<string, string> = {
  '2023-01-01': '2023-02-15', '2023-02-01': '2023-03-15', '2023-03-01': '2023-04-15', '2023-04-01': '2023-05-15', '2023-05-01': '2023-06-15',
  '2023-06-01': '2023-07-15', '2023-07-01': '2023-08-15', '2023-08-01': '2023-09-15', '2023-09-01': '2023-10-15', '2023-11-01': '2023-12-15',
  '2023-12-01': '2024-01-15', '2024-01-01': '2024-02-15', '2024-02-01': '2024-03-15', '2024-03-01': '2024-04-15',
};
const cpi: MacroSeries = {
  name: 'CPI',
  periods: kept.map((o) => o.period),
  values: Float64Array.from(kept.map((o) => o.value)),
  released: kept.map((o) => released[o.period]),
  frequency: 'monthly',
  dueLagDays: 30,
};
const value = (r: MacroReading) => (r.state === 'known' ? r.value : r.state);

describe('as-of reads from what was released by the decision date', () => {
  it('level and transforms on 2024-04-20, when March (114) is the latest release', () => {
    expect(readAsOf(cpi, '2024-04-20')).toEqual({ series: 'CPI', transform: 'level', state: 'known', value: 114, period: '2024-03-01', released: '2024-04-15' });
    expect(readAsOf(cpi, '2024-04-20', 'yoy').value).toBeCloseTo(114 / 102 - 1, 15);
    expect(value(readAsOf(cpi, '2024-04-20', { change: 3 }))).toBe(114 - 111);
    expect(readAsOf(cpi, '2024-04-20', { pctChange: 1 }).value).toBeCloseTo(114 / 113 - 1, 15);
    expect(value(readAsOf(cpi, '2024-04-20', { average: 3 }))).toBe((112 + 113 + 114) / 3);
  });

  it('the day before March is released, February is the latest', () => {
    expect(readAsOf(cpi, '2024-04-14')).toMatchObject({ state: 'known', value: 113, period: '2024-02-01' });
  });

  it('a transform that needs the missing month is unknown, naming it', () => {
    expect(readAsOf(cpi, '2024-04-20', { average: 6 })).toEqual({
      series: 'CPI',
      transform: 'average(6)',
      state: 'unknown',
      value: NaN,
      period: '2023-10-01',
      reason: 'average(6) of CPI at 2024-03-01 needs 2023-10-01, for which no observation is known by 2024-04-20',
    });
    expect(readAsOf(cpi, '2023-12-20', { change: 1 })).toMatchObject({ state: 'unknown', period: '2023-10-01' });
    expect(readAsOf(cpi, '2023-12-20')).toMatchObject({ state: 'known', value: 110, period: '2023-11-01' });
    // 2024-10 vs 2023-10 would be the yoy that needs it; here yoy of 2023-11 needs 2022-11, before the series.
    expect(readAsOf(cpi, '2023-12-20', 'yoy')).toMatchObject({ state: 'unknown', period: '2022-11-01' });
  });

  it('the latest value is unknown once the next month is overdue (2023-10 was due 30 days after 10-31)', () => {
    expect(readAsOf(cpi, '2023-11-29')).toMatchObject({ state: 'known', value: 108, period: '2023-09-01' });
    expect(readAsOf(cpi, '2023-11-30')).toEqual({
      series: 'CPI',
      transform: 'level',
      state: 'unknown',
      value: NaN,
      period: '2023-10-01',
      reason: 'no observation of CPI for 2023-10-01 known by 2023-11-30 (due by 2023-11-30); the latest known is 2023-09-01',
    });
    // After the end of the file, the same rule: April 2024 is due by 05-30.
    expect(readAsOf(cpi, '2024-05-29').state).toBe('known');
    expect(readAsOf(cpi, '2024-05-30')).toMatchObject({ state: 'unknown', period: '2024-04-01' });
  });

  it('nothing released yet is unknown, with the first release date', () => {
    expect(readAsOf(cpi, '2023-02-14')).toMatchObject({ state: 'unknown', reason: 'no observation of CPI known by 2023-02-14 (first release 2023-02-15)' });
  });

  it('a daily series counts observations back and is never overdue', () => {
    const d: MacroSeries = { name: 'Y', periods: ['2024-01-02', '2024-01-03', '2024-01-05'], values: Float64Array.from([4, 4.5, 4.25]), released: ['2024-01-03', '2024-01-04', '2024-01-08'] };
    expect(value(readAsOf(d, '2024-01-08', { change: 2 }))).toBe(0.25);
    expect(value(readAsOf(d, '2024-01-08', { average: 3 }))).toBe(12.75 / 3);
    expect(readAsOf(d, '2024-03-01')).toMatchObject({ state: 'known', value: 4.25 });
    expect(readAsOf(d, '2024-01-08', { change: 3 }).state).toBe('unknown');
  });
});

describe('ctx.macroValue in a replay', () => {
  it('reads as of each bar date, next to ctx.macro which keeps its old meaning', () => {
    const dates = days(6, '2024-04-11'); // Thu 04-11 … Thu 04-18
    const market = tinyMarket({ A: { dates, close: dates.map(() => 10) } });
    const seen: [string, number | string, string | undefined][] = [];
    const strategy = defineStrategy({
      name: 'm',
      description: '',
      universe: ['A'],
      macro: ['CPI'],
      onBar(ctx) {
        const yoy = ctx.macroValue('CPI', 'yoy');
        seen.push([ctx.date, yoy.state === 'known' ? Number(yoy.value.toFixed(6)) : yoy.state, ctx.macro('CPI')?.period]);
      },
    });
    runBacktest({ market, macro: [cpi], strategy, settings: { costs: ZERO_COSTS } });
    // 04-15 (Monday) is March's release day: from that close on, yoy = 114/102 − 1; before it, 113/101 − 1.
    const feb = Number((113 / 101 - 1).toFixed(6));
    const mar = Number((114 / 102 - 1).toFixed(6));
    expect(seen).toEqual([
      ['2024-04-11', feb, '2024-02-01'],
      ['2024-04-12', feb, '2024-02-01'],
      ['2024-04-15', mar, '2024-03-01'],
      ['2024-04-16', mar, '2024-03-01'],
      ['2024-04-17', mar, '2024-03-01'],
      ['2024-04-18', mar, '2024-03-01'],
    ]);
  });
});
