import { defineStrategy } from '../../engine/index.ts';

// Every `every` bars, hold the top K symbols of the universe by their L-bar return, equal weight. The universe is
// the bench's synthetic folder: S000 … S099. The returns come in one ctx.rets read and the weights go back as a
// vector over the universe, as a throughput-minded user would write a wide ranking.
const UNIVERSE = Array.from({ length: 100 }, (_, k) => `S${String(k).padStart(2, '0')}`);
const order = Array.from(UNIVERSE.keys());
const weights = new Float64Array(UNIVERSE.length);

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
    const rets = ctx.rets(UNIVERSE, p.lookback);
    for (let k = 0; k < rets.length; k++) if (rets[k] !== rets[k]) rets[k] = -Infinity;
    order.sort((a, b) => rets[b] - rets[a] || a - b);
    weights.fill(0);
    for (let j = 0; j < p.topK; j++) if (rets[order[j]] > -Infinity) weights[order[j]] = 1 / p.topK;
    return weights;
  },
});
