import { describe, expect, it } from 'vitest';
import { executeDeltas, type FillContext } from '../../engine/broker/execute.ts';
import { commission, slippedPrice } from '../../engine/broker/costs.ts';
import { Portfolio } from '../../engine/broker/portfolio.ts';
import { resolveSettings } from '../../engine/settings.ts';
import { mulberry32 } from '../../bench/synthetic-market.ts';
import type { CostModel } from '../../engine/index.ts';

/**
 * The reference: buys too dear for the cash are scaled by plain bisection on [0, 1], the cost evaluated at every
 * midpoint until lo and hi are adjacent doubles. The broker skips evaluations whose answer it already knows; the
 * scale, and so every share count, must be this one bit for bit.
 */
function referenceScale(deltas: number[], prices: number[], costs: CostModel, integer: boolean, cash: number): number {
  const shares = (q: number) => (integer ? Math.trunc(q) : q);
  const cost = (s: number) => {
    let c = 0;
    for (let j = 0; j < deltas.length; j++) {
      const px = slippedPrice(costs, prices[j], true);
      const q = shares(deltas[j] * s);
      c += q * px + commission(costs, q, px);
    }
    return c;
  };
  if (cost(1) <= cash) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (cost(mid) <= cash) lo = mid;
    else hi = mid;
  }
  return lo;
}

describe('scaling buys to fit the cash', () => {
  it('gives the share counts of a bisection that evaluates every midpoint, on 3,000 random fills', () => {
    const u = mulberry32(20261203);
    let scaled = 0;
    for (let c = 0; c < 3000; c++) {
      const n = 1 + Math.floor(u() * 60);
      const symbols = Array.from({ length: n }, (_, k) => `S${k}`);
      const prices = symbols.map(() => 1 + u() * 500);
      const cash = 1_000 + u() * 1e6;
      // Targets summing to about the cash (a full rebalance) or above it, so that most fills must be scaled.
      const weights = symbols.map(() => u());
      const total = weights.reduce((a, b) => a + b, 0);
      const over = 0.98 + u() * 0.1;
      const deltas = weights.map((w, k) => ((w / total) * cash * over) / prices[k]);
      const costs: CostModel = {
        commissionBps: u() < 0.8 ? u() * 30 : 0,
        commissionPerShare: u() < 0.3 ? u() * 0.02 : 0,
        commissionMin: u() < 0.3 ? u() * 10 : 0,
        slippageBps: u() * 20,
      };
      const integer = u() < 0.3;
      const settings = resolveSettings({ costs, integerShares: integer });
      const portfolio = new Portfolio(symbols, cash);
      const fill: FillContext = { date: '2020-01-02', bar: 0, price: Float64Array.from(prices), mark: Float64Array.from(prices), settings, trades: [], notes: [] };
      executeDeltas(portfolio, Float64Array.from(deltas), fill, 'rebalance');

      const scale = referenceScale(deltas, prices, costs, integer, cash);
      if (scale < 1) scaled++;
      const expected = deltas.map((d) => (integer ? Math.trunc(d * scale) : d * scale)).filter((q) => q > 0);
      const got = fill.trades.map((t) => t.quantity);
      expect(got.length, `fill ${c}`).toBe(expected.length);
      for (let j = 0; j < got.length; j++) if (!Object.is(got[j], expected[j])) expect.fail(`fill ${c}, buy ${j}: ${got[j]} ≠ ${expected[j]}`);
      expect(portfolio.cash, `fill ${c}`).toBeGreaterThanOrEqual(0);
    }
    expect(scaled).toBeGreaterThan(2000); // the cases exercise the bisection, not just buys that fit
  });
});
