import { describe, expect, it } from 'vitest';
import { blockSums } from '../../batch/index.ts';
import { mulberry32 } from '../../bench/synthetic-market.ts';

/** The definition, return by return: the block of bar `bar` is ⌊(bar − first) · S / L⌋. */
function reference(returns: Float64Array, firstBar: number, window: { first: number; last: number }, blocks: number): number[] {
  const out = new Array<number>(3 * blocks).fill(0);
  const length = window.last - window.first + 1;
  for (let i = 0; i < returns.length; i++) {
    const bar = firstBar + 1 + i;
    const r = returns[i];
    if (bar < window.first || bar > window.last || !Number.isFinite(r)) continue;
    const b = Math.floor(((bar - window.first) * blocks) / length);
    out[b] += r;
    out[blocks + b] += r * r;
    out[2 * blocks + b] += 1;
  }
  return out;
}

describe('blockSums', () => {
  it('puts each bar in block ⌊k·S/L⌋ (worked example: 10 bars, 4 blocks → offsets 0-2, 3-4, 5-7, 8-9)', () => {
    const returns = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]); // returns[i] earned on bar i + 1
    const sums = blockSums(returns, -1, { first: 0, last: 9 }, 4);
    expect(sums.slice(0, 4)).toEqual([6, 9, 21, 19]);
    expect(sums.slice(4, 8)).toEqual([14, 41, 149, 181]);
    expect(sums.slice(8)).toEqual([3, 2, 3, 2]);
  });

  it('equals the return-by-return definition bit for bit: trials starting before, inside and after the window, NaNs', () => {
    const u = mulberry32(7);
    for (let c = 0; c < 2000; c++) {
      const blocks = 2 * (1 + Math.floor(u() * 12));
      const first = Math.floor(u() * 50);
      const window = { first, last: first + blocks + Math.floor(u() * 3000) };
      const firstBar = Math.floor(u() * (window.last + 20)) - 10;
      const returns = Float64Array.from({ length: Math.floor(u() * 3500) }, () => (u() < 0.02 ? NaN : u() < 0.01 ? Infinity : (u() - 0.5) * 0.04));
      const got = blockSums(returns, firstBar, window, blocks);
      const want = reference(returns, firstBar, window, blocks);
      for (let j = 0; j < want.length; j++) if (!Object.is(got[j], want[j])) expect.fail(`case ${c}, entry ${j}: ${got[j]} ≠ ${want[j]}`);
    }
  });
});
