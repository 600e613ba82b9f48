import { join } from 'node:path';
import { ROTOR_ROOT } from '../../datasets/index.ts';
import { readFileSync } from 'node:fs';
import type { ChartSpec } from '../charts/run-charts.ts';
import { cspHash, echartsBundle } from './echarts-bundle.ts';
import { esc, scriptJson } from './escape.ts';
import { PAGE_CSS } from './page-css.ts';

// Read by path from rotor's folder: this module may run bundled into dist/, where a relative URL would miss it.
const FNS_SOURCE = readFileSync(join(ROTOR_ROOT, 'reports', 'charts', 'fns.js'), 'utf8').replace(/^export const FNS/m, 'var FNS');

// Draws every chart from its JSON block; functions are named in the options as {"$fn": name} and taken from FNS.
const RUNTIME = `(function () {
${FNS_SOURCE}
function revive(v) {
  if (Array.isArray(v)) return v.map(revive);
  if (v && typeof v === 'object') {
    var keys = Object.keys(v);
    if (keys.length === 1 && typeof v.$fn === 'string') return FNS[v.$fn];
    var o = {};
    for (var i = 0; i < keys.length; i++) o[keys[i]] = revive(v[keys[i]]);
    return o;
  }
  return v;
}
var charts = [];
var els = document.querySelectorAll('[data-chart]');
for (var i = 0; i < els.length; i++) {
  var el = els[i];
  el.style.height = (el.getAttribute('data-height') || '340') + 'px';
  var opt = revive(JSON.parse(document.getElementById(el.getAttribute('data-chart')).textContent));
  var chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption(opt);
  charts.push(chart);
}
window.addEventListener('resize', function () { for (var j = 0; j < charts.length; j++) charts[j].resize(); });
window.__rotorCharts = charts.length;
})();`;

const RUNTIME_HASH = cspHash(RUNTIME);
const PAGE_CSS_HASH = cspHash(PAGE_CSS);

/** A chart's container; its option goes in a JSON block written by `htmlDocument`. */
export function chartDiv(c: ChartSpec): string {
  return `<div class="chart${c.half ? ' half' : ''}" id="chart-${esc(c.id)}" data-chart="data-${esc(c.id)}" data-height="${c.height ?? 340}"></div>`;
}

/**
 * A self-contained page: styles, ECharts, the charts' options and the drawing code all inline, a
 * Content-Security-Policy that allows only those exact scripts and styles (by hash) and no request of any kind.
 */
export function htmlDocument(title: string, body: string, charts: readonly ChartSpec[]): string {
  const bundle = echartsBundle();
  const csp = [
    "default-src 'none'",
    `script-src ${bundle.cspHash} ${RUNTIME_HASH}`,
    `style-src ${PAGE_CSS_HASH}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const data = charts.map((c) => `<script type="application/json" id="data-${esc(c.id)}">${scriptJson(c.option)}</script>`).join('\n');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    body,
    data,
    `<script>${bundle.code}</script>`,
    `<script>${RUNTIME}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
