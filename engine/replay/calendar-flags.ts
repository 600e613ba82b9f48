/**
 * Per bar of a calendar: 1 where the month (year) differs from the previous bar's, as the context's `newMonth` and
 * `newYear` read. Computed once per calendar (kept while the calendar lives), not per bar of every run.
 */
export interface CalendarFlags {
  newMonth: Uint8Array;
  newYear: Uint8Array;
}

const cache = new WeakMap<readonly string[], CalendarFlags>();

export function calendarFlags(dates: readonly string[]): CalendarFlags {
  let flags = cache.get(dates);
  if (!flags) {
    const newMonth = new Uint8Array(dates.length);
    const newYear = new Uint8Array(dates.length);
    for (let t = 0; t < dates.length; t++) {
      const prev = t > 0 ? dates[t - 1] : '';
      newMonth[t] = prev.slice(0, 7) !== dates[t].slice(0, 7) ? 1 : 0;
      newYear[t] = prev.slice(0, 4) !== dates[t].slice(0, 4) ? 1 : 0;
    }
    flags = { newMonth, newYear };
    cache.set(dates, flags);
  }
  return flags;
}
