export { writeFilesAtomic } from './atomic-write.ts';
export { decisionsCsv, equityCsv, tradesCsv } from './csv-writers.ts';
export { markdownReport } from './markdown-report.ts';
export type { RunRecord } from './run-record.ts';
export { fixed, money, pct, table } from './format.ts';
export { eventsCsv, eventsJson } from './events-files.ts';
export { eventsMarkdown, type EventsReportContext } from './events-markdown.ts';
export { decisionsSection } from './decisions-section.ts';
