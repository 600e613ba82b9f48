import { sampleVariance } from 'simple-statistics';
import { cscv, deflatedSharpe, expectedMaxSharpe } from '../engine/index.ts';
import { TRADING_DAYS_PER_YEAR } from '../engine/metrics/index.ts';
import type { OverfittingBlock } from '../reports/index.ts';
import type { BatchPlan } from './plan.ts';
import { better } from './summary.ts';
import type { TrialRow } from './trial.ts';

/** C(16, 8): splits beyond this are sampled in sweep.json. */
const MAX_KEPT_SPLITS = 12_870;
/** Six significant digits: enough for a chart, and sweep.json stays readable with 12,870 splits. */
const round = (x: number): number => Number(x.toPrecision(6));
const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * The overfitting block of a sweep, a batch or a walk-forward fold, from its ledger rows alone (so --resume and a
 * distributed run give the same numbers): N (every trial, failed ones too), the variance of the ok trials' Sharpe
 * ratios, the expected maximum Sharpe of N trials under the null, the Deflated Sharpe ratio of the best trial by the
 * objective, and PBO by CSCV over the per-block sums each row keeps (batch/blocks.ts). Formulas: METRICS.md.
 */
export function overfittingBlock(rows: Iterable<TrialRow>, plan: Pick<BatchPlan, 'pboBlocks' | 'minimize'>): OverfittingBlock {
  const S = plan.pboBlocks;
  const annual = Math.sqrt(TRADING_DAYS_PER_YEAR);
  const order = better(plan.minimize);
  let n = 0;
  let failed = 0;
  let best: TrialRow | null = null;
  const sharpes: number[] = [];
  const sums: number[] = [];
  let pboTrials = 0;
  for (const row of rows) {
    n++;
    if (row.status !== 'ok') {
      failed++;
      continue;
    }
    if (!best || order(row, best) < 0) best = row;
    if (finite(row.metrics.sharpe)) sharpes.push(row.metrics.sharpe);
    if (row.blocks.length === 3 * S) {
      for (const v of row.blocks) sums.push(v);
      pboTrials++;
    }
  }
  const notes: string[] = [];
  const variance = sharpes.length >= 2 ? sampleVariance(sharpes) : null;
  if (variance === null) notes.push('fewer than 2 trials have a Sharpe ratio: no variance, expected maximum or DSR');
  const expectedMax = variance === null ? null : expectedMaxSharpe(n, variance);

  let dsr: number | null = null;
  const bm = best?.metrics;
  if (best && bm && variance !== null) {
    const observations = best.blocks.length === 3 * S ? best.blocks.slice(2 * S).reduce((a, b) => a + b, 0) : 0;
    if (finite(bm.sharpe) && finite(bm.skew) && finite(bm.kurtosis) && observations >= 2) {
      // The DSR works on per-period Sharpes: daily = annualised / √252, variance / 252.
      const d = deflatedSharpe({ sharpe: bm.sharpe / annual, observations, skew: bm.skew, kurtosis: bm.kurtosis + 3 }, n, variance / TRADING_DAYS_PER_YEAR);
      dsr = Number.isFinite(d) ? d : null;
    } else notes.push('the best trial has no Sharpe, skew or kurtosis: no DSR');
  }

  const block: OverfittingBlock = {
    n,
    failed,
    sharpeVariance: variance,
    expectedMaxSharpe: expectedMax !== null && Number.isFinite(expectedMax) ? expectedMax : null,
    bestTrial: best?.trial ?? null,
    bestSharpe: finite(bm?.sharpe) ? bm.sharpe : null,
    dsr,
    pbo: null,
    probOosLoss: null,
    slope: null,
    intercept: null,
    blocks: S,
    splits: 0,
    pboTrials,
    logits: [],
    isOos: [],
    basis:
      `Daily returns. Sharpe ratios are annualised × √${TRADING_DAYS_PER_YEAR} (metrics.json \`sharpe\`, in excess of the risk-free rate); ` +
      `the DSR takes the daily Sharpe (÷ √${TRADING_DAYS_PER_YEAR}), the best trial's skew and kurtosis and T = its daily returns in the window. ` +
      `PBO cuts the window into ${S} blocks and ranks the trials by the annualised Sharpe of their raw daily returns (no risk-free) on each half. ` +
      `N counts every trial, failed ones included; the variance and PBO use the ok trials.`,
  };
  if (pboTrials >= 2) {
    const r = cscv(sums, pboTrials, S, annual);
    block.pbo = r.pbo;
    block.probOosLoss = r.probOosLoss;
    block.slope = r.slope;
    block.intercept = r.intercept;
    block.splits = r.splits;
    // Past S = 16 the splits run into millions: the file keeps an even sample of them, the figures use them all.
    const every = Math.ceil(r.splits / MAX_KEPT_SPLITS);
    const kept = Array.from({ length: Math.ceil(r.splits / every) }, (_, k) => k * every);
    block.logits = kept.map((k) => round(r.logits[k]));
    block.isOos = kept.map((k) => [round(r.is[k]), round(r.oos[k])] as const);
    if (every > 1) notes.push(`logits and isOos keep every ${every}th of the ${r.splits} splits`);
  } else notes.push('fewer than 2 ok trials: no PBO');
  if (notes.length) block.note = notes.join('; ');
  return block;
}
