import type { PriceBasis } from '../types.ts';
import type { MarketData } from './market-data.ts';

/**
 * The prices a run trades, marks and shows its strategy, in one basis. Total-return prices scale open, high and low
 * by the same adj_close / close factor as the close, so that gaps and ranges keep their meaning while dividends are
 * reinvested. A file that has only adj_close (no OHLC) gets a close but no open/high/low in that basis.
 */
export interface PriceView {
  basis: PriceBasis;
  open: Float64Array[];
  high: Float64Array[];
  low: Float64Array[];
  close: Float64Array[];
  volume: Float64Array[];
  /** First and last bar with a finite close, per symbol (-1 when none). */
  first: Int32Array;
  last: Int32Array;
}

export function priceView(market: MarketData, basis: PriceBasis): PriceView {
  const n = market.symbols.length;
  const view: PriceView = {
    basis,
    open: [],
    high: [],
    low: [],
    close: [],
    volume: [],
    first: new Int32Array(n).fill(-1),
    last: new Int32Array(n).fill(-1),
  };
  const buffer =
    basis === 'total-return'
      ? new Float64Array(new SharedArrayBuffer(4 * n * market.nBars * Float64Array.BYTES_PER_ELEMENT))
      : undefined;
  for (let k = 0; k < n; k++) {
    const rawClose = market.column(k, 'close');
    if (buffer) {
      const adj = market.column(k, 'adjClose');
      const slot = (i: number) => buffer.subarray((4 * k + i) * market.nBars, (4 * k + i + 1) * market.nBars);
      const [open, high, low, close] = [slot(0), slot(1), slot(2), slot(3)];
      const rawOpen = market.column(k, 'open');
      const rawHigh = market.column(k, 'high');
      const rawLow = market.column(k, 'low');
      // A symbol with no adjusted closes at all trades its raw prices; one with some has an unknown price (NaN) on a
      // day without one, never that day's raw close (which would be a fake jump in its total return).
      // A day with an open but no close yet keeps the last known adjustment factor for its open: the open is known at
      // the open, and nothing there may depend on whether the day's close exists.
      const hasAdj = adj.some((v) => Number.isFinite(v)); // as in closeColumn
      let lastFactor = 1;
      for (let t = 0; t < market.nBars; t++) {
        const a = adj[t];
        const c = hasAdj ? a : rawClose[t];
        const known = Number.isFinite(a) && Number.isFinite(rawClose[t]);
        if (known) lastFactor = a / rawClose[t];
        const f = known ? lastFactor : Number.isFinite(a) ? NaN : lastFactor;
        close[t] = c;
        open[t] = rawOpen[t] * f;
        high[t] = rawHigh[t] * f;
        low[t] = rawLow[t] * f;
      }
      view.open.push(open);
      view.high.push(high);
      view.low.push(low);
      view.close.push(close);
    } else {
      view.open.push(market.column(k, 'open'));
      view.high.push(market.column(k, 'high'));
      view.low.push(market.column(k, 'low'));
      view.close.push(rawClose);
    }
    view.volume.push(market.column(k, 'volume'));
    const close = view.close[k];
    for (let t = 0; t < market.nBars; t++) {
      if (Number.isFinite(close[t])) {
        if (view.first[k] < 0) view.first[k] = t;
        view.last[k] = t;
      }
    }
  }
  return view;
}

/**
 * Symbol k's closes exactly as priceView(market, basis).close[k] has them, without building the whole view (a run's
 * report wants the closes of its traded symbols only; the view is every column of every symbol).
 */
export function closeColumn(market: MarketData, k: number, basis: PriceBasis): Float64Array {
  const rawClose = market.column(k, 'close');
  if (basis !== 'total-return') return rawClose;
  const adj = market.column(k, 'adjClose');
  return adj.some((v) => Number.isFinite(v)) ? adj : rawClose;
}
