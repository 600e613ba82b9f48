import { fixed, pct, table } from '../format.ts';
import { esc } from '../html/escape.ts';
import { chartDiv, htmlDocument } from '../html/page.ts';
import { htmlTable, kpi, syntheticBanner } from '../html/parts.ts';
import { mdText } from '../markdown/run-markdown.ts';
import type { SweepReportInput } from './sweep-input.ts';
import { sweepCharts } from './sweep-charts.ts';
import { buildSweepModel, type SweepModel } from './sweep-model.ts';

const TOP = 10;

function figureNames(model: SweepModel): string[] {
  const names = new Set<string>([model.input.objective]);
  for (const t of model.ranked.slice(0, TOP)) for (const k of Object.keys(t.metrics)) names.add(k);
  return [...names];
}

function topRows(model: SweepModel): { header: string[]; rows: string[][] } {
  const figs = figureNames(model);
  return {
    header: ['Rank', 'Trial', ...model.input.paramNames, ...figs],
    rows: model.ranked.slice(0, TOP).map((t, i) => [String(i + 1), String(t.trial), ...model.input.paramNames.map((p) => String(t.params[p] ?? '—')), ...figs.map((f) => fixed(t.metrics[f] ?? null, 3))]),
  };
}

function overfittingLines(model: SweepModel): string[] {
  const of = model.input.overfitting;
  if (!of) return [`Overfitting: the best of ${model.input.n} trials is an optimistic estimate; the deflated Sharpe ratio and PBO are not computed for this sweep.`];
  return [
    `Selected from N = ${of.n} trials.`,
    `Deflated Sharpe ratio: ${of.dsr === undefined || of.dsr === null ? '—' : pct(of.dsr, 1)} (probability that the best trial's Sharpe beats what the best of N unskilled trials would show).`,
    `Probability of backtest overfitting (PBO): ${of.pbo === undefined || of.pbo === null ? '—' : pct(of.pbo, 1)}.`,
    ...(of.note ? [of.note] : []),
  ];
}

export function sweepMarkdown(input: SweepReportInput): string {
  const model = buildSweepModel(input);
  const out = [`# Sweep: ${mdText(input.name)}`, ''];
  if (input.synthetic) out.push("> **SYNTHETIC DATA.** This sweep used rotor's generated sample dataset, not market history.", '');
  out.push(`${input.n} trials (${Object.entries(input.counts).map(([k, v]) => `${v} ${mdText(k)}`).join(', ')}), ranked by ${mdText(input.objective)} (${input.direction === 'min' ? 'lower' : 'higher'} is better).`, '');
  out.push('## Overfitting', '', ...overfittingLines(model).map((l) => `- ${mdText(l)}`), '');
  const top = topRows(model);
  out.push(`## Top ${Math.min(TOP, model.ranked.length)} trials`, '', table(top.header.map(mdText), top.rows.map((r) => r.map(mdText))), '');
  for (const m of model.marginals) {
    out.push(`## ${mdText(input.objective)} by ${mdText(m.param)}`, '', table([mdText(m.param), 'Trials', 'Mean', 'Best'], m.values.map((v, i) => [mdText(v), String(m.count[i]), fixed(m.mean[i], 3), fixed(m.best[i], 3)])), '');
  }
  if (input.method?.length) out.push('## Method', '', ...input.method.map((s) => `- ${mdText(s)}`), '');
  if (input.dataset) out.push(`Data: \`${mdText(input.dataset.dir)}\`, dataset hash \`${input.dataset.hash.slice(0, 16)}\`.`, '');
  return out.join('\n');
}

/** report.html of a sweep: the objective's distribution, the top trials, heatmap, marginals, top-5 curves, overfitting. */
export function sweepHtml(input: SweepReportInput): string {
  const model = buildSweepModel(input);
  const charts = sweepCharts(model);
  const byId = new Map(charts.map((c) => [c.id, c]));
  const draw = (ids: string[]) => `<div class="grid">${ids.map((id) => byId.get(id)).filter((c) => c !== undefined).map((c) => chartDiv(c!)).join('\n')}</div>`;
  const bestTrial = model.ranked[0];
  const body = ['<main>', `<h1>Sweep: ${esc(input.name)}</h1>`];
  if (input.synthetic) body.push(syntheticBanner('sweep'));
  body.push(`<div class="banner trials">${esc(`${input.n} trials: the best of them is an optimistic estimate of what the strategy does. Read the overfitting block before its figures.`)}</div>`);
  body.push(
    '<div class="kpis">' +
      [
        kpi('Trials', String(input.n), Object.entries(input.counts).map(([k, v]) => `${v} ${k}`).join(', ')),
        kpi(`Best ${input.objective}`, fixed(bestTrial ? bestTrial.metrics[input.objective] ?? null : null, 3), bestTrial ? `trial ${bestTrial.trial}` : ''),
        kpi('Deflated Sharpe', input.overfitting?.dsr === undefined || input.overfitting?.dsr === null ? '—' : pct(input.overfitting.dsr, 1)),
        kpi('PBO', input.overfitting?.pbo === undefined || input.overfitting?.pbo === null ? '—' : pct(input.overfitting.pbo, 1)),
      ].join('') +
      '</div>',
  );
  body.push('<h2>Overfitting</h2>', `<ul class="log">${overfittingLines(model).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`, draw(['pbo-logits', 'is-oos']));
  const top = topRows(model);
  body.push(`<h2>Top ${Math.min(TOP, model.ranked.length)} trials</h2>`, htmlTable(top.header, top.rows.map((r) => r.map(esc))));
  body.push('<h2>The objective over the grid</h2>', draw(['objective-distribution', 'objective-heatmap', ...model.marginals.map((_, k) => `marginal-${k}`)]));
  body.push('<h2>Top trials</h2>', draw(['top-equity']));
  if (input.method?.length || input.dataset) {
    body.push('<h2>Method</h2>', `<ul class="log">${(input.method ?? []).map((s) => `<li>${esc(s)}</li>`).join('')}</ul>`);
    if (input.dataset) body.push(`<p>Data <code>${esc(input.dataset.dir)}</code>, dataset hash <code>${esc(input.dataset.hash)}</code>.</p>`);
  }
  body.push('<footer>Written by rotor. Self-contained: no request leaves this page. Charts drawn with Apache ECharts (Apache License 2.0), inlined.</footer>', '</main>');
  return htmlDocument(`Sweep: ${input.name} · rotor`, body.join('\n'), charts);
}
