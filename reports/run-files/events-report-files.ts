import type { EventStudy } from '../../engine/index.ts';
import { eventsCsv, eventsJson } from '../events-files.ts';
import { eventsMarkdown, type EventsReportContext } from '../events-markdown.ts';
import { eventsHtml } from '../html/events-html.ts';
import { buildEventsModel, occurrencePaths, type EventsReportModel } from '../model/events-model.ts';

export function renderEventsReports(model: EventsReportModel, opts: { html?: boolean } = {}): Record<string, string> {
  return {
    'report.md': eventsMarkdown(model.study, model.context),
    ...(opts.html !== false ? { 'report.html': eventsHtml(model) } : {}),
  };
}

/** Every file of an event study: events.json, events.csv, event-study.json (what `rotor report` reads), the reports. */
export function eventsReportFiles(
  study: EventStudy,
  context: EventsReportContext,
  data: { dates: readonly string[]; closes: Readonly<Record<string, Float64Array>> },
  opts: { html?: boolean } = {},
): Record<string, string> {
  const model = buildEventsModel(context, study, occurrencePaths(study, data.dates, data.closes));
  return {
    'events.json': eventsJson(study),
    'events.csv': eventsCsv(study),
    'event-study.json': JSON.stringify(model) + '\n',
    ...renderEventsReports(model, opts),
  };
}
