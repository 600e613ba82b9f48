import type { RunNote, RunSettings, Side, Trade } from '../types.ts';
import type { TradeLog } from './trade-log.ts';
import { commission, slippedPrice } from './costs.ts';
import type { Portfolio } from './portfolio.ts';
import { coverShorts, sellShort, shortMarketValue } from './shorts.ts';

export interface FillContext {
  date: string;
  bar: number;
  /** Reference fill price per universe symbol at this fill time; NaN where the symbol has no bar. */
  price: Float64Array;
  /** Last known price per symbol, used to value positions that cannot trade now. */
  mark: Float64Array;
  settings: RunSettings;
  trades: Trade[];
  /** When set, fills are recorded here instead of in `trades` (the replay's fills: see trade-log.ts). */
  log?: TradeLog;
  /**
   * When set, the universe indices (ascending) a fill may touch: every held symbol and every one an order names. The
   * broker's loops visit only these: the others have no position, no delta and no price, so they added nothing,
   * and the terms that remain come in the same order, so every sum is the same.
   */
  only?: { indices: Int32Array; count: number };
  notes: RunNote[];
}

/** Portfolio.value(fill.price, fill.mark), over `fill.only` when set (it lists every held symbol). */
export function fillValue(portfolio: Portfolio, fill: FillContext): number {
  if (!fill.only) return portfolio.value(fill.price, fill.mark);
  const { indices, count } = fill.only;
  const { price, mark } = fill;
  const q = portfolio.quantity;
  let v = portfolio.cash * 1; // unboxed: see Portfolio.cash
  for (let j = 0; j < count; j++) {
    const k = indices[j];
    if (q[k] === 0) continue;
    const p = price[k];
    v += q[k] * (p === p ? p : mark[k]);
  }
  return v;
}

/** Record one fill in the fill context's log, or else its trade list. */
export function recordTrade(fill: FillContext, symbol: string, side: Side, quantity: number, price: number, commission: number, slippage: number, reason: string): void {
  if (fill.log) fill.log.add(fill.date, fill.bar, symbol, side, quantity, price, commission, slippage, reason);
  else fill.trades.push({ date: fill.date, bar: fill.bar, symbol, side, quantity, price, commission, slippage, reason });
}

// Scratch space of the buy pass, reused from call to call (a fill runs to its end before the next one starts): a
// fresh typed array per fill was most of the cost of a monthly rebalance.
let scratchPrice = new Float64Array(0);
let scratchBuys = new Int32Array(0);
let scratchBuyDelta = new Float64Array(0);
let scratchBuyPx = new Float64Array(0);

/** Share counts after integer rounding (toward zero, so a rounded buy never needs more cash than planned). */
function shares(q: number, integer: boolean): number {
  return integer ? Math.trunc(q) : q;
}

/**
 * Trade `delta[k]` shares of each symbol: sells first, then buys scaled down together (never silently dropped) so
 * that their cost, commissions and slippage included, fits the cash the sells left (plus any allowed leverage).
 */
export function executeDeltas(portfolio: Portfolio, delta: Float64Array, fill: FillContext, reason: string): void {
  const { settings, price } = fill;
  const costs = settings.costs;
  const n = delta.length;

  const only = fill.only;
  const m = only ? only.count : n;
  const at = only ? only.indices : undefined;

  // Shares to sell short once the long positions are sold (see shorts.ts); allocated only when a sell needs it.
  let shortSales: Float64Array | undefined;
  for (let j = 0; j < m; j++) {
    const k = at ? at[j] : j;
    if (delta[k] >= 0) continue;
    let q = -delta[k];
    const held = portfolio.quantity[k];
    if (q > held) {
      shortSales ??= new Float64Array(n);
      shortSales[k] = held > 0 ? q - held : q;
      q = Math.max(0, held);
    }
    if (q <= 0) continue;
    const px = slippedPrice(costs, price[k], false);
    const fee = commission(costs, q, px);
    if (q * px < fee && portfolio.cash + q * px - fee < 0 && settings.maxLeverage === 1) {
      fill.notes.push({
        date: fill.date,
        kind: 'unfilled',
        message: `sale of ${q} ${portfolio.symbols[k]} skipped: its proceeds ${(q * px).toFixed(2)} do not cover the ${fee.toFixed(2)} commission and cash cannot go negative`,
      });
      continue;
    }
    const slip = q * (price[k] - px);
    portfolio.quantity[k] = held - q === 0 || Math.abs(held - q) < 1e-12 * held ? 0 : held - q;
    portfolio.cash += q * px - fee;
    portfolio.costsPaid += fee + slip;
    recordTrade(fill, portfolio.symbols[k], 'sell', q, px, fee, slip, reason);
  }

  // Covering shorts only lowers exposure, so it comes before new positions and is never scaled.
  const covers = coverShorts(portfolio, delta, fill, reason);
  if (shortSales) sellShort(portfolio, shortSales, fill, reason);

  if (scratchPrice.length < n) {
    scratchPrice = new Float64Array(n);
    scratchBuys = new Int32Array(n);
  }
  // Written for every buy before it is read.
  const buyPrice = scratchPrice;
  // Indices of the buys, ascending: the bisection below re-prices only these (same order, so same sums).
  const buys = scratchBuys;
  let nBuys = 0;
  for (let j = 0; j < m; j++) {
    const k = at ? at[j] : j;
    if (covers) delta[k] -= covers[k];
    if (delta[k] > 0) {
      buyPrice[k] = slippedPrice(costs, price[k], true);
      buys[nBuys++] = k;
    }
  }
  if (nBuys === 0) return;

  const integer = settings.integerShares;
  // The bisection below evaluates this many times per fill: the buys' shares and prices are packed side by side.
  if (scratchBuyDelta.length < nBuys) {
    scratchBuyDelta = new Float64Array(n);
    scratchBuyPx = new Float64Array(n);
  }
  const buyDelta = scratchBuyDelta;
  const buyPx = scratchBuyPx;
  for (let j = 0; j < nBuys; j++) {
    buyDelta[j] = delta[buys[j]];
    buyPx[j] = buyPrice[buys[j]];
  }
  const cost = (scale: number): number => {
    let c = 0;
    for (let j = 0; j < nBuys; j++) {
      const q = shares(buyDelta[j] * scale, integer);
      c += q * buyPx[j] + commission(costs, q, buyPx[j]);
    }
    return c;
  };
  const equity = fillValue(portfolio, fill);
  let available = portfolio.cash + Math.max(0, settings.maxLeverage - 1) * equity;
  // Short proceeds sit in cash as collateral: they count against the gross limit instead of funding longs.
  const shortValue = shortMarketValue(portfolio, price, fill.mark, only);
  if (shortValue > 0) available -= 2 * shortValue;
  let scale = 1;
  const full = cost(1);
  if (full > available) {
    // Cost is monotone in the scale (commission minimums included), so bisection finds the largest that fits.
    // It is monotone in floating point too (each term's steps round monotonically, and so does each addition in
    // the fixed order), so one evaluation decides every scale on its side: `fits` and `over` bound what is known,
    // and the bisection evaluates cost only between them. Evaluations just around the proportional guess make that
    // gap tiny; the steps taken, and so the scale, are those of evaluating at every midpoint.
    let fits = -1;
    let over = 1;
    const fitsAt = (s: number): boolean => {
      if (s <= fits) return true;
      if (s >= over) return false;
      if (cost(s) <= available) {
        fits = s;
        return true;
      }
      over = s;
      return false;
    };
    const guess = available / full;
    // Cost is proportional to the scale but for rounding (and commission minimums, whole shares), so the boundary is
    // mostly within a few ulps of the guess: a bracket that tight leaves the bisection a few evaluations; wider ones
    // are tried when it does not hold.
    if (guess > 0 && guess < 1) for (const e of [2.5e-16, 2e-15, 1e-12]) if (fitsAt(guess * (1 - e)) && !fitsAt(guess * (1 + e))) break;
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      // lo and hi are adjacent doubles: cost(hi) > available is known, so no later step can move lo.
      if (mid === lo || mid === hi) break;
      if (fitsAt(mid)) lo = mid;
      else hi = mid;
    }
    scale = lo;
    if (scale < 0.99) {
      fill.notes.push({
        date: fill.date,
        kind: 'scaled',
        message: `buys scaled to ${(scale * 100).toFixed(2)}% of the order to fit cash of ${available.toFixed(2)} after costs`,
      });
    }
  }
  const buyReason = scale < 1 ? `${reason} (buys scaled ×${scale.toFixed(4)} to fit cash)` : reason;
  // The buys listed above are every k with delta[k] > 0, ascending.
  for (let j = 0; j < nBuys; j++) {
    const k = buys[j];
    const q = shares(delta[k] * scale, integer);
    if (q <= 0) continue;
    const px = buyPrice[k];
    const fee = commission(costs, q, px);
    const slip = q * (px - price[k]);
    portfolio.quantity[k] += q;
    portfolio.cash -= q * px + fee;
    portfolio.costsPaid += fee + slip;
    recordTrade(fill, portfolio.symbols[k], 'buy', q, px, fee, slip, buyReason);
  }
  // Buys were sized to spend at most the cash; summing them one by one can round a few ulps below zero.
  if (settings.maxLeverage === 1 && shortValue === 0 && portfolio.cash < 0 && portfolio.cash > -1e-9 * Math.max(1, equity)) portfolio.cash = 0;
}
