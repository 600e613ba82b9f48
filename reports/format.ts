/** Number formatting shared by the report writers; null/NaN read as an em dash, never as 0. */
const DASH = '—';

export function pct(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined || !Number.isFinite(v) ? DASH : `${(v * 100).toFixed(digits)}%`;
}

export function fixed(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined || !Number.isFinite(v) ? DASH : v.toFixed(digits);
}

// One formatter for every cell: toLocaleString builds a new one per call, a tenth of a small run's report time.
const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function money(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? DASH : MONEY.format(v);
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** A p-value: three decimals, "< 0.001" below that (a resampled p is never known finer). */
export function pValue(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? DASH : v < 0.001 ? '< 0.001' : v.toFixed(3);
}
