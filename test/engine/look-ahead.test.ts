import { describe, expect, it } from 'vitest';
import { defineStrategy, LookAheadError, runBacktest, type StrategyContext } from '../../engine/index.ts';
import { days, tinyMarket, ZERO_COSTS } from '../helpers/tiny-market.ts';

const dates = days(5);
const market = tinyMarket({ A: { dates, open: [1, 2, 3, 4, 5], close: [1.5, 2.5, 3.5, 4.5, 5.5] } });

function runWith(onBar: (ctx: StrategyContext) => void, fill: 'next-open' | 'close' = 'close') {
  return runBacktest({
    market,
    strategy: defineStrategy({ name: 'peek', description: '', universe: ['A'], onBar }),
    settings: { costs: ZERO_COSTS, fill },
  });
}

describe('look-ahead is impossible', () => {
  it('reading t+1 throws LookAheadError naming symbol, field and both dates', () => {
    let caught: unknown;
    try {
      runWith((ctx) => {
        if (ctx.bar === 2) ctx.close('A', -1);
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LookAheadError);
    const e = caught as LookAheadError;
    // The error names the bar by its distance, not its date: even the next trading day is not known yet.
    expect([e.symbol, e.field, e.requestedDate, e.decisionDate]).toEqual(['A', 'close', `1 bar after ${dates[2]}`, dates[2]]);
    expect(e.message).toContain(`A close for 1 bar after ${dates[2]} at decision time ${dates[2]}`);
  });

  it('a later date through ctx.at throws too; earlier dates read fine', () => {
    const seen: number[] = [];
    expect(() =>
      runWith((ctx) => {
        if (ctx.bar === 3) seen.push(ctx.at('A', dates[1]));
        if (ctx.bar === 3) ctx.at('A', dates[4]);
      }),
    ).toThrow(LookAheadError);
    expect(seen).toEqual([2.5]);
  });

  it('windowed reads stop at the decision bar', () => {
    const windows: number[][] = [];
    runWith((ctx) => {
      windows.push(Array.from(ctx.history('A', 3)));
    });
    expect(windows[0]).toEqual([1.5]);
    expect(windows[4]).toEqual([3.5, 4.5, 5.5]);
  });

  it("during an open fill, today's close is not yet known but today's open is", () => {
    const opens: number[] = [];
    const strategy = defineStrategy({
      name: 'react',
      description: '',
      universe: ['A'],
      onBar: (ctx) => (ctx.firstBar ? { A: 1 } : undefined),
      onFill(ctx) {
        opens.push(ctx.open('A'));
        ctx.close('A');
      },
    });
    expect(() => runBacktest({ market, strategy, settings: { costs: ZERO_COSTS } })).toThrow(/A close for .* at decision time .*\(open\)/);
    expect(opens).toEqual([2]);
  });

  it('returns and streaks are computed only from known closes', () => {
    const streaks: number[] = [];
    const rets: number[] = [];
    runWith((ctx) => {
      streaks.push(ctx.streak('A', 0.2));
      rets.push(ctx.ret('A', 1));
    });
    // Closes 1.5, 2.5, 3.5, 4.5, 5.5: daily returns 66.7%, 40%, 28.6%, 22.2%, all above 20%.
    expect(streaks).toEqual([0, 1, 2, 3, 4]);
    expect(rets[0]).toBeNaN();
    expect(rets[4]).toBeCloseTo(5.5 / 4.5 - 1, 12);
  });
});
