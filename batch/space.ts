import { FieldError, type ParamSpecs, type ParamValue } from '../engine/index.ts';
import { parseGridAxis, type GridAxis } from './grid-spec.ts';
import { uniformAt } from './random.ts';

export type RandomAxis =
  | { name: string; kind: 'list'; values: ParamValue[] }
  | { name: string; kind: 'integer' | 'number'; min: number; max: number };

/**
 * The params a sweep varies, as plain data so that each worker expands trial i itself. A grid numbers its points
 * with the last axis varying fastest; a random space draws point i from (seed, i) alone.
 */
export type TrialSpace = { kind: 'grid'; axes: GridAxis[] } | { kind: 'random'; n: number; seed: number; axes: RandomAxis[] };

export const MAX_TRIALS = 10_000_000;

export function spaceSize(space: TrialSpace): number {
  return space.kind === 'grid' ? space.axes.reduce((n, a) => n * a.values.length, 1) : space.n;
}

/** The params of trial i (only the varied ones; the rest keep --param or their default). */
export function pointAt(space: TrialSpace, i: number): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  if (space.kind === 'grid') {
    let rest = i;
    for (let a = space.axes.length - 1; a >= 0; a--) {
      const { name, values } = space.axes[a];
      out[name] = values[rest % values.length];
      rest = Math.floor(rest / values.length);
    }
    // Keep the axes' order in the object, so every output lists params as the user wrote them.
    return Object.fromEntries(space.axes.map((a) => [a.name, out[a.name]]));
  }
  space.axes.forEach((axis, d) => {
    const u = uniformAt(space.seed, i, d);
    if (axis.kind === 'list') out[axis.name] = axis.values[Math.floor(u * axis.values.length)];
    else if (axis.kind === 'integer') out[axis.name] = axis.min + Math.floor(u * (axis.max - axis.min + 1));
    else out[axis.name] = axis.min + u * (axis.max - axis.min);
  });
  return out;
}

export interface SpaceRequest {
  /** `--grid NAME=SPEC`, in the order given. */
  grid: readonly { name: string; text: string }[];
  random?: { n: number; seed: number };
  /** Params fixed by `--param`: a random space leaves them alone. */
  fixed: ReadonlySet<string>;
}

/** Check every axis against the strategy's declared params before anything runs. */
export function buildSpace(strategy: string, specs: ParamSpecs, request: SpaceRequest): TrialSpace {
  const known = Object.keys(specs);
  const seen = new Set<string>();
  const axes = request.grid.map(({ name, text }) => {
    if (seen.has(name)) throw new FieldError(`params.${name}`, `params.${name} is varied twice; give each param one grid`);
    if (request.fixed.has(name)) throw new FieldError(`params.${name}`, `params.${name} is both fixed (--param) and varied; drop one`);
    seen.add(name);
    return parseGridAxis(strategy, name, specs[name], text, known);
  });
  if (!request.random) {
    const space: TrialSpace = { kind: 'grid', axes };
    const size = spaceSize(space);
    if (size > MAX_TRIALS) throw new FieldError('params', `the grid has ${size} points, more than a sweep runs (${MAX_TRIALS}); narrow it or use --random N`);
    return space;
  }
  const random: RandomAxis[] = axes.map((a) => ({ name: a.name, kind: 'list', values: a.values }));
  for (const [name, spec] of Object.entries(specs)) {
    if (seen.has(name) || request.fixed.has(name)) continue;
    if ((spec.type === 'integer' || spec.type === 'number') && Number.isFinite(spec.min) && Number.isFinite(spec.max)) {
      random.push({ name, kind: spec.type, min: spec.min!, max: spec.max! });
    }
  }
  if (random.length === 0) throw new FieldError('params', `strategy ${strategy}: --random has nothing to draw (no --grid, and no numeric param with a declared min and max)`);
  return { kind: 'random', n: request.random.n, seed: request.random.seed, axes: random };
}
