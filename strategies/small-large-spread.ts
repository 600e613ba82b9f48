import { above, below, defineStrategy, follow, holdFor, ret, streak } from '../engine/index.ts';

// The seeds' statistic is a spread (small caps against large caps), so trade it as one: after the index closes up
// more than `minGain` on `days` days running, hold small caps long and large caps short, `leg` of equity each, for
// `holdDays` trading days; flat (all cash) otherwise. Gross exposure is 2 × leg, within --max-leverage.
export default defineStrategy({
  name: 'small-large-spread',
  description: 'After a small-cap index streak, long small caps and short large caps for a while; flat otherwise.',
  universe: (p) => [p.small, p.large],
  signals: (p) => [p.index],
  params: {
    index: { type: 'string', default: 'RUT', description: 'the index whose streak is the signal' },
    small: { type: 'string', default: 'IWM', description: 'the long leg' },
    large: { type: 'string', default: 'SPY', description: 'the short leg' },
    days: { type: 'integer', default: 5, min: 1, max: 20, description: 'consecutive up closes that make a streak' },
    minGain: { type: 'number', default: 0.01, min: 0, max: 0.1, description: 'each close must be up more than this' },
    holdDays: { type: 'integer', default: 20, min: 1, max: 504, description: 'trading days the spread is held' },
    leg: { type: 'number', default: 0.5, min: 0.01, max: 2, description: 'weight of each leg (long small, short large)' },
    newStreak: { type: 'choice', default: 'extend', choices: ['extend', 'ignore'], description: 'a new streak while holding restarts the hold, or is ignored' },
    exitOnDown: { type: 'boolean', default: false, description: 'end the hold at the first down close of the index' },
  },
  init(_ctx, p) {
    const hold = holdFor(streak(above(ret(p.index), p.minGain), p.days), p.holdDays, {
      retrigger: p.newStreak === 'ignore' ? 'ignore' : 'extend',
      exitWhen: p.exitOnDown ? below(ret(p.index), 0) : undefined,
    });
    return follow(hold, { whenTrue: { [p.small]: p.leg, [p.large]: -p.leg }, whenFalse: {} });
  },
  onBar: (ctx, _p, spread) => spread.next(ctx),
});
