import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../engine/macro/periods.ts';
import {
  closedBecause, defineStrategy, every, isMonthEnd, isQuarterEnd, isTradingDay, lastTradingDayOfMonth, runBacktest, tradingDayOfMonth,
} from '../../engine/index.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../helpers/shared-data.ts';
import { tinyMarket, ZERO_COSTS } from '../helpers/tiny-market.ts';

function closedDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (closedBecause(d) && closedBecause(d) !== 'weekend') out.push(d);
  return out;
}

describe('NYSE calendar by rule', () => {
  it('lists the 2024 holidays (NYSE published schedule)', () => {
    expect(closedDays('2024-01-01', '2024-12-31')).toEqual([
      '2024-01-01', '2024-01-15', '2024-02-19', '2024-03-29', '2024-05-27', '2024-06-19', '2024-07-04', '2024-09-02', '2024-11-28', '2024-12-25',
    ]);
    expect(closedBecause('2024-03-29')).toBe('Good Friday');
  });

  it('moves weekend holidays, but never makes up a Saturday New Year', () => {
    expect(closedBecause('2021-12-24')).toBe('Christmas'); // Dec 25, 2021 was a Saturday
    expect(isTradingDay('2021-12-31')).toBe(true); // Jan 1, 2022 was a Saturday: not made up
    expect(closedBecause('2023-01-02')).toBe("New Year's Day"); // Jan 1, 2023 was a Sunday
    expect(closedBecause('2022-06-20')).toBe('Juneteenth'); // first year, June 19 a Sunday
    expect(isTradingDay('2021-06-18')).toBe(true); // before Juneteenth was an NYSE holiday
    expect(closedBecause('2026-07-03')).toBe('Independence Day'); // July 4, 2026 is a Saturday
    expect(closedBecause('1980-11-04')).toBe('Election Day');
    expect(isTradingDay('1984-11-06')).toBe(true);
  });

  it('knows the special closures', () => {
    expect(['2001-09-11', '2001-09-12', '2001-09-13', '2001-09-14'].map(isTradingDay)).toEqual([false, false, false, false]);
    expect(isTradingDay('2001-09-17')).toBe(true);
    expect(closedBecause('2012-10-30')).toBe('Hurricane Sandy');
    expect(closedBecause('2018-12-05')).toBe('funeral of President George H. W. Bush');
    expect(closedBecause('2025-01-09')).toBe('funeral of President Carter');
  });

  it('finds month and quarter ends and the n-th trading day from the calendar', () => {
    expect(lastTradingDayOfMonth('2024-03-05')).toBe('2024-03-28'); // the 29th is Good Friday
    expect(isQuarterEnd('2024-03-28')).toBe(true);
    expect(isMonthEnd('2024-05-31')).toBe(true);
    expect(isQuarterEnd('2024-05-31')).toBe(false);
    // July 2024: 23 weekdays less July 4 = 22 trading days.
    expect(tradingDayOfMonth('2024-07-01')).toEqual({ n: 1, fromEnd: -22 });
    expect(tradingDayOfMonth('2024-07-05')).toEqual({ n: 4, fromEnd: -19 });
    expect(tradingDayOfMonth('2024-07-31')).toEqual({ n: 22, fromEnd: -1 });
    expect(tradingDayOfMonth('2024-07-04')).toEqual({ n: 0, fromEnd: 0 }); // a holiday is never a scheduled day
  });

  it.skipIf(!HAVE_SHARED_DATA)('matches every S&P 500 trading day in ../shared/data from 1969 to its end', () => {
    const dates = readFileSync(join(SHARED_DATA, 'prices', 'GSPC.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.slice(0, 10)).filter((d) => d >= '1969-01-01');
    const inData = new Set(dates);
    const calendar: string[] = [];
    for (let d = '1969-01-01'; d <= dates[dates.length - 1]; d = addDays(d, 1)) if (isTradingDay(d)) calendar.push(d);
    expect(calendar.filter((d) => !inData.has(d))).toEqual([]);
    expect(dates.filter((d) => !isTradingDay(d))).toEqual([]);
    expect(calendar.length).toBe(dates.length);
  });
});

describe('schedules on ctx and as rules', () => {
  // 2024-03-25 … 2024-04-09 on the exchange calendar (Good Friday 03-29 closed).
  const dates: string[] = [];
  for (let d = '2024-03-25'; d <= '2024-04-09'; d = addDays(d, 1)) if (isTradingDay(d)) dates.push(d);
  const market = tinyMarket({ A: { dates, close: dates.map(() => 10) } });

  it('sets newWeek, newQuarter, monthEnd, quarterEnd and the trading day of the month', () => {
    const seen: string[] = [];
    const monthEnd = every('month', { day: -1 });
    const second = every('month', { day: 2 });
    const week = every('week');
    const s = defineStrategy({
      name: 's', description: '', universe: ['A'],
      onBar(ctx) {
        const t = ctx.tradingDayOfMonth();
        const flags = [ctx.newWeek && 'W', ctx.newQuarter && 'Q', ctx.monthEnd && 'ME', ctx.quarterEnd && 'QE', monthEnd.evaluate(ctx).state === 'true' && 'r-1', second.evaluate(ctx).state === 'true' && 'r2', week.evaluate(ctx).state === 'true' && 'rW'];
        seen.push(`${ctx.date} ${t.n}/${t.fromEnd} ${flags.filter(Boolean).join(',')}`);
      },
    });
    runBacktest({ market, strategy: s, settings: { costs: ZERO_COSTS } });
    expect(seen).toEqual([
      '2024-03-25 17/-4 W,Q,rW', // the first bar is new everything
      '2024-03-26 18/-3 ',
      '2024-03-27 19/-2 ',
      '2024-03-28 20/-1 ME,QE,r-1',
      '2024-04-01 1/-22 W,Q,rW',
      '2024-04-02 2/-21 r2',
      '2024-04-03 3/-20 ',
      '2024-04-04 4/-19 ',
      '2024-04-05 5/-18 ',
      '2024-04-08 6/-17 W,rW',
      '2024-04-09 7/-16 ',
    ]);
  });

  it('describes itself', () => {
    expect(every('month', { day: -1 }).description).toBe('the last trading day of the month');
    expect(every('quarter', { day: 2 }).description).toBe('the second trading day of the quarter');
    expect(() => every('month', { day: 0 })).toThrow(/day must be a non-zero integer/);
  });
});
