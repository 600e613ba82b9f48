/**
 * Civil-date arithmetic on integer day numbers (days since 1970-01-01) and a rule-based NYSE holiday calendar.
 * Integer days instead of Date objects: no time zones, no DST, and exact equality/ordering for free.
 */

import { civilFromDay, dayFromCivil } from '../../engine/macro/periods.ts';
import { easterSunday } from '../../engine/calendar/nyse.ts';

export { civilFromDay, dayFromCivil };
export type Civil = ReturnType<typeof civilFromDay>;



const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function isoDate(day: number): string {
  const { y, m, d } = civilFromDay(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function parseIso(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not an ISO date: ${iso}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = dayFromCivil(y, m, d);
  if (isoDate(day) !== iso) throw new Error(`not a calendar date: ${iso}`);
  return day;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function daysInMonth(y: number, m: number): number {
  return m === 12 ? dayFromCivil(y + 1, 1, 1) - dayFromCivil(y, 12, 1) : dayFromCivil(y, m + 1, 1) - dayFromCivil(y, m, 1);
}

/** The n-th (1-based) given weekday of a month. */
export function nthWeekday(y: number, m: number, wd: number, n: number): number {
  const first = dayFromCivil(y, m, 1);
  return first + ((wd - weekday(first) + 7) % 7) + 7 * (n - 1);
}

export function lastWeekday(y: number, m: number, wd: number): number {
  const last = dayFromCivil(y, m, daysInMonth(y, m));
  return last - ((weekday(last) - wd + 7) % 7);
}

/** Saturday holidays are observed on Friday, Sunday holidays on Monday. */
function observed(day: number): number {
  const wd = weekday(day);
  return wd === 6 ? day - 1 : wd === 0 ? day + 1 : day;
}

/** One-off market closures, so the calendar has the irregularities a real one has. */
const SPECIAL_CLOSURES = [
  '1994-04-27',
  '2001-09-11',
  '2001-09-12',
  '2001-09-13',
  '2001-09-14',
  '2004-06-11',
  '2007-01-02',
  '2012-10-29',
  '2012-10-30',
  '2018-12-05',
  '2025-01-09',
].map(parseIso);

const holidayCache = new Map<number, Set<number>>();

/** NYSE full-day holidays of a year, by rule. */
export function marketHolidays(y: number): Set<number> {
  const cached = holidayCache.get(y);
  if (cached) return cached;
  const days: number[] = [];
  // New Year's Day on a Saturday is not observed on the Friday before (NYSE rule: the year-end close stays open).
  const ny = dayFromCivil(y, 1, 1);
  if (weekday(ny) !== 6) days.push(observed(ny));
  if (y >= 1998) days.push(nthWeekday(y, 1, 1, 3)); // Martin Luther King Jr. Day
  days.push(nthWeekday(y, 2, 1, 3)); // Washington's Birthday
  days.push(easterSunday(y) - 2); // Good Friday
  days.push(lastWeekday(y, 5, 1)); // Memorial Day
  if (y >= 2022) days.push(observed(dayFromCivil(y, 6, 19))); // Juneteenth
  days.push(observed(dayFromCivil(y, 7, 4)));
  days.push(nthWeekday(y, 9, 1, 1)); // Labor Day
  days.push(nthWeekday(y, 11, 4, 4)); // Thanksgiving
  days.push(observed(dayFromCivil(y, 12, 25)));
  for (const s of SPECIAL_CLOSURES) if (civilFromDay(s).y === y) days.push(s);
  const set = new Set(days);
  holidayCache.set(y, set);
  return set;
}

export function isTradingDay(day: number): boolean {
  const wd = weekday(day);
  return wd !== 0 && wd !== 6 && !marketHolidays(civilFromDay(day).y).has(day);
}

/** Trading days in [from, to], both ISO dates, inclusive. */
export function tradingDays(from: string, to: string): number[] {
  const out: number[] = [];
  for (let d = parseIso(from), end = parseIso(to); d <= end; d++) if (isTradingDay(d)) out.push(d);
  return out;
}

export function nextTradingDayOnOrAfter(day: number): number {
  let d = day;
  while (!isTradingDay(d)) d++;
  return d;
}

export function previousTradingDayOnOrBefore(day: number): number {
  let d = day;
  while (!isTradingDay(d)) d--;
  return d;
}

/** Weekend → nearest weekday (Saturday back to Friday, Sunday on to Monday), then skip market holidays forward. */
export function toBusinessDay(day: number): number {
  return nextTradingDayOnOrAfter(observed(day));
}
