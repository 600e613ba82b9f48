import type { RoundTrip } from '../../engine/metrics/index.ts';
import type { PriceSeries } from '../model/run-inputs.ts';
import { csvNumber } from '../csv-writers.ts';

/** round-trips.csv: one FIFO slice per row (see METRICS.md, "Round trips"). */
export function roundTripsCsv(trips: readonly RoundTrip[]): string {
  const lines = ['symbol,direction,entry_date,exit_date,holding_days,quantity,cost,proceeds,pnl,return'];
  for (const r of trips) {
    lines.push([r.symbol, r.direction, r.openDate, r.closeDate, csvNumber(r.holdingDays), csvNumber(r.quantity), csvNumber(r.cost), csvNumber(r.proceeds), csvNumber(r.pnl), csvNumber(r.ret)].join(','));
  }
  return lines.join('\n') + '\n';
}

/** prices.csv: the benchmarks' and the traded symbols' closes on the run's dates, in the run's price basis. */
export function pricesCsv(dates: readonly string[], series: readonly PriceSeries[]): string {
  // Concatenated rather than joined from cell arrays, as equityCsv: 7,500 rows for a 30-year run.
  let out = ['date', ...series.map((s) => s.symbol)].join(',') + '\n';
  for (let i = 0; i < dates.length; i++) {
    let line = dates[i];
    for (let k = 0; k < series.length; k++) line += `,${csvNumber(series[k].prices[i])}`;
    out += line + '\n';
  }
  return out;
}
