import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RotorError } from '../../engine/index.ts';
import { numberCell, parseCsvText } from '../run-files/csv-read.ts';
import type { BatchReportInput } from '../batch/batch-input.ts';
import type { OverfittingBlock, SweepReportInput, SweepValue, TrialCurve } from './sweep-input.ts';

/** A line of trials.jsonl, as far as the reports read it. */
export interface FolderRow {
  trial: number;
  status: string;
  error: string | null;
  errorDate?: string | null;
  label: string | null;
  strategy: string;
  params: Record<string, unknown>;
  metrics: Record<string, number | null>;
}

/** sweep.json's `report`: what the reports need beyond the trial rows, written by `rotor sweep` and `rotor batch`. */
export interface FolderReportMeta {
  title: string;
  /** Sweep: the params varied, in grid order. */
  params?: string[];
  /** Sweep: the two params of the heatmap (--heatmap). */
  heatmap?: [string, string];
  /** Sentences about the trials (the grid, the batch file), Markdown code spans in backticks. */
  method?: string[];
  /** Batch: each run's window and costs as its file set them, by trial. */
  runs?: { window: string; costs: string }[];
}

/** sweep.json, as far as the reports read it. */
export interface FolderMeta {
  kind: 'sweep' | 'batch';
  status: string;
  n: number;
  counts?: { ok: number; failed: number };
  spec: { objective: string; minimize: boolean };
  dataset: { dir: string; hash: string; synthetic: boolean };
  report?: FolderReportMeta;
  overfitting?: OverfittingBlock;
}

/** Everything in a sweep's or a batch's folder its reports are built from. */
export interface SweepFolder {
  meta: FolderMeta;
  rows: FolderRow[];
  curves: TrialCurve[];
}

export const CURVES_FILE = 'curves.csv';

/** curves.csv: `date,<trial>,<trial>…`, the daily net equity of the best trials (best first), empty where a trial has no bar. */
export function curvesCsv(curves: readonly TrialCurve[]): string {
  const dates = [...new Set(curves.flatMap((c) => c.dates))].sort();
  const at = curves.map((c) => new Map(c.dates.map((d, i) => [d, c.equity[i]])));
  const lines = [['date', ...curves.map((c) => String(c.trial))].join(',')];
  for (const d of dates) lines.push([d, ...at.map((m) => (m.has(d) && Number.isFinite(m.get(d)!) ? String(m.get(d)) : ''))].join(','));
  return lines.join('\n') + '\n';
}

function readCurves(dir: string): TrialCurve[] {
  const path = join(dir, CURVES_FILE);
  if (!existsSync(path)) return [];
  const { header, rows } = parseCsvText(readFileSync(path, 'utf8'), CURVES_FILE);
  if (header[0] !== 'date') throw new RotorError(`${path}: header ${header.join(',')}, expected date,<trial>,…`);
  return header.slice(1).map((t, k) => {
    const dates: string[] = [];
    const equity: number[] = [];
    rows.forEach((r, i) => {
      if (r[k + 1] === '') return;
      dates.push(r[0]);
      equity.push(numberCell(r[k + 1], CURVES_FILE, i + 2, t));
    });
    return { trial: Number(t), dates, equity };
  });
}

/** sweep.json, trials.jsonl and curves.csv of a folder `rotor sweep` or `rotor batch` finished. */
export function readSweepFolder(dir: string): SweepFolder {
  const metaPath = join(dir, 'sweep.json');
  let meta: FolderMeta;
  try {
    meta = JSON.parse(readFileSync(metaPath, 'utf8')) as FolderMeta;
  } catch (e) {
    throw new RotorError(`${metaPath}: not valid JSON (${(e as Error).message})`);
  }
  if ((meta?.kind !== 'sweep' && meta?.kind !== 'batch') || !meta.spec || !meta.dataset) throw new RotorError(`${metaPath}: expected the sweep.json of a rotor sweep or batch`);
  if (meta.status !== 'complete') throw new RotorError(`${metaPath}: the ${meta.kind} is ${meta.status}, not complete; finish it with --resume before building its report`);
  const ledger = join(dir, 'trials.jsonl');
  if (!existsSync(ledger)) throw new RotorError(`${ledger}: missing; \`rotor report\` rebuilds from the files the ${meta.kind} wrote`);
  const rows = readFileSync(ledger, 'utf8').split('\n').filter((l) => l !== '').map((l, i) => {
    try {
      return JSON.parse(l) as FolderRow;
    } catch {
      throw new RotorError(`${ledger}:${i + 1}: not a trial row`);
    }
  });
  return { meta, rows, curves: readCurves(dir) };
}

/** A param as one would type it: weights as SYMBOL:w,SYMBOL:w. */
function paramValue(v: unknown): SweepValue {
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v && typeof v === 'object') return Object.entries(v).map(([k, w]) => `${k}:${String(w)}`).join(',');
  return String(v);
}

const errorText = (r: FolderRow) => (r.error === null ? null : r.errorDate ? `${r.errorDate}: ${r.error}` : r.error);

function counts(f: SweepFolder): { ok: number; failed: number } {
  return f.meta.counts ?? { ok: f.rows.filter((r) => r.status === 'ok').length, failed: f.rows.filter((r) => r.status !== 'ok').length };
}

/** The sweep report's input from its folder's files (walk-forward folds give the same shape). */
export function sweepReportInput(f: SweepFolder): SweepReportInput {
  const { meta } = f;
  const r = meta.report;
  return {
    name: r?.title ?? f.rows[0]?.strategy ?? 'sweep',
    objective: meta.spec.objective,
    direction: meta.spec.minimize ? 'min' : 'max',
    n: meta.n,
    counts: counts(f),
    paramNames: r?.params ?? [],
    trials: f.rows.map((row) => ({ trial: row.trial, status: row.status, params: Object.fromEntries(Object.entries(row.params).map(([k, v]) => [k, paramValue(v)])), metrics: row.metrics, error: errorText(row) })),
    ...(r?.heatmap ? { heatmap: r.heatmap } : {}),
    top: f.curves,
    ...(meta.overfitting ? { overfitting: meta.overfitting } : {}),
    synthetic: meta.dataset.synthetic,
    dataset: { dir: meta.dataset.dir, hash: meta.dataset.hash },
    method: r?.method ?? [],
  };
}

/** The batch report's input from its folder's files: every run, the curves of those curves.csv keeps. */
export function batchReportInput(f: SweepFolder): BatchReportInput {
  const { meta } = f;
  const r = meta.report;
  const curve = new Map(f.curves.map((c) => [c.trial, c]));
  const kept = f.curves.length;
  const ok = counts(f).ok;
  return {
    name: r?.title ?? 'batch',
    synthetic: meta.dataset.synthetic,
    dataset: { dir: meta.dataset.dir, hash: meta.dataset.hash },
    method: r?.method ?? [],
    ...(kept < ok ? { curvesNote: `Curves of the best ${kept} of the ${ok} ok runs by ${meta.spec.objective}, net of costs.` } : {}),
    runs: f.rows.map((row) => {
      const c = curve.get(row.trial);
      const d = r?.runs?.[row.trial];
      return {
        name: row.label ?? `trial ${row.trial}`,
        trial: row.trial,
        strategy: row.strategy,
        status: row.status,
        error: errorText(row),
        ...(d ? { window: d.window, costs: d.costs } : {}),
        metrics: row.metrics,
        ...(c ? { dates: c.dates, equity: c.equity } : {}),
      };
    }),
  };
}
