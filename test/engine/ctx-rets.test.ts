import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defineStrategy, LookAheadError, runBacktest, type StrategyContext } from '../../engine/index.ts';
import { days, tinyMarket, ZERO_COSTS } from '../helpers/tiny-market.ts';

const dates = days(12);
// B starts on the fourth bar and C has a gap (NaN close) on the seventh: reads there are unknown, never zero.
const market = tinyMarket({
  A: { dates, close: [10, 11, 12, 11, 13, 14, 15, 14, 16, 17, 18, 19] },
  B: { dates: dates.slice(3), close: [50, 49, 52, 55, 54, 53, 58, 60, 59] },
  C: { dates, close: [5, 5.5, 5.2, 5.8, 6, 6.1, NaN, 6.4, 6.3, 6.9, 7, 7.2] },
});

function run(onBar: (ctx: StrategyContext) => void, universe = ['A', 'B', 'C']) {
  return runBacktest({ market, strategy: defineStrategy({ name: 'rets', description: '', universe, onBar }), settings: { costs: ZERO_COSTS } });
}

const bits = (xs: ArrayLike<number>) => Array.from(xs, (x) => (Number.isNaN(x) ? 'NaN' : x));

describe('ctx.rets', () => {
  it('equals ctx.ret of each symbol, bit for bit, at every bar, for any list, n and lag', () => {
    const symbol = fc.constantFrom('A', 'B', 'C');
    fc.assert(
      fc.property(fc.array(symbol, { maxLength: 6 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 14 }), (list, n, lag) => {
        const got: unknown[] = [];
        const want: unknown[] = [];
        run((ctx) => {
          got.push(bits(ctx.rets(list, n, lag)));
          want.push(bits(list.map((s) => ctx.ret(s, n, lag))));
        });
        expect(got).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });

  it('worked values: the five-bar return of A, B (not started yet, then started) and C (across its gap)', () => {
    const seen: (number | string)[][] = [];
    run((ctx) => {
      if (ctx.bar === 5 || ctx.bar === 8) seen.push(bits(ctx.rets(['A', 'B', 'C'], 5)));
    });
    expect(seen[0][0]).toBeCloseTo(14 / 10 - 1, 15);
    expect(seen[0][1]).toBe('NaN'); // B's first close is bar 3: five bars back from bar 5 is before it
    expect(seen[0][2]).toBeCloseTo(6.1 / 5 - 1, 15);
    expect(seen[1]).toEqual([16 / 11 - 1, 53 / 50 - 1, 6.3 / 5.8 - 1]);
  });

  it('reads a list the strategy changed in place afresh, and hands out a copy', () => {
    const list = ['A', 'B'];
    const seen: (number | string)[][] = [];
    run((ctx) => {
      if (ctx.bar !== 9) return;
      const first = ctx.rets(list, 1);
      seen.push(bits(first));
      first[0] = 99;
      list[1] = 'C';
      seen.push(bits(ctx.rets(list, 1)));
    });
    expect(seen).toEqual([
      [17 / 16 - 1, 58 / 53 - 1],
      [17 / 16 - 1, 6.9 / 6.3 - 1],
    ]);
  });

  it('refuses what ret refuses: the future, and a symbol the strategy did not declare', () => {
    expect(() => run((ctx) => void ctx.rets(['A', 'B'], 1, -1))).toThrow(LookAheadError);
    expect(() => run((ctx) => void ctx.rets(['A', 'B'], -2))).toThrow(LookAheadError);
    expect(() => run((ctx) => void ctx.rets(['A', 'C'], 1), ['A', 'B'])).toThrow(/reads C, which is not in its universe or signals/);
    const empty: number[] = [];
    run((ctx) => void empty.push(ctx.rets([], 3).length));
    expect(empty).toEqual(new Array(9).fill(0)); // the run starts on B's first bar
  });
});
