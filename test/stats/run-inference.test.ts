import { describe, expect, it } from 'vitest';
import { mean, sampleKurtosis, sampleSkewness, sampleStandardDeviation } from 'simple-statistics';
import { computeMetrics } from '../../engine/metrics/index.ts';
import { normalCdf } from '../../engine/index.ts';
import { inferenceSection } from '../../reports/model/sharpe-inference.ts';
import { makeCurve } from '../metrics/helpers.ts';

/** A year of made-up daily returns with a drift, fat tails and a benchmark beside them. */
function sample() {
  const n = 300;
  const dates: string[] = [];
  const equity = [100];
  const bench = [50];
  let x = 12345;
  const u = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2020, 0, 1 + i));
    dates.push(day.toISOString().slice(0, 10));
    if (i === 0) continue;
    const shock = u() < 0.03 ? -0.04 : 0;
    equity.push(equity[i - 1] * (1 + 0.003 + 0.01 * (u() - 0.5) + shock));
    bench.push(bench[i - 1] * (1 + 0.0004 + 0.012 * (u() - 0.5)));
  }
  return { dates, equity, bench };
}

describe('per-run Sharpe inference in metrics.json', () => {
  const { dates, equity, bench } = sample();
  const m = computeMetrics({ curve: makeCurve(dates, equity), trades: [], riskFree: 0, benchmark: { symbol: 'B', prices: Float64Array.from(bench) } });
  const r = equity.slice(1).map((e, i) => e / equity[i] - 1);
  const b = bench.slice(1).map((e, i) => e / bench[i] - 1);
  const sr = mean(r) / sampleStandardDeviation(r);
  const g3 = sampleSkewness(r);
  const g4 = sampleKurtosis(r) + 3;
  const factor = 1 - g3 * sr + ((g4 - 1) / 4) * sr * sr;

  it('matches the formulas composed here from the daily returns', () => {
    const s = m.sharpeInference;
    expect(s.observations).toBe(299);
    expect(s.dailySharpe).toBeCloseTo(sr, 12);
    expect(s.standardError).toBeCloseTo(Math.sqrt(factor / 298), 12);
    expect(s.standardErrorAnnualised).toBeCloseTo(Math.sqrt((252 * factor) / 298), 12);
    expect(s.psr).toBeCloseTo(normalCdf((sr * Math.sqrt(298)) / Math.sqrt(factor)), 12);
    const srB = mean(b) / sampleStandardDeviation(b);
    expect(s.benchmarkSharpe).toBeCloseTo(srB * Math.sqrt(252), 10);
    expect(s.psrBenchmark).toBeCloseTo(normalCdf(((sr - srB) * Math.sqrt(298)) / Math.sqrt(factor)), 10);
    expect(s.minTrackRecord).toBeCloseTo(1 + factor * (1.6448536269514722 / sr) ** 2, 4);
    expect(s.minTrackRecordYears).toBeCloseTo(s.minTrackRecord! / 252, 12);
    // The made-up returns are skewed left by the shocks, which widens the error over the normal one.
    expect(g3).toBeLessThan(0);
    expect(sr).toBeGreaterThan(0);
    expect(s.standardError!).toBeGreaterThan(Math.sqrt((1 + (sr * sr) / 2) / 298));
    expect(s.basis).toMatch(/daily returns; Sharpe annualised × √252/);
  });

  it('a losing run has no minimum track record; a flat one has no figures at all', () => {
    const down = computeMetrics({ curve: makeCurve(dates, equity.map((_, i) => equity[equity.length - 1 - i])), trades: [], riskFree: 0 });
    expect(down.sharpeInference.psr).toBeLessThan(0.5);
    expect(down.sharpeInference.minTrackRecord).toBeNull();
    const flat = computeMetrics({ curve: makeCurve(dates, dates.map(() => 100)), trades: [], riskFree: 0 });
    expect(flat.sharpeInference).toMatchObject({ psr: null, standardError: null, minTrackRecord: null, dailySharpe: null });
  });

  it('reaches the report model as rows with their basis', () => {
    const section = inferenceSection(m);
    expect(section?.rows.find((row) => row.label === 'PSR against B')?.cell.value).toBe(m.sharpeInference.psrBenchmark);
    expect(section?.rows.find((row) => row.label === 'Minimum track record at 95%')?.cell.value).toBe(Math.ceil(m.sharpeInference.minTrackRecord!));
    expect(section?.basis).toBe(m.sharpeInference.basis);
    // A metrics.json from before these figures existed still builds a report, without the section.
    const { sharpeInference: _, ...older } = m;
    expect(inferenceSection(older as typeof m)).toBeNull();
  });
});
