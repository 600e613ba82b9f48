import { RotorError } from '../../engine/index.ts';
import { histogram, type Histogram } from '../model/histogram.ts';
import type { SweepReportInput, SweepTrial, SweepValue } from './sweep-input.ts';

export interface Marginal {
  param: string;
  values: string[];
  mean: (number | null)[];
  best: (number | null)[];
  count: number[];
}

export interface SweepModel {
  kind: 'sweep';
  input: SweepReportInput;
  ranked: SweepTrial[];
  distribution: Histogram;
  heatmap: { x: string; y: string; xs: string[]; ys: string[]; cells: [number, number, number | null][] } | null;
  marginals: Marginal[];
  /** Histogram of the overfitting block's logits, when it has them. */
  logits: Histogram | null;
}

const key = (v: SweepValue | undefined) => (v === undefined ? '—' : String(v));

/** Grid values in their natural order: numbers ascending, the rest as they first appear. */
function ordered(values: (SweepValue | undefined)[]): string[] {
  const uniq = [...new Map(values.map((v) => [key(v), v])).entries()];
  if (uniq.every(([, v]) => typeof v === 'number')) uniq.sort((a, b) => (a[1] as number) - (b[1] as number));
  return uniq.map(([k]) => k);
}

function best(xs: number[], dir: 'max' | 'min'): number | null {
  return xs.length ? (dir === 'max' ? Math.max(...xs) : Math.min(...xs)) : null;
}

/** Everything the sweep reports show: trials ranked by the objective, its distribution, heatmap and marginals. */
export function buildSweepModel(input: SweepReportInput): SweepModel {
  const dir = input.direction ?? 'max';
  const obj = (t: SweepTrial) => t.metrics[input.objective];
  const ok = input.trials.filter((t) => t.status === 'ok' && typeof obj(t) === 'number' && Number.isFinite(obj(t)));
  const ranked = [...ok].sort((a, b) => (dir === 'max' ? obj(b)! - obj(a)! : obj(a)! - obj(b)!) || a.trial - b.trial);
  const values = ok.map((t) => obj(t)!);
  let heat: SweepModel['heatmap'] = null;
  const pair = input.heatmap ?? (input.paramNames.length >= 2 ? [input.paramNames[0], input.paramNames[1]] : null);
  if (pair) {
    const [x, y] = pair;
    for (const p of pair) if (!input.paramNames.includes(p)) throw new RotorError(`--heatmap ${pair.join(',')}: ${p} is not a parameter of the sweep (${input.paramNames.join(', ')})`);
    const xs = ordered(ok.map((t) => t.params[x]));
    const ys = ordered(ok.map((t) => t.params[y]));
    const cells: [number, number, number | null][] = [];
    xs.forEach((xv, i) =>
      ys.forEach((yv, j) => {
        const here = ok.filter((t) => key(t.params[x]) === xv && key(t.params[y]) === yv).map((t) => obj(t)!);
        // Over the other params, the mean: what a value pair gives on average, not its luckiest trial.
        cells.push([i, j, here.length ? here.reduce((a, b) => a + b, 0) / here.length : null]);
      }),
    );
    heat = { x, y, xs, ys, cells };
  }
  const marginals = input.paramNames.map((p) => {
    const vs = ordered(ok.map((t) => t.params[p]));
    const groups = vs.map((v) => ok.filter((t) => key(t.params[p]) === v).map((t) => obj(t)!));
    return { param: p, values: vs, mean: groups.map((g) => (g.length ? g.reduce((a, b) => a + b, 0) / g.length : null)), best: groups.map((g) => best(g, dir)), count: groups.map((g) => g.length) };
  });
  const logits = input.overfitting?.logits?.length ? histogram([{ name: 'logit', values: [...input.overfitting.logits] }], 20) : null;
  return { kind: 'sweep', input, ranked, distribution: histogram([{ name: input.objective, values }], 30), heatmap: heat, marginals, logits };
}
