import { chartSvg } from '../charts/svg.ts';
import type { ChartSpec } from '../charts/run-charts.ts';
import { batchCharts } from '../batch/batch-charts.ts';
import type { BatchReportInput } from '../batch/batch-input.ts';
import { buildBatchModel } from '../batch/batch-model.ts';
import { batchHtml, batchMarkdown, type BatchImages } from '../batch/batch-render.ts';
import type { ReportOptions } from '../run-files/run-report-files.ts';
import { sweepCharts } from './sweep-charts.ts';
import { batchReportInput, readSweepFolder, sweepReportInput } from './sweep-folder.ts';
import type { SweepReportInput } from './sweep-input.ts';
import { buildSweepModel } from './sweep-model.ts';
import { sweepHtml, sweepMarkdown, type SweepImages } from './sweep-render.ts';

/** SVG images of the charts report.md embeds, keyed by chart id → file name; only the charts the report has. */
function images<K extends string>(charts: readonly ChartSpec[], names: Record<K, string>, on: boolean): { files: Record<string, string>; refs: Partial<Record<K, string>> } {
  const files: Record<string, string> = {};
  const refs: Partial<Record<K, string>> = {};
  if (!on) return { files, refs };
  for (const c of charts) {
    const name = (names as Record<string, string>)[c.id];
    if (!name) continue;
    files[name] = chartSvg(c);
    refs[c.id as K] = name;
  }
  return { files, refs };
}

const SWEEP_IMAGES: Record<keyof SweepImages, string> = { 'top-equity': 'report-top-equity.svg', 'objective-distribution': 'report-distribution.svg', 'objective-heatmap': 'report-heatmap.svg' };
const BATCH_IMAGES: Record<keyof BatchImages, string> = { 'batch-growth': 'report-growth.svg', 'batch-drawdown': 'report-drawdown.svg' };

/** A sweep's report.md (with its images) and report.html, from one model. */
export function sweepReportFiles(input: SweepReportInput, opts: ReportOptions = {}): Record<string, string> {
  const model = buildSweepModel(input);
  const charts = sweepCharts(model);
  const img = images(charts, SWEEP_IMAGES, opts.images !== false);
  return { ...img.files, 'report.md': sweepMarkdown(model, img.refs), ...(opts.html !== false ? { 'report.html': sweepHtml(model, charts) } : {}) };
}

/** A batch's report.md (with its images) and report.html, from one model. */
export function batchReportFiles(input: BatchReportInput, opts: ReportOptions = {}): Record<string, string> {
  const model = buildBatchModel(input);
  const charts = batchCharts(model);
  const img = images(charts, BATCH_IMAGES, opts.images !== false);
  return { ...img.files, 'report.md': batchMarkdown(model, img.refs), ...(opts.html !== false ? { 'report.html': batchHtml(model, charts) } : {}) };
}

/** The reports of the sweep or batch in `dir`, from the files it wrote (what both the command and `rotor report` call). */
export function folderReportFiles(dir: string, opts: ReportOptions = {}): Record<string, string> {
  const folder = readSweepFolder(dir);
  return folder.meta.kind === 'sweep' ? sweepReportFiles(sweepReportInput(folder), opts) : batchReportFiles(batchReportInput(folder), opts);
}
