import { weekIndex } from '../calendar/schedule.ts';

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

export function calendarFlags(dates: readonly string[]): CalendarFlags {
  let flags = cache.get(dates);
  if (!flags) {
    const newWeek = new Uint8Array(dates.length);
    const newMonth = new Uint8Array(dates.length);
    const newQuarter = new Uint8Array(dates.length);
    const newYear = new Uint8Array(dates.length);
    // The flags startsPeriod gives against the previous bar, with each date's week and quarter worked out once and
    // the year and month compared in place: this runs on every bar of a calendar before a run's first bar, cold.
    let prevWeek = NaN;
    let prevQuarter = NaN;
    for (let t = 0; t < dates.length; t++) {
      const date = dates[t];
      const week = weekIndex(date);
      const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
      if (t === 0) {
        newWeek[t] = newMonth[t] = newQuarter[t] = newYear[t] = 1;
      } else {
        const prev = dates[t - 1];
        const sameYear = samePrefix(prev, date, 4);
        newWeek[t] = prevWeek !== week ? 1 : 0;
        newMonth[t] = samePrefix(prev, date, 7) ? 0 : 1;
        newQuarter[t] = !sameYear || prevQuarter !== quarter ? 1 : 0;
        newYear[t] = sameYear ? 0 : 1;
      }
      prevWeek = week;
      prevQuarter = quarter;
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
