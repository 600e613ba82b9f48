import { capWeights, defineStrategy, inverseVolatility } from '../engine/index.ts';

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

// Risk-weighted sector rotation (bt's WeighInvVol): on each month's first trading day, every sector weighted by
// 1 / its trailing volatility, each capped at `cap` (the excess shared by the others), fully invested.
export default defineStrategy({
  name: 'inverse-vol-sectors',
  description: 'Monthly: the sector funds weighted by inverse trailing volatility, each capped.',
  universe: (p) => list(p.sectors),
  params: {
    sectors: { type: 'string', default: 'XLB,XLE,XLF,XLI,XLK,XLP,XLU,XLV,XLY', description: 'comma-separated sector funds' },
    lookback: { type: 'integer', default: 63, min: 2, max: 504, description: 'trading days of daily returns in the volatility' },
    cap: { type: 'number', default: 0.2, min: 0.01, max: 1, description: 'largest weight of one sector' },
  },
  onBar(ctx, p) {
    if (!(ctx.firstBar || ctx.newMonth)) return;
    const sectors = list(p.sectors);
    const vols = Object.fromEntries(sectors.map((s) => [s, ctx.indicators.volatility(s, p.lookback)]));
    const raw = inverseVolatility(vols);
    // Until every volatility is known, hold them equally rather than sit in cash.
    const known = Object.keys(raw).length === sectors.length;
    const weights = capWeights(known ? raw : Object.fromEntries(sectors.map((s) => [s, 1 / sectors.length])), p.cap);
    const shown = sectors.map((s) => `${s} ${(weights[s] * 100).toFixed(1)}% (vol ${(vols[s] * 100).toFixed(1)}%)`).join(', ');
    ctx.explain(known ? `inverse ${p.lookback}-day volatility: ${shown}` : `volatilities not known yet: equal weights`, { trigger: 'rebalance', weights, vols, rules: [] });
    return weights;
  },
});
