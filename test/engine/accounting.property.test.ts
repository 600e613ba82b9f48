import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defineStrategy, runBacktest, type FillTiming, type Weights, densePositions } from '../../engine/index.ts';
import { days, tinyMarket, ZERO_COSTS } from '../helpers/tiny-market.ts';

const SYMBOLS = ['A', 'B', 'C'];
// More runs for a deeper search: ROTOR_PROPERTY_RUNS=5000 npx vitest run test/engine/accounting
const RUNS = Number(process.env.ROTOR_PROPERTY_RUNS ?? 300);

const scenario = fc
  .record({
    bars: fc.integer({ min: 3, max: 30 }),
    fill: fc.constantFrom<FillTiming>('next-open', 'next-close', 'close'),
    integerShares: fc.boolean(),
    costs: fc.record({
      commissionBps: fc.double({ min: 0, max: 50, noNaN: true }),
      commissionPerShare: fc.double({ min: 0, max: 0.05, noNaN: true }),
      commissionMin: fc.double({ min: 0, max: 5, noNaN: true }),
      slippageBps: fc.double({ min: 0, max: 50, noNaN: true }),
    }),
    seedPrices: fc.array(fc.double({ min: 1, max: 500, noNaN: true }), { minLength: 3 * 2 * 30, maxLength: 3 * 2 * 30 }),
    plan: fc.array(fc.option(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), { nil: undefined }), {
      minLength: 30,
      maxLength: 30,
    }),
  })
  .map((s) => {
    const dates = days(s.bars);
    const series = Object.fromEntries(
      SYMBOLS.map((sym, k) => {
        const open = dates.map((_, t) => s.seedPrices[(k * 2) * 30 + t]);
        const close = dates.map((_, t) => s.seedPrices[(k * 2 + 1) * 30 + t]);
        return [sym, { dates, open, close }];
      }),
    );
    // Normalise each planned row so weights never sum above 1 (no leverage).
    const plan: (Weights | undefined)[] = s.plan.map((w) => {
      if (!w) return undefined;
      const sum = w.reduce((a, b) => a + b, 0);
      const scale = sum > 1 ? 1 / sum : 1;
      return Object.fromEntries(SYMBOLS.map((sym, k) => [sym, w[k] * scale]));
    });
    return { ...s, market: tinyMarket(series), plan };
  });

function scripted(plan: (Weights | undefined)[]) {
  return defineStrategy({ name: 'random', description: '', universe: SYMBOLS, onBar: (ctx) => plan[ctx.bar - 0] });
}

describe('accounting invariants (property-based)', () => {
  it('equity = cash + Σ positions at every bar, cash never negative, costs reconcile with trades', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = runBacktest({
          market: s.market,
          strategy: scripted(s.plan),
          settings: { fill: s.fill, integerShares: s.integerShares, costs: s.costs, initialCash: 10_000 },
        });
        const n = r.curve.symbols.length;
        const pv = densePositions(r.curve.positions, n);
        for (let t = 0; t < r.curve.dates.length; t++) {
          let positions = 0;
          for (let k = 0; k < n; k++) positions += pv[t * n + k];
          const e = r.curve.equity[t];
          expect(Math.abs(e - (r.curve.cash[t] + positions))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));
          expect(r.curve.cash[t]).toBeGreaterThanOrEqual(-1e-9);
          expect(r.curve.grossEquity[t]).toBeGreaterThanOrEqual(e - 1e-9);
        }
        // Replaying the trade list by hand must land on the same final cash and the same cost total.
        let cash = 10_000;
        let costs = 0;
        for (const t of r.trades) {
          cash += t.side === 'buy' ? -(t.quantity * t.price + t.commission) : t.quantity * t.price - t.commission;
          costs += t.commission + t.slippage;
          expect(t.quantity).toBeGreaterThan(0);
          if (s.integerShares) expect(Number.isInteger(t.quantity)).toBe(true);
        }
        // Equity can grow by orders of magnitude on random prices, so tolerances are relative to it.
        const last = r.curve.dates.length - 1;
        const tol = 1e-9 * Math.max(1, r.curve.grossEquity[last]);
        expect(Math.abs(cash - r.curve.cash[last])).toBeLessThanOrEqual(tol);
        expect(Math.abs(r.curve.grossEquity[last] - r.curve.equity[last] - costs)).toBeLessThanOrEqual(tol);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('a zero-cost round trip at unchanged prices leaves equity unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.double({ min: 0.5, max: 900, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.constantFrom<FillTiming>('next-open', 'next-close', 'close'),
        (w, prices, fill) => {
          const dates = days(6);
          const sum = w.reduce((a, b) => a + b, 0);
          const weights = Object.fromEntries(SYMBOLS.map((sym, k) => [sym, sum > 1 ? w[k] / sum : w[k]]));
          const market = tinyMarket(Object.fromEntries(SYMBOLS.map((sym, k) => [sym, { dates, close: dates.map(() => prices[k]) }])));
          const plan = [weights, undefined, {}, undefined, undefined, undefined];
          const r = runBacktest({ market, strategy: scripted(plan), settings: { fill, costs: ZERO_COSTS, initialCash: 50_000 } });
          const last = r.curve.equity.length - 1;
          expect(r.curve.equity[last]).toBeCloseTo(50_000, 6);
          expect(r.curve.cash[last]).toBeCloseTo(50_000, 6);
          for (let t = 0; t <= last; t++) expect(r.curve.equity[t]).toBeCloseTo(50_000, 6);
        },
      ),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('with shorts, borrow and a cash rate: equity = cash + Σ q·p, never below zero without a margin call, costs and financing reconcile', () => {
    const shorted = fc.record({
      bars: fc.integer({ min: 3, max: 30 }),
      fill: fc.constantFrom<FillTiming>('next-open', 'next-close', 'close'),
      integerShares: fc.boolean(),
      maxLeverage: fc.double({ min: 1, max: 3, noNaN: true }),
      borrowBps: fc.double({ min: 0, max: 2000, noNaN: true }),
      cashRate: fc.double({ min: -0.01, max: 0.2, noNaN: true }),
      slippageBps: fc.double({ min: 0, max: 50, noNaN: true }),
      commissionBps: fc.double({ min: 0, max: 50, noNaN: true }),
      seedPrices: fc.array(fc.double({ min: 20, max: 40, noNaN: true }), { minLength: 3 * 2 * 30, maxLength: 3 * 2 * 30 }),
      plan: fc.array(fc.option(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), { nil: undefined }), { minLength: 30, maxLength: 30 }),
    });
    fc.assert(
      fc.property(shorted, (s) => {
        const dates = days(s.bars);
        const market = tinyMarket(Object.fromEntries(SYMBOLS.map((sym, k) => [sym, { dates, open: dates.map((_, t) => s.seedPrices[k * 60 + t]), close: dates.map((_, t) => s.seedPrices[k * 60 + 30 + t]) }])));
        const plan = s.plan.map((w) => {
          if (!w) return undefined;
          const gross = w.reduce((a, b) => a + Math.abs(b), 0);
          const scale = gross > s.maxLeverage ? s.maxLeverage / gross : 1;
          return Object.fromEntries(SYMBOLS.map((sym, k) => [sym, w[k] * scale]));
        });
        const initialCash = 10_000;
        const r = runBacktest({
          market,
          strategy: scripted(plan),
          settings: {
            fill: s.fill, integerShares: s.integerShares, initialCash, maxLeverage: s.maxLeverage, borrowBps: s.borrowBps,
            cashRate: { kind: 'constant', rate: s.cashRate },
            costs: { commissionBps: s.commissionBps, commissionPerShare: 0, commissionMin: 0, slippageBps: s.slippageBps },
          },
        });
        const n = r.curve.symbols.length;
        const pv = densePositions(r.curve.positions, n);
        const last = r.curve.dates.length - 1;
        const tol = 1e-9 * Math.max(1, ...Array.from(r.curve.grossEquity, Math.abs));
        for (let t = 0; t <= last; t++) {
          let positions = 0;
          for (let k = 0; k < n; k++) positions += pv[t * n + k];
          expect(Math.abs(r.curve.equity[t] - (r.curve.cash[t] + positions))).toBeLessThanOrEqual(tol);
          // Equity never goes below zero silently: a margin call on or before that bar says so. A short that loses
          // exactly everything (its price doubles) lands on zero give or take rounding, hence the tolerance, less the
          // costs of the bar's own trades: covering it after the close's margin check pays slippage on top.
          const barCosts = r.trades.filter((x) => x.date === r.curve.dates[t]).reduce((a, x) => a + x.commission + x.slippage, 0);
          if (r.curve.equity[t] < -tol - barCosts) expect(r.notes.some((x) => x.kind === 'margin-call' && x.date! <= r.curve.dates[t])).toBe(true);
        }
        // Replaying the trades, the borrow fees and the interest by hand lands on the same cash and cost total.
        let cash = initialCash;
        let costs = 0;
        for (const t of r.trades) {
          cash += t.side === 'buy' ? -(t.quantity * t.price + t.commission) : t.quantity * t.price - t.commission;
          costs += t.commission + t.slippage;
        }
        cash += r.curve.interest![last] - (r.curve.borrowPaid?.[last] ?? 0);
        costs += r.curve.borrowPaid?.[last] ?? 0;
        expect(Math.abs(cash - r.curve.cash[last])).toBeLessThanOrEqual(tol);
        expect(Math.abs(r.curve.grossEquity[last] - r.curve.equity[last] - costs)).toBeLessThanOrEqual(tol);
        // Shares held per symbol are the signed sum of the trades.
        for (let k = 0; k < n; k++) {
          const q = r.trades.filter((t) => t.symbol === SYMBOLS[k]).reduce((a, t) => a + (t.side === 'buy' ? t.quantity : -t.quantity), 0);
          const mark = market.column(SYMBOLS[k], 'close')[last];
          expect(Math.abs(q * mark - pv[last * n + k])).toBeLessThanOrEqual(tol);
        }
      }),
      {
        numRuns: RUNS,
        // Found by a deeper search: a short whose price doubles is covered at that close, leaving equity at zero,
        // and a negative cash rate then takes it just below with nothing left to close. It must still be noted.
        examples: [[{
          bars: 4, fill: 'next-close', integerShares: false, maxLeverage: 1, borrowBps: 0, cashRate: -1.2600004445362248e-7, slippageBps: 0, commissionBps: 0,
          seedPrices: Array.from({ length: 180 }, (_, i) => (i === 93 ? 40 : 20)),
          plan: [[0, 0.999998908132198, 0], [0, -0.9999999999999989, 0], [0, 0, 0], ...Array.from({ length: 27 }, () => undefined)],
        }]],
      },
    );
  }, 600_000);
});
