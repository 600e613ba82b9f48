import { defineStrategy, describeWeights, rank, ret, RotorError } from '../engine/index.ts';

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

// Each month, hold the `top` sectors with the highest trailing `lookback`-day return, equally weighted.
export default defineStrategy({
  name: 'sector-rotation',
  description: 'Monthly: hold the top N sectors by trailing return, equally weighted.',
  universe(p) {
    const sectors = list(p.sectors);
    if (p.top > sectors.length) {
      throw new RotorError(`strategy sector-rotation: param top must be an integer in [1, ${sectors.length}] (the number of sectors), got ${p.top}`);
    }
    return sectors;
  },
  params: {
    sectors: { type: 'string', default: 'XLB,XLE,XLF,XLI,XLK,XLP,XLU,XLV,XLY', description: 'comma-separated sector funds' },
    top: { type: 'integer', default: 3, min: 1, max: 20, description: 'how many sectors to hold' },
    lookback: { type: 'integer', default: 126, min: 5, max: 504, description: 'trading days of trailing return' },
  },
  init: (_ctx, p) => Object.fromEntries(list(p.sectors).map((s) => [s, ret(s, p.lookback)])),
  onBar(ctx, p, trailing) {
    if (!(ctx.firstBar || ctx.newMonth)) return;
    const ranking = rank(ctx, trailing);
    // Until returns are known, hold every sector: no ranking is not a reason to be in cash.
    const chosen = ranking.ranked.length ? ranking.ranked.slice(0, p.top).map((r) => r.name) : Object.keys(trailing);
    const weights = Object.fromEntries(chosen.map((s) => [s, 1 / chosen.length]));
    const action = `hold ${describeWeights(weights)}`;
    ctx.explain(`top ${p.top} by ${p.lookback}-day return: ${ranking.text || 'none known yet'} → ${action}`, { trigger: 'rebalance', action, weights, rules: [], ranking: ranking.ranked });
    return weights;
  },
});
