import { quarterOf, weekOfDay } from '../calendar/schedule.ts';
import { toDay } from '../macro/periods.ts';

/**
 * Per bar of a calendar: 1 where the week (month, quarter, year) differs from the previous bar's, as the context's
 * `newWeek`, `newMonth`, `newQuarter` and `newYear` read (what startsPeriod says of each pair of bars). Computed once
 * per calendar (kept while the calendar lives), not per bar of every run.
 */
export interface CalendarFlags {
  newWeek: Uint8Array;
  newMonth: Uint8Array;
  newQuarter: Uint8Array;
  newYear: Uint8Array;
}

const cache = new WeakMap<readonly string[], CalendarFlags>();

/** `a.slice(0, n) === b.slice(0, n)`, without making the two strings. */
function samePrefix(a: string, b: string, n: number): boolean {
  const la = Math.min(n, a.length);
  if (la !== Math.min(n, b.length)) return false;
  for (let i = 0; i < la; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

function dayOfMonth(date: string): number {
  return (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
}

export function calendarFlags(dates: readonly string[]): CalendarFlags {
  let flags = cache.get(dates);
  if (!flags) {
    const newWeek = new Uint8Array(dates.length);
    const newMonth = new Uint8Array(dates.length);
    const newQuarter = new Uint8Array(dates.length);
    const newYear = new Uint8Array(dates.length);
    // The flags startsPeriod gives against the previous bar, for every bar of a calendar before a run's first bar,
    // on cold code: within a month the day number moves by the days of the month, so the full date arithmetic (and
    // the quarter) is worked out only when the month changes.
    let prevDay = NaN;
    for (let t = 0; t < dates.length; t++) {
      const date = dates[t];
      if (t === 0) {
        newWeek[t] = newMonth[t] = newQuarter[t] = newYear[t] = 1;
        prevDay = toDay(date);
        continue;
      }
      const prev = dates[t - 1];
      const sameMonth = samePrefix(prev, date, 7);
      const day = sameMonth ? prevDay + dayOfMonth(date) - dayOfMonth(prev) : toDay(date);
      newWeek[t] = weekOfDay(prevDay) !== weekOfDay(day) ? 1 : 0;
      prevDay = day;
      if (sameMonth) continue;
      newMonth[t] = 1;
      const sameYear = samePrefix(prev, date, 4);
      newYear[t] = sameYear ? 0 : 1;
      newQuarter[t] = !sameYear || quarterOf(prev) !== quarterOf(date) ? 1 : 0;
    }
    flags = { newWeek, newMonth, newQuarter, newYear };
    cache.set(dates, flags);
  }
  return flags;
}

const windows = new WeakMap<readonly string[], Map<string, string[]>>();

/**
 * The dates of a run's window, one frozen array per calendar and window: a sweep's trials share it, and metrics keep
 * what they derive from it (period boundaries) instead of recomputing it per trial.
 */
export function windowDates(dates: readonly string[], from: number, to: number): string[] {
  let byWindow = windows.get(dates);
  if (!byWindow) windows.set(dates, (byWindow = new Map()));
  const key = `${from}:${to}`;
  let out = byWindow.get(key);
  if (!out) {
    out = Object.freeze(dates.slice(from, to + 1)) as string[];
    byWindow.set(key, out);
  }
  return out;
}
