/**
 * Calendar arithmetic on ISO dates for macro periods. A period is named by its first day (FRED convention:
 * `2024-04-01` is 2024Q2 in a quarterly series, April 2024 in a monthly one).
 */
export type MacroFrequency = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'annual';

// Days since 1970-01-01 from and to ISO dates by integer arithmetic (H. Hinnant's civil-calendar algorithms):
// the loader converts ~10^5 dates per load, and going through Date objects and toISOString costs ~1 µs each.

export function toDay(date: string): number {
  const y = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  return dayFromCivil(y, m, d);
}

/** Howard Hinnant's days_from_civil: the day number since 1970-01-01 of a proleptic Gregorian date. */
export function dayFromCivil(year: number, m: number, d: number): number {
  const y = m <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** Howard Hinnant's civil_from_days: proleptic Gregorian year, month (1-12) and day of a day number since 1970-01-01. */
export function civilFromDay(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function fromDay(day: number): string {
  const { y, m, d } = civilFromDay(day);
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${TWO[m]}-${TWO[d]}`;
}

export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return (toDay(date) + 4) % 7; // 1970-01-01 was a Thursday
}

export function monthsIn(freq: MacroFrequency): number {
  return freq === 'quarterly' ? 3 : freq === 'annual' ? 12 : 1;
}

/** Last day of the period that starts on `start`. */
export function periodEnd(start: string, freq: MacroFrequency): string {
  if (freq === 'daily') return start;
  if (freq === 'weekly') return addDays(start, 6);
  const m = +start.slice(0, 4) * 12 + (+start.slice(5, 7) - 1) + monthsIn(freq);
  return addDays(`${Math.floor(m / 12)}-${TWO[(m % 12) + 1]}-01`, -1);
}

/**
 * A number that steps by one from a period to the next (months since year 0 divided by the period's length, or the
 * day number for daily and weekly series), so gaps and "n periods back" are plain subtraction.
 */
export function periodOrdinal(start: string, freq: MacroFrequency): number {
  if (freq === 'daily') return toDay(start);
  if (freq === 'weekly') return Math.floor(toDay(start) / 7);
  const m = +start.slice(0, 4) * 12 + (+start.slice(5, 7) - 1);
  return Math.floor(m / monthsIn(freq));
}

/** The first day of the period with this ordinal (monthly, quarterly and annual series). */
export function periodStartOf(ordinal: number, freq: MacroFrequency): string {
  if (freq === 'daily') return fromDay(ordinal);
  if (freq === 'weekly') return fromDay(ordinal * 7);
  const m = ordinal * monthsIn(freq);
  return `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}-01`;
}

/** From the (lower) median spacing of the periods, so that a few gaps do not mislead it. */
export function inferFrequency(periods: readonly string[]): MacroFrequency {
  if (periods.length < 2) return 'monthly';
  const gaps: number[] = [];
  for (let i = 1; i < periods.length; i++) gaps.push(toDay(periods[i]) - toDay(periods[i - 1]));
  gaps.sort((a, b) => a - b);
  const median = gaps[(gaps.length - 1) >> 1];
  if (median < 5) return 'daily';
  if (median < 20) return 'weekly';
  if (median < 60) return 'monthly';
  if (median < 200) return 'quarterly';
  return 'annual';
}

/** Periods per year, for year-over-year reads. */
export function periodsPerYear(freq: MacroFrequency): number {
  return freq === 'quarterly' ? 4 : freq === 'annual' ? 1 : freq === 'weekly' ? 52 : 12;
}
