import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepIndices, round, rows } from '../../reports/charts/shape.ts';

/** keepIndices as it was first written (a set of kept bars, sorted): the loop version must keep the same bars. */
function keepIndicesBySet(n: number, primary: Float64Array, maxPoints: number): number[] {
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const buckets = Math.floor(maxPoints / 2);
  const size = n / buckets;
  const keep = new Set<number>([0, n - 1]);
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(n, Math.floor((b + 1) * size));
    let lo = -1;
    let hi = -1;
    for (let i = from; i < to; i++) {
      const v = primary[i];
      if (!Number.isFinite(v)) continue;
      if (lo < 0 || v < primary[lo]) lo = i;
      if (hi < 0 || v > primary[hi]) hi = i;
    }
    if (lo < 0) keep.add(from);
    else {
      keep.add(lo);
      keep.add(hi);
    }
  }
  return [...keep].sort((a, b) => a - b);
}

describe('chart downsampling', () => {
  it('keeps the same bars as the set-and-sort version', () => {
    const value = fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constant(NaN), fc.constant(1));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 400 }), fc.integer({ min: 2, max: 60 }), (values, maxPoints) => {
        const primary = Float64Array.from(values);
        expect(keepIndices(primary.length, primary, maxPoints)).toEqual(keepIndicesBySet(primary.length, primary, maxPoints));
      }),
      { numRuns: 3000, seed: 8 },
    );
  });

  it('rows are [date, ...rounded values] on the kept bars', () => {
    const dates = ['a', 'b', 'c'];
    const lines = [Float64Array.from([0.1234, NaN, 2]), Float64Array.from([1, 2, Infinity])];
    expect(rows(dates, lines, [0, 2], 100, 1)).toEqual([dates[0], dates[2]].map((d, r) => [d, ...lines.map((l) => round(l[[0, 2][r]] * 100, 1))]));
    expect(rows(dates, [], [1], 1, 2)).toEqual([['b']]);
  });
});
