/**
 * A trial's daily returns summed per block of the market calendar: [Σr per block…, Σr² per block…, count per block…].
 * Block b covers bars first + ⌊b·L/S⌋ … first + ⌊(b+1)·L/S⌋ − 1 of the window (L bars). PBO needs only these sums,
 * so the ledger keeps them and a resumed or distributed sweep gives the same numbers.
 */
export function blockSums(returns: Float64Array, firstBar: number, window: { first: number; last: number }, blocks: number): number[] {
  const out = new Array<number>(3 * blocks).fill(0);
  const length = window.last - window.first + 1;
  for (let i = 0; i < returns.length; i++) {
    const bar = firstBar + 1 + i; // returns[i] is earned on bar firstBar + 1 + i
    const r = returns[i];
    if (bar < window.first || bar > window.last || !Number.isFinite(r)) continue;
    const b = Math.floor(((bar - window.first) * blocks) / length);
    out[b] += r;
    out[blocks + b] += r * r;
    out[2 * blocks + b] += 1;
  }
  return out;
}
