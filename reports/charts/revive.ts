import { FNS } from './fns.js';

/** An ECharts option as plain JSON; functions appear as {"$fn": name}, resolved by the page or by `revive`. */
export type ChartOption = Record<string, unknown>;

/** A function reference inside an option. */
export const fn = (name: keyof typeof FNS & string): { $fn: string } => ({ $fn: name });

/** Replace every {"$fn": name} with the function from fns.js (for rendering in Node). */
export function revive(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(revive);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.$fn === 'string' && Object.keys(o).length === 1) {
      const f = FNS[o.$fn];
      if (!f) throw new Error(`chart option names unknown function ${o.$fn}`);
      return f;
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, revive(x)]));
  }
  return v;
}
