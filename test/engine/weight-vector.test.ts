import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defineStrategy, FieldError, runBacktest, type StrategyContext, type Weights } from '../../engine/index.ts';
import { days, tinyMarket } from '../helpers/tiny-market.ts';

const SYMBOLS = ['A', 'B', 'C', 'D'];
const dates = days(30);
// Four made-up symbols, one starting late (D) so some bars have an unpriced one; default costs stay on.
const market = tinyMarket(
  Object.fromEntries(
    SYMBOLS.map((s, j) => {
      const d = j === 3 ? dates.slice(6) : dates;
      const close = d.map((_, i) => 20 + 3 * j + Math.sin(i * (0.7 + j) + j) * (1 + j) + i * 0.05 * (j - 1));
      return [s, { dates: d, open: close.map((c, i) => c * (1 + 0.003 * Math.cos(i + j))), close }];
    }),
  ),
);

/** Weights a strategy decides on each bar: an object naming each symbol, or a vector over ctx.universe. */
type Plan = (number[] | null)[];

function run(plan: Plan, form: 'object' | 'vector' | 'reused vector' | 'rebalance') {
  // 'rebalance' passes the reused vector to ctx.rebalance and then scribbles on it: the order was read when placed.
  const shared = new Float64Array(SYMBOLS.length);
  const decide = (ctx: StrategyContext): Weights | Float64Array | undefined => {
    const w = plan[ctx.bar];
    if (!w) return undefined;
    if (form === 'object') return Object.fromEntries(SYMBOLS.map((s, k) => [s, w[k]]));
    if (form === 'vector') return Float64Array.from(w);
    shared.set(w);
    return shared;
  };
  const strategy = defineStrategy({
    name: `weights-${form}`,
    description: '',
    universe: SYMBOLS,
    onBar(ctx) {
      const w = decide(ctx);
      if (form !== 'rebalance' || !w) return w;
      ctx.rebalance(w, 'rebalance');
      shared.fill(0.9);
    },
  });
  return runBacktest({ market, strategy, settings: { maxLeverage: 2 } });
}

const weightsOn = fc.option(fc.array(fc.constantFrom(0, 0.1, 0.25, 0.5, -0.2, 0.3333), { minLength: 4, maxLength: 4 }), { nil: null, freq: 3 });

describe('weights as a Float64Array over ctx.universe', () => {
  it('give the same run as the object naming each symbol, bit for bit, returned or through ctx.rebalance, fresh or reused', () => {
    fc.assert(
      fc.property(fc.array(weightsOn, { minLength: 30, maxLength: 30 }), (plan) => {
        const want = run(plan, 'object');
        for (const form of ['vector', 'reused vector', 'rebalance'] as const) {
          const got = run(plan, form);
          expect(Array.from(got.curve.equity)).toEqual(Array.from(want.curve.equity));
          expect(Array.from(got.curve.positions.value)).toEqual(Array.from(want.curve.positions.value));
          expect(got.trades).toEqual(want.trades);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a worked case trades: half in A and half in C on the first bar (D starts on bar 6, so the run does), then all in B', () => {
    const plan: Plan = dates.map((_, i) => (i === 6 ? [0.5, 0, 0.5, 0] : i === 10 ? [0, 1, 0, 0] : null));
    const r = run(plan, 'reused vector');
    expect(r.trades.map((t) => `${t.date} ${t.side} ${t.symbol}`)).toEqual([`${dates[7]} buy A`, `${dates[7]} buy C`, `${dates[11]} sell A`, `${dates[11]} sell C`, `${dates[11]} buy B`]);
  });

  it('ctx.universe is the declared order, frozen', () => {
    const seen: string[][] = [];
    let frozen = false;
    runBacktest({
      market,
      strategy: defineStrategy({
        name: 'u',
        description: '',
        universe: ['C', 'A', 'D'],
        signals: ['B'],
        onBar(ctx) {
          if (ctx.firstBar) {
            seen.push([...ctx.universe]);
            frozen = Object.isFrozen(ctx.universe);
          }
        },
      }),
    });
    expect(seen).toEqual([['C', 'A', 'D']]);
    expect(frozen).toBe(true);
  });

  it('refuses a vector of the wrong length, a non-finite weight (naming its symbol), too much leverage, and other arrays', () => {
    const at = (w: unknown) => () =>
      runBacktest({ market, strategy: defineStrategy({ name: 'bad', description: '', universe: SYMBOLS, onBar: (ctx) => (ctx.firstBar ? (w as Weights) : undefined) }) });
    expect(at(new Float64Array(3))).toThrow(/a Float64Array of weights needs one per ctx.universe symbol \(4\), got 3/);
    expect(at(Float64Array.from([0.2, NaN, 0, 0]))).toThrow(/weight of B must be a finite number, got NaN/);
    expect(at(Float64Array.from([0.8, 0.8, 0, 0]))).toThrow(FieldError);
    expect(at(Float64Array.from([0.8, 0.8, 0, 0]))).toThrow(/weights sum to 1.600000, above the allowed 1/);
    expect(at(Float32Array.from([0.5, 0.5, 0, 0]))).toThrow(/returned an object with .*expected weights \{ SYMBOL: number \}, a Float64Array over ctx.universe, or nothing/);
    expect(at([0.5, 0.5, 0, 0])).toThrow(/returned an array; expected weights/);
  });
});
