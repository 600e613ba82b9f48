import { RotorError } from '../../engine/index.ts';

/**
 * A span of time as a walk-forward counts it: calendar months and days (5y = 60 months, 26w = 182 days) and trading
 * bars (252d). Offsets add part by part, so fold k's window starts k steps from the origin without drifting.
 */
export interface Offset {
  months: number;
  days: number;
  bars: number;
}

export const ZERO: Offset = { months: 0, days: 0, bars: 0 };

/** `5y`, `18m`, `26w`, `252d` (d = trading bars of the data); a bad one is one line naming its flag. */
export function parseDuration(flag: string, text: string | number | undefined): Offset {
  const m = /^\s*(\d+)\s*([ymwd])\s*$/i.exec(String(text ?? ''));
  const n = m ? Number(m[1]) : NaN;
  if (!m || !(n > 0)) throw new RotorError(`--${flag} ${String(text ?? '')}: expected a whole number > 0 and a unit: y (years), m (months), w (weeks) or d (trading days), e.g. 5y, 18m, 26w, 252d`);
  const unit = m[2].toLowerCase();
  return unit === 'y' ? { months: 12 * n, days: 0, bars: 0 } : unit === 'm' ? { months: n, days: 0, bars: 0 } : unit === 'w' ? { months: 0, days: 7 * n, bars: 0 } : { months: 0, days: 0, bars: n };
}

export function add(a: Offset, b: Offset, times = 1): Offset {
  return { months: a.months + times * b.months, days: a.days + times * b.days, bars: a.bars + times * b.bars };
}

/** The date `months` and `days` after an ISO date; a month end that does not exist clamps (Jan 31 + 1m = Feb 28/29). */
export function addCalendar(date: string, months: number, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const t = Date.UTC(year, month, Math.min(d, last)) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The first bar on or after `date` (dates.length when none). */
export function barOnOrAfter(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid] < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The bar `offset` after bar `origin`: the calendar part first, counted from `originDate` (the bar's own date unless
 * the user's --from named an earlier day), to the first bar on or after that date; then the bars.
 */
export function barAt(dates: readonly string[], origin: number, offset: Offset, originDate = dates[origin]): number {
  const calendar = offset.months || offset.days ? barOnOrAfter(dates, addCalendar(originDate, offset.months, offset.days)) : origin;
  return calendar + offset.bars;
}

export function durationText(o: Offset): string {
  const parts: string[] = [];
  if (o.months) parts.push(o.months % 12 === 0 ? `${o.months / 12}y` : `${o.months}m`);
  if (o.days) parts.push(o.days % 7 === 0 ? `${o.days / 7}w` : `${o.days} calendar days`);
  if (o.bars) parts.push(`${o.bars}d`);
  return parts.join(' + ') || '0';
}
