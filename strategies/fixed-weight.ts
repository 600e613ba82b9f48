import { defineStrategy } from '../engine/index.ts';

export default defineStrategy({
  name: 'fixed-weight',
  description: 'Hold fixed weights, rebalanced back to them on the first trading day of each month.',
  universe: (p) => Object.keys(p.weights),
  params: {
    weights: { type: 'weights', default: { SPY: 0.5, IWM: 0.5 }, description: 'target weights, e.g. SPY:0.6,IWM:0.4' },
  },
  onBar(ctx, p) {
    if (ctx.firstBar || ctx.newMonth) return p.weights;
  },
});
