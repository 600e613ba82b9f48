import type { Portfolio } from './portfolio.ts';
import { executeDeltas, fillValue, type FillContext } from './execute.ts';

const DUST = 1e-9;

// The deltas of the last rebalance's size, cleared and reused (a rebalance runs to its end before the next starts).
let scratchDelta = new Float64Array(0);

/**
 * Move the portfolio to target weights of its equity valued at the fill prices. Symbols that cannot trade now keep
 * their position (and say so); a drift band or minimum trade size skips small adjustments but never an exit.
 */
export function rebalanceTo(portfolio: Portfolio, target: Float64Array, fill: FillContext, reason: string): void {
  const { price, settings } = fill;
  const n = target.length;
  const equity = fillValue(portfolio, fill);
  if (scratchDelta.length !== n) scratchDelta = new Float64Array(n);
  else scratchDelta.fill(0);
  const delta = scratchDelta;
  if (!(equity > 0)) {
    fill.notes.push({ date: fill.date, kind: 'unfilled', message: `rebalance skipped: equity is ${equity.toFixed(2)}` });
    return;
  }
  // With fill.only, every symbol with a position or a target weight is listed.
  const only = fill.only;
  for (let j = 0, m = only ? only.count : n; j < m; j++) {
    const k = only ? only.indices[j] : j;
    const held = portfolio.quantity[k];
    if (target[k] === 0 && held === 0) continue;
    const p = price[k];
    if (!(p > 0)) {
      fill.notes.push({
        date: fill.date,
        kind: 'unfilled',
        message: `${portfolio.symbols[k]} has no price on ${fill.date}: its leg of "${reason}" was not traded`,
      });
      continue;
    }
    // Dust (a trade worth less than a billionth of equity) is rounding noise, not a decision; trading it would
    // only pay a minimum commission.
    if (target[k] === 0) {
      if (Math.abs(held * p) >= DUST * equity) delta[k] = -held;
      continue;
    }
    const wanted = (target[k] * equity) / p;
    const goal = settings.integerShares ? Math.trunc(wanted) : wanted;
    const d = goal - held;
    const currentWeight = (held * p) / equity;
    if (settings.driftBand > 0 && Math.abs(currentWeight - target[k]) < settings.driftBand) continue;
    if (settings.minTradeValue > 0 && Math.abs(d * p) < settings.minTradeValue) continue;
    if (Math.abs(d * p) < DUST * equity) continue;
    delta[k] = d;
  }
  executeDeltas(portfolio, delta, fill, reason);
}
