import { describe, expect, it } from 'vitest';
import { addCalendar, parseDuration, planFolds } from '../../batch/index.ts';
import { RotorError } from '../../engine/index.ts';
import { days } from '../helpers/tiny-market.ts';

// A made-up calendar: every weekday of 2020, 2021 and 2022 (no holidays), so each boundary can be worked by hand.
const dates = days(800, '2020-01-01').filter((d) => d <= '2022-12-30');
const at = (d: string) => dates.indexOf(d);
const window = { first: 0, last: dates.length - 1 };
const y = (s: string) => parseDuration('train', s);
const spans = (plan: ReturnType<typeof planFolds>) =>
  plan.folds.map((f) => [dates[f.train.first], dates[f.train.last], dates[f.test.first], dates[f.test.last]]);

describe('walk-forward durations', () => {
  it('reads years, months, weeks and trading days', () => {
    expect(parseDuration('train', '5y')).toEqual({ months: 60, days: 0, bars: 0 });
    expect(parseDuration('test', '18m')).toEqual({ months: 18, days: 0, bars: 0 });
    expect(parseDuration('step', '26w')).toEqual({ months: 0, days: 182, bars: 0 });
    expect(parseDuration('test', '252d')).toEqual({ months: 0, days: 0, bars: 252 });
  });

  it('refuses a bad one in one line naming the flag', () => {
    for (const bad of ['5', '0y', '1.5y', '5x', '', 'y5', '-1y']) {
      expect(() => parseDuration('train', bad)).toThrow(RotorError);
      expect(() => parseDuration('train', bad)).toThrow(/^--train .*expected a whole number > 0 and a unit/);
    }
  });

  it('adds months clamping to the month end, and days across years', () => {
    expect(addCalendar('2020-01-31', 1, 0)).toBe('2020-02-29');
    expect(addCalendar('2021-01-31', 1, 0)).toBe('2021-02-28');
    expect(addCalendar('2020-12-15', 60, 0)).toBe('2025-12-15');
    expect(addCalendar('2020-12-28', 0, 7)).toBe('2021-01-04');
  });
});

describe('walk-forward folds on a made-up calendar', () => {
  it('rolling: 1y train, 6m test, stepping 6m', () => {
    const plan = planFolds(dates, window, { train: y('1y'), test: y('6m'), anchored: false });
    expect(spans(plan)).toEqual([
      ['2020-01-01', '2020-12-31', '2021-01-01', '2021-06-30'],
      ['2020-07-01', '2021-06-30', '2021-07-01', '2021-12-31'],
      // 2022-01-01 is a Saturday: the window starts on the next trading day.
      ['2021-01-01', '2021-12-31', '2022-01-03', '2022-06-30'],
      // Ends on the data's last day (Friday 2022-12-30); the window runs to 2022-12-31, a Saturday: still whole.
      ['2021-07-01', '2022-06-30', '2022-07-01', '2022-12-30'],
    ]);
    expect(plan.unusedTail).toBe(0);
    expect(plan.folds.map((f) => f.index)).toEqual([1, 2, 3, 4]);
  });

  it('anchored: every train window starts at the first bar', () => {
    const plan = planFolds(dates, window, { train: y('1y'), test: y('6m'), anchored: true });
    expect(spans(plan).map((s) => s[0])).toEqual(['2020-01-01', '2020-01-01', '2020-01-01', '2020-01-01']);
    expect(spans(plan).map((s) => s[1])).toEqual(['2020-12-31', '2021-06-30', '2021-12-31', '2022-06-30']);
  });

  it('a step longer than the test leaves gaps, and the tail after the last whole window is counted', () => {
    const plan = planFolds(dates, window, { train: y('1y'), test: y('6m'), step: y('1y'), anchored: false });
    expect(spans(plan)).toEqual([
      ['2020-01-01', '2020-12-31', '2021-01-01', '2021-06-30'],
      ['2021-01-01', '2021-12-31', '2022-01-03', '2022-06-30'],
    ]);
    expect(plan.unusedTail).toBe(window.last - at('2022-06-30'));
  });

  it('trading-day units count bars from the origin', () => {
    const plan = planFolds(dates, { first: 10, last: 60 }, { train: y('20d'), test: y('10d'), anchored: false });
    expect(plan.folds.map((f) => [f.train.first, f.train.last, f.test.first, f.test.last])).toEqual([
      [10, 29, 30, 39],
      [20, 39, 40, 49],
      [30, 49, 50, 59],
    ]);
    expect(plan.unusedTail).toBe(1);
  });

  it('a test window that runs past the data is not a fold', () => {
    const plan = planFolds(dates, { first: 0, last: at('2022-11-30') }, { train: y('1y'), test: y('6m'), anchored: false });
    expect(plan.folds).toHaveLength(3);
  });

  it('refuses overlapping test windows and windows that do not fit, naming the flags', () => {
    expect(() => planFolds(dates, window, { train: y('1y'), test: y('6m'), step: y('3m'), anchored: false })).toThrow(/^--step 3m is shorter than --test 6m/);
    expect(() => planFolds(dates, window, { train: y('3y'), test: y('1y'), anchored: false })).toThrow(/^--train 3y \+ --test 1y do not fit the data: the strategy can run 2020-01-01 \.\. 2022-12-30/);
  });
});
