/** Randomisation test of a sample's mean against the population it was drawn from. Formula: METRICS.md. */
import { uniformAt } from './random.ts';

export interface ResamplingOptions {
  /** Random draws of the null distribution. */
  permutations: number;
  seed: number;
  /** Separates independent tests under one seed (e.g. one per symbol and horizon). */
  stream: number;
}

/**
 * Two-sided p-value of the mean of `sample` (k values) against `population`: under the null the k values are k
 * dates drawn at random, without replacement, from the population. p = (1 + #{|mean* − μ| ≥ |mean − μ|}) / (B + 1),
 * μ the population mean, B the draws (the +1s count the observed sample as one draw, so p is never 0). Seeded and
 * counter-based: the same inputs give the same p. NaN when k is 0 or exceeds the population.
 */
export function randomDrawPValue(sample: ArrayLike<number>, population: ArrayLike<number>, o: ResamplingOptions): number {
  const k = sample.length;
  const n = population.length;
  if (k === 0 || k > n || !(o.permutations >= 1)) return NaN;
  let mu = 0;
  for (let i = 0; i < n; i++) mu += population[i];
  mu /= n;
  let m = 0;
  for (let i = 0; i < k; i++) m += sample[i];
  // A tolerance so that a draw equal to the sample (up to summation order) counts as at least as extreme.
  const observed = Math.abs(m / k - mu) * (1 - 1e-12);
  const pool = Float64Array.from(population);
  let extreme = 0;
  for (let b = 0; b < o.permutations; b++) {
    // Partial Fisher–Yates: the first k slots become a uniform draw without replacement.
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const r = j + Math.floor(uniformAt(o.seed, o.stream, b * k + j) * (n - j));
      const t = pool[j];
      pool[j] = pool[r];
      pool[r] = t;
      sum += pool[j];
    }
    if (Math.abs(sum / k - mu) >= observed) extreme++;
  }
  return (1 + extreme) / (1 + o.permutations);
}
