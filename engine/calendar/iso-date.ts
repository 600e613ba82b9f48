const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` that names a real calendar day, checked without building a Date (the loader parses 10^5 of them). */
export function isIsoDate(d: string): boolean {
  if (d.length !== 10 || d.charCodeAt(4) !== 45 || d.charCodeAt(7) !== 45) return false;
  // Year, month and day read digit by digit: no substrings.
  let y = 0;
  let m = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = d.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    if (i < 4) y = 10 * y + c;
    else if (i < 7) m = 10 * m + c;
    else day = 10 * day + c;
  }
  if (m < 1 || m > 12 || day < 1 || day > DAYS_IN_MONTH[m - 1]) return false;
  return !(m === 2 && day === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)));
}

/** Why a text is not a usable date, in words a user can act on ("2023-02-29: 2023 is not a leap year"). */
export function dateProblem(d: string): string | undefined {
  if (isIsoDate(d)) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return 'expected a date YYYY-MM-DD';
  const month = +m[2];
  const day = +m[3];
  if (month < 1 || month > 12) return `there is no month ${m[2]}`;
  if (month === 2 && day === 29) return `${m[1]} is not a leap year`;
  return `month ${m[2]} has no day ${m[3]}`;
}
