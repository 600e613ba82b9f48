import type { BacktestResult } from '../engine/index.ts';
import type { BenchmarkMetrics } from '../engine/metrics/index.ts';
import type { RunRecord } from './run-record.ts';

type Listing = NonNullable<BacktestResult['listings']>[number];

/**
 * What the run's model did beyond trading (README, "Shorts and spreads", "Cash that earns", "Several benchmarks",
 * "Symbols that stop trading"): financing, every benchmark, margin calls and symbols that started or stopped.
 * Every part is empty for a plain long-only run with one benchmark, so such reports read as before.
 */
export interface ModelBlock {
  financing: { label: string; format: 'money' | 'pct'; value: number | null; how: string }[];
  /** Every benchmark's figures, when there is more than one. */
  benchmarks: BenchmarkMetrics[];
  marginCalls: { date: string; message: string }[];
  listings: Listing[];
}

/** The block from what metrics.json records, so `rotor report DIR` rebuilds it as the run wrote it. */
export function modelBlock(record: RunRecord): ModelBlock {
  const s = record.settings;
  const m = record.metrics;
  const t = m.trading;
  const financing: ModelBlock['financing'] = [];
  if (s.borrowBps > 0 || t.totalBorrow) financing.push({ label: 'Borrow fees paid (shorts)', format: 'money', value: t.totalBorrow ?? null, how: `${s.borrowBps} bps a year on short market value, charged daily; a cost (gross of costs adds it back)` });
  if (s.cashRate) financing.push({ label: 'Interest on cash', format: 'money', value: t.interest ?? null, how: record.rates?.cash ?? '' });
  if (s.riskFreeFrom) financing.push({ label: 'Risk-free rate (mean, ann.)', format: 'pct', value: m.riskFree, how: record.rates?.riskFree ?? '' });
  return {
    financing,
    benchmarks: m.benchmarks.length > 1 ? m.benchmarks : [],
    marginCalls: record.notes.filter((n) => n.kind === 'margin-call').map((n) => ({ date: n.date ?? '', message: n.message })),
    listings: record.listings ?? [],
  };
}

export const BLEND_NOTE = "A blend (`NAME:SYM:W,…`) is rebalanced to its weights at the close of each month's first trading day, without costs.";
export const LISTINGS_NOTE = 'A held symbol whose data ends before the run does is sold (a short bought back) at its last close, with costs; the run goes on.';
export const listingText = (l: Listing): string => (l.event === 'first price' ? 'first price (tradable from here)' : 'last price (data ends)');
