import { describe, expect, it } from 'vitest';
import { defineStrategy, runBacktest, type CostModel, type Weights, densePositions } from '../../engine/index.ts';
import { days, tinyMarket, ZERO_COSTS } from '../helpers/tiny-market.ts';

const dates = days(3);
const flat = tinyMarket({
  A: { dates, close: [10, 10, 10] },
  B: { dates, close: [20, 20, 20] },
});

/** Targets by bar index; bars not listed keep the portfolio as it is. */
function scripted(plan: Record<number, Weights>) {
  return defineStrategy({ name: 'scripted', description: '', universe: ['A', 'B'], onBar: (ctx) => plan[ctx.bar] });
}

function run(plan: Record<number, Weights>, costs: Partial<CostModel>, extra = {}) {
  return runBacktest({
    market: flat,
    strategy: scripted(plan),
    settings: { initialCash: 1000, costs: { ...ZERO_COSTS, ...costs }, fill: 'close', ...extra },
  });
}

describe('broker and rebalancer', () => {
  it('scales a 100% buy down so that price, slippage and commission fit the cash', () => {
    // Buy price 10 × 1.002 = 10.02; cost per share with 10 bps commission = 10.02 × 1.001 = 10.03002.
    // 1000 / 10.03002 = 99.700698… shares; commission 0.99900…, slippage 99.7007 × 0.02 = 1.99401…
    const r = run({ 0: { A: 1 } }, { commissionBps: 10, slippageBps: 20 });
    const t = r.trades[0];
    expect(t.quantity).toBeCloseTo(1000 / 10.03002, 9);
    expect(t.price).toBeCloseTo(10.02, 12);
    expect(t.commission).toBeCloseTo((1000 / 10.03002) * 10.02 * 0.001, 9);
    expect(t.slippage).toBeCloseTo((1000 / 10.03002) * 0.02, 9);
    expect(t.reason).toMatch(/scaled/);
    expect(r.curve.cash[0]).toBeGreaterThanOrEqual(0);
    expect(r.curve.cash[0]).toBeLessThan(1e-9);
    expect(r.curve.equity[0]).toBeCloseTo(1000 - t.commission - t.slippage, 9); // 997.007…
    expect(r.curve.grossEquity[0]).toBeCloseTo(1000, 9);
  });

  it('applies the minimum commission, and integer shares round the scaled buy down', () => {
    // 10 q + 5 ≤ 1000 → q = 99.5 fractional; 99 whole shares leave 1000 − 990 − 5 = 5 in cash.
    expect(run({ 0: { A: 1 } }, { commissionMin: 5 }).trades[0].quantity).toBeCloseTo(99.5, 9);
    const whole = run({ 0: { A: 1 } }, { commissionMin: 5 }, { integerShares: true });
    expect(whole.trades[0].quantity).toBe(99);
    expect(whole.curve.cash[0]).toBeCloseTo(5, 9);
  });

  it('charges per share with its minimum', () => {
    // 0.01/share on ~99.9 shares is under the 1.00 minimum, so 10 q + 1 = 1000 → q = 99.9.
    const r = run({ 0: { A: 1 } }, { commissionPerShare: 0.01, commissionMin: 1 });
    expect(r.trades[0].quantity).toBeCloseTo(99.9, 9);
    expect(r.trades[0].commission).toBe(1);
  });

  it('sells first, then buys with what the sale raised after its costs', () => {
    // Day 0: 100 A. Day 1: switch to B. Sale: 100 × 9.98 = 998 less 0.998 commission = 997.002 cash.
    // Buy B at 20.04 with 10 bps: q = 997.002 / (20.04 × 1.001) = 49.70035…
    const r = run({ 0: { A: 1 }, 1: { B: 1 } }, { commissionBps: 10, slippageBps: 20 });
    const [, sell, buy] = r.trades;
    expect(sell).toMatchObject({ date: dates[1], symbol: 'A', side: 'sell' });
    expect(sell.quantity).toBe(r.trades[0].quantity);
    expect(buy).toMatchObject({ date: dates[1], symbol: 'B', side: 'buy' });
    const cashAfterSale = sell.quantity * 9.98 * (1 - 0.001);
    expect(buy.quantity).toBeCloseTo(cashAfterSale / (20.04 * 1.001), 9);
    expect(r.curve.cash[1]).toBeGreaterThanOrEqual(0);
  });

  it('a zero weight closes the position exactly', () => {
    const r = run({ 0: { A: 0.5, B: 0.5 }, 1: { B: 0.5 } }, {});
    const pv = densePositions(r.curve.positions, r.curve.symbols.length);
    expect(pv[2 * 1 + 0]).toBe(0); // A on day 1
    expect(r.curve.equity[1]).toBeCloseTo(1000, 9);
  });

  it('skips trades inside the drift band but never skips an exit', () => {
    const r = run({ 0: { A: 0.5, B: 0.5 }, 1: { A: 0.52, B: 0.48 }, 2: { A: 0.5 } }, {}, { driftBand: 0.05 });
    expect(r.trades.filter((t) => t.date === dates[1])).toHaveLength(0);
    expect(r.trades.filter((t) => t.date === dates[2]).map((t) => t.symbol)).toEqual(['B']);
  });

  it('refuses weights above the gross leverage limit, non-finite weights and unknown symbols, naming them', () => {
    expect(() => run({ 0: { A: 0.7, B: 0.6 } }, {})).toThrow(/weights sum to 1\.3.*settings\.maxLeverage/);
    expect(() => run({ 0: { A: 0.7, B: -0.6 } }, {})).toThrow(/gross weights \(Σ \|w\|\) sum to 1\.3.*settings\.maxLeverage/);
    expect(() => run({ 0: { A: NaN } }, {})).toThrow(/weight of A must be a finite number/);
    expect(() => run({ 0: { C: 1 } }, {})).toThrow(/C is not in its universe/);
  });

  it('allows leverage only when asked, and then cash goes negative', () => {
    const r = run({ 0: { A: 1, B: 0.5 } }, {}, { maxLeverage: 1.5 });
    expect(r.curve.cash[0]).toBeCloseTo(-500, 9);
    expect(r.curve.equity[0]).toBeCloseTo(1000, 9);
  });

  it('cannot trade a symbol before its first bar, and says so', () => {
    const d = days(4);
    const m = tinyMarket({ A: { dates: d, close: [10, 10, 10, 10] }, B: { dates: d.slice(2), close: [20, 20] } });
    const s = defineStrategy({ name: 's', description: '', universe: ['A', 'B'], onBar: (ctx) => (ctx.firstBar ? { B: 1 } : undefined) });
    const r = runBacktest({ market: m, strategy: s, settings: { from: d[0], costs: ZERO_COSTS, fill: 'close' } });
    expect(r.trades).toHaveLength(0);
    expect(r.notes.some((n) => n.kind === 'unfilled' && /B has no price/.test(n.message))).toBe(true);
    // Without --from the run starts when every universe symbol trades.
    expect(runBacktest({ market: m, strategy: s, settings: { costs: ZERO_COSTS } }).curve.dates[0]).toBe(d[2]);
  });
});
