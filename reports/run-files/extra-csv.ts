import type { RoundTrip } from '../../engine/metrics/index.ts';
import type { PriceSeries } from '../model/run-inputs.ts';

function num(v: number): string {
  return Number.isFinite(v) ? String(v) : '';
}

/** round-trips.csv: one FIFO slice per row (see METRICS.md, "Round trips"). */
export function roundTripsCsv(trips: readonly RoundTrip[]): string {
  const lines = ['symbol,direction,entry_date,exit_date,holding_days,quantity,cost,proceeds,pnl,return'];
  for (const r of trips) {
    lines.push([r.symbol, r.direction, r.openDate, r.closeDate, num(r.holdingDays), num(r.quantity), num(r.cost), num(r.proceeds), num(r.pnl), num(r.ret)].join(','));
  }
  return lines.join('\n') + '\n';
}

/** prices.csv: the benchmarks' and the traded symbols' closes on the run's dates, in the run's price basis. */
export function pricesCsv(dates: readonly string[], series: readonly PriceSeries[]): string {
  const lines = [['date', ...series.map((s) => s.symbol)].join(',')];
  for (let i = 0; i < dates.length; i++) lines.push([dates[i], ...series.map((s) => num(s.prices[i]))].join(','));
  return lines.join('\n') + '\n';
}
