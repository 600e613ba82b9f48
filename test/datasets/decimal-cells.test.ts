import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../datasets/csv-lines.ts';
import { isIsoDate } from '../../engine/calendar/iso-date.ts';
import { mulberry32 } from '../../bench/synthetic-market.ts';

/** The format a cell must have, as a regular expression, and what it reads as: the definition parseDecimal follows. */
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const reference = (text: string) => (DECIMAL.test(text) ? Number(text) : undefined);

describe('decimal cells', () => {
  it('read exactly as Number() reads them, bit for bit, on 200,000 random decimals of 1 to 20 digits', () => {
    const u = mulberry32(99);
    const digits = (k: number) => Array.from({ length: k }, () => String(Math.floor(u() * 10))).join('');
    for (let c = 0; c < 200_000; c++) {
      const whole = digits(Math.floor(u() * 12));
      const fraction = u() < 0.8 ? digits(Math.floor(u() * 10)) : '';
      const point = fraction || u() < 0.1 ? '.' : '';
      const text = `${u() < 0.2 ? '-' : ''}${whole}${point}${fraction}`;
      const got = parseDecimal(text);
      const want = reference(text);
      if (!Object.is(got, want)) expect.fail(`${JSON.stringify(text)}: ${got} ≠ ${want}`);
    }
  });

  it('accept the plain decimal form only', () => {
    const u = mulberry32(5);
    const alphabet = '0123456789.-+e ,x';
    for (let c = 0; c < 100_000; c++) {
      const text = Array.from({ length: Math.floor(u() * 6) }, () => alphabet[Math.floor(u() * alphabet.length)]).join('');
      if (!Object.is(parseDecimal(text), reference(text))) expect.fail(`${JSON.stringify(text)}: ${parseDecimal(text)} ≠ ${reference(text)}`);
    }
    for (const [text, want] of [['5.', 5], ['.5', 0.5], ['-.25', -0.25], ['-0', -0], ['0.000', 0], ['44.21875', 44.21875], ['1234567890123456.5', 1234567890123456.5]] as const) {
      expect(Object.is(parseDecimal(text), want), text).toBe(true);
    }
    for (const text of ['', '-', '.', '-.', '1e3', '+5', ' 12', '1,234', '0x10', 'Infinity', '1.2.3', '--1']) expect(parseDecimal(text), text).toBeUndefined();
  });
});

describe('isIsoDate', () => {
  it('agrees with Date on every day of 1899-2101 and on malformed texts', () => {
    const real = new Set<string>();
    for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2101, 11, 31); t += 86_400_000) real.add(new Date(t).toISOString().slice(0, 10));
    for (let y = 1899; y <= 2101; y++) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          if (isIsoDate(text) !== real.has(text)) expect.fail(`${text}: ${isIsoDate(text)}`);
        }
      }
    }
    for (const text of ['2024-1-05', '2024/01/05', '2024-01-5 ', '20240105', '2024-0a-05', '2024-01-0\u0660', '+024-01-05', '']) expect(isIsoDate(text), text).toBe(false);
  });
});
