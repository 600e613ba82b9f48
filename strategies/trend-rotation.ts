import { defineStrategy, RotorError } from '../engine/index.ts';

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

// Faber's tactical asset allocation ("A Quantitative Approach to Tactical Asset Allocation", 2007): each asset gets
// 1/N of the portfolio, held while its month-end close is above its 10-month average of month-end closes, otherwise
// that share sits in cash (or in `cash`, e.g. BIL). Decided on each month's last trading day by the exchange
// calendar; filled at the run's fill time (the next open by default).
export default defineStrategy({
  name: 'trend-rotation',
  description: "Faber's trend rotation: each asset held (1/N) while above its 10-month average, else cash; decided at month end.",
  universe(p) {
    const assets = list(p.assets);
    if (assets.length === 0) throw new RotorError('strategy trend-rotation: param assets must list at least one symbol');
    return p.cash !== 'none' ? [...new Set([...assets, p.cash])] : assets;
  },
  params: {
    assets: { type: 'string', default: 'SPY,IWM,QQQ,MDY,SHY', description: 'comma-separated assets, each 1/N' },
    months: { type: 'integer', default: 10, min: 1, max: 36, description: 'months in the moving average of month-end closes' },
    cash: { type: 'string', default: 'none', description: 'a cash-like fund for the assets out of trend (none: cash, which earns --cash-rate)' },
  },
  init: () => ({ first: true }),
  onBar(ctx, p, state) {
    if (!ctx.monthEnd && !state.first) return;
    state.first = false;
    const assets = list(p.assets);
    const weights: Record<string, number> = {};
    const parts: string[] = [];
    const above: Record<string, boolean | null> = {};
    let out = 0;
    for (const a of assets) {
      const avg = ctx.indicators.sma(a, p.months, 'month');
      const close = ctx.close(a);
      const inTrend = avg === avg && close === close ? close > avg : null;
      above[a] = inTrend;
      if (inTrend) weights[a] = 1 / assets.length;
      else out += 1 / assets.length;
      parts.push(`${a} ${close === close ? close.toFixed(2) : '?'} ${inTrend === null ? 'vs unknown average' : `${inTrend ? '>' : '≤'} ${avg.toFixed(2)}`}`);
    }
    if (p.cash !== 'none' && out > 0) weights[p.cash] = (weights[p.cash] ?? 0) + out;
    ctx.explain(`${p.months}-month trend: ${parts.join('; ')}`, { trigger: 'rebalance', weights, above, rules: [] });
    return weights;
  },
});
