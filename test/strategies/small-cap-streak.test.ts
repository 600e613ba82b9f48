import { describe, expect, it } from 'vitest';
import { ruleDecision, runBacktest, densePositions } from '../../engine/index.ts';
import { loadStrategy } from '../../strategies/index.ts';
import { days, tinyMarket, ZERO_COSTS } from '../helpers/tiny-market.ts';

// RUT daily returns by bar: a 3-day streak completes on bar 3, a down day on bar 4, a new streak completes on bar 8
// (bars 6–8) and runs on through bar 9; flat afterwards.
const returns = [NaN, 0.02, 0.02, 0.02, -0.01, 0, 0.02, 0.02, 0.02, 0.02, 0, 0, 0, 0, 0, 0];
const rut = returns.reduce<number[]>((c, r, i) => [...c, i === 0 ? 1000 : c[i - 1] * (1 + r)], []);
const dates = days(returns.length);
const flat = dates.map(() => 10);
const market = tinyMarket({ RUT: { dates, close: rut }, IWM: { dates, close: flat }, SPY: { dates, close: flat } });

async function run(params: Record<string, unknown>) {
  const strategy = await loadStrategy('small-cap-streak');
  const r = runBacktest({ market, strategy, params: { days: 3, holdDays: 6, ...params }, settings: { fill: 'close', costs: ZERO_COSTS } });
  const buys = r.trades.filter((t) => t.side === 'buy').map((t) => `${t.date.slice(5)} ${t.symbol}`);
  const log = r.decisions.map((d) => `${d.date.slice(5)} ${ruleDecision(d.detail)?.trigger}`);
  return { r, buys, log };
}

describe('small-cap-streak', () => {
  it('holds the small-cap asset for holdDays from the streak, and a new streak extends the hold', async () => {
    // Bar 3 (01-04) enters for bars 3..8; bar 8 (01-11) is a new streak: hold restarts for bars 8..13; out on bar 14.
    const { r, buys, log } = await run({});
    expect(buys).toEqual([`${dates[0].slice(5)} SPY`, '01-04 IWM', '01-19 SPY']);
    expect(dates[14]).toBe('2024-01-19');
    expect(log).toEqual(['01-01 start', '01-04 entry', '01-11 signal', '01-19 exit']);
    expect(r.decisions[1].summary).toBe('RUT closed up more than 1% for 3 days (+2.00%, +2.00%, +2.00%) → rotate into IWM');
    expect(r.decisions[3].summary).toBe('the 6-day hold from 2024-01-11 is over → rotate into SPY');
  });

  it('can ignore a new streak while holding', async () => {
    // Hold bars 3..8 only: out on bar 9 (01-12); bar 9 continues the same streak, so it is no new trigger.
    const { buys, log } = await run({ newStreak: 'ignore' });
    expect(buys).toEqual(['01-01 SPY', '01-04 IWM', '01-12 SPY']);
    expect(log).toEqual(['01-01 start', '01-04 entry', '01-11 signal', '01-12 exit']);
  });

  it('can exit on the first down close of the index', async () => {
    // In on bar 3, out on bar 4 (−1%), in again on bar 8 for bars 8..13 (flat days are not down days).
    const { buys } = await run({ exitOnDown: true });
    expect(buys).toEqual(['01-01 SPY', '01-04 IWM', '01-05 SPY', '01-11 IWM', '01-19 SPY']);
  });

  it('can hold a blend instead of all-in', async () => {
    const { r } = await run({ smallWeight: 0.6 });
    expect(r.decisions[1].summary).toMatch(/→ rotate into IWM 60% \/ SPY 40%$/);
    // At flat prices of 10 with 100,000 equity: 6,000 IWM shares and 4,000 SPY shares after the entry.
    const at = r.curve.dates.indexOf('2024-01-04');
    const pv = densePositions(r.curve.positions, 2);
    expect([pv[at * 2], pv[at * 2 + 1]]).toEqual([60_000, 40_000]);
  });

  it('rejects a bad parameter naming it and its range', async () => {
    await expect(run({ days: 0 })).rejects.toThrow('strategy small-cap-streak: params.days must be an integer in [1, 20], got 0');
  });
});
