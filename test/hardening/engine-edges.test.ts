import { describe, expect, it } from 'vitest';
import { defineStrategy, runBacktest, type StrategyContext } from '../../engine/index.ts';
import { days, tinyMarket, ZERO_COSTS } from '../helpers/tiny-market.ts';

/** Closes chosen so every return is exact in binary: 100 → 125 is +25% exactly, 125 → 156.25 too, then +28%. */
const CLOSES = [100, 125, 156.25, 200];

function probe(read: (ctx: StrategyContext) => number): number[] {
  const seen: number[] = [];
  runBacktest({
    market: tinyMarket({ A: { dates: days(CLOSES.length), close: CLOSES } }),
    strategy: defineStrategy({ name: 'probe', description: '', universe: ['A'], onBar: (ctx) => void seen.push(read(ctx)) }),
    settings: { fill: 'close', costs: ZERO_COSTS },
  });
  return seen;
}

describe('ctx.streak counts returns strictly above the threshold', () => {
  it('a return exactly at minReturn ends the streak', () => {
    // Bar 3: +28% > 25% counts; bar 2: exactly +25% does not, so the streak is 1 (with ≥ it would be 3).
    expect(probe((ctx) => ctx.streak('A', 0.25))).toEqual([0, 0, 0, 1]);
    expect(probe((ctx) => ctx.streak('A', 0.2499))).toEqual([0, 1, 2, 3]);
    expect(probe((ctx) => ctx.streak('A', 0.28))).toEqual([0, 0, 0, 0]);
  });
});

/** A flat price of 100 (open = close), one symbol, orders by share count at the close; no costs. */
function quantityRun(orders: Record<number, number>, settings: Record<string, unknown> = {}) {
  const n = 6;
  return runBacktest({
    market: tinyMarket({ A: { dates: days(n), close: Array(n).fill(100) } }),
    strategy: defineStrategy({
      name: 'orders',
      description: '',
      universe: ['A'],
      onBar(ctx) {
        const q = orders[ctx.bar];
        if (q !== undefined) ctx.order('A', q, `order ${q}`);
      },
    }),
    settings: { fill: 'close', costs: ZERO_COSTS, initialCash: 1000, ...settings },
  });
}

const positions = (r: ReturnType<typeof quantityRun>) => r.trades.map((t) => [t.date, t.side, t.quantity]);

describe('ctx.order: quantity orders', () => {
  it('buys and sells the shares asked, at the fill price, cash moving by quantity × price', () => {
    const r = quantityRun({ 0: 4, 2: -1 });
    expect(r.trades.map((t) => [t.side, t.quantity, t.price])).toEqual([
      ['buy', 4, 100],
      ['sell', 1, 100],
    ]);
    // 1000 − 400 + 100 = 700 cash, 3 shares of 100: equity stays 1000.
    expect(r.curve.cash[r.curve.cash.length - 1]).toBe(700);
    expect(r.curve.equity[r.curve.equity.length - 1]).toBe(1000);
  });

  it('a buy beyond the cash (leverage 1) is cut to what the cash pays for', () => {
    const r = quantityRun({ 0: 25 });
    expect(r.trades.map((t) => t.quantity)).toEqual([10]);
    expect(r.curve.cash[r.curve.cash.length - 1]).toBeCloseTo(0, 9);
  });

  it('a sale beyond the holding sells it and shorts the rest, the short cut to the leverage limit', () => {
    // Hold 10 (all the cash). Sell 15: 10 sold, 5 short (gross 500 ≤ equity 1000).
    const a = quantityRun({ 0: 10, 2: -15 });
    expect(a.trades.map((t) => t.quantity).reduce((s, q, i) => s + (a.trades[i].side === 'buy' ? q : -q), 0)).toBe(-5);
    expect(a.curve.cash[a.curve.cash.length - 1]).toBe(1500);
    // Sell 25: 10 sold, then a short of 15 (1500 > 1000 of equity) cut to 10.
    const b = quantityRun({ 0: 10, 2: -25 });
    const net = b.trades.reduce((s, t) => s + (t.side === 'buy' ? t.quantity : -t.quantity), 0);
    expect(net).toBeCloseTo(-10, 9);
    expect(b.curve.equity[b.curve.equity.length - 1]).toBeCloseTo(1000, 9);
  });

  it('a zero order trades nothing; an order of a symbol outside the universe is refused', () => {
    expect(quantityRun({ 0: 0 }).trades).toEqual([]);
    expect(() =>
      runBacktest({
        market: tinyMarket({ A: { dates: days(3), close: [1, 1, 1] }, B: { dates: days(3), close: [1, 1, 1] } }),
        strategy: defineStrategy({ name: 'o', description: '', universe: ['A'], signals: ['B'], onBar: (ctx) => ctx.order('B', 1) }),
        settings: { fill: 'close' },
      }),
    ).toThrow('B is not in its universe');
  });

  it('integer shares: a fractional quantity order is rounded down to whole shares', () => {
    const r = quantityRun({ 0: 2.7 }, { integerShares: true });
    expect(positions(r)).toEqual([[days(1)[0], 'buy', 2]]);
  });
});

describe('--min-trade (settings.minTradeValue)', () => {
  /** Target weights by bar: 50%, then 52% (a 2% = 20 trade on 1000 of equity), then 0 (an exit). */
  function weights(minTradeValue: number) {
    const w: Record<number, number> = { 0: 0.5, 2: 0.52, 4: 0 };
    return runBacktest({
      market: tinyMarket({ A: { dates: days(6), close: Array(6).fill(100) } }),
      strategy: defineStrategy({ name: 'w', description: '', universe: ['A'], onBar: (ctx) => (w[ctx.bar] === undefined ? undefined : { A: w[ctx.bar] }) }),
      settings: { fill: 'close', costs: ZERO_COSTS, initialCash: 1000, minTradeValue },
    }).trades.map((t) => [t.side, Math.round(t.quantity * 1e9) / 1e9]);
  }

  it('skips a rebalance trade below the value, keeps one at or above it, never skips an exit', () => {
    expect(weights(0)).toEqual([['buy', 5], ['buy', 0.2], ['sell', 5.2]]);
    expect(weights(19.99)).toEqual([['buy', 5], ['buy', 0.2], ['sell', 5.2]]);
    expect(weights(25)).toEqual([['buy', 5], ['sell', 5]]);
    // 600: the 500 entry is below it too, so nothing is ever held; there is nothing to exit.
    expect(weights(600)).toEqual([]);
    // 510: the entry (500 < 510) is skipped; 52% is then a trade of 520 from nothing (≥ 510), made; then the exit.
    expect(weights(510)).toEqual([['buy', 5.2], ['sell', 5.2]]);
  });

  it('an exit smaller than the value is still made', () => {
    const r = runBacktest({
      market: tinyMarket({ A: { dates: days(4), close: Array(4).fill(100) } }),
      strategy: defineStrategy({ name: 'x', description: '', universe: ['A'], onBar: (ctx) => (ctx.bar === 0 ? ctx.order('A', 2) : ctx.bar === 2 ? { A: 0 } : undefined) }),
      settings: { fill: 'close', costs: ZERO_COSTS, initialCash: 1000, minTradeValue: 600 },
    });
    expect(r.trades.map((t) => [t.side, t.quantity])).toEqual([['buy', 2], ['sell', 2]]);
  });
});
