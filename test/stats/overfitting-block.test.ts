import { describe, expect, it } from 'vitest';
import { blockSums, overfittingBlock, overfittingSummary, type TrialRow } from '../../batch/index.ts';
import { cscv, deflatedSharpe, expectedMaxSharpe } from '../../engine/index.ts';

const S = 4;
/** A made-up ledger row: ok rows carry their Sharpe, skew, kurtosis and block sums; failed rows nothing. */
function row(trial: number, returns: number[] | null, sharpe = 0): TrialRow {
  const ok = returns !== null;
  return {
    trial,
    status: ok ? 'ok' : 'failed',
    error: ok ? null : 'boom',
    errorDate: null,
    errorField: null,
    label: null,
    strategy: 's',
    params: { k: trial },
    metrics: { sharpe: ok ? sharpe : null, skew: ok ? -0.5 : null, kurtosis: ok ? 2 : null },
    objective: ok ? sharpe : null,
    runKey: `k${trial}`,
    blocks: ok ? blockSums(Float64Array.from(returns), 0, { first: 1, last: returns.length }, S) : [],
  };
}

const wave = (phase: number, drift: number) => Array.from({ length: 40 }, (_, i) => 0.01 * Math.sin(i * 1.7 + phase) + drift);
const rows = [row(0, wave(0, 0.001), 0.8), row(1, null), row(2, wave(1, 0.002), 1.4), row(3, wave(2, -0.001), -0.3), row(4, null)];

describe('overfittingBlock from ledger rows', () => {
  const o = overfittingBlock(rows, { pboBlocks: S, minimize: false });

  it('N counts the failed trials; the variance and PBO take the ok ones', () => {
    expect(o).toMatchObject({ n: 5, failed: 2, pboTrials: 3, blocks: S, splits: 6, bestTrial: 2, bestSharpe: 1.4 });
    const sharpes = [0.8, 1.4, -0.3];
    const m = (0.8 + 1.4 - 0.3) / 3;
    const variance = sharpes.reduce((a, x) => a + (x - m) ** 2, 0) / 2;
    expect(o.sharpeVariance).toBeCloseTo(variance, 12);
    expect(o.expectedMaxSharpe).toBeCloseTo(expectedMaxSharpe(5, variance), 12);
    // The DSR is taken on the daily basis: Sharpe ÷ √252, variance ÷ 252, T = the best trial's 40 returns.
    expect(o.dsr).toBeCloseTo(deflatedSharpe({ sharpe: 1.4 / Math.sqrt(252), observations: 40, skew: -0.5, kurtosis: 5 }, 5, variance / 252), 12);
  });

  it('its PBO is the kernel run on the ok rows in trial order', () => {
    const r = cscv([...rows[0].blocks, ...rows[2].blocks, ...rows[3].blocks], 3, S, Math.sqrt(252));
    expect(o.pbo).toBe(r.pbo);
    expect(o.probOosLoss).toBe(r.probOosLoss);
    expect(o.logits).toEqual(Array.from(r.logits, (l) => expect.closeTo(l, 5)));
    expect(o.isOos).toHaveLength(6);
  });

  it('says why a figure is missing, and summary.md says what PBO means', () => {
    const one = overfittingBlock([row(0, wave(0, 0.001), 0.8), row(1, null)], { pboBlocks: S, minimize: false });
    expect(one).toMatchObject({ n: 2, failed: 1, pbo: null, dsr: null, sharpeVariance: null });
    expect(one.note).toMatch(/fewer than 2 ok trials: no PBO/);
    const text = overfittingSummary(o).join('\n');
    expect(text).toMatch(/What PBO means/);
    expect(text).toMatch(/N = 5 trials \(2 failed, counted too\)/);
  });
});
