/** Exact binomial test. Formula: METRICS.md. */

/** ln C(n, k) by summing logs: exact enough for any n an event study has, and no gamma approximation to trust. */
function logChoose(logFactorial: Float64Array, n: number, k: number): number {
  return logFactorial[n] - logFactorial[k] - logFactorial[n - k];
}

/**
 * Two-sided exact binomial p-value of `successes` in `trials` draws with success probability `p`: the total probability
 * of every outcome no more likely than the one observed (R's `binom.test`, with its 1e-7 relative tolerance for ties).
 * NaN when the inputs do not define a test (no trial, p outside [0, 1]).
 */
export function binomialTest(successes: number, trials: number, p: number): number {
  if (!(trials >= 1) || !Number.isInteger(trials) || !Number.isInteger(successes) || successes < 0 || successes > trials || !(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return successes === 0 ? 1 : 0;
  if (p === 1) return successes === trials ? 1 : 0;
  const logFactorial = new Float64Array(trials + 1);
  for (let i = 1; i <= trials; i++) logFactorial[i] = logFactorial[i - 1] + Math.log(i);
  const logPmf = (k: number) => logChoose(logFactorial, trials, k) + k * Math.log(p) + (trials - k) * Math.log1p(-p);
  const observed = logPmf(successes);
  const limit = observed + Math.log1p(1e-7);
  let total = 0;
  for (let k = 0; k <= trials; k++) {
    const l = logPmf(k);
    if (l <= limit) total += Math.exp(l);
  }
  return Math.min(1, total);
}
