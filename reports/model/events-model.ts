import type { EventStudy } from '../../engine/index.ts';
import type { EventsReportContext } from '../events-markdown.ts';

/** One occurrence's path after the signal: values[d] = close(t + d) / close(t) − 1, null once the data ends. */
export interface OccurrencePath {
  date: string;
  values: (number | null)[];
}

/** Everything an event study's reports show; written whole to event-study.json so `rotor report` rebuilds them. */
export interface EventsReportModel {
  kind: 'events';
  context: EventsReportContext;
  study: EventStudy;
  /** Per studied symbol, each occurrence's path over the longest horizon. */
  paths: Record<string, OccurrencePath[]>;
}

/** The paths after each occurrence, from the closes the study measured. */
export function occurrencePaths(study: EventStudy, dates: readonly string[], closes: Readonly<Record<string, Float64Array>>): Record<string, OccurrencePath[]> {
  const maxH = Math.max(0, ...study.horizons);
  const out: Record<string, OccurrencePath[]> = {};
  for (const symbol of Object.keys(study.summary)) {
    const c = closes[symbol];
    if (!c) continue;
    out[symbol] = study.occurrences.map((o) => {
      const base = c[o.bar];
      const values: (number | null)[] = [];
      for (let d = 0; d <= maxH; d++) {
        const v = c[o.bar + d];
        values.push(o.bar + d < dates.length && Number.isFinite(v) && base > 0 ? v / base - 1 : null);
      }
      while (values.length && values[values.length - 1] === null) values.pop();
      return { date: o.date, values };
    });
  }
  return out;
}

export function buildEventsModel(context: EventsReportContext, study: EventStudy, paths: Record<string, OccurrencePath[]>): EventsReportModel {
  return { kind: 'events', context, study, paths };
}
