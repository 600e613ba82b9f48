import { describe, expect, it } from 'vitest';
import { ruleDecision, runBacktest, type MacroSeries, densePositions } from '../../engine/index.ts';
import { loadStrategy } from '../../strategies/index.ts';
import { days, tinyMarket, ZERO_COSTS } from '../helpers/tiny-market.ts';
import { months } from '../rules/fake-context.ts';

const dates = days(120); // 2024-01-01 .. 2024-06-14
const flat = dates.map(() => 10);
const market = tinyMarket({ IWM: { dates, close: flat }, SPY: { dates, close: flat } });

function series(name: string, rows: [period: string, value: number, released: string][]): MacroSeries {
  return { name, periods: rows.map((r) => r[0]), values: Float64Array.from(rows, (r) => r[1]), released: rows.map((r) => r[2]) };
}
const nextMonth = (period: string, day: string) => `${months(period, 2)[1].slice(0, 8)}${day}`;

// CPI 100 through 2023-09, then 103.2, 103.5, 103.3, 102.9 for 2023-10 .. 2024-01: year-over-year 3.2%, 3.5%, 3.3%,
// 2.9%. Jan 2024 (released 2024-02-13) is the first print at or below 3%, and 2.9% < 3.2% three months earlier.
const cpiValues: Record<string, number> = { '2023-10-01': 103.2, '2023-11-01': 103.5, '2023-12-01': 103.3, '2024-01-01': 102.9 };
const cpi = series('CPIAUCNS', months('2022-10-01', 16).map((p) => [p, cpiValues[p] ?? 100, p === '2024-01-01' ? '2024-02-13' : nextMonth(p, '12')]));
// Fed funds 5.33 for a year, then 5.08 for 2024-02 (published 2024-03-01): 0.25 below its 12-month high.
const fed = series('FEDFUNDS', months('2023-01-01', 14).map((p) => [p, p === '2024-02-01' ? 5.08 : 5.33, nextMonth(p, '01')]));
// GDP first prints: +2% a quarter, then 2024Q1 at −0.5% published 2024-04-25.
const gdp = series('GDPC1.first_release_qoq_saar_pct', [
  ['2023-01-01', 2, '2023-04-27'],
  ['2023-04-01', 2, '2023-07-27'],
  ['2023-07-01', 2, '2023-10-26'],
  ['2023-10-01', 2, '2024-01-25'],
  ['2024-01-01', -0.5, '2024-04-25'],
]);
// The Sahm rule needs 13 three-month averages: 15 months of unemployment.
const unrate = series('UNRATE', months('2022-06-01', 24).map((p) => [p, 3.8, nextMonth(p, '05')]));
const eps = series('SMALLCAP_EPS', [
  ['2022-10-01', 10, '2023-02-14'],
  ['2023-01-01', 10.5, '2023-05-15'],
  ['2023-04-01', 11, '2023-08-14'],
  ['2023-07-01', 11.5, '2023-11-14'],
  ['2023-10-01', 12, '2024-02-14'],
]);

async function run(params: Record<string, unknown> = {}) {
  const strategy = await loadStrategy('ubs-four-conditions');
  const macro = [cpi, fed, gdp, unrate, ...(params.epsSeries === 'none' ? [] : [eps])];
  const r = runBacktest({ market, macro, strategy, params, settings: { fill: 'close', costs: ZERO_COSTS } });
  return { r, log: r.decisions.map((d) => `${d.date} ${ruleDecision(d.detail)?.trigger}`) };
}

describe('ubs-four-conditions', () => {
  it('opens the gate on the release that makes the last condition true, and closes it on the one that breaks one', async () => {
    const { r, log } = await run();
    // Inflation is contained from 2024-02-13, the Fed cutting from 2024-03-01; growth turns negative 2024-04-25.
    expect(log).toEqual(['2024-01-01 start', '2024-03-01 entry', '2024-04-25 exit']);
    expect(r.decisions[0].summary).toMatch(/^gate closed: inflation contained ✗ \(CPIAUCNS year-over-year at or below 3% ✗ \(\+3\.50% in 2023-11\);/);
    expect(r.decisions[1].summary).toContain('the Fed cutting ✓ (FEDFUNDS minus its 12-month high at or below −0.25: −0.25 in 2024-02)');
    expect(r.decisions[1].summary).toMatch(/→ rotate into IWM 70% \/ SPY 30%$/);
    expect(r.decisions[2].summary).toContain('the economy growing ✗ (real GDP growth (first print, % SAAR) above 0 ✗ (−0.5 in 2024Q1)');
    // Earnings: 2023Q4 12 vs 2022Q4 10 → +20%.
    expect(r.decisions[1].summary).toContain('small-cap earnings growing ✓ (SMALLCAP_EPS year-over-year above 0%: +20.00% in 2023Q4)');
    const at = (d: string) => r.curve.dates.indexOf(d);
    const pv = densePositions(r.curve.positions, 2);
    expect(pv[at('2024-03-01') * 2]).toBeCloseTo(70_000, 6);
    // Positions, not words: SPY only while the gate is closed, 70/30 while open, SPY only again from the exit.
    const held = (d: string) => [pv[at(d) * 2], pv[at(d) * 2 + 1]].map((v) => Math.round(v / r.curve.equity[at(d)] * 1e9) / 1e9);
    expect(r.universe).toEqual(['IWM', 'SPY']);
    expect(held('2024-01-02')).toEqual([0, 1]);
    expect(held('2024-02-29')).toEqual([0, 1]);
    expect(held('2024-03-01')).toEqual([0.7, 0.3]);
    expect(held('2024-04-24')).toEqual([0.7, 0.3]);
    expect(held('2024-04-25')).toEqual([0, 1]);
  });

  it('without an earnings series, decides on the known conditions and says the fourth is unknown', async () => {
    const { r, log } = await run({ epsSeries: 'none' });
    expect(log).toEqual(['2024-01-01 start', '2024-03-01 entry', '2024-04-25 exit']);
    expect(r.decisions[1].summary).toContain('small-cap earnings growing ? (no small-cap earnings series (epsSeries=none)); unknown: small-cap earnings growing (ignored)');
  });

  it('counts an unknown condition as false when asked to', async () => {
    const { log } = await run({ epsSeries: 'none', unknown: 'false' });
    expect(log).toEqual(['2024-01-01 start']);
  });

  it('keeps each gate state for the minimum hold', async () => {
    const { log } = await run({ minHold: 60 });
    // Open on 2024-03-01; the close of 2024-04-25 must wait until 60 bars after the opening bar.
    expect(log).toEqual(['2024-01-01 start', '2024-03-01 entry', `${dates[dates.indexOf('2024-03-01') + 60]} exit`]);
  });
});
