import type { RunSettings } from '../../engine/index.ts';
import type { RunRecord } from '../run-record.ts';

const TIMING: Record<RunSettings['fill'], string> = {
  'next-open': 'decisions at the close of day t, orders filled at the open of day t+1',
  'next-close': 'decisions at the close of day t, orders filled at the close of day t+1',
  close: 'decisions and fills at the same close (as bt and most event studies do; optimistic)',
};

function costLine(s: RunSettings): string {
  const c = s.costs;
  const parts = [`commission ${c.commissionBps} bps`];
  if (c.commissionPerShare) parts.push(`${c.commissionPerShare} per share`);
  if (c.commissionMin) parts.push(`minimum ${c.commissionMin} per order`);
  parts.push(`slippage ${c.slippageBps} bps`);
  return parts.join(', ');
}

export interface MethodSection {
  timeModel: string;
  priceBasis: string;
  costs: string;
  initialCash: number;
  riskFree: number;
  rotor: string;
  dataset: { dir: string; hash: string; synthetic: boolean };
  files: { file: string; format: string; rows: number; first: string; last: string; used: string; sha256: string }[];
  macro: { series: string; column: string; releases: string }[];
  vintage: string;
  warnings: { where: string; message: string }[];
  warningsOutsideRun: number;
  /** Trials of the sweep this run was picked from; null when it was a single run. */
  trials: number | null;
}

/** How the run was made, in words a reader checks: the Method section of both renderers. */
export function methodSection(record: RunRecord, trials?: number): MethodSection {
  const { settings: s, data } = record;
  const used = new Map((data.used ?? []).map((u) => [u.file, u]));
  return {
    timeModel: TIMING[s.fill],
    priceBasis: s.prices === 'total-return' ? 'total return (adjusted for dividends and splits)' : 'raw (dividends not credited)',
    costs: costLine(s),
    initialCash: s.initialCash,
    riskFree: record.metrics.riskFree,
    rotor: record.rotor,
    dataset: { dir: data.dir, hash: data.hash, synthetic: data.synthetic },
    files: data.files.map((f) => {
      const u = used.get(f.file);
      return {
        file: f.file,
        format: f.format ?? 'rotor',
        rows: f.rows,
        first: f.first,
        last: f.last,
        used: u ? (u.rows ? `${u.first} → ${u.last} (${u.rows})` : 'none') : '',
        sha256: f.sha256,
      };
    }),
    macro: (data.macro ?? []).map((m) => ({
      series: m.series,
      column: m.column,
      releases: m.defaultReleases === 0 ? 'from the file' : `${m.defaultReleases} by default ${m.kind} lag${m.lagDays === undefined ? '' : ` (overridden: ${m.lagDays} days after period end)`}`,
    })),
    vintage: data.vintage === 'latest' ? 'latest revised values: revisions are look-ahead' : 'as first published where the file has first releases',
    warnings: (data.warnings ?? []).map((w) => ({ where: `${w.file}${w.line === undefined ? '' : `:${w.line}`}`, message: w.message })),
    warningsOutsideRun: data.warningsOutsideRun ?? 0,
    trials: trials ?? null,
  };
}
