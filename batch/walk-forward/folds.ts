import { RotorError } from '../../engine/index.ts';
import { add, addCalendar, barAt, durationText, ZERO, type Offset } from './duration.ts';

const SLACK_DAYS = 5;

export interface WindowBars {
  first: number;
  last: number;
}

/** One fold: the bars its sweep is chosen on, then the bars the choice is tested on (right after, never overlapping). */
export interface Fold {
  /** 1-based, as in folds.csv and folds/NN/. */
  index: number;
  train: WindowBars;
  test: WindowBars;
}

export interface FoldSpec {
  train: Offset;
  test: Offset;
  /** How far each fold moves on; the test length by default. */
  step?: Offset;
  /** Every train window starts at the origin (expanding) instead of moving with the step (rolling). */
  anchored: boolean;
}

export interface FoldPlan {
  folds: Fold[];
  /** Bars of the window after the last test window, used by no fold. */
  unusedTail: number;
}

/**
 * The folds of a walk-forward over `window` (market-calendar bars the strategy can run on); calendar lengths count
 * from `originDate` (--from, or the window's first day). Fold k's test window starts at origin + train + k·step and lasts `test`; its train window ends on the bar before and starts at the
 * origin (anchored) or at origin + k·step (rolling). Only folds whose whole test window fits are kept.
 */
export function planFolds(dates: readonly string[], window: WindowBars, spec: FoldSpec, originDate = dates[window.first]): FoldPlan {
  const step = spec.step ?? spec.test;
  const o = window.first;
  const at = (offset: Offset) => barAt(dates, o, offset, originDate);
  const folds: Fold[] = [];
  for (let k = 0; ; k++) {
    const testFirst = at(add(spec.train, step, k));
    const end = add(add(spec.train, step, k), spec.test);
    const testLast = at(end) - 1;
    // A test window whose calendar end lies past the data's last day would be cut short: it is not a fold. Up to
    // SLACK days past is still whole (a window ending on a Sunday or a holiday after the last trading day).
    const cut = (end.months || end.days) && addCalendar(originDate, end.months, end.days) > addCalendar(dates[window.last], 0, SLACK_DAYS);
    if (testLast > window.last || testFirst > window.last || cut) break;
    const trainFirst = spec.anchored ? o : at(add(ZERO, step, k));
    const trainLast = testFirst - 1;
    const prev = folds[folds.length - 1];
    if (prev && testFirst <= prev.test.last) {
      throw new RotorError(`--step ${durationText(step)} is shorter than --test ${durationText(spec.test)}: test windows would overlap (fold ${k + 1} would start ${dates[testFirst]}, before fold ${k} ends ${dates[prev.test.last]}); use a step of at least the test length`);
    }
    if (testLast < testFirst) throw new RotorError(`--test ${durationText(spec.test)} holds no trading day from ${dates[testFirst]}; use a longer test window`);
    if (trainLast - trainFirst < 1) throw new RotorError(`--train ${durationText(spec.train)} holds fewer than 2 trading days before ${dates[testFirst]}; use a longer train window`);
    folds.push({ index: k + 1, train: { first: trainFirst, last: trainLast }, test: { first: testFirst, last: testLast } });
  }
  if (folds.length === 0) {
    const years = ((Date.parse(dates[window.last]) - Date.parse(dates[o])) / (365.25 * 86_400_000)).toFixed(1);
    throw new RotorError(
      `--train ${durationText(spec.train)} + --test ${durationText(spec.test)} do not fit the data: the strategy can run ${dates[o]} .. ${dates[window.last]} (${window.last - o + 1} trading days, ${years} years); shorten --train or --test, or widen --from/--to`,
    );
  }
  return { folds, unusedTail: window.last - folds[folds.length - 1].test.last };
}
