import { describe, expect, it } from 'vitest';
import { defineStrategy, runBacktest, type MacroObservation, type MacroSeries } from '../../engine/index.ts';
import { days, tinyMarket, ZERO_COSTS } from '../helpers/tiny-market.ts';

// 2024-01-01 (Mon) .. 2024-01-12 (Fri): ten trading days.
const dates = days(10);
const market = tinyMarket({ A: { dates, close: dates.map(() => 10) } });
const gdp: MacroSeries = {
  name: 'GDP',
  periods: ['2023-07-01', '2023-10-01'],
  values: Float64Array.from([2.1, 3.3]),
  // Q3 published on Wednesday 2024-01-03; Q4 on Saturday 2024-01-06, so it is first seen on Monday 2024-01-08.
  released: ['2024-01-03', '2024-01-06'],
};

describe('macro releases replay point in time', () => {
  it('shows each observation from its release day on, and unknown before', () => {
    const seen: (string | undefined)[] = [];
    const hooked: MacroObservation[] = [];
    const histories: number[] = [];
    const strategy = defineStrategy({
      name: 'macro',
      description: '',
      universe: ['A'],
      macro: ['GDP'],
      onBar(ctx) {
        seen.push(ctx.macro('GDP')?.period);
        histories.push(ctx.macroHistory('GDP', 5).length);
      },
      onRelease(ctx, obs) {
        hooked.push(obs);
        expect(() => ctx.close('A')).toThrow(/look-ahead/);
      },
    });
    runBacktest({ market, macro: [gdp], strategy, settings: { costs: ZERO_COSTS } });
    expect(seen).toEqual([undefined, undefined, '2023-07-01', '2023-07-01', '2023-07-01', '2023-10-01', '2023-10-01', '2023-10-01', '2023-10-01', '2023-10-01']);
    expect(histories).toEqual([0, 0, 1, 1, 1, 2, 2, 2, 2, 2]);
    expect(hooked.map((o) => [o.period, o.value, o.released])).toEqual([
      ['2023-07-01', 2.1, '2024-01-03'],
      ['2023-10-01', 3.3, '2024-01-06'],
    ]);
  });

  it('a series released before the run starts is simply known on the first bar', () => {
    let first: MacroObservation | undefined;
    const strategy = defineStrategy({
      name: 'm',
      description: '',
      universe: ['A'],
      macro: ['GDP'],
      onBar(ctx) {
        if (ctx.firstBar) first = ctx.macro('GDP');
      },
    });
    runBacktest({ market, macro: [gdp], strategy, settings: { from: '2024-01-09', costs: ZERO_COSTS } });
    expect(first?.period).toBe('2023-10-01');
  });

  it('a strategy that needs a macro series the data lacks fails before running', () => {
    const strategy = defineStrategy({ name: 'm', description: '', universe: ['A'], macro: ['CPI'], onBar() {} });
    expect(() => runBacktest({ market, macro: [gdp], strategy })).toThrow('strategy m needs macro series CPI, not in the data');
  });

  it('an optional series the data lacks reads as unknown and is noted, instead of stopping the run', () => {
    const reads: unknown[] = [];
    const strategy = defineStrategy({
      name: 'm',
      description: '',
      universe: ['A'],
      optionalMacro: ['EPS'],
      onBar(ctx) {
        if (ctx.firstBar) reads.push(ctx.macro('EPS'), ctx.macroHistory('EPS', 3), ctx.macroValue('EPS', 'yoy').state);
      },
    });
    const r = runBacktest({ market, macro: [gdp], strategy, settings: { costs: ZERO_COSTS } });
    expect(reads).toEqual([undefined, [], 'unknown']);
    expect(r.notes).toContainEqual({ kind: 'data', message: 'optional macro series EPS is not in the data: the strategy reads it as unknown' });
  });
});
