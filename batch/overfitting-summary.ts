import { fixed, pct, table } from '../reports/index.ts';
import type { OverfittingBlock } from '../reports/index.ts';

/** A text histogram of the logits: how often the in-sample best landed where in the out-of-sample ranking. */
function logitBars(logits: readonly number[]): string[] {
  if (!logits.length) return [];
  const edges = [-Infinity, -2, -1, -0.5, 0, 0.5, 1, 2, Infinity];
  const counts = new Array<number>(edges.length - 1).fill(0);
  for (const l of logits) {
    let k = 0;
    while (k < counts.length - 1 && l > edges[k + 1]) k++;
    counts[k]++;
  }
  const label = (k: number) => (k === 0 ? `≤ ${edges[1]}` : k === counts.length - 1 ? `> ${edges[k]}` : `${edges[k]} … ${edges[k + 1]}`);
  const most = Math.max(...counts);
  return [
    table(['logit', 'splits', 'share', ''], counts.map((c, k) => [label(k), String(c), pct(c / logits.length, 1), '█'.repeat(Math.round((20 * c) / (most || 1)))])),
  ];
}

/**
 * The "Overfitting" section of summary.md: the figures of the block, with what each one means in a sentence, since a
 * reader who skips METRICS.md must still not mistake the best trial for what to expect.
 */
export function overfittingSummary(o: OverfittingBlock, label: 'trials' | 'runs' = 'trials'): string[] {
  const out = ['## Overfitting', ''];
  out.push(
    `The best of N = ${o.n} ${label} (${o.failed ?? 0} failed, counted too) is an optimistic estimate. ` +
      `Had every ${label === 'trials' ? 'trial' : 'run'} no skill at all, the best annualised Sharpe of N would still be about **${fixed(o.expectedMaxSharpe, 2)}** ` +
      `(the spread of the trials' Sharpe ratios, variance ${fixed(o.sharpeVariance, 4)}, and N alone set it).`,
    '',
  );
  out.push(
    table(
      ['figure', 'value', 'what it says'],
      [
        ['N (every trial)', String(o.n), 'failed ones included'],
        ['variance of the Sharpe ratios', fixed(o.sharpeVariance, 4), 'of the ok trials, annualised Sharpes'],
        ['expected max Sharpe under the null', fixed(o.expectedMaxSharpe, 3), 'what the best of N no-skill trials would show'],
        [`best trial's Sharpe`, fixed(o.bestSharpe, 3), o.bestTrial === null || o.bestTrial === undefined ? '' : `trial ${o.bestTrial}`],
        ['Deflated Sharpe ratio (DSR)', pct(o.dsr, 1), 'probability that its true Sharpe beats the expected max of N no-skill trials'],
        ['PBO', pct(o.pbo, 1), `over ${o.splits ?? 0} half-splits of ${o.blocks ?? '—'} blocks`],
        ['P(out-of-sample loss)', pct(o.probOosLoss, 1), 'share of splits where the in-sample best lost out of sample'],
        ['slope (OOS on IS)', fixed(o.slope, 3), `intercept ${fixed(o.intercept, 3)}; at or below 0: in-sample rank says nothing of out-of-sample`],
      ],
    ),
    '',
  );
  out.push(
    '**What PBO means.** The history is cut into blocks; for every way of choosing half of them, the trial with the best ' +
      'Sharpe on that half (in sample) is looked up on the other half (out of sample). PBO is the share of those splits in which ' +
      'the in-sample winner ranks at or below the median of all trials out of sample. Near 0: picking the best trial does find ' +
      'one that also does well on unseen data. 50% or more: picking the best trial is no better than picking one at random — ' +
      'its backtest is most likely luck.',
    '',
  );
  if (o.logits?.length) out.push('Where the in-sample best ranked out of sample (logit > 0: above the median):', '', ...logitBars(o.logits), '');
  if (o.basis) out.push(`Basis: ${o.basis}`, '');
  if (o.note) out.push(`Note: ${o.note}.`, '');
  out.push('Formulas and references: METRICS.md (Bailey & López de Prado 2012, 2014; Bailey, Borwein, López de Prado & Zhu 2017).', '');
  return out;
}
