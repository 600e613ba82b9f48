import { above, defineStrategy, describeWeights, explainDecision, ret } from '../engine/index.ts';

// Each month, pick the stronger of small and large caps over the lookback (relative momentum), and hold it only if
// it also beat T-bills over the same lookback (absolute momentum); otherwise hold T-bills.
export default defineStrategy({
  name: 'dual-momentum',
  description: 'Monthly: the stronger of small and large caps if it beat T-bills over the lookback, else T-bills.',
  universe: (p) => [p.small, p.large, p.cash],
  params: {
    small: { type: 'string', default: 'IWM' },
    large: { type: 'string', default: 'SPY' },
    cash: { type: 'string', default: 'BIL', description: 'T-bill fund held when neither beats it' },
    lookback: { type: 'integer', default: 252, min: 5, max: 504, description: 'trading days of trailing return' },
  },
  init: (_ctx, p) => ({
    smallLeads: above(ret(p.small, p.lookback), ret(p.large, p.lookback)),
    beatsCash: { [p.small]: above(ret(p.small, p.lookback), ret(p.cash, p.lookback)), [p.large]: above(ret(p.large, p.lookback), ret(p.cash, p.lookback)) },
    held: '',
  }),
  onBar(ctx, p, s) {
    if (!(ctx.firstBar || ctx.newMonth)) return;
    const relative = s.smallLeads.evaluate(ctx);
    const leader = relative.state === 'true' ? p.small : p.large;
    const absolute = s.beatsCash[leader].evaluate(ctx);
    const hold = absolute.state === 'true' ? leader : p.cash;
    if (hold === s.held) return;
    explainDecision(ctx, s.held ? (hold === p.cash ? 'exit' : 'entry') : 'start', [relative, absolute], `rotate into ${describeWeights({ [hold]: 1 })}`, { [hold]: 1 });
    s.held = hold;
    return { [hold]: 1 };
  },
});
