import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../datasets/index.ts';
import { CALENDAR_FILE, parseCalendar, releaseCalendar } from '../../datasets/release-calendar.ts';
import { cpiRelease, defaultRelease, employmentRelease } from '../../datasets/release-lags.ts';
import { addDays, periodEnd, weekday } from '../../engine/macro/periods.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../helpers/shared-data.ts';

const rows = (report: string) => [...releaseCalendar().values()].filter((r) => r.report === report);
const months = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(periodEnd(d, 'monthly'), 1)) out.push(d);
  return out;
};
/** The periods whose report a lapse in appropriations delayed (BLS and BEA notices), by hand. */
const SHUTDOWN = {
  employment: ['1995-12-01', '2013-09-01', '2013-10-01', '2025-09-01', '2025-10-01', '2025-11-01', '2026-01-01'],
  cpi: ['1995-12-01', '1996-01-01', '2013-09-01', '2025-09-01', '2025-11-01'],
};

describe('the release calendar: actual dates, then the rules, before any default lag', () => {
  it('the table: a row for every month of the employment report and of CPI 1990-01–2026-10 (October 2025 CPI was never published) and every GDP quarter 1990Q2–2026Q3, each after its period and on a weekday but one', () => {
    const lines = readFileSync(CALENDAR_FILE, 'utf8').trim().split('\n');
    expect(releaseCalendar().size).toBe(lines.length - 1);
    expect(rows('employment').map((r) => r.period)).toEqual(months('1990-01-01', '2026-10-01'));
    expect(rows('cpi').map((r) => r.period)).toEqual(months('1990-01-01', '2026-10-01').filter((p) => p !== '2025-10-01'));
    // 1990Q1: no source found gives the day of GNP's advance estimate ("in April" only); the rule covers it.
    expect(rows('gdp').map((r) => r.period)).toEqual(months('1990-04-01', '2026-07-01').filter((p) => /-(01|04|07|10)-/.test(p)));
    const notWeekday: string[] = [];
    for (const r of releaseCalendar().values()) {
      const end = periodEnd(r.period, r.report === 'gdp' ? 'quarterly' : 'monthly');
      expect(r.release > end && r.release <= addDays(end, r.report === 'gdp' ? 90 : 60), `${r.report} ${r.period}`).toBe(true);
      if (![1, 2, 3, 4, 5].includes(weekday(r.release))) notWeekday.push(`${r.report} ${r.period} ${r.release}`);
      expect(r.source).toMatch(/^(BLS|BEA|ALFRED|GNP)/);
    }
    // ALFRED's vintage of November 1992's CPI is dated on a Sunday: kept as the source gives it (no later than the release).
    expect(notWeekday).toEqual(['cpi 1992-11-01 1992-12-13']);
  });

  it('a line that is not a row, or repeats a period, is an error naming the file and line', () => {
    const head = 'report,period,release_date,source\n';
    expect(() => parseCalendar(head + 'cpi,2024-01-01,2024-02-13,"x"\ncpi,2024-01-15,2024-02-13,"x"\n', 'r.csv')).toThrow(
      'r.csv:3: expected report,period (YYYY-MM-01),release_date (YYYY-MM-DD),"source"',
    );
    expect(() => parseCalendar(head + 'cpi,2024-01-01,2024-02-13,"x"\ncpi,2024-01-01,2024-02-14,"y"\n', 'r.csv')).toThrow('r.csv:3: cpi 2024-01-01 is listed twice');
  });

  it('employment: BLS\'s rule gives the published date of every month 1990–2026 outside the shutdowns but one (the rule is used outside the table)', () => {
    const off = rows('employment').filter((r) => !SHUTDOWN.employment.includes(r.period) && employmentRelease(r.period) !== r.release);
    // October 1998's report came on Thursday November 5 by ALFRED's vintages of both UNRATE and PAYEMS, a day before the rule's Friday.
    expect(off.map((r) => `${r.period} ${r.release} rule ${employmentRelease(r.period)}`)).toEqual(['1998-10-01 1998-11-05 rule 1998-11-06']);
    // The holiday cases worked by hand: Friday July 3 2015 was the observed Independence Day (the 4th a Saturday).
    expect(employmentRelease('2015-06-01')).toBe('2015-07-02');
    expect(employmentRelease('2014-06-01')).toBe('2014-07-03');
    expect(employmentRelease('2019-12-01')).toBe('2020-01-10');
    // Each shutdown month came later than the rule: what a default would have let a strategy see early.
    for (const p of SHUTDOWN.employment) expect(releaseCalendar().get(`employment ${p}`)!.release > employmentRelease(p), p).toBe(true);
  });

  it('CPI: the rule for the months outside the table is never earlier than any published date in it (1990–2026) outside the shutdowns', () => {
    const early = rows('cpi').filter((r) => !SHUTDOWN.cpi.includes(r.period) && cpiRelease(r.period) < r.release);
    expect(early.map((r) => `${r.period} ${r.release} rule ${cpiRelease(r.period)}`)).toEqual([]);
    // The latest of them set the rule: January 2015's report came on 2015-02-26, February's on 2015-03-24.
    expect(cpiRelease('2015-01-01')).toBe('2015-02-26');
    expect(cpiRelease('2015-02-01')).toBe('2015-03-24');
  });

  it('the calendar decides a series without release dates; a flag\'s explicit lag still wins', () => {
    expect(defaultRelease('employment', 'monthly', '2013-09-01')).toBe('2013-10-22');
    expect(defaultRelease('employment', 'monthly', '2025-09-01')).toBe('2025-11-20');
    expect(defaultRelease('employment', 'monthly', '2026-01-01')).toBe('2026-02-11');
    expect(defaultRelease('cpi', 'monthly', '2013-09-01')).toBe('2013-10-30');
    expect(defaultRelease('cpi', 'monthly', '2025-09-01')).toBe('2025-10-24');
    expect(defaultRelease('cpi', 'monthly', '2015-01-01')).toBe('2015-02-26');
    expect(defaultRelease('cpi', 'monthly', '2024-06-01')).toBe('2024-07-11');
    expect(defaultRelease('gdp', 'quarterly', '2018-10-01')).toBe('2019-02-28');
    expect(defaultRelease('gdp', 'quarterly', '2024-04-01')).toBe('2024-07-25');
    expect(defaultRelease('gdp', 'quarterly', '2025-07-01')).toBe('2025-12-23');
    expect(defaultRelease('gdp', 'quarterly', '2018-10-01', 10)).toBe('2019-01-10');
    expect(defaultRelease('cpi', 'monthly', '2024-06-01', 5)).toBe('2024-07-05');
  });

  it('a series read as its revised vintage gets a data warning that says how to fetch first prints; unrevised CPI does not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rotor-cal-'));
    mkdirSync(join(dir, 'macro'));
    mkdirSync(join(dir, 'prices'));
    writeFileSync(join(dir, 'prices', 'AAA.csv'), 'date,open,high,low,close,adj_close,volume\n2024-01-02,1,1,1,1,1,1\n');
    const monthly = 'date,value\n2024-01-01,4.0\n2024-02-01,4.1\n2024-03-01,4.2\n';
    for (const s of ['UNRATE', 'CPIAUCNS', 'CPIAUCSL']) writeFileSync(join(dir, 'macro', `${s}.csv`), monthly);
    const warned = (series: string) => loadDataset(dir, ['AAA'], [series], { cacheDir: false }).identity.warnings.filter((w) => w.rule === 'latest-vintage').map((w) => w.message);
    expect(warned('UNRATE')).toEqual([
      'UNRATE is read from its latest vintage: values revised after they were first published, shown on their first release dates (look-ahead in the revisions); fetch the first prints with `rotor data fetch fred UNRATE --first-release`',
    ]);
    expect(warned('CPIAUCSL')).toHaveLength(1);
    expect(warned('CPIAUCNS')).toEqual([]);
  });
});

describe.skipIf(!HAVE_SHARED_DATA)('the calendar against published release dates in ../shared/data', () => {
  const csv = (file: string) => readFileSync(join(SHARED_DATA, 'macro', file), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));

  it('CPI: every month the table and CPI_release_dates.csv (BLS, 2021-06 on) both hold has the same date', () => {
    const published = new Map(csv('CPI_release_dates.csv').map(([m, d]) => [`${m}-01`, d]));
    const both = rows('cpi').filter((r) => published.has(r.period));
    expect(both.length).toBeGreaterThanOrEqual(60);
    expect(both.filter((r) => r.release !== published.get(r.period)).map((r) => `${r.period} ${r.release} vs ${published.get(r.period)}`)).toEqual([]);
  });

  it('GDP: never earlier than ALFRED\'s first vintage of a quarter (1992–2025), and equal to it on every dated quarter', () => {
    const early: string[] = [];
    for (const [period, , released] of csv('GDPC1.csv')) {
      if (period < '1992-01-01' || !released) continue;
      const ours = defaultRelease('gdp', 'quarterly', period);
      if (ours < released) early.push(`${period}: ${ours} < ${released}`);
      if (releaseCalendar().has(`gdp ${period}`)) expect(ours).toBe(released);
    }
    expect(early).toEqual([]);
  });

  it('UNRATE in ../shared/data (revised values only) gets the latest-vintage warning', () => {
    const ds = loadDataset(SHARED_DATA, ['SPY'], ['UNRATE']);
    expect(ds.identity.warnings.some((w) => w.rule === 'latest-vintage' && w.message.includes('rotor data fetch fred UNRATE --first-release'))).toBe(true);
  });
});
