import { fixed, money, pct } from '../format.ts';
import type { Cell, CellFormat } from '../model/metrics-table.ts';

/** One cell of the metrics table as text; both renderers format with these, neither computes. */
export function formatCell(c: Cell, f: CellFormat): string {
  if (c.value === null) return '—';
  const text =
    f === 'pct' ? pct(c.value) : f === 'ratio' ? fixed(c.value) : f === 'ratio4' ? fixed(c.value, 4) : f === 'money' ? money(c.value) : f === 'bars' ? `${c.value} d` : f === 'days' ? `${fixed(c.value, 1)} days` : String(c.value);
  return c.when ? `${text} (${c.when})` : text;
}
