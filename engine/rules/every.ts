import { firstTradingDayOfWeek, tradingDayOfMonth, type SchedulePeriod } from '../calendar/schedule.ts';
import type { Rule } from './evaluation.ts';

export interface EveryOptions {
  /**
   * For months, quarters and years: the trading day of the month that fires, by the NYSE calendar — 1 the first
   * (default), 2 the second, −1 the last, −2 the one before. A quarter (year) counts in its first month for day > 0,
   * its last for day < 0.
   */
  day?: number;
}

const ORDINAL = (n: number) => (n === 1 ? 'first' : n === 2 ? 'second' : n === 3 ? 'third' : `${n}th`);

/**
 * A schedule as a rule: `every('month')` is true on the first trading day of each month, `every('month', { day: -1 })`
 * on the last, `every('quarter', { day: -1 })` on a quarter's last, `every('week')` on each week's first trading day.
 * Every day comes from the exchange calendar (engine/calendar), so a month end is known on the day, not from the
 * data's next row; the rule has no memory and may be evaluated on any bar.
 */
export function every(period: SchedulePeriod, options: EveryOptions = {}): Rule {
  const day = options.day ?? 1;
  if (!Number.isInteger(day) || day === 0 || Math.abs(day) > 23) throw new RangeError(`every('${period}'): day must be a non-zero integer in [-23, 23], got ${day}`);
  const which = day > 0 ? `${ORDINAL(day)} trading day` : day === -1 ? 'last trading day' : `${ORDINAL(-day)}-last trading day`;
  const description = period === 'week' ? 'the first trading day of the week' : `the ${which} of the ${period}`;
  return {
    description,
    evaluate(ctx) {
      const month = Number(ctx.date.slice(5, 7));
      let on: boolean;
      if (period === 'week') on = firstTradingDayOfWeek(ctx.date);
      else {
        const inMonth = period === 'month' || (period === 'year' ? (day > 0 ? month === 1 : month === 12) : day > 0 ? month % 3 === 1 : month % 3 === 0);
        const t = tradingDayOfMonth(ctx.date);
        on = inMonth && (day > 0 ? t.n === day : t.fromEnd === day);
      }
      return { rule: description, state: on ? 'true' : 'false', because: ctx.date, values: { date: ctx.date } };
    },
  };
}
