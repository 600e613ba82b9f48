/**
 * Exchange-traded funds on top of the synthetic indices. A fund's price is its index times a ratio, plus the
 * dividend income accrued since the last ex-date, times a small mean-reverting tracking error. On an ex-date the
 * accrued income is paid out and the price drops by it, which is what makes adjusted and raw closes differ.
 */

import { civilFromDay, dayFromCivil, nextTradingDayOnOrAfter, nthWeekday, previousTradingDayOnOrBefore } from './calendar.ts';
import type { IndexPath } from './market.ts';
import type { Rng } from './prng.ts';

export interface FundPath {
  start: number;
  /** Unrounded closes from `start`. */
  close: Float64Array;
  sd: Float64Array;
  /** Row (relative to `start`) → cash dividend per share in ten-thousandths of a currency unit. */
  dividends: Map<number, number>;
}

/** Dividend schedules, each giving ex-dates (trading days) for a year. */
export type ExDateRule = (year: number) => number[];

const QUARTER_MONTHS = [3, 6, 9, 12];

/** Third Friday of the quarter's last month, like a unit investment trust's quarterly distribution. */
export const thirdFridayQuarterly: ExDateRule = (y) =>
  QUARTER_MONTHS.map((m) => previousTradingDayOnOrBefore(nthWeekday(y, m, 5, 3)));

/** Third Monday of the quarter's last month. */
export const thirdMondayQuarterly: ExDateRule = (y) =>
  QUARTER_MONTHS.map((m) => nextTradingDayOnOrAfter(nthWeekday(y, m, 1, 3)));

/** The first trading day on or after the 24th of the quarter's last month. */
export const lateQuarterly: ExDateRule = (y) => QUARTER_MONTHS.map((m) => nextTradingDayOnOrAfter(dayFromCivil(y, m, 24)));

/** First trading day of every month. */
export const monthly: ExDateRule = (y) => Array.from({ length: 12 }, (_, k) => nextTradingDayOnOrAfter(dayFromCivil(y, k + 1, 1)));

function exDateSet(days: readonly number[], start: number, rule: ExDateRule): Set<number> {
  const set = new Set<number>();
  const firstYear = civilFromDay(days[start]).y;
  const lastYear = civilFromDay(days[days.length - 1]).y;
  for (let y = firstYear; y <= lastYear; y++) for (const d of rule(y)) if (d > days[start]) set.add(d);
  return set;
}

/** AR(1) tracking error: deviations from the index are corrected within days, as arbitrage does. */
function trackingError(rng: Rng, n: number, sd: number): Float64Array {
  const out = new Float64Array(n);
  let e = 0;
  for (let i = 0; i < n; i++) {
    e = 0.5 * e + sd * rng.normal();
    out[i] = e;
  }
  return out;
}

export interface EquityFundConfig {
  /** Index into the calendar of the first row (on or after the index's own start). */
  start: number;
  ratio: number;
  yield: number;
  trackingNoise: number;
  exDates: ExDateRule;
}

/** An equity fund tracking `index` from `cfg.start`, paying its accrued yield on each ex-date. */
export function equityFund(rng: Rng, days: readonly number[], index: IndexPath, cfg: EquityFundConfig): FundPath {
  const n = days.length - cfg.start;
  const ex = exDateSet(days, cfg.start, cfg.exDates);
  const noise = trackingError(rng.fork('tracking'), n, cfg.trackingNoise);
  const divRng = rng.fork('dividends');
  const close = new Float64Array(n);
  const dividends = new Map<number, number>();
  let accrued = 0;
  // Payouts vary from quarter to quarter; the yield is an average.
  let dailyYield = cfg.yield / 252;
  let prevBase = 0;
  for (let k = 0; k < n; k++) {
    const t = cfg.start + k;
    const base = cfg.ratio * index.level[t - index.start] * Math.exp(noise[k]);
    if (k > 0 && ex.has(days[t])) {
      const units = Math.round(accrued * prevBase * 10000);
      if (units > 0) dividends.set(k, units);
      accrued = 0;
      dailyYield = (cfg.yield / 252) * Math.exp(0.1 * divRng.normal());
    }
    if (k > 0) accrued += dailyYield;
    close[k] = base * (1 + accrued);
    prevBase = base;
  }
  const sd = index.sd.slice(cfg.start - index.start);
  return { start: cfg.start, close, sd, dividends };
}

export interface CashFundConfig {
  start: number;
  startPrice: number;
  expense: number;
  billSpread: number;
  noise: number;
  /** Effective policy rate (%) on a calendar day. */
  policyRate: (day: number) => number;
}

/**
 * A T-bill fund: income accrues daily at the bill yield (over weekends too) net of expenses and is paid monthly.
 * When bills yield less than the expense ratio there is no income to pay; the shortfall lowers the price instead.
 */
export function cashFund(rng: Rng, days: readonly number[], cfg: CashFundConfig): FundPath {
  const n = days.length - cfg.start;
  const ex = exDateSet(days, cfg.start, monthly);
  const noise = trackingError(rng.fork('noise'), n, cfg.noise);
  const close = new Float64Array(n);
  const sd = new Float64Array(n).fill(cfg.noise * 2);
  const dividends = new Map<number, number>();
  let principal = cfg.startPrice;
  let accrued = 0;
  for (let k = 0; k < n; k++) {
    const t = cfg.start + k;
    if (k > 0) {
      if (ex.has(days[t])) {
        const units = Math.round(accrued * principal * 10000);
        if (units > 0) dividends.set(k, units);
        else principal *= 1 + accrued;
        accrued = 0;
      }
      for (let d = days[t - 1]; d < days[t]; d++) {
        const bill = Math.max(0, cfg.policyRate(d) - cfg.billSpread) / 100;
        accrued += (bill - cfg.expense) / 365;
      }
    }
    close[k] = principal * (1 + accrued) * Math.exp(noise[k]);
  }
  return { start: cfg.start, close, sd, dividends };
}
