import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../datasets/index.ts';
import { defineStrategy, runBacktest, type MacroReading } from '../../engine/index.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../helpers/shared-data.ts';

/** One cell of a shared macro file, read in place (never copied). */
function cell(file: string, date: string, column: number): string {
  const line = readFileSync(join(SHARED_DATA, 'macro', file), 'utf8').split('\n').find((l) => l.startsWith(date + ','));
  return line!.split(',')[column];
}

describe.skipIf(!HAVE_SHARED_DATA)('point-in-time macro on the real data', () => {
  const GDP = 'GDPC1.first_release_qoq_saar_pct';
  const watch = new Map<string, Record<string, MacroReading>>([
    ['2024-07-24', {}],
    ['2024-07-25', {}],
    ['2025-11-20', {}],
    ['2025-12-04', {}],
    ['2025-12-05', {}],
    ['2025-12-18', {}],
  ]);

  const run = () => {
    const data = loadDataset(SHARED_DATA, ['GSPC'], [GDP, 'GDPC1', 'CPIAUCNS']);
    const strategy = defineStrategy({
      name: 'pit',
      description: '',
      universe: ['GSPC'],
      macro: [GDP, 'GDPC1', 'CPIAUCNS'],
      onBar(ctx) {
        const into = watch.get(ctx.date);
        if (!into) return;
        into.gdp = ctx.macroValue(GDP);
        into.gdpLevel = ctx.macroValue('GDPC1');
        into.cpi = ctx.macroValue('CPIAUCNS');
        into.cpiChange = ctx.macroValue('CPIAUCNS', { change: 1 });
        into.cpiYoY = ctx.macroValue('CPIAUCNS', 'yoy');
      },
    });
    runBacktest({ market: data.market, macro: data.macro, strategy, settings: { from: '2024-07-01', to: '2025-12-31' } });
  };
  // In a hook, not at collection: a skipped suite's body still runs while the tests are collected.
  beforeAll(run);

  it('on 2024-07-24 a strategy sees real GDP through 2024Q1 only', () => {
    expect(watch.get('2024-07-24')!.gdp).toMatchObject({ state: 'known', period: '2024-01-01', released: '2024-04-25', value: Number(cell('GDPC1.csv', '2024-01-01', 4)) });
    expect(watch.get('2024-07-24')!.gdp.value).toBeCloseTo(1.59, 2);
  });

  it('on 2024-07-25 it sees 2024Q2 as first published: 2.84% SAAR, level the first print', () => {
    const r = watch.get('2024-07-25')!;
    expect(r.gdp).toMatchObject({ state: 'known', period: '2024-04-01', released: '2024-07-25' });
    expect(r.gdp.value).toBeCloseTo(2.84, 2);
    // The level is the first print (first_release_value, column 3), not today's revised value (column 1).
    expect(r.gdpLevel.value).toBe(Number(cell('GDPC1.csv', '2024-04-01', 3)));
    expect(r.gdpLevel.value).not.toBe(Number(cell('GDPC1.csv', '2024-04-01', 1)));
  });

  it('October 2025 CPI, never published, is unknown: first stale, then in every transform that needs it', () => {
    // 2025-11-20: September (released 2025-10-24) is the latest; October is not yet due (10-31 + 20 + 14 days = 12-04).
    expect(watch.get('2025-11-20')!.cpi).toMatchObject({ state: 'known', period: '2025-09-01', value: Number(cell('CPIAUCNS.csv', '2025-09-01', 1)) });
    expect(watch.get('2025-12-04')!.cpi).toMatchObject({ state: 'unknown', period: '2025-10-01' });
    expect(watch.get('2025-12-05')!.cpi.reason).toBe('no observation of CPIAUCNS for 2025-10-01 known by 2025-12-05 (due by 2025-12-04); the latest known is 2025-09-01');
    // 2025-12-18: November is out. Its level and year-over-year are known; the change from October is not.
    const dec18 = watch.get('2025-12-18')!;
    expect(dec18.cpi).toMatchObject({ state: 'known', period: '2025-11-01', released: '2025-12-18' });
    expect(dec18.cpiChange).toMatchObject({ state: 'unknown', period: '2025-10-01' });
    expect(Number.isNaN(dec18.cpiChange.value)).toBe(true);
    const yoy = Number(cell('CPIAUCNS.csv', '2025-11-01', 1)) / Number(cell('CPIAUCNS.csv', '2024-11-01', 1)) - 1;
    expect(dec18.cpiYoY.state).toBe('known');
    expect(dec18.cpiYoY.value).toBeCloseTo(yoy, 12);
  });
});
