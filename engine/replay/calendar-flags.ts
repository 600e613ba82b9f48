import { startsPeriod } from '../calendar/schedule.ts';

/**
 * Per bar of a calendar: 1 where the week (month, quarter, year) differs from the previous bar's, as the context's
 * `newWeek`, `newMonth`, `newQuarter` and `newYear` read. Computed once per calendar (kept while the calendar
 * lives), not per bar of every run.
 */
export interface CalendarFlags {
  newWeek: Uint8Array;
  newMonth: Uint8Array;
  newQuarter: Uint8Array;
  newYear: Uint8Array;
}

const cache = new WeakMap<readonly string[], CalendarFlags>();

export function calendarFlags(dates: readonly string[]): CalendarFlags {
  let flags = cache.get(dates);
  if (!flags) {
    const newWeek = new Uint8Array(dates.length);
    const newMonth = new Uint8Array(dates.length);
    const newQuarter = new Uint8Array(dates.length);
    const newYear = new Uint8Array(dates.length);
    for (let t = 0; t < dates.length; t++) {
      const prev = t > 0 ? dates[t - 1] : '';
      newWeek[t] = startsPeriod('week', prev, dates[t]) ? 1 : 0;
      newMonth[t] = prev.slice(0, 7) !== dates[t].slice(0, 7) ? 1 : 0;
      newQuarter[t] = startsPeriod('quarter', prev, dates[t]) ? 1 : 0;
      newYear[t] = prev.slice(0, 4) !== dates[t].slice(0, 4) ? 1 : 0;
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
