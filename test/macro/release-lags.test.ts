import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRelease, employmentRelease, gdpAdvanceRelease, loadDataset, parseMacroLagFlags, readMacro, readMacroLagConfig, seriesKind } from '../../datasets/index.ts';

describe('default publication lags, checked by hand against the calendar', () => {
  it('CPI: the calendar\'s date (June 2024 → 2024-07-11, June 2003 → 2003-07-16); outside it, period end + the month\'s lag (June 1989 → 06-30 + 22; January 1989 → 01-31 + 26; November 2026 → 11-30 + 20)', () => {
    expect(defaultRelease('cpi', 'monthly', '2024-06-01')).toBe('2024-07-11');
    expect(defaultRelease('cpi', 'monthly', '2003-06-01')).toBe('2003-07-16');
    expect(defaultRelease('cpi', 'monthly', '1989-06-01')).toBe('1989-07-22');
    expect(defaultRelease('cpi', 'monthly', '1989-01-01')).toBe('1989-02-26');
    expect(defaultRelease('cpi', 'monthly', '1989-03-01')).toBe('1989-04-20');
    expect(defaultRelease('cpi', 'monthly', '2026-11-01')).toBe('2026-12-20');
  });

  it('UNRATE: third Friday after the week holding the 12th', () => {
    // July 2024: the 12th is a Friday, its week ends Sat 07-13; +20 days = Fri 08-02 (BLS released 2024-08-02).
    expect(employmentRelease('2024-07-01')).toBe('2024-08-02');
    // Feb 2024: the 12th is a Monday, week ends Sat 02-17; +20 = Fri 03-08 (released 2024-03-08; the first Friday, 03-01, would leak).
    expect(employmentRelease('2024-02-01')).toBe('2024-03-08');
    // Dec 2020: the 12th is a Saturday; +20 = 2021-01-01, a holiday: a week later, 01-08 (released 2021-01-08).
    expect(employmentRelease('2020-12-01')).toBe('2021-01-08');
  });

  it('FEDFUNDS, a monthly average, is known the day after the month ends', () => {
    expect(defaultRelease('fed-funds', 'monthly', '2024-07-01')).toBe('2024-08-01');
  });

  it('GDP advance estimate, the rule outside the calendar: by the last weekday of the month after the quarter (2024Q2 → 07-31; 2024Q4 → 2025-01-31; 2027Q2 → 07-30)', () => {
    expect(gdpAdvanceRelease('2024-04-01')).toBe('2024-07-31');
    expect(gdpAdvanceRelease('2024-10-01')).toBe('2025-01-31');
    expect(defaultRelease('gdp', 'quarterly', '2027-04-01')).toBe('2027-07-30'); // 07-31 is a Saturday
    expect(defaultRelease('gdp', 'quarterly', '1990-01-01')).toBe('1990-04-30'); // no dated source for 1990Q1
    expect(defaultRelease('gdp', 'quarterly', '2024-04-01')).toBe('2024-07-25'); // the calendar: BEA's date
    expect(defaultRelease('gdp', 'quarterly', '2021-04-01')).toBe('2021-07-29'); // the calendar: ALFRED's first vintage
  });

  it('earnings: monthly interpolated TTM + 150 days; quarterly + 90 days', () => {
    expect(defaultRelease('earnings', 'monthly', '2024-06-01')).toBe('2024-11-27'); // 06-30 + 150
    expect(defaultRelease('earnings', 'quarterly', '2024-04-01')).toBe('2024-09-28'); // 06-30 + 90
  });

  it('a daily series is known the next day; an override replaces the rule', () => {
    expect(defaultRelease('daily', 'daily', '2024-07-16')).toBe('2024-07-17');
    expect(defaultRelease('employment', 'monthly', '2024-07-01', 35)).toBe('2024-09-04'); // 07-31 + 35
  });

  it('kinds come from the series name (and a column for wide tables)', () => {
    expect(['CPIAUCNS', 'UNRATE', 'FEDFUNDS', 'GDPC1', 'SP500_EPS_TTM', 'SHILLER_SP500_MONTHLY.earnings_ttm', 'SHILLER_SP500_MONTHLY.cpi', 'XYZ'].map((n) => seriesKind(n, 'monthly'))).toEqual([
      'cpi',
      'employment',
      'fed-funds',
      'gdp',
      'earnings',
      'earnings',
      'cpi',
      'other',
    ]);
    expect(seriesKind('DGS10', 'daily')).toBe('daily');
  });

  it('a release_date in the file wins over the default', () => {
    const s = readMacro('c.csv', 'CPIAUCNS', 'date,value,release_date\n2024-05-01,313.6,2024-06-12\n2024-06-01,314.2,\n');
    expect(s.released).toEqual(['2024-06-12', '2024-07-11']);
  });
});

describe('overrides: macro-lags.json in the folder, --macro-lag flags on top', () => {
  it('flags parse as SERIES=DAYS and refuse anything else with the flag named', () => {
    expect(parseMacroLagFlags(['UNRATE=35', 'GDPC1=40'])).toEqual({ UNRATE: 35, GDPC1: 40 });
    expect(() => parseMacroLagFlags(['UNRATE'])).toThrow('--macro-lag UNRATE: expected SERIES=DAYS, e.g. UNRATE=35');
    expect(() => parseMacroLagFlags(['UNRATE=-3'])).toThrow('--macro-lag UNRATE=-3: expected a whole number of days between 0 and 3660, found "-3"');
  });

  it('the folder file applies to a run, a flag overrides it, and the identity records it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rotor-lag-'));
    writeFileSync(join(dir, 'A.csv'), 'date,open,high,low,close,adj_close,volume\n2024-08-01,1,1,1,1,1,1\n');
    mkdirSync(join(dir, 'macro'));
    writeFileSync(join(dir, 'macro', 'UNRATE.csv'), 'date,value\n2024-07-01,4.3\n');
    writeFileSync(join(dir, 'macro-lags.json'), '{"UNRATE": 10}');
    const fromFile = loadDataset(dir, ['A'], ['UNRATE'], { cacheDir: false });
    expect(fromFile.macro[0].released).toEqual(['2024-08-10']);
    const fromFlag = loadDataset(dir, ['A'], ['UNRATE'], { cacheDir: false, macroLags: { UNRATE: 3 } });
    expect(fromFlag.macro[0].released).toEqual(['2024-08-03']);
    expect(fromFlag.identity.macro).toEqual([{ series: 'UNRATE', file: 'macro/UNRATE.csv', column: 'value', kind: 'employment', defaultReleases: 1, lagDays: 3 }]);
    writeFileSync(join(dir, 'macro-lags.json'), '{"UNRATE": "soon"}');
    expect(() => readMacroLagConfig(dir)).toThrow(`${join(dir, 'macro-lags.json')}: UNRATE: expected a whole number of days between 0 and 3660, found "soon"`);
  });
});
