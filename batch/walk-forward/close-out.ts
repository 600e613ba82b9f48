import { densePositions, positionBars, sparsePositions, type BacktestResult, type Trade } from '../../engine/index.ts';
import { commission, slippedPrice } from '../../engine/broker/index.ts';

export const CLOSE_OUT_REASON = 'walk-forward: the test window ends; its positions are closed before the next window starts in cash';

/**
 * A test window's run with every position it still holds closed at its last close, at the run's own costs
 * (slippage on the mark, commission on the slipped price, as the broker charges a fill): the next window starts in
 * cash, so the switch between windows pays what a real switch would. The last bar's equity and cash are what is
 * left after the sales; grossEquity is unchanged, the difference being these costs.
 */
export function closeOut(result: BacktestResult, lastBar: number): BacktestResult {
  const c = result.curve;
  const last = c.dates.length - 1;
  if (last < 0) return result;
  const k = c.symbols.length;
  const held = new Map<string, number>();
  for (const t of result.trades) held.set(t.symbol, (held.get(t.symbol) ?? 0) + (t.side === 'buy' ? t.quantity : -t.quantity));
  const costs = result.settings.costs;
  const trades: Trade[] = [];
  let cash = c.cash[last];
  const values = densePositions(c.positions, k);
  for (let j = 0; j < k; j++) {
    const value = values[last * k + j];
    const q = held.get(c.symbols[j]) ?? 0;
    if (!value || !q) continue;
    const mark = value / q;
    const buy = q < 0;
    const px = slippedPrice(costs, mark, buy);
    const quantity = Math.abs(q);
    const fee = commission(costs, quantity, px);
    const slip = quantity * Math.abs(mark - px);
    cash += q * px - fee;
    trades.push({ date: c.dates[last], bar: lastBar, symbol: c.symbols[j], side: buy ? 'buy' : 'sell', quantity, price: px, commission: fee, slippage: slip, reason: CLOSE_OUT_REASON });
  }
  if (!trades.length) return result;
  const equity = c.equity.slice();
  const cashCol = c.cash.slice();
  equity[last] = cash;
  cashCol[last] = cash;
  values.fill(0, last * k, (last + 1) * k);
  const positions = positionBars(c.positions) > 0 ? sparsePositions(values, c.dates.length, k) : c.positions;
  // grossEquity stays: it is equity plus the costs paid, and the sales move the one into the other.
  return { ...result, curve: { ...c, equity, cash: cashCol, positions }, trades: [...result.trades, ...trades] };
}
