/**
 * Forward returns counted in a symbol's own trading days: entry at the close of the event day t, exit at the close
 * h of its bars later. An ex-post study, so reading after t is the point here, not a leak.
 */
export class ForwardReturns {
  /** Calendar bar of each of the symbol's own bars, ascending. */
  private readonly bars: Int32Array;
  /** Position of a calendar bar among the symbol's bars, −1 where it has none. */
  private readonly position: Int32Array;

  constructor(private readonly close: Float64Array) {
    const bars: number[] = [];
    this.position = new Int32Array(close.length).fill(-1);
    for (let t = 0; t < close.length; t++) {
      if (close[t] > 0) {
        this.position[t] = bars.length;
        bars.push(t);
      }
    }
    this.bars = Int32Array.from(bars);
  }

  /** close(t + h) / close(t) − 1, NaN when the symbol has no bar on t or the data ends before t + h. */
  at(t: number, h: number): number {
    const p = this.position[t];
    if (p < 0 || p + h >= this.bars.length) return NaN;
    return this.close[this.bars[p + h]] / this.close[t] - 1;
  }
}
