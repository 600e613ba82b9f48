import type { MacroSeries } from '../macro/macro-series.ts';
import type { MarketData } from '../market/market-data.ts';
import type { PriceView } from '../market/price-view.ts';
import { perBarRates, type PerBarRates } from '../financing/rates.ts';
import { benchmarkSpecs } from '../model-settings.ts';
import type { RunSettings } from '../types.ts';

/** The cash rate and the risk-free series of a run, per bar of the whole calendar, when its settings ask for them. */
export function runRates(settings: RunSettings, market: MarketData, view: PriceView, macro: readonly MacroSeries[]) {
  const inputs = { dates: market.dates, view, macro, column: (s: string) => (market.has(s) ? market.symbolIndex(s) : undefined) };
  const cash: PerBarRates | undefined = settings.cashRate ? perBarRates('cashRate', settings.cashRate, inputs) : undefined;
  const riskFree: PerBarRates | undefined = settings.riskFreeFrom ? perBarRates('riskFreeFrom', settings.riskFreeFrom, inputs) : undefined;
  return { cash, riskFree };
}

/**
 * Each benchmark's prices on the run's bars: a symbol's closes, or the value of a fixed-weight blend that starts at 1
 * on the first bar every component has a price and is rebalanced to its weights at the close of each month's first
 * bar (costs ignored). A bar where a component has no price leaves the blend unknown that day.
 */
export function benchmarkSeries(settings: RunSettings, market: MarketData, view: PriceView, startBar: number, endBar: number) {
  return benchmarkSpecs(settings).map((spec) => {
    const entries = Object.entries(spec.weights);
    if (entries.length === 1 && entries[0][1] === 1) {
      return { symbol: spec.name, prices: view.close[market.symbolIndex(entries[0][0])].slice(startBar, endBar + 1) };
    }
    const cols = entries.map(([s]) => view.close[market.symbolIndex(s)]);
    const w = entries.map(([, x]) => x);
    const rows = endBar - startBar + 1;
    const out = new Float64Array(rows).fill(NaN);
    const units = new Float64Array(entries.length);
    let started = false;
    for (let r = 0; r < rows; r++) {
      const t = startBar + r;
      let value = 0;
      let known = true;
      for (let j = 0; j < cols.length; j++) {
        const p = cols[j][t];
        if (!(p > 0)) known = false;
        else value += units[j] * p;
      }
      if (!known) continue;
      const newMonth = r === 0 || market.dates[t].slice(0, 7) !== market.dates[t - 1].slice(0, 7);
      if (!started) value = 1;
      if (!started || newMonth) {
        for (let j = 0; j < cols.length; j++) units[j] = (value * w[j]) / cols[j][t];
        started = true;
      }
      out[r] = value;
    }
    return { symbol: spec.name, prices: out };
  });
}
