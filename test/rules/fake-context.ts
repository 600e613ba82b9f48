import { readAsOf, type MacroObservation, type MacroSeries, type MacroTransform, type RuleContext } from '../../engine/index.ts';

export interface FakeMarket {
  dates: string[];
  prices?: Record<string, number[]>;
  macro?: Record<string, { period: string; value: number; released: string }[]>;
}

/**
 * A rule context over hand-written arrays, with the engine's point-in-time rules: closes up to today, macro
 * observations released by today (periods in file order), the engine's own as-of reader for macroValue.
 */
export function fakeContext(m: FakeMarket, bar: number): RuleContext {
  const date = m.dates[bar];
  return {
    bar,
    date,
    history(symbol: string, n: number) {
      const closes = m.prices?.[symbol];
      if (!closes) throw new Error(`no prices for ${symbol}`);
      return Float64Array.from(closes.slice(Math.max(0, bar + 1 - n), bar + 1));
    },
    macroHistory(series: string, n: number): MacroObservation[] {
      const obs = m.macro?.[series];
      if (!obs) throw new Error(`no macro series ${series}`);
      return obs
        .filter((o) => o.released <= date)
        .slice(-n)
        .map((o) => ({ series, period: o.period, value: o.value, released: o.released }));
    },
    macroValue(series: string, transform?: MacroTransform) {
      const obs = m.macro?.[series];
      if (!obs) throw new Error(`no macro series ${series}`);
      const s: MacroSeries = { name: series, periods: obs.map((o) => o.period), values: Float64Array.from(obs, (o) => o.value), released: obs.map((o) => o.released) };
      return readAsOf(s, date, transform);
    },
  };
}

/** Evaluate a rule on every bar in turn, as a run does (rules with memory need every bar). */
export function statesOver<T>(m: FakeMarket, evaluate: (ctx: RuleContext) => T): T[] {
  return m.dates.map((_, bar) => evaluate(fakeContext(m, bar)));
}

/** Monthly periods from a start, `YYYY-MM-01`. */
export function months(start: string, n: number): string[] {
  const out: string[] = [];
  let y = Number(start.slice(0, 4));
  let mo = Number(start.slice(5, 7));
  for (let i = 0; i < n; i++) {
    out.push(`${y}-${String(mo).padStart(2, '0')}-01`);
    mo++;
    if (mo > 12) { mo = 1; y++; }
  }
  return out;
}
