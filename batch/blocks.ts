/**
 * A trial's daily returns summed per block of the market calendar: [Σr per block…, Σr² per block…, count per block…].
 * Block b holds the window's bars whose offset k from its first bar has ⌊k·S/L⌋ = b (L bars, S blocks): offsets
 * ⌈b·L/S⌉ … ⌈(b+1)·L/S⌉ − 1. PBO needs only these sums, so the ledger keeps them and a resumed or distributed sweep
 * gives the same numbers.
 */
export function blockSums(returns: Float64Array, firstBar: number, window: { first: number; last: number }, blocks: number): number[] {
  const out = new Array<number>(3 * blocks).fill(0);
  const length = window.last - window.first + 1;
  // returns[i] is earned on bar firstBar + 1 + i, so bar window.first + k is returns[k + window.first − firstBar − 1].
  const shift = window.first - firstBar - 1;
  // Block by block, with its bounds found once (exact integer arithmetic), instead of a division per return: a sweep
  // sums every trial's thousands of returns. Each block's terms are added in the same order as bar by bar.
  let end = 0;
  for (let b = 0; b < blocks; b++) {
    const start = end;
    end = Math.floor(((b + 1) * length + blocks - 1) / blocks);
    let sum = 0;
    let squares = 0;
    let count = 0;
    for (let i = Math.max(0, start + shift), stop = Math.min(returns.length, end + shift); i < stop; i++) {
      const r = returns[i];
      if (!Number.isFinite(r)) continue;
      sum += r;
      squares += r * r;
      count++;
    }
    out[b] = sum;
    out[blocks + b] = squares;
    out[2 * blocks + b] = count;
  }
  return out;
}
