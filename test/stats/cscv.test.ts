import { describe, expect, it } from 'vitest';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { binomial, cscv, FieldError } from '../../engine/index.ts';
import { blockSums } from '../../batch/index.ts';

/** mulberry32: a seeded uniform generator, and Box–Muller normals from it. */
function normals(seed: number) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** `trials` return series of `bars` days: noise with a daily sd of 1%, plus each trial's drift. */
function series(trials: number, bars: number, drift: (t: number) => number, seed = 7): Float64Array[] {
  const z = normals(seed);
  return Array.from({ length: trials }, (_, t) => Float64Array.from({ length: bars }, () => 0.01 * z() + drift(t)));
}

/** Block sums as the ledger keeps them: returns[i] is earned on bar i + 1, the window is bars 1 … bars. */
function ledgerSums(returns: Float64Array[], blocks: number): number[] {
  return returns.flatMap((r) => blockSums(r, 0, { first: 1, last: r.length }, blocks));
}

/** CSCV straight from the definition, on the full return series: every half-split, Sharpe of the concatenated
 * returns, the in-sample best, its out-of-sample rank among all trials (ties share the mean of their ranks). */
function bruteForce(returns: Float64Array[], blocks: number) {
  const bars = returns[0].length;
  const blockOf = (i: number) => Math.floor((i * blocks) / bars);
  const sharpe = (xs: number[]) => (mean(xs) / sampleStandardDeviation(xs)) * Math.sqrt(252);
  const halves: number[][] = [];
  const pick = (from: number, chosen: number[]) => {
    if (chosen.length === blocks / 2) return void halves.push(chosen);
    for (let b = from; b < blocks; b++) pick(b + 1, [...chosen, b]);
  };
  pick(0, []);
  return halves.map((inside) => {
    const perf = (inSample: boolean) => returns.map((r) => sharpe([...r].filter((_, i) => inside.includes(blockOf(i)) === inSample)));
    const is = perf(true);
    const oos = perf(false);
    const best = is.indexOf(Math.max(...is));
    const sorted = [...oos].sort((x, y) => x - y);
    const rank = (sorted.indexOf(oos[best]) + 1 + sorted.lastIndexOf(oos[best]) + 1) / 2;
    const w = rank / (returns.length + 1);
    return { is: is[best], oos: oos[best], logit: Math.log(w / (1 - w)) };
  });
}

const triples = (r: ReturnType<typeof cscv>) => Array.from(r.logits, (logit, k) => ({ is: r.is[k], oos: r.oos[k], logit }));
const byIs = (a: { is: number }, b: { is: number }) => a.is - b.is;

describe('PBO by CSCV from block sums', () => {
  it('equals the brute-force computation on the full return series (uneven blocks)', () => {
    const returns = series(7, 203, (t) => 0.0002 * t);
    const fast = triples(cscv(ledgerSums(returns, 6), 7, 6, Math.sqrt(252))).sort(byIs);
    const slow = bruteForce(returns, 6).sort(byIs);
    expect(fast).toHaveLength(binomial(6, 3));
    expect(fast).toHaveLength(20);
    fast.forEach((f, k) => {
      expect(f.is).toBeCloseTo(slow[k].is, 9);
      expect(f.oos).toBeCloseTo(slow[k].oos, 9);
      expect(f.logit).toBeCloseTo(slow[k].logit, 12);
    });
  });

  it('averages the ranks of tied trials as the brute force does', () => {
    const base = series(4, 120, () => 0, 3);
    const returns = [base[0], base[1], base[1], base[2], base[3], base[1]];
    const r = cscv(ledgerSums(returns, 4), returns.length, 4, Math.sqrt(252));
    const slow = bruteForce(returns, 4);
    expect(triples(r).sort(byIs).map((x) => x.logit)).toEqual(slow.sort(byIs).map((x) => expect.closeTo(x.logit, 12)));
  });

  it('its summary figures follow from the splits: PBO = share of logits ≤ 0, P(loss) = share of OOS < 0, OLS slope', () => {
    const returns = series(9, 300, (t) => (t % 3) * 0.0003, 11);
    const r = cscv(ledgerSums(returns, 8), 9, 8, Math.sqrt(252));
    expect(r.splits).toBe(70);
    expect(r.pbo).toBeCloseTo(Array.from(r.logits).filter((l) => l <= 0).length / 70, 12);
    expect(r.probOosLoss).toBeCloseTo(Array.from(r.oos).filter((v) => v < 0).length / 70, 12);
    const mx = mean([...r.is]);
    const my = mean([...r.oos]);
    const slope = [...r.is].reduce((a, x, k) => a + (x - mx) * (r.oos[k] - my), 0) / [...r.is].reduce((a, x) => a + (x - mx) ** 2, 0);
    expect(r.slope).toBeCloseTo(slope, 10);
    expect(r.intercept).toBeCloseTo(my - slope * mx, 10);
  });

  // One seed's PBO is itself noisy (0.33 … 0.87 over seeds 1–8 here), so the noise case takes the mean over seeds.
  const pboOver = (seeds: number[], drift: (t: number) => number) => seeds.map((seed) => cscv(ledgerSums(series(40, 2016, drift, seed), 16), 40, 16).pbo);

  it('a pure-noise sweep overfits: PBO near 1/2 or above on average', () => {
    const pbo = pboOver([1, 2, 3, 4, 5, 6, 7, 8], () => 0);
    expect(mean(pbo)).toBeGreaterThan(0.45);
  });

  it('one trial with a real edge among noise is found out of sample: PBO near 0', () => {
    // Trial 17 earns 0.15% a day on a 1% daily sd: an annualised Sharpe of about 2.4 over 8 years.
    const pbo = pboOver([1, 2, 3, 4], (t) => (t === 17 ? 0.0015 : 0));
    expect(Math.max(...pbo)).toBeLessThan(0.05);
    const r = cscv(ledgerSums(series(40, 2016, (t) => (t === 17 ? 0.0015 : 0), 1), 16), 40, 16);
    expect(r.splits).toBe(12870);
    expect(Array.from(r.chosen).filter((t) => t === 17).length / r.splits).toBeGreaterThan(0.95);
  });

  it('refuses odd blocks and fewer than two trials, naming the field', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof FieldError ? e.field : 'not a FieldError';
      }
      return 'no error';
    };
    expect(field(() => cscv([], 2, 3))).toBe('blocks');
    expect(field(() => cscv(new Array(12).fill(0), 1, 4))).toBe('trials');
    expect(field(() => cscv([1, 2], 2, 4))).toBe('sums');
  });
});
