import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../datasets/index.ts';
import { releaseDelays } from '../../datasets/release-calendar.ts';
import { defaultRelease, employmentRelease } from '../../datasets/release-lags.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../helpers/shared-data.ts';

describe('the release calendar: rules, then the dated delays, before any default lag', () => {
  it('employment report: third Friday after the week of the 12th, with the January and July 4 exceptions (published dates)', () => {
    const published: [string, string][] = [
      ['2024-07-01', '2024-08-02'], ['2024-08-01', '2024-09-06'], ['2023-11-01', '2023-12-08'], ['2024-02-01', '2024-03-08'],
      ['2023-12-01', '2024-01-05'], ['2019-12-01', '2020-01-10'], ['2014-12-01', '2015-01-09'], ['2020-12-01', '2021-01-08'],
      ['2024-12-01', '2025-01-10'], ['2025-06-01', '2025-07-03'], ['2014-06-01', '2014-07-03'], ['2023-06-01', '2023-07-07'],
    ];
    expect(published.map(([p]) => [p, employmentRelease(p)])).toEqual(published);
  });

  it('the shutdowns of 2013, 2018–19 and 2025 are dated exceptions, used for series without release dates', () => {
    expect(defaultRelease('employment', 'monthly', '2013-09-01')).toBe('2013-10-22');
    expect(defaultRelease('employment', 'monthly', '2025-09-01')).toBe('2025-11-20');
    expect(employmentRelease('2025-09-01')).toBe('2025-10-03'); // the rule: what the default would have let a strategy see
    expect(defaultRelease('cpi', 'monthly', '2013-09-01')).toBe('2013-10-30');
    expect(defaultRelease('cpi', 'monthly', '2025-09-01')).toBe('2025-10-24');
    expect(defaultRelease('gdp', 'quarterly', '2018-10-01')).toBe('2019-02-28');
    expect(defaultRelease('gdp', 'quarterly', '2025-07-01')).toBe('2025-12-23');
    // A flag's explicit lag still wins: the user asked for it.
    expect(defaultRelease('gdp', 'quarterly', '2018-10-01', 10)).toBe('2019-01-10');
    // Every delay is later than the date it was scheduled for, and names its source.
    for (const d of releaseDelays().values()) {
      expect(d.release > d.scheduled, `${d.report} ${d.period}`).toBe(true);
      expect(d.source).toMatch(/^(BLS|BEA):/);
    }
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
  const rows = (file: string) => readFileSync(join(SHARED_DATA, 'macro', file), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));

  it('GDP: never earlier than ALFRED\'s first vintage of a quarter (1992–2025), and equal to it on every delayed quarter', () => {
    const early: string[] = [];
    for (const [period, , released] of rows('GDPC1.csv')) {
      if (period < '1992-01-01' || !released) continue;
      const ours = defaultRelease('gdp', 'quarterly', period);
      if (ours < released) early.push(`${period}: ${ours} < ${released}`);
      if (releaseDelays().has(`gdp ${period}`)) expect(ours).toBe(released);
    }
    expect(early).toEqual([]);
  });

  it('CPI: every delay in the calendar is the date BLS published (CPI_release_dates.csv)', () => {
    const published = new Map(rows('CPI_release_dates.csv').map(([m, d]) => [`${m}-01`, d]));
    const cpi = [...releaseDelays().values()].filter((d) => d.report === 'cpi' && published.has(d.period));
    expect(cpi.length).toBeGreaterThanOrEqual(2);
    for (const d of cpi) expect(d.release).toBe(published.get(d.period));
  });

  it('UNRATE in ../shared/data (revised values only) gets the latest-vintage warning', () => {
    const ds = loadDataset(SHARED_DATA, ['SPY'], ['UNRATE']);
    expect(ds.identity.warnings.some((w) => w.rule === 'latest-vintage' && w.message.includes('rotor data fetch fred UNRATE --first-release'))).toBe(true);
  });
});
