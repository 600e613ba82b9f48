import type { CostModel } from '../types.ts';

export const NO_COSTS: CostModel = { commissionBps: 0, commissionPerShare: 0, commissionMin: 0, slippageBps: 0 };

/** Commission of one order: bps of notional plus per share, at least the minimum; nothing for an empty order. */
export function commission(costs: CostModel, quantity: number, price: number): number {
  if (quantity === 0) return 0;
  const q = Math.abs(quantity);
  return Math.max(costs.commissionMin, (q * price * costs.commissionBps) / 1e4 + q * costs.commissionPerShare);
}

/** The price actually paid (buy) or received (sell) once slippage moves it against the trader. */
export function slippedPrice(costs: CostModel, reference: number, buy: boolean): number {
  const s = costs.slippageBps / 1e4;
  return buy ? reference * (1 + s) : reference * (1 - s);
}
