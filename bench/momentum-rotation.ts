import { defineStrategy, type Strategy } from '../engine/index.ts';

/**
 * Cross-sectional momentum over a whole universe: on the first bar of each month, rank every symbol by its
 * `lookback`-bar return (NaN skipped) and hold the top `topFraction` equal-weighted. Between months it returns
 * nothing. Ties at the cut go to the symbol earlier in the universe, so the choice is deterministic.
 *
 * The ranking is written the way a throughput-minded user would (the returns in one `ctx.rets` read, a native
 * numeric sort, one pass to pick the symbols above the cut, and the weights as a vector over the universe), so that
 * the benchmark measures the engine rather than a comparator or a many-key object.
 */
export function momentumRotation(symbols: readonly string[], topFraction = 0.1, lookback = 126): Strategy {
  const universe = [...symbols];
  const n = universe.length;
  const keep = Math.max(1, Math.round(n * topFraction));
  const sorted = new Float64Array(n);
  const weights = new Float64Array(n);
  return defineStrategy({
    name: 'bench-momentum-rotation',
    description: `Top ${Math.round(topFraction * 100)}% by ${lookback}-bar return, equal weight, monthly.`,
    universe,
    onBar(ctx) {
      if (!ctx.newMonth) return;
      const rets = ctx.rets(universe, lookback);
      let valid = 0;
      for (let k = 0; k < n; k++) if (rets[k] === rets[k]) valid++;
      if (valid === 0) return;
      sorted.set(rets);
      sorted.sort(); // ascending, NaN last
      const take = Math.min(keep, valid);
      const cut = sorted[valid - take]; // the take-th largest return
      // Every symbol strictly above the cut gets a slot; the slots left go to symbols exactly at it, in universe order.
      let strictlyAbove = 0;
      for (let k = 0; k < n; k++) if (rets[k] > cut) strictlyAbove++;
      let atCut = take - strictlyAbove;
      // One weight per universe symbol, in its order (a WeightVector): the run reads it when returned, so one
      // array serves every month.
      weights.fill(0);
      const w = 1 / take;
      for (let k = 0; k < n; k++) {
        const r = rets[k];
        if (r > cut || (r === cut && atCut-- > 0)) weights[k] = w;
      }
      return weights;
    },
  }) as unknown as Strategy;
}
