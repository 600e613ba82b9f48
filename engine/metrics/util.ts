/** Conventions shared by every metric module. See METRICS.md at the repo root. */

/** Trading days per year used to annualise daily statistics. */
export const TRADING_DAYS_PER_YEAR = 252;
/** Calendar days per year used to turn a date span into years (CAGR, turnover). */
export const CALENDAR_DAYS_PER_YEAR = 365.25;
/**
 * A standard deviation (of daily returns) at or below this is treated as zero, so that float noise on a flat
 * or constant-return curve yields null ratios instead of astronomically large ones.
 */
export const ZERO_STDEV = 1e-12;

const MS_PER_DAY = 86_400_000;

export function finiteOrNull(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** Calendar days from `from` to `to` (ISO strings). NaN when either does not parse. */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / MS_PER_DAY;
}

/** (to − from in calendar days) / 365.25. NaN when either date does not parse. */
export function yearsBetween(from: string, to: string): number {
  return daysBetween(from, to) / CALENDAR_DAYS_PER_YEAR;
}

/** Finite values of an array, as a plain number[] (the form simple-statistics takes). */
export function finiteValues(xs: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) if (Number.isFinite(xs[i])) out.push(xs[i]);
  return out;
}
