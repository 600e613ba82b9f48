import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROTOR_ROOT } from './package-root.ts';
import type { SeriesKind } from './release-lags.ts';

/** The reports the release calendar covers, and the series kinds (release-lags.ts) each one publishes. */
const REPORT_OF: Partial<Record<SeriesKind, string>> = { employment: 'employment', cpi: 'cpi', gdp: 'gdp' };

export interface ReleaseDelay {
  report: string;
  period: string;
  release: string;
  scheduled: string;
  source: string;
}

/** rotor's table of releases that came later than their rule (datasets/release-calendar/README.md). */
export const DELAYS_FILE = join(ROTOR_ROOT, 'datasets', 'release-calendar', 'delays.csv');

let delays: Map<string, ReleaseDelay> | undefined;

/** Every dated exception, by `report period`. Quoted last column (the source) may hold commas. */
export function releaseDelays(): ReadonlyMap<string, ReleaseDelay> {
  if (delays) return delays;
  delays = new Map();
  const [, ...lines] = readFileSync(DELAYS_FILE, 'utf8').trim().split('\n');
  for (const line of lines) {
    const m = /^([a-z]+),(\d{4}-\d{2}-\d{2}),(\d{4}-\d{2}-\d{2}),(\d{4}-\d{2}-\d{2}),"(.*)"$/.exec(line.trim());
    if (!m) throw new Error(`${DELAYS_FILE}: unreadable line ${line}`);
    delays.set(`${m[1]} ${m[2]}`, { report: m[1], period: m[2], release: m[3], scheduled: m[4], source: m[5] });
  }
  return delays;
}

/** The actual release of a period whose report was delayed (a shutdown), or undefined when its rule holds. */
export function delayedRelease(kind: SeriesKind, periodStart: string): string | undefined {
  const report = REPORT_OF[kind];
  return report === undefined ? undefined : releaseDelays().get(`${report} ${periodStart}`)?.release;
}
