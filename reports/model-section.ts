import type { BacktestResult } from '../engine/index.ts';
import type { Metrics } from '../engine/metrics/index.ts';
import { fixed, money, pct, table } from './format.ts';

/**
 * What the run's model did beyond trading (README, "Shorts and spreads", "Cash that earns", "Several benchmarks",
 * "Symbols that stop trading"): financing, every benchmark, margin calls and symbols that started or stopped.
 * Empty for a plain long-only run with one benchmark, so such reports read as before.
 */
export function modelSection(m: Metrics, result: BacktestResult): string[] {
  const out: string[] = [];
  const s = result.settings;
  const t = m.trading;
  const financing: string[][] = [];
  if (s.borrowBps > 0 || t.totalBorrow) financing.push(['Borrow fees paid (shorts)', money(t.totalBorrow), `${s.borrowBps} bps a year on short market value, charged daily; a cost (gross of costs adds it back)`]);
  if (s.cashRate) financing.push(['Interest on cash', money(t.interest), result.rates?.cash ?? '']);
  if (s.riskFreeFrom) financing.push(['Risk-free rate (mean, ann.)', pct(m.riskFree), result.rates?.riskFree ?? '']);
  if (financing.length) out.push('## Financing', '', table(['', 'Amount', 'How'], financing), '');

  if (m.benchmarks.length > 1) {
    out.push('## Benchmarks', '');
    out.push(
      table(
        ['Benchmark', 'From', 'Total return', 'CAGR', 'Volatility', 'Beta', 'Alpha (ann.)', 'Correlation'],
        m.benchmarks.map((b) => [b.symbol, b.from ?? '—', pct(b.totalReturn), pct(b.cagr), pct(b.volatility), fixed(b.beta), pct(b.alpha), fixed(b.correlation)]),
      ),
      '',
      'A blend (`NAME:SYM:W,…`) is rebalanced to its weights at the close of each month\'s first trading day, without costs.',
      '',
    );
  }

  const calls = result.notes.filter((n) => n.kind === 'margin-call');
  if (calls.length) {
    out.push('## Margin calls', '');
    for (const n of calls) out.push(`- ${n.date}: ${n.message}`);
    out.push('');
  }
  const listings = result.listings ?? [];
  if (listings.length) {
    out.push('## Universe changes', '');
    out.push(
      table(
        ['Date', 'Symbol', 'Event', 'Closed at that close'],
        listings.map((l) => [l.date, l.symbol, l.event === 'first price' ? 'first price (tradable from here)' : 'last price (data ends)', l.closed ? `${fixed(l.closed.quantity, 4)} at ${fixed(l.closed.price, 4)}` : '']),
      ),
      '',
      'A held symbol whose data ends before the run does is sold (a short bought back) at its last close, with costs; the run goes on.',
      '',
    );
  }
  return out;
}
