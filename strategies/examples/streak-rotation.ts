import { defineStrategy } from '../../engine/index.ts';

// After the Russell 2000 closes up more than 1% on `days` days running, hold small caps for `hold` days.
export default defineStrategy({
  name: 'streak-rotation',
  description: 'Hold IWM for a while after a RUT winning streak, SPY otherwise.',
  universe: ['IWM', 'SPY'],
  signals: ['RUT'],
  params: {
    days: { type: 'integer', default: 5, min: 1, max: 15 },
    minGain: { type: 'number', default: 0.01, min: 0, max: 0.1 },
    hold: { type: 'integer', default: 20, min: 1, max: 252 },
  },
  init: () => ({ holdUntil: -1 }),
  onBar(ctx, p, state) {
    if (ctx.streak('RUT', p.minGain) >= p.days) state.holdUntil = ctx.bar + p.hold;
    const want = ctx.bar < state.holdUntil ? 'IWM' : 'SPY';
    if (ctx.weight(want) < 0.9) return { [want]: 1 };
  },
});
