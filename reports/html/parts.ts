import { esc } from './escape.ts';

/** A table whose cells are already-escaped HTML; `cls` marks numeric cells positive or negative. */
export function htmlTable(header: readonly string[], rows: readonly (readonly string[])[], opts: { textCols?: number[]; cls?: string } = {}): string {
  const text = new Set(opts.textCols ?? []);
  const th = header.map((h, i) => `<th${text.has(i) ? ' class="text"' : ''}>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${text.has(i) ? ' class="text"' : ''}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<div class="scroll${opts.cls ? ` ${opts.cls}` : ''}"><table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** A signed figure coloured by its sign. */
export function signed(text: string, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v) || v === 0) return esc(text);
  return `<span class="${v > 0 ? 'pos' : 'neg'}">${esc(text)}</span>`;
}

export function kpi(label: string, value: string, sub = ''): string {
  return `<div class="kpi"><div class="k">${esc(label)}</div><div class="v">${esc(value)}</div>${sub ? `<div class="s">${esc(sub)}</div>` : ''}</div>`;
}

export function syntheticBanner(what: string): string {
  return `<div class="banner synthetic">SYNTHETIC DATA. This ${esc(what)} used rotor's generated sample dataset, not market history: its figures say nothing about real markets.</div>`;
}
