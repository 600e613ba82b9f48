import { describe, expect, it } from 'vitest';
import { binomialTest, eventStudy, randomDrawPValue } from '../../engine/index.ts';

/** The two-sided binomial p straight from the definition, with plain products (small n only). */
function binomialByHand(x: number, n: number, p: number): number {
  const choose = (k: number) => {
    let c = 1;
    for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
    return c;
  };
  const pmf = (k: number) => choose(k) * p ** k * (1 - p) ** (n - k);
  const observed = pmf(x);
  let total = 0;
  for (let k = 0; k <= n; k++) if (pmf(k) <= observed * (1 + 1e-7)) total += pmf(k);
  return total;
}

describe('exact binomial test', () => {
  it('7 heads in 20 fair tosses: p = 2 · P(X ≤ 7) = 0.2632', () => {
    expect(binomialTest(7, 20, 0.5)).toBeCloseTo(0.263176, 6);
  });

  it('matches the definition on skewed cases, and the edges', () => {
    for (const [x, n, p] of [[3, 10, 0.2], [0, 15, 0.3], [9, 12, 0.55], [40, 60, 0.52]]) expect(binomialTest(x, n, p)).toBeCloseTo(binomialByHand(x, n, p), 10);
    expect(binomialTest(5, 10, 0.5)).toBeCloseTo(1, 12);
    expect(binomialTest(0, 4, 0)).toBe(1);
    expect(binomialTest(1, 4, 0)).toBe(0);
    expect(binomialTest(3, 0, 0.5)).toBeNaN();
  });
});

describe('random-draw p-value of a mean', () => {
  it('converges to the exact permutation p over every subset', () => {
    const population = [0.03, -0.01, 0.02, 0.05, -0.04, 0.01, 0.0, 0.07];
    const sample = [0.05, 0.07];
    // Exact: every one of the C(8, 2) = 28 pairs, the share whose mean is as far from μ as the sample's.
    const mu = population.reduce((a, b) => a + b, 0) / population.length;
    const far = Math.abs((0.05 + 0.07) / 2 - mu);
    let extreme = 0;
    let pairs = 0;
    for (let i = 0; i < 8; i++)
      for (let j = i + 1; j < 8; j++) {
        pairs++;
        if (Math.abs((population[i] + population[j]) / 2 - mu) >= far - 1e-15) extreme++;
      }
    expect(pairs).toBe(28);
    const p = randomDrawPValue(sample, population, { permutations: 40_000, seed: 3, stream: 0 });
    expect(Math.abs(p - extreme / pairs)).toBeLessThan(0.01);
  });

  it('is seeded: the same inputs give the same p, another seed a slightly different one', () => {
    const population = Array.from({ length: 500 }, (_, i) => Math.sin(i * 12.9898) * 0.02);
    const sample = population.slice(0, 40).map((x) => x + 0.004);
    const a = randomDrawPValue(sample, population, { permutations: 2000, seed: 1, stream: 0 });
    expect(randomDrawPValue(sample, population, { permutations: 2000, seed: 1, stream: 0 })).toBe(a);
    expect(randomDrawPValue(sample, population, { permutations: 2000, seed: 2, stream: 0 })).not.toBe(a);
    // A sample that is the whole population is as ordinary as it gets.
    expect(randomDrawPValue(population, population, { permutations: 200, seed: 1, stream: 0 })).toBe(1);
    expect(randomDrawPValue([], population, { permutations: 200, seed: 1, stream: 0 })).toBeNaN();
  });
});

describe('event study p-values', () => {
  // A rising line with a jump after every 50th bar: events on those bars have a forward return far above the rest.
  const n = 1000;
  const close = new Float64Array(n);
  close[0] = 100;
  for (let t = 1; t < n; t++) close[t] = close[t - 1] * (1 + 0.0002 * Math.sin(t) + (t % 50 === 1 ? 0.03 : 0));
  const dates = Array.from({ length: n }, (_, t) => `d${String(t).padStart(4, '0')}`);
  const study = (bars: number[]) =>
    eventStudy({ dates, triggers: bars.map((bar) => ({ bar, because: 'x' })), closes: { X: close }, horizons: [1, 5], window: [0, n - 10], permutations: 2000 });

  it('sit next to the mean and hit rate they qualify, small for a real effect, deterministic', () => {
    const s = study(Array.from({ length: 19 }, (_, k) => 50 * (k + 1)));
    const [h1] = s.summary.X;
    expect(h1.events.mean).toBeGreaterThan(0.02);
    expect(h1.tests.meanP).toBeLessThan(0.001);
    expect(h1.tests.hitRateP).toBeCloseTo(binomialTest(19, 19, h1.baseline.hitRate), 12);
    expect(s.tests).toEqual({ permutations: 2000, seed: 1 });
    expect(study(Array.from({ length: 19 }, (_, k) => 50 * (k + 1))).summary).toEqual(s.summary);
  });

  it('large for events on ordinary days; null where there is no event', () => {
    const s = study([13, 217, 388, 402, 555, 671, 808, 913]);
    expect(s.summary.X[1].tests.meanP).toBeGreaterThan(0.05);
    const none = study([]);
    expect(none.summary.X[0].tests).toEqual({ meanP: null, hitRateP: null });
  });
});
