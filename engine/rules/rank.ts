import type { RuleContext } from './evaluation.ts';
import { formatValue } from './format.ts';
import { latest, readable, toSeries, type Source } from './series.ts';

export interface Ranking {
  /** Known values, best first; ties keep the order given. */
  ranked: { name: string; value: number }[];
  /** Names whose value is not known at this bar. */
  unknown: string[];
  /** `XLK +8.10%, XLY +6.00%, …; unknown: XLC`. */
  text: string;
}

/** Rank named series by their latest value, highest first (e.g. sectors by trailing return). */
export function rank(ctx: RuleContext, items: Readonly<Record<string, Source>>): Ranking {
  const ranked: Ranking['ranked'] = [];
  const unknown: string[] = [];
  let unit: 'ratio' | 'level' = 'level';
  for (const [name, source] of Object.entries(items)) {
    const series = toSeries(source);
    unit = series.unit;
    const v = readable(series) ? series.valueAt(ctx, series.lastKey(ctx)) : (latest(series.window(ctx, 1))?.value ?? NaN);
    if (Number.isFinite(v)) ranked.push({ name, value: v });
    else unknown.push(name);
  }
  ranked.sort((a, b) => b.value - a.value);
  const known = ranked.map((r) => `${r.name} ${formatValue(r.value, unit)}`).join(', ');
  const text = unknown.length ? `${known ? `${known}; ` : ''}unknown: ${unknown.join(', ')}` : known;
  return { ranked, unknown, text };
}
