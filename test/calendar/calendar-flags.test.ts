import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startsPeriod } from '../../engine/calendar/schedule.ts';
import { calendarFlags } from '../../engine/replay/calendar-flags.ts';

/** The flags as startsPeriod defines them, bar against bar: calendarFlags computes them without substrings. */
function byStartsPeriod(dates: readonly string[]) {
  const flag = (period: 'week' | 'month' | 'quarter' | 'year') => Uint8Array.from(dates, (d, t) => (startsPeriod(period, t > 0 ? dates[t - 1] : '', d) ? 1 : 0));
  return { newWeek: flag('week'), newMonth: flag('month'), newQuarter: flag('quarter'), newYear: flag('year') };
}

describe('calendarFlags', () => {
  it('says what startsPeriod says of each bar', () => {
    const day = fc.integer({ min: 0, max: 20_000 });
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 300 }), (days) => {
        const dates = [...new Set(days)].sort((a, b) => a - b).map((d) => new Date(d * 86_400_000 + Date.UTC(1980, 0, 1)).toISOString().slice(0, 10));
        expect(calendarFlags(dates)).toEqual(byStartsPeriod(dates));
      }),
      { numRuns: 500, seed: 8 },
    );
    const daily = Array.from({ length: 3000 }, (_, i) => new Date(Date.UTC(1999, 11, 1) + i * 86_400_000).toISOString().slice(0, 10));
    expect(calendarFlags(daily)).toEqual(byStartsPeriod(daily));
  });
});
