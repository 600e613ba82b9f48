import { describe, expect, it } from 'vitest';
import { densePositions, positionBars, positionRows, sparsePositions } from '../../engine/index.ts';
import { mulberry32 } from '../../bench/synthetic-market.ts';

describe('position values', () => {
  it('keep a bar × symbol matrix as its non-zero entries, bar by bar, and give it back', () => {
    const dense = Float64Array.from([0, 5, 0, /* bar 1 */ 0, 0, 0, /* bar 2 */ -2.5, 0, 7]);
    const p = sparsePositions(dense, 3, 3);
    expect(Array.from(p.rowStart)).toEqual([0, 1, 1, 3]);
    expect(Array.from(p.column)).toEqual([1, 0, 2]);
    expect(Array.from(p.value)).toEqual([5, -2.5, 7]);
    expect(positionBars(p)).toBe(3);
    expect(Array.from(densePositions(p, 3))).toEqual(Array.from(dense));
    const tail = positionRows(p, 1, 3);
    expect(Array.from(tail.rowStart)).toEqual([0, 0, 2]);
    expect(Array.from(densePositions(tail, 3))).toEqual(Array.from(dense.subarray(3)));
  });

  it('round-trip random matrices, wide and mostly empty (the recorder grows past its first guess)', () => {
    const u = mulberry32(3);
    for (let c = 0; c < 200; c++) {
      const bars = 1 + Math.floor(u() * 60);
      const symbols = 1 + Math.floor(u() * 40);
      const dense = Float64Array.from({ length: bars * symbols }, () => (u() < 0.2 ? (u() - 0.3) * 1e4 : 0));
      const p = sparsePositions(dense, bars, symbols);
      expect(Array.from(densePositions(p, symbols))).toEqual(Array.from(dense));
      const a = Math.floor(u() * bars);
      const b = a + Math.floor(u() * (bars - a + 1));
      expect(Array.from(densePositions(positionRows(p, a, b), symbols))).toEqual(Array.from(dense.subarray(a * symbols, b * symbols)));
    }
  });
});
