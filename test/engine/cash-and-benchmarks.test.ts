import { describe, expect, it } from 'vitest';
import { defineStrategy, runBacktest, type MacroSeries, type RunSettings } from '../../engine/index.ts';
import { computeMetrics } from '../../engine/metrics/index.ts';
import { parseBenchmarkFlag } from '../../cli/model-flags.ts';
import { days, tinyMarket, ZERO_COSTS } from '../helpers/tiny-market.ts';

const d = days(4, '2024-01-30'); // Jan 30, Jan 31, Feb 1, Feb 2
const market = tinyMarket({
  A: { dates: d, close: [10, 11, 12, 6] },
  B: { dates: d, close: [20, 20, 22, 22] },
  BIL: { dates: d, close: [100, 101, 99.99, 99.99] },
});
const idle = defineStrategy({ name: 'idle', description: '', universe: ['A'], onBar: () => undefined });
const run = (settings: Partial<RunSettings>, strategy = idle, macro: MacroSeries[] = []) =>
  runBacktest({ market, macro, strategy, settings: { initialCash: 1000, costs: ZERO_COSTS, fill: 'close', ...settings } });

describe('cash that earns', () => {
  it('a constant annual rate compounds per bar as (1 + R)^(1/252) − 1', () => {
    const R = Math.pow(1.01, 252) - 1; // 1% a bar
    const r = run({ cashRate: { kind: 'constant', rate: R } });
    expect(Array.from(r.curve.equity)).toEqual([1000, 1010, 1020.1, 1030.301].map((x) => expect.closeTo(x, 9)));
    expect(r.curve.interest![3]).toBeCloseTo(30.301, 9);
  });

  it("a cash-like fund's total return: 1000 → 1010 → 1010 × 99.99 / 101 = 999.9", () => {
    const r = run({ cashRate: { kind: 'symbol', symbol: 'BIL' } });
    expect(Array.from(r.curve.equity)).toEqual([1000, 1010, 999.9, 999.9].map((x) => expect.closeTo(x, 9)));
  });

  it('a macro series counts from the bar after its release, as % a year', () => {
    // 25.2 (% a year), released on bar 0, is bar 1's rate: a bar earns 1.252^(1/252) − 1. The second print, 0,
    // released on bar 1, applies from bar 2 on.
    const tb: MacroSeries = { name: 'TB', periods: ['2024-01-29', '2024-01-30'], values: Float64Array.from([25.2, 0]), released: [d[0], d[1]], frequency: 'daily' };
    const r = run({ cashRate: { kind: 'series', name: 'TB' } }, idle, [tb]);
    const a = Math.pow(1.252, 1 / 252) - 1;
    expect(Array.from(r.curve.equity)).toEqual([1000, 1000 * (1 + a), 1000 * (1 + a), 1000 * (1 + a)].map((x) => expect.closeTo(x, 9)));
    expect(() => run({ cashRate: { kind: 'series', name: 'NOPE' } })).toThrow(/needs macro series NOPE/);
  });

  it('negative cash (leverage) pays the same rate', () => {
    const R = Math.pow(1.01, 252) - 1;
    const s = defineStrategy({ name: 's', description: '', universe: ['B'], onBar: (ctx) => (ctx.firstBar ? { B: 1.5 } : undefined) });
    const r = run({ cashRate: { kind: 'constant', rate: R }, maxLeverage: 1.5 }, s);
    // 75 B at 20, cash −500: −5 on bar 1, then −5.05 on bar 2, −5.1005 on bar 3.
    expect(Array.from(r.curve.cash)).toEqual([-500, -505, -510.05, -515.1505].map((x) => expect.closeTo(x, 9)));
  });

  it('the same series serves as the risk-free rate: cash earning exactly the risk-free rate has no excess return', () => {
    const r = run({ cashRate: { kind: 'symbol', symbol: 'BIL' }, riskFreeFrom: { kind: 'symbol', symbol: 'BIL' } });
    const m = computeMetrics({ curve: r.curve, trades: r.trades, riskFree: 0, riskFreeDaily: r.riskFreeDaily });
    expect(m.sharpe).toBeNull();
    expect(m.sortino).toBeNull();
    expect(m.trading.interest).toBeCloseTo(-0.1, 9);
    // The record's rate: the mean daily rate over bars 1..3, (0.01 + (99.99/101 − 1) + 0) / 3, annualised.
    expect(m.riskFree).toBeCloseTo(Math.pow(1 + (0.01 + (99.99 / 101 - 1)) / 3, 252) - 1, 12);
  });
});

describe('several benchmarks', () => {
  it('a 50/50 blend starts at 1 and is rebalanced at the close of the month\'s first bar', () => {
    const r = run({ benchmark: 'A', benchmarks: [{ name: 'A', weights: { A: 1 } }, { name: '50/50', weights: { A: 0.5, B: 0.5 } }] });
    // Units 0.05 A + 0.025 B: 1, 1.05, then Feb 1: 0.6 + 0.55 = 1.15, rebalanced; Feb 2: 1.15 × (0.5 × 6/12 + 0.5) = 0.8625.
    expect(r.benchmark!.symbol).toBe('A');
    expect(Array.from(r.benchmarks![1].prices)).toEqual([1, 1.05, 1.15, 0.8625].map((x) => expect.closeTo(x, 12)));
    const m = computeMetrics({ curve: r.curve, trades: r.trades, riskFree: 0, benchmark: r.benchmark, benchmarks: r.benchmarks });
    expect(m.benchmarks.map((b) => [b.symbol, b.totalReturn])).toEqual([['A', expect.closeTo(-0.4, 12)], ['50/50', expect.closeTo(-0.1375, 12)]]);
    expect(m.benchmark).toEqual(m.benchmarks[0]);
  });

  it('parses --benchmark lists and blends', () => {
    expect(parseBenchmarkFlag('SPY,IWM,60/40:SPY:0.6,SHY:0.4')).toEqual([
      { name: 'SPY', weights: { SPY: 1 } },
      { name: 'IWM', weights: { IWM: 1 } },
      { name: '60/40', weights: { SPY: 0.6, SHY: 0.4 } },
    ]);
    expect(() => parseBenchmarkFlag('60/40:SPY:0.6,SHY:0.3')).toThrow('--benchmark 60/40:SPY:0.6,SHY:0.3: the weights of 60/40 sum to 0.9, not 1');
    expect(() => parseBenchmarkFlag('SPY,SHY:0.4')).toThrow(/"SHY:0.4" is not SYMBOL/);
  });
});
