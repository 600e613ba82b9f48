import { toDay, weekday } from '../engine/macro/periods.ts';
import type { PriceTable } from './read-prices.ts';
import { IssueLog, type DataIssue, type IssueSeverity } from './issues.ts';

/** Thresholds of the checks that need judgement; the defaults pass every real closure in ../shared/data but 1933's. */
export interface PriceRuleOptions {
  /** A calendar gap between two rows longer than this many days is reported (default 10: 9/11 closed 6 days). */
  maxGapDays?: number;
  /** How a long gap is reported (default warning: markets do close, e.g. the 1933 bank holiday's 12 days). */
  gapSeverity?: IssueSeverity;
  /** A one-day move of the (adjusted) close beyond this fraction is a warning: likely an unadjusted split (default 0.25). */
  maxMove?: number;
}

export const DEFAULT_PRICE_RULES: Required<PriceRuleOptions> = { maxGapDays: 10, gapSeverity: 'warning', maxMove: 0.25 };

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/**
 * Checks over a whole price series (a table whose rows parsed): weekend dates and big one-day moves (warnings),
 * calendar gaps (configurable), and rows where only adj_close is known (one warning per file: OHLC unavailable).
 */
export function checkPriceSeries(table: PriceTable, options: PriceRuleOptions = {}): DataIssue[] {
  const o = { ...DEFAULT_PRICE_RULES, ...options };
  const log = new IssueLog(table.file);
  const { dates, lines, columns } = table;
  const n = dates.length;
  let prevPrice = NaN;
  let prevDate = '';
  let ohlcMissing = 0;
  let firstMissingLine = 0;
  for (let i = 0; i < n; i++) {
    const d = dates[i];
    const dow = weekday(d);
    if (dow === 0 || dow === 6) log.warn(lines[i], 'weekend-date', `${d} is a ${dow === 0 ? 'Sunday' : 'Saturday'}; markets are closed on weekends`, d, d);
    if (i > 0) {
      const gap = toDay(d) - toDay(dates[i - 1]);
      if (gap > o.maxGapDays) {
        const msg = `calendar gap of ${gap} days from ${dates[i - 1]} (line ${lines[i - 1]}) to ${d}; at most ${o.maxGapDays} expected`;
        if (o.gapSeverity === 'error') log.error(lines[i], 'calendar-gap', msg, `${gap} days`, d);
        else log.warn(lines[i], 'calendar-gap', msg, `${gap} days`, d);
      }
    }
    const adj = columns.adjClose[i];
    const price = Number.isFinite(adj) ? adj : columns.close[i];
    if (Number.isFinite(price)) {
      if (Number.isFinite(prevPrice)) {
        const move = price / prevPrice - 1;
        if (Math.abs(move) > o.maxMove) {
          log.warn(lines[i], 'big-move', `${Number.isFinite(adj) ? 'adj_close' : 'close'} moved ${pct(move)} from ${prevDate}, beyond ±${pct(o.maxMove)}: an unadjusted split?`, pct(move), d);
        }
      }
      prevPrice = price;
      prevDate = d;
    }
    if (Number.isNaN(columns.close[i]) && Number.isFinite(adj)) {
      if (ohlcMissing++ === 0) firstMissingLine = lines[i];
    }
  }
  if (ohlcMissing > 0) {
    log.warn(firstMissingLine, 'ohlc-unavailable', `open/high/low/close unavailable on ${ohlcMissing} of ${n} rows (adj_close only): such a symbol has a total-return close but no open or raw price there`, `${ohlcMissing} rows`);
  }
  return log.issues;
}
