import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineStrategy, runBacktest } from '../../engine/index.ts';
import { loadDataset } from '../../datasets/index.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../helpers/shared-data.ts';

const HOLD = 20;
const COMMISSION = 5e-4; // 5 bps
const SLIPPAGE = 5e-4; // 5 bps

/** Same-close streak rotation: after RUT closes up > 1% five days running, hold IWM for 20 bars, else SPY. */
const streakRotation = defineStrategy({
  name: 'streak-rotation',
  description: 'parity test strategy',
  universe: ['IWM', 'SPY'],
  signals: ['RUT'],
  init: () => ({ holdUntil: -1, holding: '' }),
  onBar(ctx, _p, s) {
    if (ctx.streak('RUT', 0.01) >= 5) s.holdUntil = ctx.bar + HOLD;
    const want = ctx.bar < s.holdUntil ? 'IWM' : 'SPY';
    if (want === s.holding) return;
    s.holding = want;
    return { [want]: 1 };
  },
});

/** The CSV read as plainly as possible: date → column value. */
function column(symbol: string, name: string): Map<string, number> {
  const [header, ...lines] = readFileSync(join(SHARED_DATA, 'prices', `${symbol}.csv`), 'utf8').trim().split('\n');
  const at = header.split(',').indexOf(name);
  return new Map(lines.map((l) => [l.split(',')[0], Number(l.split(',')[at])]));
}

/** A deliberately naive loop: whole-portfolio switch at the close, costs paid in closed form. */
function reference() {
  const rut = column('RUT', 'close');
  const px = { IWM: column('IWM', 'adj_close'), SPY: column('SPY', 'adj_close') };
  const rutDates = [...rut.keys()];
  const start = [...px.IWM.keys()][0];
  const end = [rutDates.at(-1)!, [...px.IWM.keys()].at(-1)!, [...px.SPY.keys()].at(-1)!].sort()[0];
  const dates = rutDates.filter((d) => d >= start && d <= end);
  let cash = 100_000;
  const qty: Record<'IWM' | 'SPY', number> = { IWM: 0, SPY: 0 };
  let holding = '';
  let holdUntil = -1;
  const equity: number[] = [];
  const entries: string[] = [];
  for (const date of dates) {
    const i = rutDates.indexOf(date);
    let streak = 0;
    while (i - streak > 0 && rut.get(rutDates[i - streak])! / rut.get(rutDates[i - streak - 1])! - 1 > 0.01) streak++;
    if (streak >= 5) holdUntil = i + HOLD;
    const want = i < holdUntil ? 'IWM' : 'SPY';
    if (want !== holding) {
      for (const sym of ['IWM', 'SPY'] as const) {
        if (qty[sym] > 0) {
          cash += qty[sym] * px[sym].get(date)! * (1 - SLIPPAGE) * (1 - COMMISSION);
          qty[sym] = 0;
        }
      }
      qty[want] = cash / (px[want].get(date)! * (1 + SLIPPAGE) * (1 + COMMISSION));
      cash = 0;
      holding = want;
      if (want === 'IWM') entries.push(date);
    }
    equity.push(cash + qty.IWM * px.IWM.get(date)! + qty.SPY * px.SPY.get(date)!);
  }
  return { dates, equity, entries };
}

describe.skipIf(!HAVE_SHARED_DATA)('parity with a naive reference loop on real data (RUT signal, IWM/SPY)', () => {
  it('matches the reference equity at every bar, and enters IWM on the known streak dates', () => {
    const ref = reference();
    const { market } = loadDataset(SHARED_DATA, ['IWM', 'SPY', 'RUT']);
    const r = runBacktest({
      market,
      strategy: streakRotation,
      settings: { fill: 'close', costs: { commissionBps: 5, slippageBps: 5, commissionPerShare: 0, commissionMin: 0 } },
    });
    expect(r.curve.dates).toEqual(ref.dates);
    for (let t = 0; t < ref.equity.length; t++) {
      expect(Math.abs(r.curve.equity[t] / ref.equity[t] - 1)).toBeLessThan(1e-9);
    }
    // The README of the shared data lists the completed 5-day RUT streaks; three fall after IWM's launch.
    expect(ref.entries).toEqual(['2009-09-10', '2020-04-28', '2024-07-16']);
    expect(r.trades.filter((t) => t.symbol === 'IWM' && t.side === 'buy').map((t) => t.date)).toEqual(ref.entries);
  });
});
