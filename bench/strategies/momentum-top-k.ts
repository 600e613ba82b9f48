import { defineStrategy } from '../../engine/index.ts';

// Every `every` bars, hold the top K symbols of the universe by their L-bar return, equal weight. The universe is
// the bench's synthetic folder: S000 … S099.
const UNIVERSE = Array.from({ length: 100 }, (_, k) => `S${String(k).padStart(2, '0')}`);
const rets = new Float64Array(UNIVERSE.length);
const order = Array.from(UNIVERSE.keys());

export default defineStrategy({
  name: 'momentum-top-k',
  description: 'Top K of 100 synthetic assets by L-bar return, rebalanced every 21 bars.',
  universe: UNIVERSE,
  params: {
    lookback: { type: 'integer', default: 126, min: 1, max: 1000 },
    topK: { type: 'integer', default: 10, min: 1, max: 100 },
    every: { type: 'integer', default: 21, min: 1, max: 252 },
  },
  init: () => ({ next: 0 }),
  onBar(ctx, p, state) {
    if (ctx.bar < state.next) return;
    state.next = ctx.bar + p.every;
    for (let k = 0; k < UNIVERSE.length; k++) {
      const r = ctx.ret(UNIVERSE[k], p.lookback);
      rets[k] = r === r ? r : -Infinity;
    }
    order.sort((a, b) => rets[b] - rets[a] || a - b);
    const weights: Record<string, number> = {};
    for (let j = 0; j < p.topK; j++) if (rets[order[j]] > -Infinity) weights[UNIVERSE[order[j]]] = 1 / p.topK;
    return weights;
  },
});
