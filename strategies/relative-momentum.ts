import { above, defineStrategy, follow, ret } from '../engine/index.ts';

// Each month, hold whichever of the small- and large-cap assets returned more over the last `lookback` days.
export default defineStrategy({
  name: 'relative-momentum',
  description: 'Monthly: hold small or large caps, whichever returned more over the lookback.',
  universe: (p) => [p.small, p.large],
  params: {
    small: { type: 'string', default: 'IWM' },
    large: { type: 'string', default: 'SPY' },
    lookback: { type: 'integer', default: 126, min: 5, max: 504, description: 'trading days of trailing return' },
  },
  init: (_ctx, p) =>
    follow(above(ret(p.small, p.lookback), ret(p.large, p.lookback)), { whenTrue: { [p.small]: 1 }, whenFalse: { [p.large]: 1 }, unknownAs: 'keep' }),
  onBar: (ctx, _p, rotation) => (ctx.firstBar || ctx.newMonth ? rotation.next(ctx) : undefined),
});
