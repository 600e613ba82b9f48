import type { ChartSpec } from './run-charts.ts';
import { PALETTE } from './shape.ts';

/**
 * A time-series line chart as an SVG image, drawn directly from the same ECharts option the page uses. ECharts'
 * server-side renderer takes a tenth of a second per chart plus a 1.7 MB module to load, most of `rotor run`'s
 * start-up for two images; these charts are lines over dates, simple enough to draw here. Options this does not
 * understand (other series types, log axes, stacks, mark lines) return null and go to ECharts.
 */

type Row = readonly (string | number | null)[];
interface Line {
  name: string;
  points: [number, number | null][];
  colour: string;
  width: number;
  dashed: boolean;
  area: boolean;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const time = (v: unknown): number => (typeof v === 'number' ? v : Date.parse(`${String(v)}T00:00:00Z`));

function lines(option: Obj): Line[] | null {
  const series = option.series;
  if (!Array.isArray(series) || series.length === 0) return null;
  const source = obj(option.dataset).source as Row[] | undefined;
  const out: Line[] = [];
  for (const [k, raw] of series.entries()) {
    const s = obj(raw);
    if (s.type !== 'line' || s.stack !== undefined || s.markLine !== undefined || s.markArea !== undefined) return null;
    const col = num(obj(s.encode).y);
    const data = (Array.isArray(s.data) ? (s.data as Row[]) : col !== null && source ? source.map((r) => [r[0], r[col]]) : null);
    if (!data) return null;
    const style = obj(s.lineStyle);
    out.push({
      name: String(s.name ?? ''),
      points: data.map((r) => [time(r[0]), num(r[1])]),
      colour: String(style.color ?? PALETTE[k % PALETTE.length]),
      width: num(style.width) ?? 1.5,
      dashed: style.type === 'dashed' || style.type === 'dotted',
      area: s.areaStyle !== undefined,
    });
  }
  return out;
}

/** 1, 2 or 5 × 10^k steps, about `count` of them over [lo, hi]. */
function niceTicks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return ticks;
}

/** Ticks on whole years (every 1, 2, 5, 10… years) or, for spans under three years, on month starts. */
function dateTicks(t0: number, t1: number): { t: number; label: string }[] {
  const y0 = new Date(t0).getUTCFullYear();
  const y1 = new Date(t1).getUTCFullYear();
  const out: { t: number; label: string }[] = [];
  if (y1 - y0 >= 3) {
    const every = [1, 2, 5, 10, 20, 50].find((e) => (y1 - y0) / e < 10)!;
    for (let y = Math.ceil(y0 / every) * every; y <= y1; y += every) {
      const t = Date.UTC(y, 0, 1);
      if (t >= t0 && t <= t1) out.push({ t, label: String(y) });
    }
    return out;
  }
  const months = (y1 - y0) * 12 + 12;
  const every = [1, 2, 3, 6, 12].find((e) => months / e <= 10)!;
  for (let m = 0; m <= months; m += every) {
    const t = Date.UTC(y0, m, 1);
    const d = new Date(t);
    if (t >= t0 && t <= t1) out.push({ t, label: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}` });
  }
  return out;
}

function tickLabel(v: number, step: number, percent: boolean): string {
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return `${v.toFixed(digits)}${percent ? '%' : ''}`;
}

/** The chart as an SVG document, or null when its option is not a plain line chart over a time axis. */
export function lineChartSvg(spec: ChartSpec, width: number): string | null {
  const option = obj(spec.option);
  const x = obj(option.xAxis);
  const y = obj(option.yAxis);
  if (x.type !== 'time' || (y.type !== undefined && y.type !== 'value')) return null;
  const ls = lines(option);
  if (!ls) return null;

  const height = spec.height ?? 340;
  const [left, right, top, bottom] = [64, 28, 78, 40];
  const [w, h] = [width - left - right, height - top - bottom];
  let [t0, t1, lo, hi] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const l of ls)
    for (const [t, v] of l.points) {
      if (v === null || !Number.isFinite(t)) continue;
      [t0, t1, lo, hi] = [Math.min(t0, t), Math.max(t1, t), Math.min(lo, v), Math.max(hi, v)];
    }
  if (!Number.isFinite(t0)) return null;
  if (ls.some((l) => l.area)) [lo, hi] = [Math.min(lo, 0), Math.max(hi, 0)];
  const ticks = niceTicks(lo, hi);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  [lo, hi] = [Math.min(lo, ticks[0] ?? lo), Math.max(hi, ticks[ticks.length - 1] ?? hi)];
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
  if (t1 === t0) t1 = t0 + 86_400_000;
  const px = (t: number) => (left + ((t - t0) / (t1 - t0)) * w).toFixed(1);
  const py = (v: number) => (top + ((hi - v) / (hi - lo)) * h).toFixed(1);
  const percent = obj(y.axisLabel).formatter === '{value}%';

  const title = obj(option.title);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="8" y="22" font-size="14" font-weight="bold" fill="#333">${esc(String(title.text ?? ''))}</text>`,
  ];
  if (title.subtext) out.push(`<text x="8" y="40" font-size="11" fill="#666">${esc(String(title.subtext))}</text>`);
  // Legend: a swatch and the name of each line, in a row.
  let lx = 8;
  for (const l of ls) {
    out.push(`<line x1="${lx}" y1="58" x2="${lx + 22}" y2="58" stroke="${l.colour}" stroke-width="3"${l.dashed ? ' stroke-dasharray="4 3"' : ''}/>`);
    out.push(`<text x="${lx + 27}" y="62" font-size="11" fill="#333">${esc(l.name)}</text>`);
    lx += 40 + l.name.length * 6.2;
  }
  for (const v of ticks) {
    out.push(`<line x1="${left}" y1="${py(v)}" x2="${left + w}" y2="${py(v)}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${left - 6}" y="${py(v)}" font-size="11" fill="#555" text-anchor="end" dominant-baseline="middle">${tickLabel(v, step, percent)}</text>`);
  }
  for (const d of dateTicks(t0, t1)) {
    out.push(`<line x1="${px(d.t)}" y1="${top + h}" x2="${px(d.t)}" y2="${top + h + 5}" stroke="#6e7079"/>`);
    out.push(`<text x="${px(d.t)}" y="${top + h + 17}" font-size="11" fill="#555" text-anchor="middle">${d.label}</text>`);
  }
  out.push(`<line x1="${left}" y1="${top + h}" x2="${left + w}" y2="${top + h}" stroke="#6e7079"/>`);
  out.push(`<text x="${left + w / 2}" y="${height - 4}" font-size="12" fill="#333" text-anchor="middle">${esc(String(x.name ?? ''))}</text>`);
  out.push(`<text transform="translate(14 ${top + h / 2}) rotate(-90)" font-size="12" fill="#333" text-anchor="middle">${esc(String(y.name ?? ''))}</text>`);

  const base = py(Math.min(Math.max(0, lo), hi));
  for (const l of ls) {
    // A gap (null) ends a stretch; each stretch is one path, filled down to zero when the series has an area.
    const stretches: string[][] = [[]];
    for (const [t, v] of l.points) {
      if (v === null) {
        if (stretches[stretches.length - 1].length) stretches.push([]);
      } else stretches[stretches.length - 1].push(`${px(t)},${py(v)}`);
    }
    for (const pts of stretches.filter((s) => s.length)) {
      if (l.area) out.push(`<path d="M${pts[0].split(',')[0]},${base}L${pts.join('L')}L${pts[pts.length - 1].split(',')[0]},${base}Z" fill="${l.colour}" fill-opacity="0.25" stroke="none"/>`);
      out.push(`<path d="M${pts.join('L')}" fill="none" stroke="${l.colour}" stroke-width="${l.width}"${l.dashed ? ' stroke-dasharray="4 3"' : ''} stroke-linejoin="round"/>`);
    }
  }
  out.push('</svg>');
  return out.join('\n');
}
