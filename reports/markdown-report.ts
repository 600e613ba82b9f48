import type { BacktestResult } from '../engine/index.ts';
import { runMarkdown } from './markdown/run-markdown.ts';
import { buildRunModel } from './model/run-model.ts';
import type { RunRecord } from './run-record.ts';
import { inputsFromResult } from './run-files/run-report-files.ts';

/** report.md of a run without images (runReportFiles writes it with them, and report.html). */
export function markdownReport(record: RunRecord, result: BacktestResult): string {
  return runMarkdown(buildRunModel(inputsFromResult(record, result)));
}
