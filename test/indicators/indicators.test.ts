import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMA, RSI, SMA } from 'technicalindicators';
import {
  capWeights, defineStrategy, Ema, equalRiskContribution, FromHigh, inverseVolatility, minimumVariance, MonthlySma, PairStats, returnCovariance,
  Rsi, runBacktest, Sma, Volatility, above, sma, type Stepper,
} from '../../engine/index.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../helpers/shared-data.ts';
import { days, tinyMarket, ZERO_COSTS } from '../helpers/tiny-market.ts';

const feed = (s: Stepper, xs: number[]) => xs.map((x) => s.step(x));

describe('incremental indicators, by hand', () => {
  it('simple and exponential moving averages', () => {
    expect(feed(new Sma(3), [1, 2, 3, 4, 5])).toEqual([NaN, NaN, 2, 3, 4]);
    // α = 2 / (3 + 1) = 0.5, seeded with mean(1, 2, 3) = 2: then (4 − 2)/2 + 2 = 3, (5 − 3)/2 + 3 = 4.
    expect(feed(new Ema(3), [1, 2, 3, 4, 5])).toEqual([NaN, NaN, 2, 3, 4]);
    expect(feed(new Sma(2), [1, NaN, 3])).toEqual([NaN, NaN, 2]); // a missing bar is skipped, not a zero
  });

  it('volatility: sample stdev of the last n returns × √252', () => {
    // Returns +10%, −10%, +10%: the window (0.1, −0.1) has mean 0 and sample variance 0.02.
    const v = feed(new Volatility(2), [100, 110, 99, 108.9]);
    expect(v.slice(0, 2)).toEqual([NaN, NaN]);
    expect(v[2]).toBeCloseTo(Math.sqrt(0.02 * 252), 12);
    expect(v[3]).toBeCloseTo(Math.sqrt(0.02 * 252), 12);
  });

  it("Wilder's RSI", () => {
    // Changes +1, −0.5, +1. n = 2: gain 0.5, loss 0.25 → RS 2 → 66.67; then gain (0.5 + 1)/2 = 0.75,
    // loss (0.25 + 0)/2 = 0.125 → RS 6 → 85.71.
    const r = feed(new Rsi(2), [10, 11, 10.5, 11.5]);
    expect(r[2]).toBeCloseTo(100 - 100 / 3, 12);
    expect(r[3]).toBeCloseTo(100 - 100 / 7, 12);
  });

  it('distance from the n-bar high', () => {
    expect(feed(new FromHigh(3), [10, 12, 11, 9, 8])).toEqual([NaN, NaN, 11 / 12 - 1, 9 / 12 - 1, 8 / 11 - 1]);
  });

  it('correlation and beta of returns', () => {
    const q = new PairStats(3);
    const xs = [100, 110, 99, 108.9];
    const ys = [100, 120, 96, 115.2]; // returns +10/−10/+10 and +20/−20/+20: beta 2, correlation 1
    for (let i = 0; i < xs.length; i++) {
      q.step(xs[i], ys[i]);
      if (i < 3) expect(q.beta()).toBeNaN(); // three returns needed
    }
    expect(q.beta()).toBeCloseTo(2, 12);
    expect(q.correlation()).toBeCloseTo(1, 12);
  });

  it('a 2-month average of month-end closes, with today standing for the current month', () => {
    const m = new MonthlySma(2);
    // Jan ends at 10; in February the value is (10 + today) / 2.
    expect([m.step(8, false), m.step(10, false), m.step(12, true), m.step(14, false)]).toEqual([NaN, NaN, 11, 12]);
  });
});

describe('indicators on ctx and as rules', () => {
  it('reads them incrementally at each close, and the rule form agrees', () => {
    const d = days(6);
    const market = tinyMarket({ A: { dates: d, close: [1, 2, 3, 4, 5, 6] } });
    const seen: number[] = [];
    const rule = above('A', sma('A', 3));
    const states: string[] = [];
    const s = defineStrategy({ name: 's', description: '', universe: ['A'], onBar(ctx) {
      seen.push(ctx.indicators.sma('A', 3));
      states.push(rule.evaluate(ctx).state);
    } });
    runBacktest({ market, strategy: s, settings: { costs: ZERO_COSTS } });
    expect(seen).toEqual([NaN, NaN, 2, 3, 4, 5]);
    expect(states).toEqual(['unknown', 'unknown', 'true', 'true', 'true', 'true']);
  });

  it.skipIf(!HAVE_SHARED_DATA)('agrees with technicalindicators (an independent library) on SPY 2015–2024', () => {
    const closes = readFileSync(join(SHARED_DATA, 'prices', 'SPY.csv'), 'utf8').trim().split('\n').slice(1)
      .map((l) => l.split(',')).filter((c) => c[0] >= '2015-01-01' && c[0] <= '2024-12-31').map((c) => Number(c[5]));
    const ours = (s: Stepper) => feed(s, closes).filter((v) => !Number.isNaN(v));
    const close = (a: number[], b: number[], tol: number) => {
      expect(a.length).toBe(b.length);
      let worst = 0;
      for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
      expect(worst).toBeLessThan(tol);
    };
    close(ours(new Sma(200)), SMA.calculate({ period: 200, values: closes }), 1e-10);
    close(ours(new Ema(50)), EMA.calculate({ period: 50, values: closes }), 1e-10);
    // The library rounds RSI to 2 decimals.
    close(ours(new Rsi(14)), RSI.calculate({ period: 14, values: closes }), 0.0051);
  });
});

describe('weighting helpers, by hand', () => {
  it('inverse volatility and caps', () => {
    const w = inverseVolatility({ A: 0.1, B: 0.2, C: NaN });
    expect(w.A).toBeCloseTo(2 / 3, 12);
    expect(w.B).toBeCloseTo(1 / 3, 12);
    expect(w.C).toBeUndefined();
    // A capped at 0.4, its 0.2 shared 3:1 by B and C → B 0.45 over the cap → 0.4, its 0.05 to C → 0.2.
    const c = capWeights({ A: 0.6, B: 0.3, C: 0.1 }, 0.4);
    expect(c.A).toBeCloseTo(0.4, 12);
    expect(c.B).toBeCloseTo(0.4, 12);
    expect(c.C).toBeCloseTo(0.2, 12);
  });

  it('minimum variance: the two-asset closed form, and a corner when shorting would be needed', () => {
    // w_A = (σ_B² − σ_AB) / (σ_A² + σ_B² − 2 σ_AB) = (0.01 − 0.006) / (0.05 − 0.012) = 0.105263…
    const w = minimumVariance(['A', 'B'], Float64Array.from([0.04, 0.006, 0.006, 0.01]));
    expect(w.A).toBeCloseTo(0.004 / 0.038, 9);
    expect(w.B).toBeCloseTo(1 - 0.004 / 0.038, 9);
    // Unconstrained w_A = 0.028 / 0.026 > 1, so long-only puts everything in A.
    const corner = minimumVariance(['A', 'B'], Float64Array.from([0.01, 0.012, 0.012, 0.04]));
    expect(corner.A).toBeCloseTo(1, 9);
    expect(corner.B).toBeCloseTo(0, 9);
  });

  it('equal risk contribution: ∝ 1/σ when uncorrelated; equal contributions when correlated', () => {
    const w = equalRiskContribution(['A', 'B'], Float64Array.from([0.04, 0, 0, 0.01]));
    expect(w.A).toBeCloseTo(1 / 3, 9);
    expect(w.B).toBeCloseTo(2 / 3, 9);
    const cov = Float64Array.from([0.04, 0.01, 0.002, 0.01, 0.0225, 0.003, 0.002, 0.003, 0.01]);
    const e = equalRiskContribution(['A', 'B', 'C'], cov);
    const x = [e.A, e.B, e.C];
    const rc = x.map((xi, i) => xi * x.reduce((a, xj, j) => a + cov[i * 3 + j] * xj, 0));
    expect(rc[1] / rc[0]).toBeCloseTo(1, 9);
    expect(rc[2] / rc[0]).toBeCloseTo(1, 9);
    expect(x.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('covariance of returns from the context', () => {
    const h: Record<string, number[]> = { A: [100, 110, 99], B: [100, 90, 99] }; // returns (0.1, −0.1) and (−0.1, 0.1)
    const cov = returnCovariance({ history: (s: string) => Float64Array.from(h[s]) }, ['A', 'B'], 2);
    expect(Array.from(cov)).toEqual([0.02, -0.02, -0.02, 0.02].map((v) => expect.closeTo(v, 12)));
  });
});
