import { describe, expect, it } from 'vitest';
import { defineStrategy, runBacktest, type FillTiming } from '../../engine/index.ts';
import { days, tinyMarket, ZERO_COSTS } from '../helpers/tiny-market.ts';

// One asset whose opens and closes differ, so each timing fills at a different, hand-checkable price.
const dates = days(4);
const market = tinyMarket({ A: { dates, open: [10, 11, 12, 13], close: [10.5, 11.5, 12.5, 13.5] } });
const allIn = defineStrategy({
  name: 'all-in',
  description: 'buy A on the first bar',
  universe: ['A'],
  onBar: (ctx) => (ctx.firstBar ? { A: 1 } : undefined),
});

function run(fill: FillTiming) {
  return runBacktest({ market, strategy: allIn, settings: { fill, initialCash: 1000, costs: ZERO_COSTS } });
}

describe('fill timing', () => {
  it('next-open: decided at the close of day 0, filled at the open of day 1', () => {
    const r = run('next-open');
    expect(r.trades).toHaveLength(1);
    expect(r.trades[0]).toMatchObject({ date: dates[1], side: 'buy', price: 11 });
    expect(r.trades[0].quantity).toBeCloseTo(1000 / 11, 10);
    expect(Array.from(r.curve.equity)).toEqual([1000, expect.closeTo((1000 / 11) * 11.5, 9), expect.closeTo((1000 / 11) * 12.5, 9), expect.closeTo((1000 / 11) * 13.5, 9)]);
  });

  it('next-close: filled at the close of day 1, so day 1 ends flat at 1000', () => {
    const r = run('next-close');
    expect(r.trades[0]).toMatchObject({ date: dates[1], price: 11.5 });
    expect(r.curve.equity[1]).toBeCloseTo(1000, 9);
    expect(r.curve.equity[3]).toBeCloseTo((1000 / 11.5) * 13.5, 9); // 1173.913…
  });

  it('close: decided and filled at the same close of day 0', () => {
    const r = run('close');
    expect(r.trades[0]).toMatchObject({ date: dates[0], price: 10.5 });
    expect(r.curve.equity[0]).toBeCloseTo(1000, 9);
    expect(r.curve.equity[3]).toBeCloseTo((1000 / 10.5) * 13.5, 9); // 1285.714…
  });

  it('total-return basis scales the open by adj_close / close; raw trades the printed prices', () => {
    // adj = close / 2 on day 1: the adjusted open is 11 × 0.5 = 5.5, so 1000 buys 181.8 adjusted shares.
    const m = tinyMarket({ A: { dates, open: [10, 11, 12, 13], close: [10.5, 11.5, 12.5, 13.5], adjClose: [5.25, 5.75, 6.25, 6.75] } });
    const tr = runBacktest({ market: m, strategy: allIn, settings: { initialCash: 1000, costs: ZERO_COSTS } });
    expect(tr.trades[0].price).toBeCloseTo(5.5, 12);
    expect(tr.curve.equity[3]).toBeCloseTo((1000 / 5.5) * 6.75, 9);
    const raw = runBacktest({ market: m, strategy: allIn, settings: { initialCash: 1000, costs: ZERO_COSTS, prices: 'raw' } });
    expect(raw.trades[0].price).toBe(11);
    expect(raw.curve.equity[3]).toBeCloseTo((1000 / 11) * 13.5, 9);
  });

  it('orders decided on the last bar are reported, not silently dropped', () => {
    const late = defineStrategy({ name: 'late', description: '', universe: ['A'], onBar: (ctx) => (ctx.bar === 3 ? { A: 1 } : undefined) });
    const r = runBacktest({ market, strategy: late, settings: { costs: ZERO_COSTS } });
    expect(r.trades).toHaveLength(0);
    expect(r.notes.some((n) => /last bar were not filled/.test(n.message))).toBe(true);
  });
});
