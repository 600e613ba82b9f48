import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defineStrategy, runBacktest, type FillTiming, type Weights } from '../../engine/index.ts';
import { days, tinyMarket } from '../helpers/tiny-market.ts';

/**
 * Every trade's price, slippage and commission against what the bars and the settings say, derived here and not
 * read back from the trade: a fill at the next open trades at that bar's open, at a close at its close; slippage moves
 * the price by slippageBps against the trader; commission is bps of the slipped notional plus per share, at least the
 * minimum. A wrong but self-consistent fill price (yesterday's close, say) fails here.
 */
const SYMBOLS = ['A', 'B'];
const RUNS = Number(process.env.ROTOR_PROPERTY_RUNS ?? 200);

const scenario = fc.record({
  bars: fc.integer({ min: 3, max: 20 }),
  fill: fc.constantFrom<FillTiming>('next-open', 'next-close', 'close'),
  commissionBps: fc.double({ min: 0, max: 50, noNaN: true }),
  commissionPerShare: fc.double({ min: 0, max: 0.05, noNaN: true }),
  commissionMin: fc.double({ min: 0, max: 5, noNaN: true }),
  slippageBps: fc.double({ min: 0, max: 50, noNaN: true }),
  prices: fc.array(fc.double({ min: 1, max: 500, noNaN: true }), { minLength: 2 * 2 * 20, maxLength: 2 * 2 * 20 }),
  plan: fc.array(fc.option(fc.tuple(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true })), { nil: undefined }), { minLength: 20, maxLength: 20 }),
});

describe('fill prices and costs, derived from the bars and the settings', () => {
  it('each trade is priced at its bar and timing, slipped and charged as the settings say', () => {
    let checked = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const dates = days(s.bars);
        const open = (k: number) => dates.map((_, t) => s.prices[k * 40 + t]);
        const close = (k: number) => dates.map((_, t) => s.prices[k * 40 + 20 + t]);
        const market = tinyMarket(Object.fromEntries(SYMBOLS.map((sym, k) => [sym, { dates, open: open(k), close: close(k) }])));
        const plan: (Weights | undefined)[] = s.plan.map((w) => w && { A: w[0], B: w[1] });
        const costs = { commissionBps: s.commissionBps, commissionPerShare: s.commissionPerShare, commissionMin: s.commissionMin, slippageBps: s.slippageBps };
        const r = runBacktest({
          market,
          strategy: defineStrategy({ name: 'p', description: '', universe: SYMBOLS, onBar: (ctx) => plan[ctx.bar] }),
          settings: { fill: s.fill, costs, initialCash: 10_000 },
        });
        for (const t of r.trades) {
          checked++;
          const k = SYMBOLS.indexOf(t.symbol);
          const bar = dates.indexOf(t.date);
          // The trade's date is the bar it filled on: its open for next-open, its close otherwise.
          const reference = (s.fill === 'next-open' ? open(k) : close(k))[bar];
          const slip = s.slippageBps / 1e4;
          const price = t.side === 'buy' ? reference * (1 + slip) : reference * (1 - slip);
          expect(t.price).toBeCloseTo(price, 9);
          // What the slippage cost is the distance between the two prices, which rounds to 0 for a slip below a double's
          // resolution (1.9e-15 bps): the derived price, not reference × slip, is the measure.
          expect(t.slippage).toBeCloseTo(t.quantity * Math.abs(price - reference), 7);
          const fee = Math.max(s.commissionMin, t.quantity * price * (s.commissionBps / 1e4) + t.quantity * s.commissionPerShare);
          expect(t.commission).toBeCloseTo(fee, 7);
          // A decision at a close fills no earlier than that close: the first trade is not before the first bar's fill.
          if (s.fill !== 'close') expect(bar).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: the scenarios trade.
    expect(checked).toBeGreaterThan(RUNS);
  }, 300_000);
});
