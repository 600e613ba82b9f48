import { describe, expect, it } from 'vitest';
import { defineStrategy, FieldError, runBacktest, type RunSettings, type StrategyContext, type Weights, densePositions } from '../../engine/index.ts';
import { inFlagTerms } from '../../cli/field-flags.ts';
import { days, tinyMarket, ZERO_COSTS } from '../helpers/tiny-market.ts';

const dates = days(4);
const market = tinyMarket({
  A: { dates, close: [10, 11, 11, 11] },
  B: { dates, close: [20, 24, 16, 16] },
});

function scripted(plan: Record<number, Weights>, orders: Record<number, (ctx: StrategyContext) => void> = {}) {
  return defineStrategy({
    name: 'scripted',
    description: '',
    universe: ['A', 'B'],
    onBar: (ctx) => {
      orders[ctx.bar]?.(ctx);
      return plan[ctx.bar];
    },
  });
}

function run(plan: Record<number, Weights>, settings: Partial<RunSettings> = {}, orders = {}) {
  return runBacktest({ market, strategy: scripted(plan, orders), settings: { initialCash: 1000, costs: ZERO_COSTS, fill: 'close', ...settings } });
}

describe('shorts and spreads', () => {
  it('a 50/50 long/short spread: proceeds held in cash, equity = cash + Σ q·p with q < 0', () => {
    // Bar 0: short 500 / 20 = 25 B (cash 1500), buy 500 / 10 = 50 A (cash 1000).
    const r = run({ 0: { A: 0.5, B: -0.5 } });
    expect(r.trades.map((t) => [t.symbol, t.side, t.quantity, t.price])).toEqual([
      ['B', 'sell', 25, 20],
      ['A', 'buy', 50, 10],
    ]);
    expect(r.trades[0].reason).toBe('rebalance (short)');
    expect(Array.from(r.curve.cash)).toEqual([1000, 1000, 1000, 1000]);
    // Bar 1: 1000 + 50 × 11 − 25 × 24 = 950; bar 2: 1000 + 550 − 400 = 1150.
    expect(Array.from(r.curve.equity)).toEqual([1000, 950, 1150, 1150]);
    expect(Array.from(densePositions(r.curve.positions, r.curve.symbols.length).subarray(2, 4))).toEqual([550, -600]);
  });

  it('charges the borrow fee every bar on the short market value, kept with the costs (gross vs net)', () => {
    // 25 200 bps a year / 252 = 1% a bar. Bar 1: 1% of 25 × 24 = 6; bar 2 and 3: 1% of 25 × 16 = 4.
    const r = run({ 0: { A: 0.5, B: -0.5 } }, { borrowBps: 25_200 });
    expect(Array.from(r.curve.equity)).toEqual([1000, 944, 1140, 1136].map((x) => expect.closeTo(x, 9)));
    expect(Array.from(r.curve.borrowPaid!)).toEqual([0, 6, 10, 14].map((x) => expect.closeTo(x, 9)));
    expect(Array.from(r.curve.grossEquity)).toEqual([1000, 950, 1150, 1150].map((x) => expect.closeTo(x, 9)));
  });

  it('a sell beyond the holding goes short, and a buy covers the short before adding to the long', () => {
    // Bar 0: 100 A at 10. Bar 1 (A = 11, equity 1100): order −150 A → sell the 100 held, then short 50
    // (550 ≤ room 1 × 1100 − gross 0), cash 1650. Bar 2: { A: 0.5 } → 50 A: cover 50 at 11, then buy 50 at 11.
    const r = run({ 0: { A: 1 }, 2: { A: 0.5 } }, {}, { 1: (ctx: StrategyContext) => ctx.order('A', -150, 'flip') });
    expect(r.trades.map((t) => [t.bar, t.side, t.quantity, t.price, t.reason])).toEqual([
      [0, 'buy', 100, 10, 'rebalance'],
      [1, 'sell', 100, 11, 'flip'],
      [1, 'sell', 50, 11, 'flip (short)'],
      [2, 'buy', 50, 11, 'rebalance (cover short)'],
      [2, 'buy', 50, 11, 'rebalance'],
    ]);
    expect(Array.from(r.curve.cash)).toEqual([0, 1650, 550, 550]);
    expect(Array.from(r.curve.equity)).toEqual([1000, 1100, 1100, 1100]);
  });

  it('refuses a short sale beyond the gross limit by scaling it, and says so', () => {
    const r = run({}, {}, { 0: (ctx: StrategyContext) => ctx.order('B', -100, 'big short') });
    // Room: 1 × 1000 − 0 gross = 1000, so 50 of the 100 shares at 20.
    expect(r.trades).toHaveLength(1);
    expect(r.trades[0]).toMatchObject({ side: 'sell', quantity: 50, reason: 'big short (short, scaled ×0.5000 to the gross limit)' });
    expect(r.notes.some((n) => n.kind === 'scaled' && /short sales scaled to 50\.00%/.test(n.message))).toBe(true);
  });

  it('a margin call closes everything when equity is no longer positive, and says so', () => {
    const d = days(4);
    const m = tinyMarket({ B: { dates: d, close: [20, 30, 41, 50] } });
    const s = defineStrategy({ name: 's', description: '', universe: ['B'], onBar: (ctx) => (ctx.bar === 0 ? { B: -1 } : ctx.bar === 3 ? { B: -1 } : undefined) });
    // Short 50 B at 20 (cash 2000). Bar 1: 2000 − 1500 = 500. Bar 2: 2000 − 2050 = −50 → bought back at 41.
    const r = runBacktest({ market: m, strategy: s, settings: { initialCash: 1000, costs: ZERO_COSTS, fill: 'close' } });
    expect(Array.from(r.curve.equity)).toEqual([1000, 500, -50, -50]);
    expect(r.trades.map((t) => [t.bar, t.side, t.quantity, t.price, t.reason])).toEqual([
      [0, 'sell', 50, 20, 'rebalance (short)'],
      [2, 'buy', 50, 41, 'margin call (cover short)'],
    ]);
    expect(r.notes.find((n) => n.kind === 'margin-call')).toMatchObject({ date: d[2], message: expect.stringMatching(/^margin call: equity -50\.00 is not positive/) });
    // With no equity left, the strategy's next rebalance is refused, not traded.
    expect(r.notes.some((n) => n.date === d[3] && /rebalance skipped: equity is -50\.00/.test(n.message))).toBe(true);
  });

  it('a maintenance margin calls earlier: equity 500 ≤ 0.5 × gross 1500 on bar 1', () => {
    const d = days(3);
    const m = tinyMarket({ B: { dates: d, close: [20, 30, 41] } });
    const s = defineStrategy({ name: 's', description: '', universe: ['B'], onBar: (ctx) => (ctx.bar === 0 ? { B: -1 } : undefined) });
    const r = runBacktest({ market: m, strategy: s, settings: { initialCash: 1000, costs: ZERO_COSTS, fill: 'close', maintenanceMargin: 0.5 } });
    expect(Array.from(r.curve.equity)).toEqual([1000, 500, 500]);
    expect(r.notes.find((n) => n.kind === 'margin-call')?.message).toMatch(/below the maintenance margin \(0\.5 × gross exposure 1500\.00\)/);
  });

  it('names the field of a bad setting', () => {
    expect(() => run({}, { borrowBps: -1 })).toThrow('settings.borrowBps must be a number ≥ 0, got -1');
    expect(() => run({}, { maintenanceMargin: 1 })).toThrow('settings.maintenanceMargin must be a number in [0, 1), got 1');
  });

  it('model-setting errors carry their field, so the CLI can name the flag that was typed', () => {
    const fieldOf = (settings: Partial<RunSettings>): string | undefined => {
      try {
        run({}, settings);
      } catch (e) {
        return e instanceof FieldError ? e.field : 'not a FieldError';
      }
      return undefined;
    };
    expect(fieldOf({ borrowBps: Number.NaN })).toBe('settings.borrowBps');
    expect(fieldOf({ maintenanceMargin: -0.1 })).toBe('settings.maintenanceMargin');
    expect(fieldOf({ cashRate: { kind: 'constant', rate: -2 } })).toBe('settings.cashRate');
    expect(fieldOf({ benchmarks: [{ name: 'B', weights: { A: 0.5 } }] })).toBe('settings.benchmarks');
    const error = { field: 'settings.benchmark', message: 'settings.benchmark (SPY) must be the first of settings.benchmarks (60/40)' };
    expect(inFlagTerms(error)).toBe('--benchmark (SPY) must be the first of --benchmark (60/40)');
    expect(inFlagTerms({ field: 'settings.borrowBps', message: 'settings.borrowBps must be a number ≥ 0, got NaN' })).toBe('--borrow-bps must be a number ≥ 0, got NaN');
  });
});
