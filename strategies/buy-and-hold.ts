import { defineStrategy } from '../engine/index.ts';

export default defineStrategy({
  name: 'buy-and-hold',
  description: 'Buy one asset on the first bar and hold it to the end.',
  universe: (p) => [p.symbol],
  params: {
    symbol: { type: 'string', default: 'SPY', description: 'the asset to hold' },
  },
  onBar(ctx, p) {
    if (ctx.firstBar) return { [p.symbol]: 1 };
  },
});
