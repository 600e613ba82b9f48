import { fromDay, toDay } from '../macro/periods.ts';
import { isTradingDay, tradingDaysOfMonth } from './nyse.ts';

export type SchedulePeriod = 'week' | 'month' | 'quarter' | 'year';

/** Where a date sits in its month by the exchange calendar: `n` counts from 1 at the first trading day, `fromEnd` from −1 at the last. */
export interface TradingDayOfMonth {
  n: number;
  fromEnd: number;
}

/**
 * The position of `date` among its month's trading days. A date the calendar says is closed (a data row on a
 * holiday) is `{ n: 0, fromEnd: 0 }`: never a scheduled day, so no schedule fires twice.
 */
export function tradingDayOfMonth(date: string): TradingDayOfMonth {
  if (!isTradingDay(date)) return { n: 0, fromEnd: 0 };
  const days = tradingDaysOfMonth(date.slice(0, 7));
  let n = 0;
  while (n < days.length && days[n] <= date) n++;
  return { n, fromEnd: n - days.length - 1 };
}

/** Today is the last trading day of its month / of its quarter, by the exchange calendar. */
export function isMonthEnd(date: string): boolean {
  return tradingDayOfMonth(date).fromEnd === -1;
}

export function isQuarterEnd(date: string): boolean {
  return Number(date.slice(5, 7)) % 3 === 0 && isMonthEnd(date);
}

/** Whether no exchange trading day of the same (Monday-based) week comes before `date`. */
export function firstTradingDayOfWeek(date: string): boolean {
  const day = toDay(date);
  const monday = day - ((((day + 4) % 7) + 6) % 7);
  for (let d = monday; d < day; d++) if (isTradingDay(fromDay(d))) return false;
  return true;
}

/** Monday-based week number since 1970 (1970-01-01 was a Thursday, so day 4 − 3 … starts week 1 on a Monday). */
export function weekIndex(date: string): number {
  return weekOfDay(toDay(date));
}

/** weekIndex of a day number (days since 1970-01-01). */
export function weekOfDay(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** 0 for January to March, …, 3 for October to December. */
export function quarterOf(date: string): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3);
}

/** Whether `date` starts a new period against the previous bar's date (the first bar always does). */
export function startsPeriod(period: SchedulePeriod, prev: string, date: string): boolean {
  if (!prev) return true;
  switch (period) {
    case 'week':
      return weekIndex(prev) !== weekIndex(date);
    case 'month':
      return prev.slice(0, 7) !== date.slice(0, 7);
    case 'quarter':
      return prev.slice(0, 4) !== date.slice(0, 4) || quarterOf(prev) !== quarterOf(date);
    case 'year':
      return prev.slice(0, 4) !== date.slice(0, 4);
  }
}
