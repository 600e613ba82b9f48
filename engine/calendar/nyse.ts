import { dayFromCivil, fromDay, toDay } from '../macro/periods.ts';

/**
 * The New York Stock Exchange's trading calendar, computed by rule (it is published years ahead, so a schedule
 * never needs to peek at the data's next row). Rules, as NYSE Rule 7.2 and its history state them:
 * - New Year's Day, Independence Day, Christmas: on a Sunday, the Monday after; on a Saturday, the Friday before —
 *   except New Year's Day, which is then not made up (the Friday closes a year's books);
 * - Martin Luther King Jr. Day (third Monday of January) from 1998; Washington's Birthday (third Monday of
 *   February) from 1971, February 22 (observed) before; Good Friday (Easter − 2 days); Memorial Day (last Monday of
 *   May) from 1971, May 30 before (on a Sunday the Monday after; on a Saturday not made up); Juneteenth (June 19, observed) from 2022; Labor Day (first Monday of
 *   September); Thanksgiving (fourth Thursday of November); Election Day (the Tuesday after the first Monday of
 *   November) every year to 1968, then in presidential years 1972, 1976 and 1980;
 * - the known unscheduled closures from 1969: SPECIAL_CLOSURES below.
 * Before 1969 the exchange also closed on other days (Lincoln's Birthday, Veterans Day, the 1968 paperwork-crisis
 * Wednesdays) that are not modelled: the calendar is exact from 1969-01-01 (tests compare it with the S&P 500's
 * trading days).
 */
export const SPECIAL_CLOSURES: Readonly<Record<string, string>> = {
  '1969-02-10': 'snowstorm',
  '1969-03-31': 'funeral of President Eisenhower',
  '1969-07-21': 'Apollo 11 moon landing',
  '1972-12-28': 'funeral of President Truman',
  '1973-01-25': 'funeral of President Johnson',
  '1977-07-14': 'New York City blackout',
  '1985-09-27': 'Hurricane Gloria',
  '1994-04-27': 'funeral of President Nixon',
  '2001-09-11': 'September 11 attacks',
  '2001-09-12': 'September 11 attacks',
  '2001-09-13': 'September 11 attacks',
  '2001-09-14': 'September 11 attacks',
  '2004-06-11': 'funeral of President Reagan',
  '2007-01-02': 'funeral of President Ford',
  '2012-10-29': 'Hurricane Sandy',
  '2012-10-30': 'Hurricane Sandy',
  '2018-12-05': 'funeral of President George H. W. Bush',
  '2025-01-09': 'funeral of President Carter',
};

/** 0 = Sunday … 6 = Saturday of a day number. */
const dow = (day: number) => (((day + 4) % 7) + 7) % 7;

/** The n-th (1-based) `weekday` of a month, or the last one with n = −1, as a day number. */
function nthWeekday(y: number, m: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = dayFromCivil(y, m, 1);
    return first + ((weekday - dow(first) + 7) % 7) + 7 * (n - 1);
  }
  const last = dayFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1;
  return last - ((dow(last) - weekday + 7) % 7);
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromCivil(y, month, day);
}

/** A fixed-date holiday moved off the weekend: Saturday → Friday, Sunday → Monday. */
function observed(day: number): number {
  const w = dow(day);
  return w === 6 ? day - 1 : w === 0 ? day + 1 : day;
}

const holidayCache = new Map<number, Map<number, string>>();

/** Every rule-based holiday of a year, by day number, with its name. */
export function holidaysOf(y: number): ReadonlyMap<number, string> {
  const cached = holidayCache.get(y);
  if (cached) return cached;
  const out = new Map<number, string>();
  const add = (day: number, name: string) => out.set(day, name);
  const newYear = dayFromCivil(y, 1, 1);
  if (dow(newYear) !== 6) add(observed(newYear), "New Year's Day");
  if (y >= 1998) add(nthWeekday(y, 1, 1, 3), 'Martin Luther King Jr. Day');
  add(y >= 1971 ? nthWeekday(y, 2, 1, 3) : observed(dayFromCivil(y, 2, 22)), "Washington's Birthday");
  add(easterSunday(y) - 2, 'Good Friday');
  // May 30, 1970 fell on a Saturday and the exchange did not close the Friday before.
  const may30 = dayFromCivil(y, 5, 30);
  if (y >= 1971) add(nthWeekday(y, 5, 1, -1), 'Memorial Day');
  else if (dow(may30) !== 6) add(observed(may30), 'Memorial Day');
  if (y >= 2022) add(observed(dayFromCivil(y, 6, 19)), 'Juneteenth');
  add(observed(dayFromCivil(y, 7, 4)), 'Independence Day');
  add(nthWeekday(y, 9, 1, 1), 'Labor Day');
  if (y <= 1968 || y === 1972 || y === 1976 || y === 1980) add(nthWeekday(y, 11, 1, 1) + 1, 'Election Day');
  add(nthWeekday(y, 11, 4, 4), 'Thanksgiving');
  add(observed(dayFromCivil(y, 12, 25)), 'Christmas');
  holidayCache.set(y, out);
  return out;
}

/** Why the exchange is closed on a date (weekend, holiday or special closure), or undefined on a trading day. */
export function closedBecause(date: string): string | undefined {
  const day = toDay(date);
  const w = dow(day);
  if (w === 0 || w === 6) return 'weekend';
  const y = Number(date.slice(0, 4));
  // A Saturday New Year's Day of the next year is not made up; holidays never move across years otherwise.
  return holidaysOf(y).get(day) ?? SPECIAL_CLOSURES[date];
}

export function isTradingDay(date: string): boolean {
  return closedBecause(date) === undefined;
}

const monthCache = new Map<string, string[]>();

/** The exchange's trading days of a month (`YYYY-MM`), ascending. */
export function tradingDaysOfMonth(month: string): readonly string[] {
  const cached = monthCache.get(month);
  if (cached) return cached;
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const out: string[] = [];
  const end = dayFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1);
  for (let day = dayFromCivil(y, m, 1); day < end; day++) {
    const d = fromDay(day);
    if (isTradingDay(d)) out.push(d);
  }
  monthCache.set(month, out);
  return out;
}

/** The last trading day of the month of `date`. */
export function lastTradingDayOfMonth(date: string): string {
  const days = tradingDaysOfMonth(date.slice(0, 7));
  return days[days.length - 1];
}
