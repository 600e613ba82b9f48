import { fixed, pct, table } from '../format.ts';
import type { ChartSpec } from '../charts/run-charts.ts';
import { esc } from '../html/escape.ts';
import { chartDiv, htmlDocument } from '../html/page.ts';
import { htmlTable, kpi, syntheticBanner } from '../html/parts.ts';
import { mdText } from '../markdown/run-markdown.ts';
import type { FigureFormat } from './figures.ts';
import { sweepCharts } from './sweep-charts.ts';
import type { SweepModel } from './sweep-model.ts';

export const FOOTER = '<footer>Written by rotor. Self-contained: no request leaves this page. Charts drawn with Apache ECharts (Apache License 2.0), inlined.</footer>';

export function figure(v: number | null | undefined, f: FigureFormat): string {
  return f === 'pct' ? pct(v) : f === 'count' ? fixed(v, 0) : fixed(v, 3);
}

/** A sentence with Markdown code spans, as HTML. */
export const codeHtml = (s: string): string => esc(s).replace(/`([^`]*)`/g, '<code>$1</code>');

function topRows(model: SweepModel): { header: string[]; rows: string[][] } {
  const p = model.input.paramNames;
  return {
    header: ['Rank', 'Trial', ...p, ...model.columns.map((c) => c.label)],
    rows: model.top.map((t, i) => [String(i + 1), String(t.trial), ...p.map((k) => String(t.params[k] ?? '—')), ...model.columns.map((c) => figure(t.metrics[c.key], c.format))]),
  };
}

const NONE = 'No trial has a value of the objective: every one failed or gave none (see the failed trials).';
const splits = (of: NonNullable<SweepModel['input']['overfitting']>): string => {
  const k = of.splits || of.logits?.length;
  return k ? k.toLocaleString('en-US') : 'combinatorial';
};
const p1 = (v: number | null | undefined) => pct(v, 1);

/** The overfitting block in plain sentences: what each figure says about the best trial. */
export function overfittingLines(model: SweepModel): string[] {
  const { input } = model;
  const of = input.overfitting;
  if (!of) return [`Not computed for this sweep. The best of ${input.n} trials is an optimistic estimate of what the strategy does: expect less.`];
  const out = [`The best trial was selected from N = ${of.n} trials (failed ones count: each was a try).`];
  if (of.sharpeVariance !== undefined && of.sharpeVariance !== null) {
    out.push(`The trials' Sharpe ratios have a variance of ${fixed(of.sharpeVariance, 4)}${of.expectedMaxSharpe === undefined || of.expectedMaxSharpe === null ? '' : `; the best of ${of.n} trials without any skill would show a Sharpe ratio of about ${fixed(of.expectedMaxSharpe, 3)} by luck alone`}.`);
  }
  if (of.dsr !== undefined && of.dsr !== null) {
    out.push(`Deflated Sharpe ratio of the best trial: ${p1(of.dsr)}, the probability that its true Sharpe ratio beats the best that ${of.n} trials without skill would show by luck, given its track record's length, skew and fat tails (below 95%, its Sharpe is not significant).`);
  }
  if (of.pbo !== undefined && of.pbo !== null) {
    out.push(
      `PBO (probability of backtest overfitting) = ${p1(of.pbo)}: in ${p1(of.pbo)} of the ${splits(of)} ways of splitting the calendar${of.blocks ? ` (cut into ${of.blocks} blocks)` : ''} into an in-sample and an out-of-sample half, the trial that was best in-sample ranked at or below the median of all trials out of sample. ` +
        'Near 50% or above, picking the in-sample best is no better than picking a trial at random; near 0%, the in-sample winner stays above the median.',
    );
  }
  if (of.probOosLoss !== undefined && of.probOosLoss !== null) out.push(`Probability that the in-sample best loses money out of sample (Sharpe ratio below 0): ${p1(of.probOosLoss)}.`);
  if (of.slope !== undefined && of.slope !== null) out.push(`Slope of out-of-sample on in-sample Sharpe ratio over the splits: ${fixed(of.slope, 3)} (at or below 0: in-sample performance does not carry over).`);
  if (of.note) out.push(`Not computed: ${of.note}.`);
  if (of.basis) out.push(of.basis);
  return out;
}

function spreadRow(model: SweepModel): string[] | null {
  const s = model.spread;
  const f = model.objectiveFormat;
  return s ? [s.min, s.q25, s.median, s.q75, s.max, s.mean, s.sd].map((v) => figure(v, f === 'count' ? 'ratio' : f)) : null;
}
const SPREAD_HEAD = ['min', '25%', 'median', '75%', 'max', 'mean', 'std dev'];

function heatRows(model: SweepModel): { header: string[]; rows: string[][] } | null {
  const hm = model.heatmap;
  if (!hm) return null;
  const f = model.objectiveFormat === 'count' ? 'ratio' : model.objectiveFormat;
  const cell = new Map(hm.cells.map(([i, j, v]) => [`${i},${j}`, v]));
  return { header: [`${hm.y} ↓ · ${hm.x} →`, ...hm.xs], rows: hm.ys.map((y, j) => [y, ...hm.xs.map((_, i) => figure(cell.get(`${i},${j}`), f))]) };
}

/** Images report.md embeds, by chart id → file name. */
export type SweepImages = Partial<Record<'top-equity' | 'objective-heatmap' | 'objective-distribution', string>>;

/** report.md of a sweep. */
export function sweepMarkdown(model: SweepModel, images: SweepImages = {}): string {
  const { input } = model;
  const o = mdText(input.objective);
  const img = (id: keyof SweepImages, alt: string) => (images[id] ? [`![${alt}](${images[id]})`, ''] : []);
  const out = [`# Sweep: ${mdText(input.name)}`, ''];
  if (input.synthetic) out.push("> **SYNTHETIC DATA.** This sweep used rotor's generated sample dataset, not market history.", '');
  out.push(`**N = ${input.n} trials** (${Object.entries(input.counts).map(([k, v]) => `${v} ${mdText(k)}`).join(', ')}), ranked by \`${o}\` (${input.direction === 'min' ? 'lower' : 'higher'} is better).`, '');
  for (const s of input.method ?? []) out.push(mdText(s), '');
  out.push('## Overfitting', '', ...overfittingLines(model).map((l) => `- ${mdText(l)}`), '');
  const top = topRows(model);
  out.push(`## Top ${model.top.length} trials`, '', model.top.length ? table(top.header.map(mdText), top.rows.map((r) => r.map(mdText))) : NONE, '');
  out.push(...img('top-equity', `Equity of the top ${model.curves.length} trials`));
  out.push(`## Distribution of ${o}`, '', ...img('objective-distribution', `Distribution of ${o}`));
  const spread = spreadRow(model);
  out.push(spread ? table(SPREAD_HEAD, [spread]) : NONE, '');
  const heat = heatRows(model);
  if (heat) {
    out.push(`## ${o} over ${mdText(model.heatmap!.x)} × ${mdText(model.heatmap!.y)}`, '', 'Each cell: the mean over the trials with that pair of values.', '', ...img('objective-heatmap', 'Heatmap of the objective'));
    out.push(table(heat.header.map(mdText), heat.rows.map((r) => r.map(mdText))), '');
  }
  const f = model.objectiveFormat === 'count' ? 'ratio' : model.objectiveFormat;
  for (const m of model.marginals) {
    out.push(`## ${o} by ${mdText(m.param)}`, '', table([mdText(m.param), 'Trials', 'Mean', 'Best'], m.values.map((v, i) => [mdText(v), String(m.count[i]), figure(m.mean[i], f), figure(m.best[i], f)])), '');
  }
  if (model.failed.length) {
    out.push(`## Failed trials${input.counts.failed > model.failed.length ? ` (first ${model.failed.length} of ${input.counts.failed})` : ''}`, '', table(['Trial', 'Error'], model.failed.map((t) => [String(t.trial), mdText(t.error)])), '');
  }
  if (input.dataset) out.push('## Data', '', `\`${mdText(input.dataset.dir)}\`, dataset hash \`${mdText(input.dataset.hash.slice(0, 16))}\`.`, '');
  return out.join('\n').trimEnd() + '\n';
}

/** report.html of a sweep: the overfitting block, the top trials, the objective over the grid, the top curves. */
export function sweepHtml(model: SweepModel, charts: readonly ChartSpec[] = sweepCharts(model)): string {
  const { input } = model;
  const byId = new Map(charts.map((c) => [c.id, c]));
  const draw = (ids: string[]) => `<div class="grid">${ids.map((id) => byId.get(id)).filter((c): c is ChartSpec => c !== undefined).map(chartDiv).join('\n')}</div>`;
  const best = model.top[0];
  const of = input.overfitting;
  const body = ['<main>', `<h1>Sweep: ${esc(input.name)}</h1>`];
  if (input.synthetic) body.push(syntheticBanner('sweep'));
  body.push(`<div class="banner trials">${esc(`${input.n} trials: the best of them is an optimistic estimate of what the strategy does. Read the overfitting block before its figures.`)}</div>`);
  for (const s of input.method ?? []) body.push(`<p class="lede">${codeHtml(s)}</p>`);
  body.push(
    '<div class="kpis">' +
      [
        kpi('Trials (N)', String(input.n), Object.entries(input.counts).map(([k, v]) => `${v} ${k}`).join(', ')),
        kpi(`Best ${input.objective}`, figure(best ? best.metrics[input.objective] : null, model.objectiveFormat), best ? `trial ${best.trial}` : ''),
        kpi('Deflated Sharpe', p1(of?.dsr), 'P(true Sharpe above the luck of N trials)'),
        kpi('PBO', p1(of?.pbo), 'P(in-sample best below median out of sample)'),
        kpi('P(out-of-sample loss)', p1(of?.probOosLoss)),
      ].join('') +
      '</div>',
  );
  body.push('<h2>Overfitting</h2>', `<ul class="log">${overfittingLines(model).map((l) => `<li>${codeHtml(l)}</li>`).join('')}</ul>`, draw(['pbo-logits', 'is-oos']));
  const top = topRows(model);
  body.push(`<h2>Top ${model.top.length} trials</h2>`, model.top.length ? htmlTable(top.header, top.rows.map((r) => r.map(esc))) : `<p>${esc(NONE)}</p>`, draw(['top-equity']));
  const spread = spreadRow(model);
  body.push(`<h2>${esc(input.objective)} over the trials</h2>`, spread ? htmlTable(SPREAD_HEAD, [spread.map(esc)]) : `<p>${esc(NONE)}</p>`);
  body.push(draw(['objective-distribution', 'objective-heatmap', ...model.marginals.map((_, k) => `marginal-${k}`)]));
  if (model.failed.length) {
    body.push(`<h2>Failed trials</h2>`, htmlTable(['Trial', 'Error'], model.failed.map((t) => [String(t.trial), esc(t.error)]), { textCols: [1] }));
  }
  if (input.dataset) body.push('<h2>Data</h2>', `<p>Folder <code>${esc(input.dataset.dir)}</code>, dataset hash <code>${esc(input.dataset.hash)}</code>.</p>`);
  body.push(FOOTER, '</main>');
  return htmlDocument(`Sweep: ${input.name} · rotor`, body.join('\n'), charts);
}
