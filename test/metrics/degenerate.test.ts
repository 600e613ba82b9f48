import { describe, it, expect } from 'vitest';
import { computeMetrics } from '../../engine/metrics/index.ts';
import { expectPlainJson, makeCurve } from './helpers.ts';

describe('degenerate inputs give nulls, never NaN/Infinity, and never throw', () => {
  it('flat equity, rf 0: vol 0, Sharpe/Sortino/Calmar null', () => {
    // Returns all exactly 0: total return 0, CAGR 0, sample stdev 0 → vol 0 and Sharpe null;
    // no day below rf → downside deviation 0 → Sortino null; max DD 0 → Calmar null, drawdown dates null.
    const d = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'];
    const m = computeMetrics({ curve: makeCurve(d, [100, 100, 100, 100]), trades: [], riskFree: 0 });
    expect(m.totalReturn).toBe(0);
    expect(m.cagr).toBe(0);
    expect(m.volatility).toBe(0);
    expect(m.sharpe).toBeNull();
    expect(m.sortino).toBeNull();
    expect(m.calmar).toBeNull();
    expect(m.maxDrawdown).toEqual({ depth: 0, peakDate: null, troughDate: null, recoveryDate: null, duration: 0 });
    expect(m.longestDrawdown).toEqual({ duration: 0, peakDate: null, recoveryDate: null });
    expect(m.bestDay).toEqual({ date: '2024-01-03', value: 0 });
    expect(m.positiveMonths).toBe(0);
    expect(m.trading.winRate).toBeNull();
    expect(m.gross.sharpe).toBeNull();
    expectPlainJson(m);
  });

  it('flat equity with rf > 0: Sharpe still null; every day is a downside day so Sortino = −√252', () => {
    // Excess = −rf_d every day: stdev 0 → Sharpe null. DD = sqrt(mean(rf_d²)) = rf_d, mean excess = −rf_d
    // → Sortino = −rf_d/rf_d·√252 = −√252.
    const d = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08'];
    const m = computeMetrics({ curve: makeCurve(d, [100, 100, 100, 100, 100]), trades: [], riskFree: 0.02 });
    expect(m.sharpe).toBeNull();
    expect(m.sortino).toBeCloseTo(-Math.sqrt(252), 9);
    expectPlainJson(m);
  });

  it('one bar', () => {
    // No return at all; years 0 → CAGR and turnover null; the single month is measured from the first equity → 0.
    const m = computeMetrics({ curve: makeCurve(['2024-01-02'], [100]), trades: [], riskFree: 0.02 });
    expect(m.bars).toBe(1);
    expect(m.years).toBe(0);
    expect(m.totalReturn).toBe(0);
    expect(m.cagr).toBeNull();
    expect(m.volatility).toBeNull();
    expect(m.sharpe).toBeNull();
    expect(m.sortino).toBeNull();
    expect(m.calmar).toBeNull();
    expect(m.bestDay).toBeNull();
    expect(m.worstDay).toBeNull();
    expect(m.bestMonth).toEqual({ period: '2024-01', ret: 0 });
    expect(m.trading.turnover).toBeNull();
    expect(m.exposure.timeInMarket).toBe(0);
    expectPlainJson(m);
  });

  it('no bar at all', () => {
    const m = computeMetrics({ curve: makeCurve([], []), trades: [], riskFree: 0 });
    expect(m.bars).toBe(0);
    expect(m.start).toBeNull();
    expect(m.years).toBeNull();
    expect(m.totalReturn).toBeNull();
    expect(m.bestMonth).toBeNull();
    expect(m.positiveMonths).toBeNull();
    expect(m.exposure).toEqual({ bySymbol: {}, meanGross: null, timeInMarket: null });
    expect(m.gross.totalReturn).toBeNull();
    expectPlainJson(m);
  });

  it('equity wiped out: returns after a zero are dropped, not NaN', () => {
    // 100, 50, 0, 0: returns −0.5, −1, (undefined: previous equity 0). Total return −1, max DD −1,
    // CAGR = 0^(1/years) − 1 = −1, Calmar = −1/1 = −1.
    const d = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'];
    const m = computeMetrics({
      curve: makeCurve(d, [100, 50, 0, 0], { symbols: ['X'], positionValues: [100, 50, 0, 0] }),
      trades: [],
      riskFree: 0,
    });
    expect(m.totalReturn).toBe(-1);
    expect(m.cagr).toBe(-1);
    expect(m.maxDrawdown.depth).toBe(-1);
    expect(m.calmar).toBe(-1);
    expect(m.worstDay).toEqual({ date: '2024-01-04', value: -1 });
    // Exposure only over bars with positive equity: X = (1 + 1)/2.
    expect(m.exposure.bySymbol.X).toBe(1);
    expect(m.exposure.timeInMarket).toBe(0.5);
    expectPlainJson(m);
  });

  it('a gross curve of the wrong length does not throw', () => {
    const d = ['2024-01-02', '2024-01-03', '2024-01-04'];
    const m = computeMetrics({ curve: makeCurve(d, [100, 101, 102], { gross: [100] }), trades: [], riskFree: 0 });
    expect(m.gross.cagr).toBeNull();
    expectPlainJson(m);
  });
});
