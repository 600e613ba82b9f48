import { describe, expect, it } from 'vitest';
import { defineStrategy, runBacktest, type Weights } from '../../engine/index.ts';
import { days, tinyMarket, ZERO_COSTS } from '../helpers/tiny-market.ts';

const d = days(6);
const market = tinyMarket({
  A: { dates: d, close: [10, 10, 12, 12, 12, 12] },
  B: { dates: d.slice(0, 3), close: [20, 22, 25] },
  C: { dates: d.slice(2), close: [5, 5, 6, 6] },
});

const settings = { initialCash: 1000, costs: ZERO_COSTS, fill: 'close' as const };

describe('symbols that stop trading and symbols that start later', () => {
  it('sells a held symbol at its last close and goes on to the end of the others', () => {
    const s = defineStrategy({ name: 's', description: '', universe: ['A', 'B'], onBar: (ctx) => (ctx.firstBar ? { A: 0.5, B: 0.5 } : undefined) });
    const r = runBacktest({ market, strategy: s, settings });
    // Bar 0: 50 A, 25 B. B's data ends on bar 2: 25 B sold at 25 → cash 625; equity 625 + 50 × 12 = 1225 to the end.
    expect(r.curve.dates).toEqual(d);
    expect(r.trades.map((t) => [t.date, t.symbol, t.side, t.quantity, t.price, t.reason])).toEqual([
      [d[0], 'A', 'buy', 50, 10, 'rebalance'],
      [d[0], 'B', 'buy', 25, 20, 'rebalance'],
      [d[2], 'B', 'sell', 25, 25, 'B data ends'],
    ]);
    expect(Array.from(r.curve.equity)).toEqual([1000, 1050, 1225, 1225, 1225, 1225]);
    expect(Array.from(r.curve.cash)).toEqual([0, 0, 625, 625, 625, 625]);
    expect(r.listings).toEqual([{ symbol: 'B', date: d[2], event: 'last price', closed: { quantity: 25, price: 25 } }]);
    expect(r.notes.find((n) => n.kind === 'delisted')?.message).toBe(`B's data ends ${d[2]}, before the run's end: the 25 shares were sold at its last close (25)`);
    expect(r.notes.some((n) => n.message === `run ends ${d[5]}, the last day a universe symbol and every signal has a price (B ends earlier and is sold at its last close)`)).toBe(true);
  });

  it('buys back a short whose data ends', () => {
    const s = defineStrategy({ name: 's', description: '', universe: ['A', 'B'], onBar: (ctx) => (ctx.firstBar ? { A: 0.5, B: -0.5 } : undefined) });
    const r = runBacktest({ market, strategy: s, settings });
    // Short 25 B at 20 (cash 1500), 50 A (cash 1000); bar 2: buy back 25 at 25 → cash 375, equity 375 + 600 = 975.
    expect(r.trades.at(-1)).toMatchObject({ date: d[2], symbol: 'B', side: 'buy', quantity: 25, price: 25 });
    expect(Array.from(r.curve.equity)).toEqual([1000, 950, 975, 975, 975, 975]);
  });

  it('startWhen any starts on the first day any universe symbol trades; a later one is listed when it starts', () => {
    const s = defineStrategy({
      name: 's',
      description: '',
      universe: ['A', 'C'],
      init: () => ({ both: false }),
      onBar(ctx, _p, st): Weights | void {
        if (ctx.firstBar) return { A: 1 };
        if (!st.both && ctx.has('C')) {
          st.both = true;
          return { A: 0.5, C: 0.5 };
        }
      },
    });
    expect(runBacktest({ market, strategy: s, settings }).curve.dates[0]).toBe(d[2]);
    const r = runBacktest({ market, strategy: s, settings: { ...settings, startWhen: 'any' } });
    expect(r.curve.dates[0]).toBe(d[0]);
    // Bar 0: 100 A. Bar 2 (A 12, C 5): equity 1200 → 50 A and 120 C. Bar 4: 600 + 720 = 1320.
    expect(Array.from(r.curve.equity)).toEqual([1000, 1000, 1200, 1200, 1320, 1320]);
    expect(r.listings).toEqual([{ symbol: 'C', date: d[2], event: 'first price' }]);
  });
});
