import { drawdownEpisodes, periodReturns, type PeriodReturn } from '../../engine/metrics/index.ts';

export interface MonthlyRow {
  year: string;
  /** January … December; null where the run has no bar in that month. */
  months: (number | null)[];
  /** The calendar year's return (partial for the first and last years). */
  total: number | null;
}

/** Year × month returns with each year's total, from the calendar-period returns of engine/metrics. */
export function monthlyTable(dates: readonly string[], equity: Float64Array): MonthlyRow[] {
  const months = periodReturns(dates, equity, 'month');
  const years = new Map(periodReturns(dates, equity, 'year').map((p) => [p.period, p.ret]));
  const rows = new Map<string, MonthlyRow>();
  for (const m of months) {
    const y = m.period.slice(0, 4);
    let row = rows.get(y);
    if (!row) rows.set(y, (row = { year: y, months: new Array<number | null>(12).fill(null), total: finite(years.get(y)) }));
    row.months[Number(m.period.slice(5, 7)) - 1] = finite(m.ret);
  }
  return [...rows.values()];
}

export interface CalendarYear {
  year: string;
  ret: number | null;
  /** One per benchmark, in the metrics table's order. */
  benchmarks: (number | null)[];
}

export function calendarYears(dates: readonly string[], equity: Float64Array, benchmarks: readonly Float64Array[]): CalendarYear[] {
  const byBench = benchmarks.map((p) => new Map(periodReturns(dates, p, 'year').map((r: PeriodReturn) => [r.period, r.ret])));
  return periodReturns(dates, equity, 'year').map((y) => ({ year: y.period, ret: finite(y.ret), benchmarks: byBench.map((m) => finite(m.get(y.period))) }));
}

export interface DrawdownRow {
  start: string;
  trough: string;
  /** null while not recovered by the last bar. */
  recovery: string | null;
  depth: number;
  /** Trading days from the peak to recovery (or to the last bar). */
  length: number;
  /** Trading days from the peak to the trough. */
  toTrough: number;
}

/** The `count` deepest drawdown episodes, deepest first. */
export function worstDrawdowns(dates: readonly string[], equity: Float64Array, count = 5): DrawdownRow[] {
  return drawdownEpisodes(equity)
    .slice()
    .sort((a, b) => a.depth - b.depth || a.peak - b.peak)
    .slice(0, count)
    .map((e) => ({
      start: dates[e.peak],
      trough: dates[e.trough],
      recovery: e.recovery === null ? null : dates[e.recovery],
      depth: e.depth,
      length: e.duration,
      toTrough: e.trough - e.peak,
    }));
}

function finite(x: number | undefined): number | null {
  return x !== undefined && Number.isFinite(x) ? x : null;
}
