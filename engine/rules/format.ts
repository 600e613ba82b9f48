/** How a series' numbers read: returns and growth rates as percentages, levels (prices, rates in %) as numbers. */
export type Unit = 'ratio' | 'level';

function trim(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** A threshold as written in a rule's description: `1%`, `2.5%`, `0.25`. */
export function formatThreshold(v: number, unit: Unit): string {
  if (unit === 'ratio') return `${trim((v * 100).toFixed(4))}%`;
  return trim(v.toPrecision(6).includes('e') ? String(v) : String(Number(v.toPrecision(6))));
}

/** A measured value as shown beside a rule's state: signed percentages, levels to six significant digits. */
export function formatValue(v: number, unit: Unit): string {
  if (!Number.isFinite(v)) return 'unknown';
  if (unit === 'ratio') return `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(2)}%`;
  const text = String(Number(v.toPrecision(6)));
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}
