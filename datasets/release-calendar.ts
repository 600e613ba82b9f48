import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROTOR_ROOT } from './package-root.ts';
import type { SeriesKind } from './release-lags.ts';

/** The reports the release calendar covers, and the series kinds (release-lags.ts) each one publishes. */
const REPORT_OF: Partial<Record<SeriesKind, string>> = { employment: 'employment', cpi: 'cpi', gdp: 'gdp' };

export interface CalendarRelease {
  report: string;
  /** First day of the period the report is about (FRED's convention). */
  period: string;
  release: string;
  source: string;
}

/** rotor's table of actual release dates (datasets/release-calendar/README.md). */
export const CALENDAR_FILE = join(ROTOR_ROOT, 'datasets', 'release-calendar', 'releases.csv');

let calendar: Map<string, CalendarRelease> | undefined;

/** Every dated release, by `report period`. */
export function releaseCalendar(): ReadonlyMap<string, CalendarRelease> {
  calendar ??= parseCalendar(readFileSync(CALENDAR_FILE, 'utf8'), CALENDAR_FILE);
  return calendar;
}

/** The table's rows; a line that is not `report,YYYY-MM-01,YYYY-MM-DD,"source"` (or repeats a period) is an error naming it. */
export function parseCalendar(text: string, file: string): Map<string, CalendarRelease> {
  const table = new Map<string, CalendarRelease>();
  text.trim().split('\n').forEach((line, i) => {
    if (i === 0) return;
    const m = /^([a-z]+),(\d{4}-\d{2}-01),(\d{4}-\d{2}-\d{2}),"([^"]*)"$/.exec(line.trim());
    if (!m) throw new Error(`${file}:${i + 1}: expected report,period (YYYY-MM-01),release_date (YYYY-MM-DD),"source"`);
    const key = `${m[1]} ${m[2]}`;
    if (table.has(key)) throw new Error(`${file}:${i + 1}: ${m[1]} ${m[2]} is listed twice`);
    table.set(key, { report: m[1], period: m[2], release: m[3], source: m[4] });
  });
  return table;
}

/** The day a period of this kind of series was actually published, or undefined when the table has no row for it. */
export function calendarRelease(kind: SeriesKind, periodStart: string): string | undefined {
  const report = REPORT_OF[kind];
  return report === undefined ? undefined : releaseCalendar().get(`${report} ${periodStart}`)?.release;
}
