import { RotorError } from '../../engine/errors.ts';
import { isOffline, networkError } from './http.ts';

/** The part of yahoo-finance2's `chart()` answer rotor uses (its array form). */
export interface YahooChart {
  meta: { symbol: string; gmtoffset?: number };
  quotes: { date: Date; open: number | null; high: number | null; low: number | null; close: number | null; adjclose?: number | null; volume: number | null }[];
}

/** Daily bars of one symbol from `from` (ISO date) on; the real one is yahoo-finance2, tests pass a stub. */
export type YahooSource = (symbol: string, from: string) => Promise<YahooChart>;

/** yahoo-finance2, loaded only when a fetch runs. Its own notices go nowhere: rotor reports progress itself. */
export const yahooFinance: YahooSource = async (symbol, from) => {
  const { default: YahooFinance } = await import('yahoo-finance2');
  const quiet = { info() {}, warn() {}, error() {}, debug() {}, dir() {} };
  const yf = new YahooFinance({ logger: quiet, suppressNotices: ['yahooSurvey'] });
  try {
    const r = await yf.chart(symbol, { period1: from, interval: '1d', events: 'div|split' });
    return { meta: { symbol: r.meta.symbol, gmtoffset: r.meta.gmtoffset }, quotes: r.quotes };
  } catch (e) {
    if (isOffline(e)) throw networkError('https://query2.finance.yahoo.com', e);
    throw new RotorError(`yahoo ${symbol}: ${(e as Error).message.split('\n')[0]}`);
  }
};

const num = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '' : String(v));

/**
 * Rows in rotor's layout. A bar's timestamp is the session's open in UTC; shifted by the exchange's UTC offset it
 * gives the local trading date (a Tokyo bar would otherwise land on the previous day). Bars with no price are left out.
 */
export function yahooRows(chart: YahooChart): string[] {
  const offset = (chart.meta.gmtoffset ?? 0) * 1000;
  const rows: string[] = [];
  for (const q of chart.quotes) {
    if ((q.close === null || q.close === undefined) && (q.adjclose === null || q.adjclose === undefined)) continue;
    const date = new Date(q.date.getTime() + offset).toISOString().slice(0, 10);
    rows.push([date, num(q.open), num(q.high), num(q.low), num(q.close), num(q.adjclose ?? q.close), num(q.volume)].join(','));
  }
  return rows;
}
