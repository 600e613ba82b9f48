/** How a series' numbers read: returns and growth rates as percentages, levels (prices, rates in %) as numbers. */
export type Unit = 'ratio' | 'level';

function trim(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** A threshold as written in a rule's description: `1%`, `2.5%`, `0.25`. */
export function formatThreshold(v: number, unit: Unit): string {
  const text = unit === 'ratio' ? `${trim((v * 100).toFixed(4))}%` : trim(v.toFixed(4));
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

/** A measured value as shown beside a rule's state: signed percentages to 0.01, levels to 0.001. */
export function formatValue(v: number, unit: Unit): string {
  if (!Number.isFinite(v)) return 'unknown';
  if (unit === 'ratio') return `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(2)}%`;
  const text = trim(Math.abs(v).toFixed(3));
  return v < 0 && text !== '0' ? `−${text}` : text;
}
