/** Position exposure from the curve's per-bar position values. Formulas: METRICS.md. */
import type { EquityCurve } from '../types.ts';
import { positionBars } from '../replay/position-values.ts';

export interface Exposure {
  /** Per symbol: mean over bars of positionValue / equity (signed). null when no bar has positive equity. */
  bySymbol: Record<string, number | null>;
  /** Mean over bars of Σ_k |positionValue_k| / equity. null when no bar has positive equity. */
  meanGross: number | null;
  /** Fraction of bars with any non-zero position value. null when there is no bar. */
  timeInMarket: number | null;
}

export function exposure(curve: EquityCurve, bars: number = curve.equity.length): Exposure {
  const m = curve.symbols.length;
  const sums = curve.positionSums;
  const { rowStart, column, value } = curve.positions;
  const kept = positionBars(curve.positions);
  if (sums && kept === 0 && sums.bars === bars) {
    const bySymbol: Record<string, number | null> = {};
    curve.symbols.forEach((s, k) => {
      bySymbol[s] = sums.counted > 0 ? sums.weight[k] / sums.counted : null;
    });
    return { bySymbol, meanGross: sums.counted > 0 ? sums.gross / sums.counted : null, timeInMarket: bars > 0 ? sums.inMarket / bars : null };
  }
  const weight = new Array<number>(m).fill(0);
  let gross = 0;
  let counted = 0;
  let inMarket = 0;
  for (let i = 0; i < bars; i++) {
    const eq = curve.equity[i];
    let any = false;
    let g = 0;
    // The symbols held on the bar, ascending (one not held was worth 0 and adds nothing).
    for (let e = i < kept ? rowStart[i] : 0, end = i < kept ? rowStart[i + 1] : 0; e < end; e++) {
      const k = column[e];
      const pv = value[e];
      if (pv !== 0 && Number.isFinite(pv)) any = true;
      if (eq > 0 && Number.isFinite(eq) && Number.isFinite(pv)) {
        weight[k] += pv / eq;
        g += Math.abs(pv) / eq;
      }
    }
    if (any) inMarket++;
    if (eq > 0 && Number.isFinite(eq)) {
      counted++;
      gross += g;
    }
  }
  const bySymbol: Record<string, number | null> = {};
  curve.symbols.forEach((s, k) => {
    bySymbol[s] = counted > 0 ? weight[k] / counted : null;
  });
  return {
    bySymbol,
    meanGross: counted > 0 ? gross / counted : null,
    timeInMarket: bars > 0 ? inMarket / bars : null,
  };
}
