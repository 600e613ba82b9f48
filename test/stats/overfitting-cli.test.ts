import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rotor } from '../helpers/run-cli.ts';

const FAULTY = fileURLToPath(new URL('../batch/fixtures/faulty.ts', import.meta.url));

const tmp = () => mkdtempSync(join(tmpdir(), 'rotor-stats-'));
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
const overfitting = (dir: string) => (JSON.parse(read(dir, 'sweep.json')) as { overfitting: Record<string, unknown> }).overfitting;

describe('rotor sweep writes the overfitting block (synthetic sample)', () => {
  it('in sweep.json and summary.md, with every trial counted; --resume after a loss gives the same numbers', () => {
    const dir = join(tmp(), 'sweep');
    const args = ['sweep', 'small-cap-streak', '--grid', 'days=2..5', '--grid', 'minGain=0,0.01', '--pbo-blocks', '8', '--keep', 'none', '--workers', '0', '--out', dir, '--quiet'];
    const first = rotor(args);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const o = overfitting(dir);
    expect(o).toMatchObject({ n: 8, failed: 0, blocks: 8, splits: 70, pboTrials: 8 });
    for (const k of ['pbo', 'probOosLoss', 'dsr']) expect(o[k]).toBeGreaterThanOrEqual(0);
    expect(o.pbo as number).toBeLessThanOrEqual(1);
    expect(o.logits).toHaveLength(70);
    expect(o.isOos).toHaveLength(70);
    expect(o.expectedMaxSharpe as number).toBeGreaterThan(0);
    const summary = read(dir, 'summary.md');
    expect(summary).toContain('## Overfitting');
    expect(summary).toContain('What PBO means');
    expect(summary).toContain(`| PBO | ${((o.pbo as number) * 100).toFixed(1)}% |`);
    expect(summary).toContain(`| Deflated Sharpe ratio (DSR) | ${((o.dsr as number) * 100).toFixed(1)}% |`);

    // Lose the last three trials of the ledger, as a kill would, and resume: the block is computed from the ledger.
    const ledger = read(dir, 'trials.jsonl').trimEnd().split('\n');
    writeFileSync(join(dir, 'trials.jsonl'), ledger.slice(0, 5).join('\n') + '\n');
    const resumed = rotor([...args, '--resume']);
    expect(resumed.status).toBe(0);
    expect(overfitting(dir)).toEqual(o);
    expect(read(dir, 'summary.md')).toBe(summary);
  });

  it('counts failed trials in N and leaves them out of PBO', () => {
    const dir = join(tmp(), 'sweep');
    const r = rotor(['sweep', FAULTY, '--grid', 'k=0..3', '--param', 'bad=2', '--pbo-blocks', '4', '--keep', 'none', '--workers', '0', '--out', dir, '--quiet']);
    expect(r.status).toBe(0);
    expect(overfitting(dir)).toMatchObject({ n: 4, failed: 1, pboTrials: 3, splits: 6 });
    expect(read(dir, 'summary.md')).toContain('N = 4 trials (1 failed, counted too)');
  });
});

describe('rotor run states the Sharpe inference (synthetic sample)', () => {
  it('in metrics.json and in both reports, with its basis', () => {
    const dir = join(tmp(), 'run');
    const r = rotor(['run', 'dual-momentum', '--benchmark', 'SPY', '--out', dir]);
    expect(r.status).toBe(0);
    const s = (JSON.parse(read(dir, 'metrics.json')) as { metrics: { sharpe: number; sharpeInference: Record<string, number | string | null> } }).metrics;
    expect(s.sharpeInference.dailySharpe).toBeCloseTo(s.sharpe / Math.sqrt(252), 12);
    for (const k of ['psr', 'psrBenchmark', 'standardError']) expect(typeof s.sharpeInference[k]).toBe('number');
    const psr = `${((s.sharpeInference.psr as number) * 100).toFixed(2)}%`;
    for (const report of ['report.md', 'report.html']) {
      const text = read(dir, report);
      expect(text).toContain('Is the Sharpe ratio luck?');
      expect(text).toContain(psr);
      expect(text).toContain('PSR against SPY');
      expect(text).toContain('Sharpe annualised × √252');
    }
  });
});

describe('rotor events puts p-values beside the means and hit rates (synthetic sample)', () => {
  it('in event-study.json and both reports, the same for the same seed', () => {
    const dir = join(tmp(), 'events');
    const args = ['events', 'streak', '--symbols', 'RUT,SPY', '--horizons', '5,21', '--permutations', '500', '--out', dir];
    expect(rotor(args).status).toBe(0);
    const study = JSON.parse(read(dir, 'event-study.json')) as { study: { tests: unknown; summary: Record<string, { tests: { meanP: number; hitRateP: number } }[]> } };
    expect(study.study.tests).toEqual({ permutations: 500, seed: 1 });
    const p = study.study.summary.RUT[0].tests;
    expect(p.meanP).toBeGreaterThan(0);
    expect(p.meanP).toBeLessThanOrEqual(1);
    expect(p.hitRateP).toBeGreaterThan(0);
    for (const report of ['report.md', 'report.html']) {
      const text = read(dir, report);
      expect(text).toContain('p (mean)');
      expect(text).toContain('p (hit rate)');
      expect(text).toContain('exact binomial test');
    }
    const before = read(dir, 'event-study.json');
    expect(rotor(args).status).toBe(0);
    expect(read(dir, 'event-study.json')).toBe(before);
    expect(rotor(['events', 'streak', '--permutations', '0', '--out', join(tmp(), 'refused')]).stderr).toMatch(/--permutations 0: expected a whole number/);
  });
});
