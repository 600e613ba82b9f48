import { above, below, defineStrategy, follow, holdFor, ret, streak } from '../engine/index.ts';

// When the index closes up more than `minGain` on `days` days running, hold the small-cap asset for `holdDays`
// trading days; otherwise the large-cap asset. The signal is the index, the trade its ETF: they do not move alike.
export default defineStrategy({
  name: 'small-cap-streak',
  description: 'After a small-cap index closes up strongly several days running, hold small caps for a while; large caps otherwise.',
  universe: (p) => [p.small, p.large],
  signals: (p) => [p.index],
  params: {
    index: { type: 'string', default: 'RUT', description: 'the index whose streak is the signal' },
    small: { type: 'string', default: 'IWM', description: 'held after a streak' },
    large: { type: 'string', default: 'SPY', description: 'held otherwise' },
    days: { type: 'integer', default: 5, min: 1, max: 20, description: 'consecutive up closes that make a streak' },
    minGain: { type: 'number', default: 0.01, min: 0, max: 0.1, description: 'each close must be up more than this' },
    holdDays: { type: 'integer', default: 20, min: 1, max: 504, description: 'trading days to hold small caps' },
    newStreak: { type: 'choice', default: 'extend', choices: ['extend', 'ignore'], description: 'a new streak while holding restarts the hold, or is ignored' },
    exitOnDown: { type: 'boolean', default: false, description: 'end the hold at the first down close of the index' },
    smallWeight: { type: 'number', default: 1, min: 0, max: 1, description: 'small-cap weight while holding; the rest in the large-cap asset' },
  },
  init(_ctx, p) {
    const signal = streak(above(ret(p.index), p.minGain), p.days);
    const hold = holdFor(signal, p.holdDays, {
      retrigger: p.newStreak === 'ignore' ? 'ignore' : 'extend',
      exitWhen: p.exitOnDown ? below(ret(p.index), 0) : undefined,
    });
    return follow(hold, { whenTrue: { [p.small]: p.smallWeight, [p.large]: 1 - p.smallWeight }, whenFalse: { [p.large]: 1 } });
  },
  onBar: (ctx, _p, rotation) => rotation.next(ctx),
});
