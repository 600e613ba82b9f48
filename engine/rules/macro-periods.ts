import { RotorError } from '../errors.ts';
import { inferFrequency, periodOrdinal, periodsPerYear, type MacroFrequency } from '../macro/periods.ts';
import type { RuleContext } from './evaluation.ts';
import type { SeriesPoint, SeriesWindow } from './series.ts';

export type Frequency = 'month' | 'quarter';

const AS_MACRO: Record<Frequency, MacroFrequency> = { month: 'monthly', quarter: 'quarterly' };

/** Observations fetched beyond the window, so that the frequency can be told even from a one-step window. */
const FREQUENCY_SAMPLE = 8;

function label(period: string, freq: MacroFrequency): string {
  if (freq === 'monthly') return period.slice(0, 7);
  if (freq === 'quarterly') return `${period.slice(0, 4)}Q${Math.floor((Number(period.slice(5, 7)) - 1) / 3) + 1}`;
  if (freq === 'annual') return period.slice(0, 4);
  return period;
}

/**
 * The last `n` periods of a macro series published by today. Monthly, quarterly and annual series are keyed by
 * period (engine/macro/periods), so a missing month is a hole; daily and weekly ones by position among their
 * observations, the only arithmetic a calendar with holidays supports. When the period after the latest known one
 * is overdue (`ctx.macroValue` says so), the window ends with that period, unknown: a stale value is not current.
 */
export function macroWindow(ctx: RuleContext, name: string, n: number, every?: Frequency): SeriesWindow {
  const history = ctx.macroHistory(name, Math.max(n, FREQUENCY_SAMPLE));
  // One observation cannot show its frequency; trust the rule's until a second is published.
  const freq = history.length < 2 && every ? AS_MACRO[every] : inferFrequency(history.map((o) => o.period));
  if (every && freq !== AS_MACRO[every]) {
    throw new RotorError(`macro series ${name} is ${freq}, but a rule reads it as ${AS_MACRO[every]}`);
  }
  const byPeriod = freq === 'monthly' || freq === 'quarterly' || freq === 'annual';
  const keyOf = (period: string, i: number) => (byPeriod ? periodOrdinal(period, freq) : i - (history.length - 1));
  const points: SeriesPoint[] = history.map((o, i) => ({ key: keyOf(o.period, i), at: label(o.period, freq), value: o.value }));
  const reading = ctx.macroValue(name);
  if (byPeriod && reading.state === 'unknown' && reading.period && points.length) {
    points.push({ key: periodOrdinal(reading.period, freq), at: `${label(reading.period, freq)} (overdue)`, value: NaN });
  }
  const last = points.length ? points[points.length - 1].key : 0;
  return { points: points.filter((p) => p.key > last - n), perYear: byPeriod ? periodsPerYear(freq) : 252 };
}
