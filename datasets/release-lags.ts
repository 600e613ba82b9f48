import { DUE_GRACE_DAYS } from '../engine/macro/as-of.ts';
import { addDays, periodEnd, weekday, type MacroFrequency } from '../engine/macro/periods.ts';
import { calendarRelease } from './release-calendar.ts';

/**
 * When an observation without a `release_date` became known. Each kind of series has a documented default,
 * conservative on purpose: a lag too long only delays a signal, one too short lets a strategy see a number before
 * it was published. A per-series override (days after the period's end) replaces the default; a `release_date` in
 * the file always wins over both.
 *
 * | kind | series (by name) | default release |
 * |---|---|---|
 * | `cpi` | CPI*, CUUR*, CUSR*, a `cpi` column | the calendar's actual date (1990-01 … 2026-10), else period end + the latest lag BLS used for that calendar month in the table: 26 days for January, 24 for February, 22 for April, June and September, 20 otherwise |
 * | `employment` | UNRATE, PAYEMS, U1RATE…U6RATE | the calendar's actual date (1990-01 … 2026-10), else BLS's rule: the third Friday after the week holding the 12th (mostly the first Friday of the next month, but e.g. Feb 2024 → 2024-03-08; a week later when that Friday is January 1st) |
 * | `fed-funds` | FEDFUNDS | a monthly average, known when the month ends: period end + 1 day |
 * | `gdp` | *GDP* | the calendar's actual date (1990Q2 … 2026Q3), else the advance estimate by the last weekday of the month after the quarter |
 * | `earnings` | *EPS*, *EARNINGS*, CAPE, `earnings`/`dividend`/`cape` columns | monthly (interpolated trailing-12-month figures need the next quarter's report): period end + 150 days; quarterly: quarter end + 90 days |
 * | `daily` | any daily series | the next day |
 * | `other` | anything else | weekly +7, monthly +45, quarterly +90, annual +180 days after period end |
 */
export type SeriesKind = 'cpi' | 'employment' | 'fed-funds' | 'gdp' | 'earnings' | 'daily' | 'other';

export function seriesKind(name: string, freq: MacroFrequency): SeriesKind {
  const dot = name.indexOf('.');
  const stem = (dot < 0 ? name : name.slice(0, dot)).toUpperCase();
  const column = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  if (freq === 'daily') return 'daily';
  if (column) {
    if (/earnings|eps|dividend|cape/.test(column)) return 'earnings';
    if (/^cpi/.test(column)) return 'cpi';
  }
  if (/^(CPI|CUUR|CUSR)/.test(stem)) return 'cpi';
  if (/^(UNRATE|PAYEMS|U[1-6]RATE)/.test(stem)) return 'employment';
  if (stem === 'FEDFUNDS') return 'fed-funds';
  if (/GDP/.test(stem)) return 'gdp';
  if (/EPS|EARNINGS|CAPE/.test(stem)) return 'earnings';
  return 'other';
}

/**
 * Days after period end used by each kind for the "due by" of a period (the grace in DUE_GRACE_DAYS covers the
 * later months of the CPI rule and the employment rule's latest case).
 */
export function kindLagDays(kind: SeriesKind, freq: MacroFrequency): number {
  switch (kind) {
    case 'cpi':
      return 20;
    case 'employment':
      return 10;
    case 'fed-funds':
      return 1;
    case 'gdp':
      return 30;
    case 'earnings':
      return freq === 'quarterly' ? 90 : 150;
    case 'daily':
      return 1;
    case 'other':
      return { daily: 1, weekly: 7, monthly: 45, quarterly: 90, annual: 180 }[freq];
  }
}

/**
 * BLS: the Employment Situation comes out on the third Friday after the week (Sunday–Saturday) that holds the 12th.
 * December's report never comes out in the first days of January: a Friday on January 1–3 moves a week later
 * (2009-01-09, 2015-01-09, 2020-01-10, 2021-01-08, 2025-01-10). When the Friday is the Independence Day holiday
 * (July 4, or July 3 when the 4th is a Saturday) it comes the day before (2014-07-03, 2015-07-02, 2020-07-02).
 * Used for the years the calendar (datasets/release-calendar/releases.csv) has no row for.
 */
export function employmentRelease(periodStart: string): string {
  const twelfth = periodStart.slice(0, 8) + '12';
  const saturday = addDays(twelfth, 6 - weekday(twelfth));
  const friday = addDays(saturday, 20);
  if (/-01-0[123]$/.test(friday)) return addDays(friday, 7);
  return /-07-0[34]$/.test(friday) ? addDays(friday, -1) : friday;
}

/**
 * Days after the end of a reference month by which BLS had published its CPI, by calendar month: the latest of each
 * month in the calendar 2004–2026 outside the shutdowns (January's report came as late as 2015-02-26, February's
 * 2015-03-24), and never earlier than any of 1990–2026. For the months the calendar has no row for, where a day too
 * early would leak.
 */
const CPI_LAG_BY_MONTH = [26, 24, 20, 22, 20, 22, 20, 20, 22, 20, 20, 20];

export function cpiRelease(monthStart: string): string {
  return addDays(periodEnd(monthStart, 'monthly'), CPI_LAG_BY_MONTH[Number(monthStart.slice(5, 7)) - 1]);
}

/**
 * BEA's advance GDP estimate: by the last weekday of the month after the quarter (its usual dates are the 25th–31st).
 * Checked against ALFRED's first vintages 1992–2025: never earlier, except the delays dated in the calendar.
 */
export function gdpAdvanceRelease(quarterStart: string): string {
  const end = periodEnd(quarterStart, 'quarterly');
  let d = periodEnd(addDays(end, 1), 'monthly');
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, -1);
  return d;
}

/**
 * The release date of one period of a series of this kind without a `release_date` of its own: `overrideDays` after
 * its end when given (--macro-lag), else the release calendar (its actual date, then the report's rule), else the
 * kind's default lag.
 */
export function defaultRelease(kind: SeriesKind, freq: MacroFrequency, periodStart: string, overrideDays?: number): string {
  const end = periodEnd(periodStart, freq);
  if (overrideDays !== undefined) return addDays(end, overrideDays);
  const dated = calendarRelease(kind, periodStart);
  if (dated) return dated;
  if (kind === 'employment' && freq === 'monthly') return employmentRelease(periodStart);
  if (kind === 'cpi' && freq === 'monthly') return cpiRelease(periodStart);
  if (kind === 'gdp' && freq === 'quarterly') return gdpAdvanceRelease(periodStart);
  return addDays(end, kindLagDays(kind, freq));
}

/** After this many days past a period's end, a period with no observation counts as missing (see `readAsOf`). */
export function dueLagDays(kind: SeriesKind, freq: MacroFrequency, overrideDays?: number): number | undefined {
  if (freq === 'daily') return undefined; // holidays are not gaps: a daily series is never "overdue"
  return (overrideDays ?? kindLagDays(kind, freq)) + DUE_GRACE_DAYS[freq];
}

/** A per-series override by exact name (`GDPC1.first_release_qoq_saar_pct`) or by file (`GDPC1`). */
export function lagOverride(overrides: Readonly<Record<string, number>> | undefined, name: string): number | undefined {
  if (!overrides) return undefined;
  if (name in overrides) return overrides[name];
  const dot = name.indexOf('.');
  return dot > 0 && name.slice(0, dot) in overrides ? overrides[name.slice(0, dot)] : undefined;
}

/**
 * Identifies the rules above, for the dataset cache's key: a loaded dataset holds release dates worked out by them,
 * so an entry written under other rules (another rotor version, an edit) must not be read back.
 */
export const RELEASE_RULES_ID = [seriesKind, kindLagDays, employmentRelease, cpiRelease, gdpAdvanceRelease, defaultRelease, dueLagDays, lagOverride]
  .map((f) => f.toString())
  .concat(CPI_LAG_BY_MONTH.join(','), JSON.stringify(DUE_GRACE_DAYS))
  .join('\n');
