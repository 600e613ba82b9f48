import type { MacroFrequency } from './periods.ts';

/**
 * A macro series as the engine replays it: each observation is for a period (FRED convention, `date` = first day of
 * the period) and becomes visible to strategies only from the first trading day on or after its release date.
 */
export interface MacroSeries {
  name: string;
  /** First day of each observation period, ascending. */
  periods: string[];
  values: Float64Array;
  /** ISO date on which each observation was published. */
  released: string[];
  /** How often the series is observed; inferred from the periods when absent. */
  frequency?: MacroFrequency;
  /**
   * Days after a period's end by which its observation is normally out (publication lag plus a grace). Past that, a
   * period with no known observation counts as missing and as-of reads that need it are unknown. Absent: derived
   * from the frequency (see `defaultDueLagDays`).
   */
  dueLagDays?: number;
}

/** What a strategy gets for a macro read: the latest observation known at decision time. */
export interface MacroObservation {
  series: string;
  period: string;
  value: number;
  released: string;
}

/** First index in the sorted `dates` whose date is on or after `date` (dates.length when none). */
export function firstOnOrAfter(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid] < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
