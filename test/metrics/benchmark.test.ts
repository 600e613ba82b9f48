import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { mean, sampleCorrelation, sampleCovariance, sampleStandardDeviation, sampleVariance } from 'simple-statistics';
import { computeMetrics, dailyRiskFree } from '../../engine/metrics/index.ts';
import { expectPlainJson, makeCurve } from './helpers.ts';

const dates = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'];
// Benchmark 100, 110, 99, 108.9, 119.79 → r_b = [.1, −.1, .1, .1]
const bench = [100, 110, 99, 108.9, 119.79];
// Portfolio 100, 120, 96, 115.2, 138.24 → r_p = [.2, −.2, .2, .2] = 2 r_b exactly
const port = [100, 120, 96, 115.2, 138.24];

describe('benchmark statistics', () => {
  it('beta, alpha, correlation, tracking error and information ratio equal simple-statistics bit for bit over the paired days', () => {
    const price = fc.oneof(fc.double({ min: 50, max: 150, noNaN: true }), fc.constant(NaN));
    fc.assert(
      fc.property(fc.array(fc.tuple(price, fc.double({ min: 50, max: 150, noNaN: true })), { minLength: 2, maxLength: 40 }), (rows) => {
        const days = rows.map((_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10));
        const b = Float64Array.from(rows.map((r) => r[0]));
        const p = rows.map((r) => r[1]);
        const got = computeMetrics({ curve: makeCurve(days, p), trades: [], riskFree: 0.03, benchmark: { symbol: 'B', prices: b } }).benchmark!;
        const xs: number[] = [];
        const ys: number[] = [];
        for (let j = 1; j < rows.length; j++) {
          const rb = b[j] / b[j - 1] - 1;
          if (Number.isFinite(rb)) {
            xs.push(rb);
            ys.push(p[j] / p[j - 1] - 1);
          }
        }
        const rfd = dailyRiskFree(0.03);
        const fin = (v: number) => (Number.isFinite(v) ? v : null);
        const want = { beta: null as number | null, alpha: null as number | null, correlation: null as number | null, trackingError: null as number | null, informationRatio: null as number | null };
        if (xs.length >= 2) {
          const active = ys.map((y, i) => y - xs[i]);
          const sdA = sampleStandardDeviation(active);
          want.trackingError = fin(sdA * Math.sqrt(252));
          if (sdA > 1e-12) want.informationRatio = fin((mean(active) * 252) / (sdA * Math.sqrt(252)));
          if (sampleStandardDeviation(xs) > 1e-12) {
            want.beta = fin(sampleCovariance(ys, xs) / sampleVariance(xs));
            if (want.beta !== null) want.alpha = fin((mean(ys) - rfd - want.beta * (mean(xs) - rfd)) * 252);
            if (sampleStandardDeviation(ys) > 1e-12) want.correlation = fin(sampleCorrelation(ys, xs));
          }
        }
        expect(got.pairedDays).toBe(xs.length);
        expect({ beta: got.beta, alpha: got.alpha, correlation: got.correlation, trackingError: got.trackingError, informationRatio: got.informationRatio }).toEqual(want);
      }),
      { numRuns: 1000, seed: 23 },
    );
  });

  it('beta = 2 for a portfolio whose daily returns are twice the benchmark; alpha 0 at rf 0', () => {
    // cov(2x, x)/var(x) = 2; correlation 1; alpha = (mean(2x) − 2 mean(x))·252 = 0.
    // Benchmark: total return 119.79/100 − 1 = 0.1979 over 4 calendar days → CAGR = 1.1979^(365.25/4) − 1.
    // Benchmark vol: r_b mean 0.05, deviations .05, −.15, .05, .05 → SS = 0.03, var = 0.01, sd = 0.1 → 0.1·√252.
    const m = computeMetrics({
      curve: makeCurve(dates, port),
      trades: [],
      riskFree: 0,
      benchmark: { symbol: 'SPY', prices: Float64Array.from(bench) },
    });
    const b = m.benchmark!;
    expect(b.symbol).toBe('SPY');
    expect(b.pairedDays).toBe(4);
    expect(b.beta).toBeCloseTo(2, 10);
    expect(b.correlation).toBeCloseTo(1, 10);
    expect(b.alpha).toBeCloseTo(0, 10);
    expect(b.from).toBe('2024-01-01');
    expect(b.to).toBe('2024-01-05');
    expect(b.totalReturn).toBeCloseTo(0.1979, 12);
    expect(b.cagr! / (Math.pow(1.1979, 365.25 / 4) - 1)).toBeCloseTo(1, 9);
    expect(b.volatility).toBeCloseTo(0.1 * Math.sqrt(252), 10);
    expectPlainJson(m);
  });

  it('with rf, alpha of a pure 2× portfolio is 252·rf_d', () => {
    // alpha = (mean(r_p) − rf_d − 2(mean(r_b) − rf_d))·252 = (2 mean(r_b) − rf_d − 2 mean(r_b) + 2 rf_d)·252
    //       = 252·rf_d = 252·(1.05^(1/252) − 1) ≈ 0.048795; beta unchanged.
    const m = computeMetrics({
      curve: makeCurve(dates, port),
      trades: [],
      riskFree: 0.05,
      benchmark: { symbol: 'SPY', prices: Float64Array.from(bench) },
    });
    expect(m.benchmark!.beta).toBeCloseTo(2, 10);
    expect(m.benchmark!.alpha).toBeCloseTo(252 * (Math.pow(1.05, 1 / 252) - 1), 10);
    expect(m.benchmark!.alpha).toBeCloseTo(0.048795, 5);
  });

  it('a constant daily edge shows up as alpha: r_p = 2 r_b + 0.01 → alpha = 0.01·252 = 2.52', () => {
    // r_p = [.21, −.19, .21, .21]: equity 100, 121, 121·0.81 = 98.01, 98.01·1.21 = 118.5921, 118.5921·1.21 = 143.496441
    const m = computeMetrics({
      curve: makeCurve(dates, [100, 121, 98.01, 118.5921, 143.496441]),
      trades: [],
      riskFree: 0,
      benchmark: { symbol: 'SPY', prices: Float64Array.from(bench) },
    });
    expect(m.benchmark!.beta).toBeCloseTo(2, 10);
    expect(m.benchmark!.alpha).toBeCloseTo(2.52, 9);
    expect(m.benchmark!.correlation).toBeCloseTo(1, 10);
  });

  it('unknown prices (NaN) drop the days whose return needs them', () => {
    // prices NaN, 110, 99, 108.9, 119.79 → r_b defined on days 2..4 only: −.1, .1, .1 against r_p −.2, .2, .2.
    // Total return from the first known price: 119.79/110 − 1 = 0.089, from 2024-01-02.
    const m = computeMetrics({
      curve: makeCurve(dates, port),
      trades: [],
      riskFree: 0,
      benchmark: { symbol: 'SPY', prices: Float64Array.from([NaN, 110, 99, 108.9, 119.79]) },
    });
    expect(m.benchmark!.pairedDays).toBe(3);
    expect(m.benchmark!.beta).toBeCloseTo(2, 10);
    expect(m.benchmark!.from).toBe('2024-01-02');
    expect(m.benchmark!.totalReturn).toBeCloseTo(0.089, 12);
    expectPlainJson(m);
  });

  it('too few paired days or an all-NaN benchmark give nulls, not NaN', () => {
    // NaN, 110, 99, NaN, 119.79: only 99/110 − 1 is defined → 1 paired day → beta/alpha/corr null, vol null.
    const sparse = computeMetrics({
      curve: makeCurve(dates, port),
      trades: [],
      riskFree: 0,
      benchmark: { symbol: 'SPY', prices: Float64Array.from([NaN, 110, 99, NaN, 119.79]) },
    });
    expect(sparse.benchmark).toMatchObject({ pairedDays: 1, beta: null, alpha: null, correlation: null, volatility: null });
    expectPlainJson(sparse);

    const none = computeMetrics({
      curve: makeCurve(dates, port),
      trades: [],
      riskFree: 0,
      benchmark: { symbol: 'SPY', prices: new Float64Array(5).fill(NaN) },
    });
    expect(none.benchmark).toMatchObject({
      symbol: 'SPY',
      from: null,
      to: null,
      totalReturn: null,
      cagr: null,
      volatility: null,
      sharpe: null,
      sortino: null,
      calmar: null,
      maxDrawdown: 0,
      pairedDays: 0,
      beta: null,
      alpha: null,
      correlation: null,
      trackingError: null,
      informationRatio: null,
    });
    expectPlainJson(none);
  });

  it('a flat benchmark: beta null (zero variance)', () => {
    const m = computeMetrics({
      curve: makeCurve(dates, port),
      trades: [],
      riskFree: 0,
      benchmark: { symbol: 'CASH', prices: new Float64Array(5).fill(1) },
    });
    expect(m.benchmark).toMatchObject({ beta: null, alpha: null, correlation: null, totalReturn: 0, volatility: 0 });
    expectPlainJson(m);
  });
});
