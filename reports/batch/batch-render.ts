import { fixed, pct, table } from '../format.ts';
import { esc } from '../html/escape.ts';
import { chartDiv, htmlDocument } from '../html/page.ts';
import { htmlTable, signed, syntheticBanner } from '../html/parts.ts';
import { mdText } from '../markdown/run-markdown.ts';
import type { BatchReportInput } from './batch-input.ts';
import { batchCharts } from './batch-charts.ts';
import { buildBatchModel, type BatchModel } from './batch-model.ts';

function cell(v: number | null, f: BatchModel['columns'][number]['format']): string {
  return f === 'pct' ? pct(v) : f === 'ratio' ? fixed(v) : v === null ? '—' : String(v);
}

export function batchMarkdown(input: BatchReportInput): string {
  const model = buildBatchModel(input);
  const out = [`# Batch: ${mdText(input.name)}`, ''];
  if (input.synthetic) out.push("> **SYNTHETIC DATA.** These runs used rotor's generated sample dataset, not market history.", '');
  out.push(table(['Run', ...model.columns.map((c) => c.label)], model.rows.map((r) => [r.report ? `[${mdText(r.name)}](${r.report})` : mdText(r.name), ...r.figures.map((v, i) => cell(v, model.columns[i].format))])), '');
  if (input.method?.length) out.push('## Method', '', ...input.method.map((s) => `- ${mdText(s)}`), '');
  if (input.dataset) out.push(`Data: \`${mdText(input.dataset.dir)}\`, dataset hash \`${input.dataset.hash.slice(0, 16)}\`.`, '');
  return out.join('\n');
}

/** report.html of a batch: the runs side by side, their equity curves and drawdowns overlaid. */
export function batchHtml(input: BatchReportInput): string {
  const model = buildBatchModel(input);
  const charts = batchCharts(model);
  const body = ['<main>', `<h1>Batch: ${esc(input.name)}</h1>`];
  if (input.synthetic) body.push(syntheticBanner('batch'));
  body.push(`<p class="lede">${esc(`${input.runs.length} runs side by side, net of costs.`)}</p>`);
  body.push(htmlTable(['Run', ...model.columns.map((c) => c.label)], model.rows.map((r) => [r.report ? `<a href="${esc(r.report)}">${esc(r.name)}</a>` : esc(r.name), ...r.figures.map((v, i) => (model.columns[i].format === 'pct' && model.columns[i].label !== 'Volatility' ? signed(cell(v, 'pct'), v) : esc(cell(v, model.columns[i].format))))])));
  body.push(`<div class="grid">${charts.map(chartDiv).join('\n')}</div>`);
  if (input.method?.length || input.dataset) {
    body.push('<h2>Method</h2>', `<ul class="log">${(input.method ?? []).map((s) => `<li>${esc(s)}</li>`).join('')}</ul>`);
    if (input.dataset) body.push(`<p>Data <code>${esc(input.dataset.dir)}</code>, dataset hash <code>${esc(input.dataset.hash)}</code>.</p>`);
  }
  body.push('<footer>Written by rotor. Self-contained: no request leaves this page. Charts drawn with Apache ECharts (Apache License 2.0), inlined.</footer>', '</main>');
  return htmlDocument(`Batch: ${input.name} · rotor`, body.join('\n'), charts);
}
