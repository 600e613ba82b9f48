import { RotorError } from '../errors.ts';
import type { RuleContext } from './evaluation.ts';
import type { SeriesPoint, SeriesWindow } from './series.ts';

export type Frequency = 'month' | 'quarter';

/** Observations fetched beyond the window, so that the frequency can be told even from a one-step window. */
const FREQUENCY_SAMPLE = 8;

function monthOrdinal(period: string): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

/**
 * Monthly and quarterly series are keyed by period, so a missing month is a hole; anything else (daily yields) by
 * position among its observations, which is the only arithmetic a gappy daily calendar supports.
 */
function detect(periods: readonly string[]): { kind: Frequency | 'observation'; perYear: number } {
  const firstOfMonth = periods.every((p) => p.slice(8, 10) === '01');
  if (firstOfMonth && periods.length > 0) {
    const months = periods.map(monthOrdinal);
    const gaps = months.slice(1).map((m, i) => m - months[i]);
    const quarterly = months.every((m) => m % 3 === 0) && (gaps.length === 0 ? false : Math.min(...gaps) >= 3);
    if (quarterly) return { kind: 'quarter', perYear: 4 };
    if (gaps.length === 0 || Math.min(...gaps) >= 1) return { kind: 'month', perYear: 12 };
  }
  if (periods.length < 2) return { kind: 'observation', perYear: 252 };
  const days = (Date.parse(periods[periods.length - 1]) - Date.parse(periods[0])) / 86_400_000 / (periods.length - 1);
  return { kind: 'observation', perYear: Math.max(1, Math.round(365.25 / Math.max(days, 1))) };
}

function label(period: string, kind: Frequency | 'observation'): string {
  if (kind === 'month') return period.slice(0, 7);
  if (kind === 'quarter') return `${period.slice(0, 4)}Q${Math.floor((Number(period.slice(5, 7)) - 1) / 3) + 1}`;
  return period;
}

/** The last `n` periods of a macro series published by today, keyed by period. */
export function macroWindow(ctx: RuleContext, name: string, n: number, every?: Frequency): SeriesWindow {
  const history = ctx.macroHistory(name, Math.max(n, FREQUENCY_SAMPLE));
  const periods = history.map((o) => o.period);
  const detected = detect(periods);
  // One observation cannot show its frequency; trust the rule's until a second is published.
  const { kind, perYear } = history.length < 2 && every ? { kind: every, perYear: every === 'month' ? 12 : 4 } : detected;
  if (every && kind !== every) {
    throw new RotorError(`macro series ${name} is ${kind === 'observation' ? 'not monthly or quarterly' : `${kind}ly`}, but a rule reads it as ${every}ly`);
  }
  const keyOf =
    kind === 'month'
      ? (p: string) => monthOrdinal(p)
      : kind === 'quarter'
        ? (p: string) => monthOrdinal(p) / 3
        : (_p: string, i: number) => i - (history.length - 1);
  const points: SeriesPoint[] = history.map((o, i) => ({ key: keyOf(o.period, i), at: label(o.period, kind), value: o.value }));
  const last = points.length ? points[points.length - 1].key : 0;
  return { points: points.filter((p) => p.key > last - n), perYear };
}
