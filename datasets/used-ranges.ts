import type { MacroSeries } from '../engine/macro/macro-series.ts';
import type { MarketData } from '../engine/market/market-data.ts';
import type { DatasetIdentity } from './load.ts';

/** The part of a file a run actually replayed. */
export interface UsedRange {
  file: string;
  first: string;
  last: string;
  rows: number;
}

/**
 * For provenance: per price file, its rows inside the run's window [from, to] (earlier rows were there as history);
 * per macro file, the observations released by `to`, i.e. everything the strategy could have seen.
 */
export function usedRanges(identity: DatasetIdentity, market: MarketData, macro: readonly MacroSeries[], from: string, to: string): UsedRange[] {
  const out: UsedRange[] = [];
  for (const f of identity.files) {
    let first = '';
    let last = '';
    let rows = 0;
    if (f.symbol !== undefined && market.has(f.symbol)) {
      const close = market.column(f.symbol, 'close');
      const adj = market.column(f.symbol, 'adjClose');
      market.dates.forEach((d, i) => {
        if (d < from || d > to || !(close[i] > 0 || adj[i] > 0)) return;
        if (!first) first = d;
        last = d;
        rows++;
      });
    } else {
      const names = new Set(identity.macro.filter((m) => m.file === f.file).map((m) => m.series));
      const seen = new Set<string>();
      for (const s of macro) {
        if (!names.has(s.name)) continue;
        s.periods.forEach((p, j) => {
          if (s.released[j] <= to) seen.add(p);
        });
      }
      const periods = [...seen].sort();
      first = periods[0] ?? '';
      last = periods[periods.length - 1] ?? '';
      rows = periods.length;
    }
    out.push({ file: f.file, first, last, rows });
  }
  return out;
}
