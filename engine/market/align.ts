import { MarketData, PRICE_FIELDS, type PriceField } from './market-data.ts';

/** One symbol's bars as read from its file, on its own dates. */
export interface SymbolBars {
  symbol: string;
  dates: readonly string[];
  columns: Record<PriceField, Float64Array>;
}

/**
 * Put every symbol on the union of all their trading days. A symbol missing a day gets NaN there, never the
 * previous value: the engine must see that it could not trade.
 */
export function alignBars(series: readonly SymbolBars[]): MarketData {
  const all = new Set<string>();
  for (const s of series) for (const d of s.dates) all.add(d);
  const dates = [...all].sort();
  const position = new Map<string, number>();
  dates.forEach((d, i) => position.set(d, i));

  const market = new MarketData(
    dates,
    series.map((s) => s.symbol),
  );
  market.values.fill(NaN);
  series.forEach((s, k) => {
    const rows = s.dates.map((d) => position.get(d)!);
    for (const field of PRICE_FIELDS) {
      const source = s.columns[field];
      const target = market.column(k, field);
      for (let r = 0; r < rows.length; r++) target[rows[r]] = source[r];
    }
  });
  return market;
}
