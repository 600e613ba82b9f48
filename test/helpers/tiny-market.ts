import { alignBars, type MarketData, type SymbolBars } from '../../engine/index.ts';

export interface TinySeries {
  dates: string[];
  open?: number[];
  close: number[];
  adjClose?: number[];
}

/** A hand-written market for tests: high/low bracket open and close, adjClose defaults to close. */
export function tinyMarket(series: Record<string, TinySeries>): MarketData {
  const bars: SymbolBars[] = Object.entries(series).map(([symbol, s]) => {
    const open = s.open ?? s.close;
    return {
      symbol,
      dates: s.dates,
      columns: {
        open: Float64Array.from(open),
        high: Float64Array.from(s.close.map((c, i) => Math.max(c, open[i]))),
        low: Float64Array.from(s.close.map((c, i) => Math.min(c, open[i]))),
        close: Float64Array.from(s.close),
        adjClose: Float64Array.from(s.adjClose ?? s.close),
        volume: Float64Array.from(s.close.map(() => 1000)),
      },
    };
  });
  return alignBars(bars);
}

/** Business days from 2024-01-01 (a Monday), as many as asked. */
export function days(n: number, start = '2024-01-01'): string[] {
  const out: string[] = [];
  const d = new Date(start + 'T00:00:00Z');
  while (out.length < n) {
    const dow = d.getUTCDay();
    if (dow !== 0 && dow !== 6) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

export { NO_COSTS as ZERO_COSTS } from '../../engine/index.ts';
