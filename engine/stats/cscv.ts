/**
 * Probability of backtest overfitting by combinatorially symmetric cross-validation (Bailey, Borwein, López de Prado &
 * Zhu, "The Probability of Backtest Overfitting", 2017), from per-block sums of each trial's returns, so that a split's
 * Sharpe ratios cost a few additions per trial instead of a pass over the returns. Formulas: METRICS.md.
 */
import { FieldError } from '../errors.ts';

export interface CscvResult {
  trials: number;
  blocks: number;
  /** C(S, S/2): every way of choosing the in-sample half. */
  splits: number;
  /** Share of splits whose in-sample best ranks at or below the out-of-sample median (logit ≤ 0). */
  pbo: number;
  /** Share of splits whose in-sample best has a negative out-of-sample Sharpe. */
  probOosLoss: number;
  /** Least squares of the chosen trial's out-of-sample Sharpe on its in-sample one over the splits; null when the
   * in-sample values do not vary. */
  slope: number | null;
  intercept: number | null;
  /** Per split: logit of the chosen trial's relative out-of-sample rank, ln(ω / (1 − ω)), ω = rank / (N + 1). */
  logits: Float64Array;
  /** Per split: the chosen trial's in-sample and out-of-sample Sharpe (× `scale`). */
  is: Float64Array;
  oos: Float64Array;
  /** Per split: the trial chosen in sample (its row in `sums`). */
  chosen: Int32Array;
}

/** Sharpe of a sample given Σr, Σr² and its count; 0 without two returns or spread (no risk taken, no reward). */
function sharpeOfSums(sum: number, squares: number, count: number, scale: number): number {
  if (count < 2) return 0;
  const mean = sum / count;
  const variance = (squares - sum * mean) / (count - 1);
  return variance > 1e-24 ? (mean / Math.sqrt(variance)) * scale : 0;
}

type BlockMajor = ReturnType<typeof blockMajor>;

/** Sharpe ratios of every trial on the blocks of `mask` and on the others; r, q, c are scratch arrays of N. */
function splitSharpes(m: BlockMajor, n: number, blocks: number, mask: number, scale: number, inside: Float64Array, outside: Float64Array): void {
  const { r, q, c } = m.scratch;
  r.fill(0);
  q.fill(0);
  c.fill(0);
  for (let b = 0; b < blocks; b++) {
    if (!(mask & (1 << b))) continue;
    const o = b * n;
    for (let t = 0; t < n; t++) {
      r[t] += m.r[o + t];
      q[t] += m.q[o + t];
      c[t] += m.c[o + t];
    }
  }
  for (let t = 0; t < n; t++) {
    inside[t] = sharpeOfSums(r[t], q[t], c[t], scale);
    outside[t] = sharpeOfSums(m.total[3 * t] - r[t], m.total[3 * t + 1] - q[t], m.total[3 * t + 2] - c[t], scale);
  }
}

/** Block-major copies of trial-major sums ([Σr per block…, Σr² per block…, count per block…] per trial), and totals. */
function blockMajor(sums: ArrayLike<number>, trials: number, blocks: number) {
  const r = new Float64Array(blocks * trials);
  const q = new Float64Array(blocks * trials);
  const c = new Float64Array(blocks * trials);
  const total = new Float64Array(3 * trials);
  for (let t = 0; t < trials; t++) {
    const row = t * 3 * blocks;
    for (let b = 0; b < blocks; b++) {
      r[b * trials + t] = sums[row + b];
      q[b * trials + t] = sums[row + blocks + b];
      c[b * trials + t] = sums[row + 2 * blocks + b];
      total[3 * t] += sums[row + b];
      total[3 * t + 1] += sums[row + blocks + b];
      total[3 * t + 2] += sums[row + 2 * blocks + b];
    }
  }
  return { r, q, c, total, scratch: { r: new Float64Array(trials), q: new Float64Array(trials), c: new Float64Array(trials) } };
}

/** C(n, k). */
export function binomial(n: number, k: number): number {
  let out = 1;
  for (let i = 1; i <= k; i++) out = (out * (n - k + i)) / i;
  return Math.round(out);
}

/**
 * CSCV over `trials` rows of `sums` (3·`blocks` numbers each, see batch/blocks.ts). The in-sample halves containing
 * block 0 are taken in increasing bitmask order, each followed by its complement, so split 2k and 2k + 1 swap halves.
 * The trial chosen in sample is the one with the highest Sharpe there (the lowest row on ties); its out-of-sample rank
 * among all trials averages ties. `scale` multiplies every Sharpe (√252 annualises daily returns) and changes no rank.
 */
export function cscv(sums: ArrayLike<number>, trials: number, blocks: number, scale = 1): CscvResult {
  if (!Number.isInteger(blocks) || blocks < 2 || blocks % 2 !== 0 || blocks > 30) throw new FieldError('blocks', `must be an even whole number from 2 to 30, got ${blocks}`);
  if (!Number.isInteger(trials) || trials < 2) throw new FieldError('trials', `PBO needs at least 2 trials, got ${trials}`);
  if (sums.length !== trials * 3 * blocks) throw new FieldError('sums', `expected ${trials * 3 * blocks} numbers (${trials} trials × 3 × ${blocks} blocks), got ${sums.length}`);
  const m = blockMajor(sums, trials, blocks);
  const half = blocks / 2;
  const splits = binomial(blocks, half);
  const logits = new Float64Array(splits);
  const is = new Float64Array(splits);
  const oos = new Float64Array(splits);
  const chosen = new Int32Array(splits);
  const a = new Float64Array(trials);
  const b = new Float64Array(trials);
  let k = 0;
  const record = (inside: Float64Array, outside: Float64Array) => {
    let best = 0;
    for (let t = 1; t < trials; t++) if (inside[t] > inside[best]) best = t;
    const v = outside[best];
    let below = 0;
    let tied = 0;
    for (let t = 0; t < trials; t++) {
      if (outside[t] < v) below++;
      else if (outside[t] === v) tied++;
    }
    const w = (below + (tied + 1) / 2) / (trials + 1);
    logits[k] = Math.log(w / (1 - w));
    is[k] = inside[best];
    oos[k] = v;
    chosen[k] = best;
    k++;
  };
  // Gosper's hack walks the masks with `half` bits set in increasing order; those with bit 0 set are half of them.
  const limit = 1 << blocks;
  for (let mask = (1 << half) - 1; mask < limit; ) {
    if (mask & 1) {
      splitSharpes(m, trials, blocks, mask, scale, a, b);
      record(a, b);
      record(b, a);
    }
    const low = mask & -mask;
    const ripple = mask + low;
    mask = (Math.floor(((ripple ^ mask) >>> 2) / low) | ripple) >>> 0;
  }
  let overfit = 0;
  let loss = 0;
  let mx = 0;
  let my = 0;
  for (let s = 0; s < splits; s++) {
    if (logits[s] <= 0) overfit++;
    if (oos[s] < 0) loss++;
    mx += is[s];
    my += oos[s];
  }
  mx /= splits;
  my /= splits;
  let sxx = 0;
  let sxy = 0;
  for (let s = 0; s < splits; s++) {
    sxx += (is[s] - mx) ** 2;
    sxy += (is[s] - mx) * (oos[s] - my);
  }
  const slope = sxx > 1e-24 ? sxy / sxx : null;
  return { trials, blocks, splits, pbo: overfit / splits, probOosLoss: loss / splits, slope, intercept: slope === null ? null : my - slope * mx, logits, is, oos, chosen };
}
