import { coerceParam, describeParam, FieldError, unknownParamMessage, type ParamSpec, type ParamValue } from '../engine/index.ts';

/** One `--grid NAME=SPEC`: the param's name and the values it takes, in the order they were written. */
export interface GridAxis {
  name: string;
  values: ParamValue[];
}

/** A range's values as the decimal numbers the user meant: 0.005 + 2 × 0.005 is 0.015, not 0.015000000000000001. */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const RANGE = new RegExp(`^(${NUMBER})\\.\\.(${NUMBER})(?::(${NUMBER}))?$`);

/**
 * Parse SPEC for one param: `3..7` (integers, step 1), `0.005..0.02:0.005` (inclusive, with a step) or `a,b,c`
 * (a list; strings and booleans too). Every value is checked against the param's declared type and range.
 * Errors name the field `params.NAME`; the CLI calls it `--grid NAME`.
 */
export function parseGridAxis(strategy: string, name: string, spec: ParamSpec | undefined, text: string, known: readonly string[]): GridAxis {
  const field = `params.${name}`;
  const fail = (why: string): never => {
    throw new FieldError(field, `strategy ${strategy}: params.${name}=${text}: ${why}`);
  };
  if (!spec) {
    throw new FieldError(field, unknownParamMessage(strategy, name, known));
  }
  if (text.trim() === '') fail('expected a range like 3..7 or 0.5..2:0.5, or a list like a,b,c');
  const range = RANGE.exec(text.trim());
  let raw: unknown[];
  if (range) {
    if (spec.type !== 'number' && spec.type !== 'integer') fail(`a range needs a numeric param; this one is ${describeParam(spec)}`);
    const lo = Number(range[1]);
    const hi = Number(range[2]);
    const step = range[3] === undefined ? 1 : Number(range[3]);
    if (range[3] === undefined && !(Number.isInteger(lo) && Number.isInteger(hi))) fail('a range without a step takes integers; add one, e.g. 0.5..2:0.5');
    if (!(step > 0)) fail(`the step must be > 0, got ${range[3]}`);
    if (hi < lo) fail(`the range ends (${range[2]}) before it starts (${range[1]})`);
    const count = Math.floor((hi - lo) / step + 1e-9) + 1;
    if (count > 1_000_000) fail(`${count} values is more than a grid axis takes (1,000,000)`);
    raw = Array.from({ length: count }, (_, k) => tidy(lo + k * step));
  } else {
    raw = text.split(',').map((v) => v.trim());
    if (raw.some((v) => v === '')) fail('a list has an empty value');
  }
  const values: ParamValue[] = [];
  const seen = new Set<string>();
  for (const v of raw) {
    let value: ParamValue;
    try {
      value = coerceParam(strategy, name, spec, v);
    } catch {
      return fail(`${JSON.stringify(v)} is not ${describeParam(spec)}`);
    }
    const key = JSON.stringify(value);
    if (seen.has(key)) fail(`${JSON.stringify(v)} is listed twice`);
    seen.add(key);
    values.push(value);
  }
  return { name, values };
}
