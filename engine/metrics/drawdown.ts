/** Drawdown series and drawdown episodes. Formulas: METRICS.md. */

/**
 * dd[i] = equity[i] / max(equity[0..i]) − 1 (≤ 0). NaN where equity[i] is not finite or the running peak is not
 * positive. Non-finite values do not update the running peak.
 */
export function drawdownSeries(equity: Float64Array): Float64Array {
  const out = new Float64Array(equity.length);
  let peak = -Infinity;
  for (let i = 0; i < equity.length; i++) {
    const v = equity[i];
    if (!Number.isFinite(v)) {
      out[i] = NaN;
      continue;
    }
    if (v > peak) peak = v;
    out[i] = peak > 0 ? v / peak - 1 : NaN;
  }
  return out;
}

/** One spell below a previous high, by bar index. */
export interface DrawdownEpisode {
  /** Last bar at the high before equity fell below it. */
  peak: number;
  /** Bar of the lowest equity in the episode (the first such bar on ties). */
  trough: number;
  /** First bar after the peak with equity ≥ the peak's equity; null if never. */
  recovery: number | null;
  /** trough equity / peak equity − 1 (negative). */
  depth: number;
  /** Trading days (bars) from peak to recovery, or to the last bar if not recovered. */
  duration: number;
}

/** Every drawdown episode of the curve, in time order. Bars with non-finite equity are skipped. */
export function drawdownEpisodes(equity: Float64Array): DrawdownEpisode[] {
  const episodes: DrawdownEpisode[] = [];
  const last = equity.length - 1;
  let peakIdx = -1;
  let peakVal = -Infinity;
  let cur: DrawdownEpisode | null = null;
  for (let i = 0; i < equity.length; i++) {
    const v = equity[i];
    if (!Number.isFinite(v)) continue;
    if (v >= peakVal) {
      if (cur) {
        cur.recovery = i;
        cur.duration = i - cur.peak;
        episodes.push(cur);
        cur = null;
      }
      peakVal = v;
      peakIdx = i;
    } else if (peakVal > 0) {
      const depth = v / peakVal - 1;
      if (!cur) cur = { peak: peakIdx, trough: i, recovery: null, depth, duration: last - peakIdx };
      else if (depth < cur.depth) {
        cur.trough = i;
        cur.depth = depth;
      }
    }
  }
  if (cur) episodes.push(cur);
  return episodes;
}

/** The deepest episode (earliest on ties), or null when equity never fell below a previous high. */
export function maxDrawdownEpisode(episodes: readonly DrawdownEpisode[]): DrawdownEpisode | null {
  let best: DrawdownEpisode | null = null;
  for (const e of episodes) if (!best || e.depth < best.depth) best = e;
  return best;
}

/** The longest episode by duration in bars (earliest on ties), or null when there is none. */
export function longestDrawdownEpisode(episodes: readonly DrawdownEpisode[]): DrawdownEpisode | null {
  let best: DrawdownEpisode | null = null;
  for (const e of episodes) if (!best || e.duration > best.duration) best = e;
  return best;
}
