/**
 * The ceilings the bench compares rotor with: the same strategies written as bare loops over typed arrays, with the
 * same fills (next open), costs (1 bp commission, 2 bps slippage) and curve, and no engine, context or records.
 * They are not rotor's reference for correctness (the tests are); they say how much the engine's generality costs.
 */
import type { MarketData, PriceView } from '../engine/index.ts';

const COMMISSION = 1e-4;
const SLIPPAGE = 2e-4;

/** Core metrics of a curve the way a bare loop would take them: total return, Sharpe, max drawdown. */
function coreMetrics(equity: Float64Array, rows: number): number {
  let sum = 0;
  for (let i = 1; i < rows; i++) sum += equity[i] / equity[i - 1] - 1;
  const mean = sum / (rows - 1);
  let ss = 0;
  for (let i = 1; i < rows; i++) {
    const d = equity[i] / equity[i - 1] - 1 - mean;
    ss += d * d;
  }
  const sharpe = (mean / Math.sqrt(ss / (rows - 2))) * Math.sqrt(252);
  let peak = -Infinity;
  let maxDd = 0;
  for (let i = 0; i < rows; i++) {
    if (equity[i] > peak) peak = equity[i];
    const dd = equity[i] / peak - 1;
    if (dd < maxDd) maxDd = dd;
  }
  return equity[rows - 1] / equity[0] - 1 + sharpe * 0 + maxDd * 0;
}

/** The streak rotation (RUT up > 1% five days running → IWM for 20 days, else SPY) from bar `start` to `end`. */
export function bareStreakTrial(market: MarketData, view: PriceView, start: number, end: number): () => number {
  const col = (s: string) => market.symbolIndex(s);
  const open = [view.open[col('IWM')], view.open[col('SPY')]];
  const close = [view.close[col('IWM')], view.close[col('SPY')]];
  const rut = view.close[col('RUT')];
  const rows = end - start + 1;
  const equity = new Float64Array(rows);
  const cash = new Float64Array(rows);
  return () => {
    let money = 100_000;
    const q = [0, 0];
    let holdUntil = -1;
    let pending = -1;
    for (let t = start; t <= end; t++) {
      if (pending >= 0) {
        const other = 1 - pending;
        if (q[other] > 0) {
          const px = open[other][t] * (1 - SLIPPAGE);
          money += q[other] * px * (1 - COMMISSION);
          q[other] = 0;
        }
        const px = open[pending][t] * (1 + SLIPPAGE);
        const buy = money / (px * (1 + COMMISSION));
        q[pending] += buy;
        money -= buy * px * (1 + COMMISSION);
        pending = -1;
      }
      let run = 0;
      for (let i = t; i > 0 && rut[i] / rut[i - 1] - 1 > 0.01; i--) run++;
      if (run >= 5) holdUntil = t + 20;
      const want = t < holdUntil ? 0 : 1;
      const value = money + q[0] * close[0][t] + q[1] * close[1][t];
      if ((q[want] * close[want][t]) / value < 0.9) pending = want;
      equity[t - start] = value;
      cash[t - start] = money;
    }
    return coreMetrics(equity, rows);
  };
}

/**
 * The bench's momentum rotation: on the first bar of each month, the top `topFraction` of the symbols by
 * `lookback`-bar return, equal weight, filled at the next open; equity and every position's value kept per bar, as
 * the engine keeps them: the held symbols' values, bar by bar.
 */
export function bareMomentum(market: MarketData, view: PriceView, topFraction = 0.1, lookback = 126): () => number {
  const n = market.symbols.length;
  const bars = market.nBars;
  const keep = Math.max(1, Math.round(n * topFraction));
  const open = view.open;
  const close = view.close;
  const rets = new Float64Array(n);
  const sorted = new Float64Array(n);
  const target = new Float64Array(n);
  const q = new Float64Array(n);
  // The symbols held, and those held or targeted at a fill, ascending: the per-bar and fill loops visit only these,
  // as the engine's do (any other symbol's step is a no-op), so this stays the ceiling of the same work.
  const held = new Int32Array(n);
  const touched = new Int32Array(n);
  const dates = market.dates;
  return () => {
    const equity = new Float64Array(bars);
    const rowStart = new Int32Array(bars + 1);
    let cols = new Int32Array(bars * 4);
    let vals = new Float64Array(bars * 4);
    let kept = 0;
    q.fill(0);
    let nHeld = 0;
    let money = 100_000;
    let pending = false;
    for (let t = 0; t < bars; t++) {
      if (pending) {
        let nTouched = 0;
        for (let k = 0; k < n; k++) if (q[k] !== 0 || target[k] !== 0) touched[nTouched++] = k;
        let value = money;
        for (let j = 0; j < nHeld; j++) value += q[held[j]] * open[held[j]][t];
        for (let j = 0; j < nTouched; j++) {
          const k = touched[j];
          const d = (target[k] * value) / open[k][t] - q[k];
          if (d < 0) {
            const px = open[k][t] * (1 - SLIPPAGE);
            money += -d * px * (1 - COMMISSION);
            q[k] += d;
          }
        }
        for (let j = 0; j < nTouched; j++) {
          const k = touched[j];
          const d = (target[k] * value) / open[k][t] - q[k];
          if (d > 0) {
            const px = open[k][t] * (1 + SLIPPAGE);
            const buy = Math.min(d, money / (px * (1 + COMMISSION)));
            q[k] += buy;
            money -= buy * px * (1 + COMMISSION);
          }
        }
        nHeld = 0;
        for (let j = 0; j < nTouched; j++) if (q[touched[j]] !== 0) held[nHeld++] = touched[j];
        pending = false;
      }
      let value = money;
      if (kept + nHeld > vals.length) {
        const c = new Int32Array(2 * vals.length);
        c.set(cols);
        cols = c;
        const v2 = new Float64Array(2 * vals.length);
        v2.set(vals);
        vals = v2;
      }
      for (let j = 0; j < nHeld; j++) {
        const k = held[j];
        const v = q[k] * close[k][t];
        cols[kept] = k;
        vals[kept++] = v;
        value += v;
      }
      rowStart[t + 1] = kept;
      equity[t] = value;
      if (t > 0 && dates[t].charCodeAt(6) !== dates[t - 1].charCodeAt(6)) {
        let valid = 0;
        for (let k = 0; k < n; k++) {
          const r = t >= lookback ? close[k][t] / close[k][t - lookback] - 1 : NaN;
          rets[k] = r;
          if (r === r) valid++;
        }
        if (valid === 0) continue;
        sorted.set(rets);
        sorted.sort();
        const take = Math.min(keep, valid);
        const cut = sorted[valid - take];
        target.fill(0);
        let chosen = 0;
        for (let k = 0; k < n && chosen < take; k++) {
          if (rets[k] >= cut) {
            target[k] = 1 / take;
            chosen++;
          }
        }
        pending = true;
      }
    }
    return equity[bars - 1];
  };
}
