import { ForwardReturns } from './forward-returns.ts';
import { declutter as declutterBars, overlaps } from './occurrences.ts';
import { returnStats, type ReturnStats } from './summary-stats.ts';
import { binomialTest, randomDrawPValue } from '../stats/index.ts';

/** Random draws per p-value: a p of 0.01 is then known to about ±0.001. */
export const DEFAULT_PERMUTATIONS = 10_000;

/** What fired on a bar, as the signal described it. */
export interface Trigger {
  bar: number;
  /** The sentence that explains it, e.g. `RUT closed up more than 1% for 5 days (+1.10%, …)`. */
  because: string;
  values?: Readonly<Record<string, unknown>>;
}

export interface EventStudyInput {
  dates: readonly string[];
  triggers: readonly Trigger[];
  /** Adjusted closes on the calendar of `dates`, NaN where a symbol has no bar. */
  closes: Readonly<Record<string, Float64Array>>;
  /** Trading days. */
  horizons: readonly number[];
  /** The bars over which the signal was evaluated, both ends included: the sample of the baseline. */
  window: readonly [number, number];
  /** Drop occurrences within this many bars of the previous one kept (0 keeps all). */
  declutter?: number;
  /** Random draws behind each mean's p-value (default 10,000), and their seed (default 1). */
  permutations?: number;
  seed?: number;
}

/** How far chance explains a horizon's figures; null where the test is undefined (no event, no baseline). */
export interface HorizonTests {
  /** Two-sided p-value of the events' mean against the baseline: the same number of dates drawn at random from the
   * baseline's days, without replacement. */
  meanP: number | null;
  /** Two-sided exact binomial p-value of the events' hits against the baseline's hit rate. */
  hitRateP: number | null;
}

export interface Occurrence {
  date: string;
  bar: number;
  because: string;
  values?: Readonly<Record<string, unknown>>;
  /** forward[symbol][h]: close(t + h) / close(t) − 1, null when the data ends first. */
  forward: Record<string, Record<number, number | null>>;
  /** Horizons at which this occurrence's forward window overlaps the previous one's. */
  overlapsPrevious: number[];
}

export interface HorizonSummary {
  horizon: number;
  events: ReturnStats;
  /** Every bar of the window where the forward window fits. */
  baseline: ReturnStats;
  /** Occurrences whose window at this horizon overlaps the previous one's. */
  overlapping: number;
  tests: HorizonTests;
}

export interface EventStudy {
  occurrences: Occurrence[];
  /** Occurrences removed by declutter. */
  dropped: number;
  summary: Record<string, HorizonSummary[]>;
  window: { from: string; to: string; bars: number };
  horizons: number[];
  /** How the p-values were drawn. */
  tests: { permutations: number; seed: number };
}

/** Forward returns after each occurrence, per symbol and horizon, beside the unconditional baseline. */
export function eventStudy(input: EventStudyInput): EventStudy {
  const { dates, horizons } = input;
  const [start, end] = input.window;
  const inWindow = [...input.triggers].filter((t) => t.bar >= start && t.bar <= end).sort((a, b) => a.bar - b.bar);
  const keptBars = new Set(declutterBars(inWindow.map((t) => t.bar), input.declutter ?? 0));
  const kept = inWindow.filter((t) => keptBars.has(t.bar));
  const overlap = overlaps(kept.map((t) => t.bar), horizons);
  const forwards = Object.fromEntries(Object.entries(input.closes).map(([s, c]) => [s, new ForwardReturns(c)]));

  const occurrences: Occurrence[] = kept.map((t, i) => ({
    date: dates[t.bar],
    bar: t.bar,
    because: t.because,
    ...(t.values ? { values: t.values } : {}),
    forward: Object.fromEntries(
      Object.entries(forwards).map(([s, f]) => [s, Object.fromEntries(horizons.map((h) => [h, finite(f.at(t.bar, h))]))]),
    ),
    overlapsPrevious: overlap[i],
  }));

  const permutations = input.permutations ?? DEFAULT_PERMUTATIONS;
  const seed = input.seed ?? 1;
  const summary: Record<string, HorizonSummary[]> = {};
  Object.entries(forwards).forEach(([s, f], si) => {
    summary[s] = horizons.map((h, hi) => {
      const baseline: number[] = [];
      for (let t = start; t <= end; t++) baseline.push(f.at(t, h));
      const eventValues = occurrences.map((o) => o.forward[s][h] ?? NaN);
      const events = returnStats(eventValues);
      const base = returnStats(baseline);
      const stream = si * horizons.length + hi;
      return {
        horizon: h,
        events,
        baseline: base,
        overlapping: occurrences.filter((o) => o.overlapsPrevious.includes(h)).length,
        tests: {
          meanP: nullIfNaN(randomDrawPValue(eventValues.filter(Number.isFinite), baseline.filter(Number.isFinite), { permutations, seed, stream })),
          hitRateP: nullIfNaN(binomialTest(Math.round(events.hitRate * events.count), events.count, base.hitRate)),
        },
      };
    });
  });
  return {
    occurrences,
    dropped: inWindow.length - kept.length,
    summary,
    window: { from: dates[start], to: dates[end], bars: end - start + 1 },
    horizons: [...horizons],
    tests: { permutations, seed },
  };
}

const nullIfNaN = (v: number): number | null => (Number.isNaN(v) ? null : v);

function finite(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
