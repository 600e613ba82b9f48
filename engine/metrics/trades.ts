/** Trade-list statistics: FIFO round trips, costs, notional and turnover. Formulas: METRICS.md. */
import type { Trade } from '../types.ts';
import { daysBetween } from './util.ts';

/** Quantities at or below this are treated as zero when matching lots (fractional-share float residue). */
export const QTY_EPSILON = 1e-9;

/** A closed slice of a lot: one (opening lot, closing trade) pair from FIFO matching. */
export interface RoundTrip {
  symbol: string;
  /** 'long' = opened by a buy, closed by a sell; 'short' = opened by a sell with no long lot, closed by a buy. */
  direction: 'long' | 'short';
  openDate: string;
  closeDate: string;
  quantity: number;
  /** What the slice cost: quantity × buy price + the slice's share of the buy commission. */
  cost: number;
  /** What the slice fetched: quantity × sell price − the slice's share of the sell commission. */
  proceeds: number;
  /** proceeds − cost. */
  pnl: number;
  /** pnl / what was put at risk on entry (cost for a long, proceeds for a short). */
  ret: number;
  /** Calendar days from openDate to closeDate. */
  holdingDays: number;
  /** proceeds > cost (break-even is not a win). */
  win: boolean;
}

interface Lot {
  /** +1 long (opened by a buy), −1 short (opened by a sell). */
  dir: 1 | -1;
  qty: number;
  price: number;
  commissionPerUnit: number;
  date: string;
}

/**
 * FIFO-match trades per symbol. Trades are processed in bar order (stable, so same-bar trades keep their list
 * order). A trade first closes the symbol's oldest opposite-direction lots; any remainder opens a new lot.
 * Each (lot, closing trade) slice is one round trip.
 */
export function roundTrips(trades: readonly Trade[]): RoundTrip[] {
  const ordered = trades.map((t, i) => ({ t, i })).sort((a, b) => a.t.bar - b.t.bar || a.i - b.i);
  const books = new Map<string, Lot[]>();
  const out: RoundTrip[] = [];
  for (const { t } of ordered) {
    if (!(t.quantity > 0) || !Number.isFinite(t.price)) continue;
    const dir: 1 | -1 = t.side === 'buy' ? 1 : -1;
    const commissionPerUnit = t.commission / t.quantity;
    let book = books.get(t.symbol);
    if (!book) books.set(t.symbol, (book = []));
    let remaining = t.quantity;
    while (remaining > QTY_EPSILON && book.length > 0 && book[0].dir !== dir) {
      const lot = book[0];
      const q = Math.min(remaining, lot.qty);
      const long = lot.dir === 1;
      const cost = long ? q * (lot.price + lot.commissionPerUnit) : q * (t.price + commissionPerUnit);
      const proceeds = long ? q * (t.price - commissionPerUnit) : q * (lot.price - lot.commissionPerUnit);
      out.push({
        symbol: t.symbol,
        direction: long ? 'long' : 'short',
        openDate: lot.date,
        closeDate: t.date,
        quantity: q,
        cost,
        proceeds,
        pnl: proceeds - cost,
        ret: (proceeds - cost) / (long ? cost : proceeds),
        holdingDays: daysBetween(lot.date, t.date),
        win: proceeds > cost,
      });
      lot.qty -= q;
      remaining -= q;
      if (lot.qty <= QTY_EPSILON) book.shift();
    }
    if (remaining > QTY_EPSILON) book.push({ dir, qty: remaining, price: t.price, commissionPerUnit, date: t.date });
  }
  return out;
}

export interface RoundTripSummary {
  count: number;
  wins: number;
  losses: number;
  /** wins / count; null when there is no round trip. */
  winRate: number | null;
  /** Σ pnl of winners / |Σ pnl of the rest|; null when no round trip lost money. */
  profitFactor: number | null;
  /** Mean pnl per round trip (currency); null when there is none. */
  expectancy: number | null;
  /** Mean return per round trip; null when there is none. */
  averageReturn: number | null;
  /** Mean calendar days held; null when there is no round trip. */
  averageHoldingDays: number | null;
}

export function summariseRoundTrips(trips: readonly RoundTrip[]): RoundTripSummary {
  const wins = trips.filter((r) => r.win).length;
  let won = 0;
  let lost = 0;
  let pnl = 0;
  let ret = 0;
  let days = 0;
  for (const r of trips) {
    if (r.pnl > 0) won += r.pnl;
    else lost -= r.pnl;
    pnl += r.pnl;
    ret += r.ret;
    days += r.holdingDays;
  }
  const n = trips.length;
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    count: n,
    wins,
    losses: n - wins,
    winRate: n > 0 ? wins / n : null,
    profitFactor: lost > 0 ? finite(won / lost) : null,
    expectancy: n > 0 ? finite(pnl / n) : null,
    averageReturn: n > 0 ? finite(ret / n) : null,
    averageHoldingDays: n > 0 ? finite(days / n) : null,
  };
}

/** Σ quantity × price over all trades. */
export function tradedNotional(trades: readonly Trade[]): number {
  let s = 0;
  for (const t of trades) s += t.quantity * t.price;
  return s;
}

export function totalCommission(trades: readonly Trade[]): number {
  let s = 0;
  for (const t of trades) s += t.commission;
  return s;
}

export function totalSlippage(trades: readonly Trade[]): number {
  let s = 0;
  for (const t of trades) s += t.slippage;
  return s;
}

/** notional / 2 / mean equity / years; null when years ≤ 0 or mean equity ≤ 0. */
export function annualisedTurnover(notional: number, meanEquity: number, years: number): number | null {
  if (!(years > 0) || !(meanEquity > 0)) return null;
  const v = notional / 2 / meanEquity / years;
  return Number.isFinite(v) ? v : null;
}
