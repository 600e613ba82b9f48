import { closest } from './closest-name.ts';
import { FieldError } from '../errors.ts';

/** Declared parameters: each with its type, default and allowed range, so that sweeps and `--param` can be checked. */
export type ParamSpec =
  | { type: 'number'; default: number; min?: number; max?: number; description?: string }
  | { type: 'integer'; default: number; min?: number; max?: number; description?: string }
  | { type: 'boolean'; default: boolean; description?: string }
  | { type: 'choice'; default: string; choices: readonly string[]; description?: string }
  | { type: 'string'; default: string; description?: string }
  | { type: 'weights'; default: Readonly<Record<string, number>>; description?: string };

export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

type ValueOf<S extends ParamSpec> = S extends { type: 'number' | 'integer' }
  ? number
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'weights' }
      ? Readonly<Record<string, number>>
      : string;

export type ParamValues<P extends ParamSpecs> = { readonly [K in keyof P]: ValueOf<P[K]> };

export type ParamValue = number | boolean | string | Readonly<Record<string, number>>;

/** A human-readable statement of what a parameter accepts, used in every error about it. */
export function describeParam(spec: ParamSpec): string {
  switch (spec.type) {
    case 'number':
    case 'integer': {
      const kind = spec.type === 'integer' ? 'an integer' : 'a number';
      const lo = spec.min ?? -Infinity;
      const hi = spec.max ?? Infinity;
      return `${kind} in [${lo}, ${hi}]`;
    }
    case 'boolean':
      return 'true or false';
    case 'choice':
      return `one of ${spec.choices.join(', ')}`;
    case 'string':
      return 'a string';
    case 'weights':
      return 'weights as SYMBOL:weight,SYMBOL:weight (each ≥ 0)';
  }
}

function parseWeights(text: string): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const part of text.split(',')) {
    const m = /^\s*([^:=\s]+)\s*[:=]\s*([-+0-9.eE]+)\s*$/.exec(part);
    if (!m) return undefined;
    const w = Number(m[2]);
    if (!Number.isFinite(w) || w < 0) return undefined;
    out[m[1]] = w;
  }
  return out;
}

/** Parse a command-line text value (or check a programmatic one) against its spec; throws naming the parameter. */
export function coerceParam(strategy: string, name: string, spec: ParamSpec, raw: unknown): ParamValue {
  const fail = (): never => {
    throw new FieldError(`params.${name}`, `strategy ${strategy}: params.${name} must be ${describeParam(spec)}, got ${JSON.stringify(raw)}`);
  };
  switch (spec.type) {
    case 'number':
    case 'integer': {
      const v = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(v)) return fail();
      if (spec.type === 'integer' && !Number.isInteger(v)) return fail();
      if (v < (spec.min ?? -Infinity) || v > (spec.max ?? Infinity)) return fail();
      return v;
    }
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === '1' || raw === 'yes') return true;
      if (raw === 'false' || raw === '0' || raw === 'no') return false;
      return fail();
    case 'choice':
      if (typeof raw === 'string' && spec.choices.includes(raw)) return raw;
      return fail();
    case 'string':
      if (typeof raw === 'string' && raw.length > 0) return raw;
      return fail();
    case 'weights': {
      if (typeof raw === 'string') return parseWeights(raw) ?? fail();
      if (raw && typeof raw === 'object') {
        const entries = Object.entries(raw as Record<string, unknown>);
        if (entries.every(([, w]) => typeof w === 'number' && Number.isFinite(w) && w >= 0)) {
          return Object.fromEntries(entries) as Record<string, number>;
        }
      }
      return fail();
    }
  }
}

const TYPES = ['number', 'integer', 'boolean', 'choice', 'string', 'weights'] as const;

/**
 * A strategy's declared params, checked when it is defined: a JavaScript file (or a cast) can declare what the types
 * do not allow, and `type: 'int'` would otherwise surface as a confusing error far from the declaration.
 */
export function checkParamSpecs(strategy: string, specs: unknown): void {
  if (specs === undefined) return;
  if (!specs || typeof specs !== 'object' || Array.isArray(specs)) throw new FieldError('params', `strategy ${strategy}: params must be an object of name: { type, default, … }`);
  for (const [name, raw] of Object.entries(specs)) {
    const spec = raw as Partial<Record<string, unknown>> | null;
    const at = `strategy ${strategy}: params.${name}`;
    if (!spec || typeof spec !== 'object') throw new FieldError(`params.${name}`, `${at} must be { type, default, … }, got ${JSON.stringify(raw)}`);
    if (!TYPES.includes(spec.type as (typeof TYPES)[number])) {
      throw new FieldError(`params.${name}.type`, `${at}.type must be one of ${TYPES.join(', ')}, got ${JSON.stringify(spec.type)}`);
    }
    if (spec.type === 'number' || spec.type === 'integer') {
      for (const bound of ['min', 'max'] as const) {
        const b = spec[bound];
        if (b !== undefined && (typeof b !== 'number' || Number.isNaN(b))) throw new FieldError(`params.${name}.${bound}`, `${at}.${bound} must be a number, got ${JSON.stringify(b)}`);
      }
      if ((spec.min as number | undefined) !== undefined && (spec.max as number | undefined) !== undefined && (spec.min as number) > (spec.max as number)) {
        throw new FieldError(`params.${name}.min`, `${at}.min (${String(spec.min)}) is above its max (${String(spec.max)})`);
      }
    }
    if (spec.type === 'choice' && (!Array.isArray(spec.choices) || spec.choices.length === 0 || !spec.choices.every((c) => typeof c === 'string'))) {
      throw new FieldError(`params.${name}.choices`, `${at}.choices must be a non-empty list of strings, got ${JSON.stringify(spec.choices)}`);
    }
    try {
      coerceParam(strategy, name, spec as ParamSpec, spec.default);
    } catch {
      throw new FieldError(`params.${name}.default`, `${at}.default must be ${describeParam(spec as ParamSpec)}, got ${JSON.stringify(spec.default)}`);
    }
  }
}

/** Defaults overlaid with the given overrides; an unknown name is an error that lists the known ones. */
export function resolveParams<P extends ParamSpecs>(
  strategy: string,
  specs: P,
  overrides: Readonly<Record<string, unknown>> = {},
): ParamValues<P> {
  const out: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(specs)) {
    out[name] = coerceParam(strategy, name, spec, spec.default);
  }
  for (const [name, raw] of Object.entries(overrides)) {
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs);
      throw new FieldError(
        `params.${name}`,
        unknownParamMessage(strategy, name, known),
      );
    }
    out[name] = coerceParam(strategy, name, spec, raw);
  }
  return out as ParamValues<P>;
}

/** `params.dayz is not one of its params (did you mean days?); its params are …`: for a value given and for a grid. */
export function unknownParamMessage(strategy: string, name: string, known: readonly string[]): string {
  const near = closest(name, known);
  return `strategy ${strategy}: params.${name} is not one of its params${near ? ` (did you mean ${near}?)` : ''}` + (known.length ? `; its params are ${known.join(', ')}` : '; it takes no params');
}
