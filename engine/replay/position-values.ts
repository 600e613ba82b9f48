import type { PositionValues } from '../types.ts';

/** A curve's record with no bar kept (a run with `record.positions` false). */
export const NO_POSITIONS: PositionValues = Object.freeze({ rowStart: new Int32Array(0), column: new Int32Array(0), value: new Float64Array(0) });

/**
 * Builds a run's PositionValues bar by bar: the held symbols only, so a wide universe holding a few names keeps a few
 * entries a bar instead of a whole row (500 symbols over 5,000 bars: 20 MB dense, written into fresh pages each run).
 */
export class PositionRecorder {
  private readonly rowStart: Int32Array;
  private column: Int32Array;
  private value: Float64Array;
  private size = 0;
  private row = 0;

  constructor(bars: number, perBar: number) {
    this.rowStart = new Int32Array(bars + 1);
    const capacity = Math.max(16, bars * perBar);
    this.column = new Int32Array(capacity);
    this.value = new Float64Array(capacity);
  }

  add(column: number, value: number): void {
    if (this.size === this.value.length) this.grow(this.size + 1);
    this.column[this.size] = column;
    this.value[this.size++] = value;
  }

  /**
   * Records one bar: each held symbol's value (quantity × mark), in the order listed, and closes the bar; returns
   * `cash` plus those values, summed in that order.
   */
  recordBar(held: Int32Array, nHeld: number, q: Float64Array, mark: Float64Array, cash: number): number {
    if (this.size + nHeld > this.value.length) this.grow(this.size + nHeld);
    const column = this.column;
    const value = this.value;
    let size = this.size;
    let equity = cash * 1; // unboxed: see Portfolio.cash
    for (let j = 0; j < nHeld; j++) {
      const k = held[j];
      const v = q[k] * mark[k];
      column[size] = k;
      value[size++] = v;
      equity += v;
    }
    this.size = size;
    this.rowStart[++this.row] = size;
    return equity;
  }

  /** Closes the current bar's entries. */
  endBar(): void {
    this.rowStart[++this.row] = this.size;
  }

  finish(): PositionValues {
    return { rowStart: this.rowStart.subarray(0, this.row + 1), column: this.column.subarray(0, this.size), value: this.value.subarray(0, this.size) };
  }

  private grow(needed: number): void {
    // To the size the bars so far project for the whole run (and at least double): a run holding fifty names from
    // its start grows once, instead of doubling four times from a few a bar, each time allocating and copying it all.
    const bars = this.rowStart.length - 1;
    const projected = Math.ceil((needed / (this.row + 1)) * bars * 1.125);
    const length = Math.max(needed, 2 * this.column.length, projected);
    const column = new Int32Array(length);
    column.set(this.column);
    this.column = column;
    const value = new Float64Array(length);
    value.set(this.value);
    this.value = value;
  }
}

/** Bars kept: 0 for a run that kept none. */
export function positionBars(p: PositionValues): number {
  return Math.max(0, p.rowStart.length - 1);
}

/** The values as a bar × symbol matrix, row-major, 0 where a symbol was not held. */
export function densePositions(p: PositionValues, symbols: number): Float64Array {
  const bars = positionBars(p);
  const out = new Float64Array(bars * symbols);
  for (let r = 0; r < bars; r++) for (let e = p.rowStart[r]; e < p.rowStart[r + 1]; e++) out[r * symbols + p.column[e]] = p.value[e];
  return out;
}

/** From a bar × symbol matrix, row-major: its non-zero values (a symbol worth 0 is not held). */
export function sparsePositions(dense: ArrayLike<number>, bars: number, symbols: number): PositionValues {
  const rec = new PositionRecorder(bars, 1);
  for (let r = 0; r < bars; r++) {
    for (let k = 0; k < symbols; k++) {
      const v = dense[r * symbols + k];
      if (v !== 0) rec.add(k, v);
    }
    rec.endBar();
  }
  return rec.finish();
}

/** Bars a … b − 1 of the record. */
export function positionRows(p: PositionValues, a: number, b: number): PositionValues {
  if (positionBars(p) === 0) return NO_POSITIONS;
  const from = p.rowStart[a];
  const to = p.rowStart[b];
  return { rowStart: p.rowStart.slice(a, b + 1).map((s) => s - from), column: p.column.slice(from, to), value: p.value.slice(from, to) };
}
