/**
 * What a run held, as states: on each bar, the set of symbols it held at the close with their signs (a weight below
 * HELD of equity counts as not held). A switch is a bar whose state differs from the bar before's.
 */
export interface TimingStates {
  /** State index of each bar. */
  stateOf: Int32Array;
  /** Per state, the mean weight of each symbol over the bars in that state (0 for symbols not held). */
  weights: Float64Array[];
  /** Consecutive bars in one state, in order. */
  segments: { state: number; bars: number }[];
  switches: number;
  /** Mean over the bars of Σ|weight|: the run's average gross exposure. */
  exposure: number;
}

export const HELD = 1e-6;

/** `weights` is row-major, bars × symbols: the value of each position at the close over that close's equity. */
export function timingStates(weights: Float64Array, symbols: number, bars: number): TimingStates {
  const keys = new Map<string, number>();
  const stateOf = new Int32Array(bars);
  const sums: Float64Array[] = [];
  const counts: number[] = [];
  let gross = 0;
  for (let t = 0; t < bars; t++) {
    let key = '';
    for (let k = 0; k < symbols; k++) {
      const w = weights[t * symbols + k];
      if (Number.isFinite(w) && Math.abs(w) > HELD) {
        key += `${w > 0 ? '+' : '-'}${k},`;
        gross += Math.abs(w);
      }
    }
    let s = keys.get(key);
    if (s === undefined) {
      s = keys.size;
      keys.set(key, s);
      sums.push(new Float64Array(symbols));
      counts.push(0);
    }
    stateOf[t] = s;
    counts[s]++;
    const sum = sums[s];
    for (let k = 0; k < symbols; k++) {
      const w = weights[t * symbols + k];
      if (Number.isFinite(w) && Math.abs(w) > HELD) sum[k] += w;
    }
  }
  const segments: { state: number; bars: number }[] = [];
  for (let t = 0; t < bars; t++) {
    const last = segments[segments.length - 1];
    if (last && last.state === stateOf[t]) last.bars++;
    else segments.push({ state: stateOf[t], bars: 1 });
  }
  return {
    stateOf,
    weights: sums.map((sum, s) => sum.map((v) => v / counts[s])),
    segments,
    switches: Math.max(0, segments.length - 1),
    exposure: bars > 0 ? gross / bars : 0,
  };
}
