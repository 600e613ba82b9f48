/** Number formatting shared by the report writers; null/NaN read as an em dash, never as 0. */
const DASH = '—';

export function pct(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined || !Number.isFinite(v) ? DASH : `${(v * 100).toFixed(digits)}%`;
}

export function fixed(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined || !Number.isFinite(v) ? DASH : v.toFixed(digits);
}

/**
 * An amount as en-US with two decimals and thousands commas, character for character what
 * `new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })` writes (test/reports/
 * format.test.ts compares them), without ICU: creating that formatter is 10 to 15 ms, a twentieth of `rotor run`.
 * Like ICU it rounds the shortest decimal that reads back as the number (the digits String gives), half away from
 * zero, so 1.005 is 1.01 where toFixed says 1.00; and -0 or a small negative amount keeps its sign, -0.00.
 */
export function money(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  const [mantissa, exponent] = String(Math.abs(v)).split('e');
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  // How many of the digits are before the decimal point (none or more than there are, for 1e-7 or 1e+21).
  const point = (dot < 0 ? mantissa.length : dot) + (exponent === undefined ? 0 : Number(exponent));
  const whole = point <= 0 ? '' : digits.slice(0, point).padEnd(point, '0');
  const fraction = (point < 0 ? '0'.repeat(-point) + digits : digits.slice(Math.max(point, 0))).padEnd(3, '0');
  let cents = BigInt(whole + fraction.slice(0, 2));
  if (fraction[2] >= '5') cents += 1n;
  const text = cents.toString().padStart(3, '0');
  const grouped = text.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${v < 0 || Object.is(v, -0) ? '-' : ''}${grouped}.${text.slice(-2)}`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** A p-value: three decimals, "< 0.001" below that (a resampled p is never known finer). */
export function pValue(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? DASH : v < 0.001 ? '< 0.001' : v.toFixed(3);
}
