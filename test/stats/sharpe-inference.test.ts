import { describe, expect, it } from 'vitest';
import { deflatedSharpe, expectedMaxSharpe, minTrackRecordLength, normalCdf, normalQuantile, probabilisticSharpe, sharpeStandardError } from '../../engine/index.ts';

describe('normal distribution', () => {
  it('matches tabulated quantiles to 1e-8', () => {
    const table: [number, number][] = [
      [0.975, 1.959963984540054],
      [0.99, 2.3263478740408408],
      [0.05, -1.6448536269514729],
      [1e-6, -4.753424308822899],
      [0.5, 0],
    ];
    for (const [p, z] of table) expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-8);
  });

  it('inverts its own CDF', () => {
    for (const z of [-5, -2.5, -1, -0.1, 0.3, 1.7, 4]) expect(normalQuantile(normalCdf(z))).toBeCloseTo(z, 5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 7);
  });
});

describe('Sharpe ratio inference', () => {
  it('standard error reduces to Lo (2002) for normal returns: √((1 + SR²/2)/(T − 1))', () => {
    expect(sharpeStandardError({ sharpe: 0.1, observations: 253, skew: 0, kurtosis: 3 })).toBeCloseTo(Math.sqrt((1 + 0.005) / 252), 12);
    // Negative skew and fat tails widen it (Mertens 2002), by hand: 1 − (−1)(0.1) + (6 − 1)/4 · 0.01 = 1.1125.
    expect(sharpeStandardError({ sharpe: 0.1, observations: 253, skew: -1, kurtosis: 6 })).toBeCloseTo(Math.sqrt(1.1125 / 252), 12);
  });

  it('PSR by hand: Φ((SR − SR*)·√(T − 1)/√factor)', () => {
    const z = (0.1 * Math.sqrt(252)) / Math.sqrt(1.005);
    expect(probabilisticSharpe({ sharpe: 0.1, observations: 253, skew: 0, kurtosis: 3 })).toBeCloseTo(normalCdf(z), 12);
    expect(normalCdf(z)).toBeCloseTo(0.9433, 3);
    // Against its own Sharpe, a track record is a coin toss.
    expect(probabilisticSharpe({ sharpe: 0.1, observations: 253, skew: -1, kurtosis: 6 }, 0.1)).toBeCloseTo(0.5, 7);
  });

  it('minimum track record length: PSR reaches 95% exactly there; 272.9 returns for a daily SR of 0.1, normal', () => {
    const s = { sharpe: 0.1, skew: 0, kurtosis: 3 };
    const L = minTrackRecordLength(s);
    expect(L).toBeCloseTo(1 + 1.005 * (1.6448536269514722 / 0.1) ** 2, 5);
    expect(L).toBeCloseTo(272.907, 2);
    expect(probabilisticSharpe({ ...s, observations: L })).toBeCloseTo(0.95, 7);
    const skewed = { sharpe: 0.1, skew: -2, kurtosis: 10 };
    expect(probabilisticSharpe({ ...skewed, observations: minTrackRecordLength(skewed, 0.02, 0.99) }, 0.02)).toBeCloseTo(0.99, 7);
    expect(minTrackRecordLength({ sharpe: 0.05, skew: 0, kurtosis: 3 }, 0.05)).toBe(Infinity);
  });

  it('undefined inputs give NaN, not a number', () => {
    expect(probabilisticSharpe({ sharpe: NaN, observations: 100, skew: 0, kurtosis: 3 })).toBeNaN();
    expect(sharpeStandardError({ sharpe: 0.1, observations: 1, skew: 0, kurtosis: 3 })).toBeNaN();
  });
});

describe('Deflated Sharpe ratio (Bailey & López de Prado 2014)', () => {
  it("reproduces the paper's numerical example: N = 100, V = 1/2 annualised, SR 2.5 annualised, T = 1250, γ₃ = −3, γ₄ = 10 → SR₀ ≈ 0.1132, DSR ≈ 0.9004", () => {
    // The paper annualises with 250 days a year.
    const variance = 0.5 / 250;
    expect(expectedMaxSharpe(100, variance)).toBeCloseTo(0.1132, 4);
    expect(deflatedSharpe({ sharpe: 2.5 / Math.sqrt(250), observations: 1250, skew: -3, kurtosis: 10 }, 100, variance)).toBeCloseTo(0.9004, 4);
  });

  it('E[max] approximates the exact expected maximum of N standard normals', () => {
    // Exact E[max of N iid N(0,1)]: 1.5388 (N = 10), 2.5076 (100), 3.2414 (1000).
    const exact: [number, number][] = [[10, 1.5388], [100, 2.5076], [1000, 3.2414]];
    for (const [n, e] of exact) expect(Math.abs(expectedMaxSharpe(n, 1) / e - 1)).toBeLessThan(0.03);
    expect(expectedMaxSharpe(1, 4)).toBe(0);
    // Scales with the standard deviation of the trials' Sharpes.
    expect(expectedMaxSharpe(50, 4)).toBeCloseTo(2 * expectedMaxSharpe(50, 1), 12);
  });
});
