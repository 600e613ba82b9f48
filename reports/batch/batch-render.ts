import { table } from '../format.ts';
import type { ChartSpec } from '../charts/run-charts.ts';
import { esc } from '../html/escape.ts';
import { chartDiv, htmlDocument } from '../html/page.ts';
import { htmlTable, signed, syntheticBanner } from '../html/parts.ts';
import { mdText } from '../markdown/run-markdown.ts';
import { codeHtml, figure, FOOTER } from '../sweep/sweep-render.ts';
import { batchCharts } from './batch-charts.ts';
import type { BatchModel, BatchRow } from './batch-model.ts';

/** Columns before the figures: only those some run fills. */
function leading(model: BatchModel): { label: string; cell(r: BatchRow): string }[] {
  const cols: { label: string; cell(r: BatchRow): string; used: boolean }[] = [
    { label: 'Trial', cell: (r) => (r.trial === undefined ? '' : String(r.trial)), used: model.rows.some((r) => r.trial !== undefined) },
    { label: 'Strategy', cell: (r) => r.strategy ?? '', used: model.rows.some((r) => r.strategy && r.strategy !== r.name) },
    { label: 'Window', cell: (r) => r.window ?? '', used: model.rows.some((r) => r.window) },
    { label: 'Costs', cell: (r) => r.costs ?? '', used: model.rows.some((r) => r.costs) },
  ];
  return cols.filter((c) => c.used);
}

export type BatchImages = Partial<Record<'batch-growth' | 'batch-drawdown', string>>;

/** report.md of a batch (and of the demo's comparison). */
export function batchMarkdown(model: BatchModel, images: BatchImages = {}): string {
  const { input } = model;
  const lead = leading(model);
  const out = [`# Batch: ${mdText(input.name)}`, ''];
  if (input.synthetic) out.push("> **SYNTHETIC DATA.** These runs used rotor's generated sample dataset, not market history.", '');
  out.push(`${input.runs.length} runs side by side, net of costs.`, '');
  for (const s of input.method ?? []) out.push(mdText(s), '');
  const ok = model.rows.filter((r) => r.status === 'ok');
  out.push(
    table(
      ['Run', ...lead.map((c) => c.label), ...model.columns.map((c) => c.label)],
      ok.map((r) => [r.report ? `[${mdText(r.name)}](${r.report})` : mdText(r.name), ...lead.map((c) => mdText(c.cell(r))), ...r.figures.map((v, i) => figure(v, model.columns[i].format))]),
    ),
    '',
  );
  if (images['batch-growth']) out.push(`![Growth of 1, every run](${images['batch-growth']})`, '');
  if (images['batch-drawdown']) out.push(`![Drawdowns, every run](${images['batch-drawdown']})`, '');
  if (input.curvesNote) out.push(mdText(input.curvesNote), '');
  const failed = model.rows.filter((r) => r.status !== 'ok');
  if (failed.length) out.push('## Failed runs', '', table(['Run', ...lead.map((c) => c.label), 'Error'], failed.map((r) => [mdText(r.name), ...lead.map((c) => mdText(c.cell(r))), mdText(r.error ?? r.status)])), '');
  if (input.dataset) out.push('## Data', '', `\`${mdText(input.dataset.dir)}\`, dataset hash \`${mdText(input.dataset.hash.slice(0, 16))}\`.`, '');
  return out.join('\n').trimEnd() + '\n';
}

/** report.html of a batch: the runs side by side, their equity curves and drawdowns overlaid. */
export function batchHtml(model: BatchModel, charts: readonly ChartSpec[] = batchCharts(model)): string {
  const { input } = model;
  const lead = leading(model);
  const body = ['<main>', `<h1>Batch: ${esc(input.name)}</h1>`];
  if (input.synthetic) body.push(syntheticBanner('batch'));
  body.push(`<p class="lede">${esc(`${input.runs.length} runs side by side, net of costs.`)}</p>`);
  for (const s of input.method ?? []) body.push(`<p class="lede">${codeHtml(s)}</p>`);
  const ok = model.rows.filter((r) => r.status === 'ok');
  body.push(
    htmlTable(
      ['Run', ...lead.map((c) => c.label), ...model.columns.map((c) => c.label)],
      ok.map((r) => [
        r.report ? `<a href="${esc(r.report)}">${esc(r.name)}</a>` : esc(r.name),
        ...lead.map((c) => esc(c.cell(r))),
        ...r.figures.map((v, i) => (model.columns[i].format === 'pct' && model.columns[i].key !== 'volatility' ? signed(figure(v, 'pct'), v) : esc(figure(v, model.columns[i].format)))),
      ]),
    ),
  );
  body.push(`<div class="grid">${charts.map(chartDiv).join('\n')}</div>`);
  const failed = model.rows.filter((r) => r.status !== 'ok');
  if (failed.length) body.push('<h2>Failed runs</h2>', htmlTable(['Run', ...lead.map((c) => c.label), 'Error'], failed.map((r) => [esc(r.name), ...lead.map((c) => esc(c.cell(r))), esc(r.error ?? r.status)]), { textCols: [lead.length + 1] }));
  if (input.dataset) body.push('<h2>Data</h2>', `<p>Folder <code>${esc(input.dataset.dir)}</code>, dataset hash <code>${esc(input.dataset.hash)}</code>.</p>`);
  body.push(FOOTER, '</main>');
  return htmlDocument(`Batch: ${input.name} · rotor`, body.join('\n'), charts);
}
