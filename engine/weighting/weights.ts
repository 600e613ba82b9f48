import { RotorError } from '../errors.ts';
import type { StrategyContext, Weights } from '../strategy/context.ts';

/**
 * Weighting helpers a rotation picks its weights with, after bt's Weigh* algos and LEAN's portfolio construction
 * models. Each returns weights that sum to `total` (1 by default) over the symbols it was given, long only; a symbol
 * whose input is unknown (NaN) gets no weight, and when nothing is known the result is empty (hold cash).
 */

/** 1/N each (bt WeighEqually). */
export function equalWeights(symbols: readonly string[], total = 1): Weights {
  return Object.fromEntries(symbols.map((s) => [s, total / symbols.length]));
}

/** Weights ∝ 1 / volatility (bt WeighInvVol); symbols without a positive finite volatility are left out. */
export function inverseVolatility(vols: Readonly<Record<string, number>>, total = 1): Weights {
  const inv = Object.entries(vols).filter(([, v]) => v > 0 && Number.isFinite(v)).map(([s, v]) => [s, 1 / v] as const);
  const sum = inv.reduce((a, [, x]) => a + x, 0);
  return sum > 0 ? Object.fromEntries(inv.map(([s, x]) => [s, (total * x) / sum])) : {};
}

/**
 * Caps each weight at `cap` (a number, or one per symbol) and hands the excess to the uncapped weights in proportion
 * to theirs, until none is over (LEAN's and bt's limit-weights). When the caps cannot hold the total, everything is
 * at its cap and the rest stays in cash.
 */
export function capWeights(weights: Weights, cap: number | Readonly<Record<string, number>>): Weights {
  const capOf = (s: string) => (typeof cap === 'number' ? cap : (cap[s] ?? Infinity));
  const out: Record<string, number> = { ...weights };
  const fixed = new Set<string>();
  for (let round = 0; round < Object.keys(out).length + 1; round++) {
    let excess = 0;
    for (const [s, w] of Object.entries(out)) {
      if (!fixed.has(s) && w > capOf(s) + 1e-15) {
        excess += w - capOf(s);
        out[s] = capOf(s);
        fixed.add(s);
      }
    }
    if (excess <= 0) break;
    const free = Object.keys(out).filter((s) => !fixed.has(s) && out[s] > 0);
    const freeSum = free.reduce((a, s) => a + out[s], 0);
    if (freeSum <= 0) break;
    for (const s of free) out[s] += (excess * out[s]) / freeSum;
  }
  return out;
}

/** Sample covariance matrix (row-major) of the symbols' last n daily returns, read from the context; NaN if unknown. */
export function returnCovariance(ctx: Pick<StrategyContext, 'history'>, symbols: readonly string[], n: number): Float64Array {
  const m = symbols.length;
  const rets = symbols.map((s) => {
    const h = ctx.history(s, n + 1);
    const r = new Float64Array(n).fill(NaN);
    if (h.length === n + 1) for (let i = 0; i < n; i++) r[i] = h[i + 1] / h[i] - 1;
    return r;
  });
  const cov = new Float64Array(m * m);
  const means = rets.map((r) => r.reduce((a, x) => a + x, 0) / n);
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += (rets[i][k] - means[i]) * (rets[j][k] - means[j]);
      cov[i * m + j] = cov[j * m + i] = s / (n - 1);
    }
  }
  return cov;
}

function checkCov(cov: Float64Array, m: number, name: string): void {
  if (cov.length !== m * m) throw new RotorError(`${name}: covariance must be ${m} × ${m}, got ${cov.length} values`);
}

/** Euclidean projection onto { w ≥ 0, Σ w = total } (Duchi et al. 2008). */
function projectSimplex(v: Float64Array, total: number): void {
  const u = Float64Array.from(v).sort().reverse();
  let css = 0;
  let theta = 0;
  for (let i = 0; i < u.length; i++) {
    css += u[i];
    const t = (css - total) / (i + 1);
    if (u[i] - t > 0) theta = t;
  }
  for (let i = 0; i < v.length; i++) v[i] = Math.max(0, v[i] - theta);
}

/**
 * Long-only minimum variance: min wᵀΣw with w ≥ 0, Σw = total (bt WeighMeanVar with no return term, LEAN's
 * MinimumVariancePortfolioConstructionModel), by projected gradient descent to a tolerance of 1e-12. Empty when the
 * covariance has an unknown value.
 */
export function minimumVariance(symbols: readonly string[], cov: Float64Array, total = 1): Weights {
  const m = symbols.length;
  checkCov(cov, m, 'minimumVariance');
  if (!cov.every(Number.isFinite)) return {};
  // Step 1/L with L ≥ the largest eigenvalue of 2Σ (bounded by twice the largest absolute row sum).
  let L = 0;
  for (let i = 0; i < m; i++) {
    let row = 0;
    for (let j = 0; j < m; j++) row += Math.abs(cov[i * m + j]);
    L = Math.max(L, 2 * row);
  }
  if (!(L > 0)) return equalWeights(symbols, total);
  const w = new Float64Array(m).fill(total / m);
  const next = new Float64Array(m);
  for (let it = 0; it < 100_000; it++) {
    for (let i = 0; i < m; i++) {
      let g = 0;
      for (let j = 0; j < m; j++) g += 2 * cov[i * m + j] * w[j];
      next[i] = w[i] - g / L;
    }
    projectSimplex(next, total);
    let moved = 0;
    for (let i = 0; i < m; i++) {
      moved = Math.max(moved, Math.abs(next[i] - w[i]));
      w[i] = next[i];
    }
    if (moved < 1e-12) break;
  }
  return Object.fromEntries(symbols.map((s, i) => [s, w[i]]));
}

/**
 * Equal risk contribution (risk parity, bt WeighERC): every asset contributes the same share of portfolio variance,
 * w_i (Σw)_i = wᵀΣw / N, long only. Solved by cyclical coordinate descent (Griveau-Billion, Richard and Roncalli
 * 2013) on the unit-budget problem, then scaled to `total`.
 */
export function equalRiskContribution(symbols: readonly string[], cov: Float64Array, total = 1): Weights {
  const m = symbols.length;
  checkCov(cov, m, 'equalRiskContribution');
  if (!cov.every(Number.isFinite)) return {};
  const x = new Float64Array(m);
  for (let i = 0; i < m; i++) x[i] = 1 / Math.sqrt(cov[i * m + i]) || 1;
  const b = 1 / m;
  for (let it = 0; it < 10_000; it++) {
    let moved = 0;
    for (let i = 0; i < m; i++) {
      let c = 0;
      for (let j = 0; j < m; j++) if (j !== i) c += cov[i * m + j] * x[j];
      const a = cov[i * m + i];
      // Positive root of a x² + c x − b = 0.
      const xi = (-c + Math.sqrt(c * c + 4 * a * b)) / (2 * a);
      moved = Math.max(moved, Math.abs(xi - x[i]) / Math.max(1e-300, xi));
      x[i] = xi;
    }
    if (moved < 1e-13) break;
  }
  const sum = x.reduce((a, v) => a + v, 0);
  return Object.fromEntries(symbols.map((s, i) => [s, (total * x[i]) / sum]));
}
