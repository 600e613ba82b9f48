import { recordTrade, type FillContext } from './execute.ts';
import type { Portfolio } from './portfolio.ts';
import { commission, slippedPrice } from './costs.ts';

/**
 * Short selling, as rotor models it (README, "Shorts and spreads"):
 * - a short sale credits its proceeds to cash, where they stay as collateral; equity = cash + Σ q·p with q < 0 for
 *   shorts, so a short gains what its price loses;
 * - gross exposure Σ |q|·p may not exceed `maxLeverage` × equity: a short sale, like a buy, is scaled down to fit;
 * - shorts pay a borrow fee (`borrowBps` a year on their market value, every bar) and the collateral earns the cash
 *   rate like any cash (the usual short rebate, net of the fee);
 * - a margin call (financing.ts) closes everything when equity falls to the maintenance margin or below zero.
 */

const price = (p: number, mark: number) => (p === p ? p : mark === mark ? mark : 0);

/** Σ |q|·p over short positions at the fill prices (last marks where a symbol has no price now). */
export function shortMarketValue(portfolio: Portfolio, prices: Float64Array, mark: Float64Array, only?: FillContext['only']): number {
  let v = 0;
  const q = portfolio.quantity;
  // With `only`, every held symbol is listed (FillContext.only): the same terms in the same order.
  for (let j = 0, m = only ? only.count : q.length; j < m; j++) {
    const k = only ? only.indices[j] : j;
    if (q[k] < 0) v -= q[k] * price(prices[k], mark[k]);
  }
  return v;
}

/** Σ |q|·p over every position. */
export function grossExposure(portfolio: Portfolio, prices: Float64Array, mark: Float64Array): number {
  let v = 0;
  const q = portfolio.quantity;
  for (let k = 0; k < q.length; k++) if (q[k] !== 0) v += Math.abs(q[k]) * price(prices[k], mark[k]);
  return v;
}

/** Buy back the short part of each positive delta at the slipped price; returns the shares covered (or undefined). */
export function coverShorts(portfolio: Portfolio, delta: Float64Array, fill: FillContext, reason: string): Float64Array | undefined {
  let covered: Float64Array | undefined;
  const costs = fill.settings.costs;
  const only = fill.only;
  for (let j = 0, m = only ? only.count : delta.length; j < m; j++) {
    const k = only ? only.indices[j] : j;
    const held = portfolio.quantity[k];
    if (!(delta[k] > 0) || !(held < 0)) continue;
    const q = Math.min(delta[k], -held);
    const ref = fill.price[k];
    const px = slippedPrice(costs, ref, true);
    const fee = commission(costs, q, px);
    const slip = q * (px - ref);
    portfolio.quantity[k] = Math.abs(held + q) < 1e-12 * -held ? 0 : held + q;
    portfolio.cash -= q * px + fee;
    portfolio.costsPaid += fee + slip;
    recordTrade(fill, portfolio.symbols[k], 'buy', q, px, fee, slip, `${reason} (cover short)`);
    covered ??= new Float64Array(delta.length);
    covered[k] = q;
  }
  return covered;
}

/**
 * Sell `shares[k]` short of each symbol, scaled down together when the new gross exposure would pass
 * `maxLeverage` × equity (the scaling is noted, never silent).
 */
export function sellShort(portfolio: Portfolio, shares: Float64Array, fill: FillContext, reason: string): void {
  const { settings } = fill;
  const costs = settings.costs;
  const equity = portfolio.value(fill.price, fill.mark);
  const room = settings.maxLeverage * equity - grossExposure(portfolio, fill.price, fill.mark);
  let wanted = 0;
  for (let k = 0; k < shares.length; k++) if (shares[k] > 0) wanted += shares[k] * fill.price[k];
  if (wanted <= 0) return;
  let scale = 1;
  if (wanted > room) {
    scale = Math.max(0, room) / wanted;
    fill.notes.push({
      date: fill.date,
      kind: 'scaled',
      message: `short sales scaled to ${(scale * 100).toFixed(2)}% of the order to keep gross exposure within ${settings.maxLeverage} × equity of ${equity.toFixed(2)}`,
    });
  }
  for (let k = 0; k < shares.length; k++) {
    if (!(shares[k] > 0)) continue;
    const q = settings.integerShares ? Math.trunc(shares[k] * scale) : shares[k] * scale;
    if (q <= 0) continue;
    const ref = fill.price[k];
    const px = slippedPrice(costs, ref, false);
    const fee = commission(costs, q, px);
    const slip = q * (ref - px);
    portfolio.quantity[k] -= q;
    portfolio.cash += q * px - fee;
    portfolio.costsPaid += fee + slip;
    const why = scale < 1 ? `${reason} (short, scaled ×${scale.toFixed(4)} to the gross limit)` : `${reason} (short)`;
    recordTrade(fill, portfolio.symbols[k], 'sell', q, px, fee, slip, why);
  }
}
