import { FieldError, RotorError } from '../errors.ts';
import { frameLocation, strategySource, type Strategy } from './define.ts';
import type { ParamSpecs, ParamValues } from './params.ts';
import type { StrategyContext } from './context.ts';
import { closest } from './closest-name.ts';

/**
 * A strategy's own mistake, found while it ran: which strategy, which hook, which bar and which line of its file.
 * A user's error (one line), with the strategy's original stack kept for `--debug`.
 */
export class StrategyError extends RotorError {
  override readonly name = 'StrategyError';
  constructor(
    message: string,
    readonly hook: string,
    readonly date: string | undefined,
    readonly debugStack: string | undefined,
  ) {
    super(message);
  }
}

type Hook = 'init' | 'onBar' | 'onFill' | 'onRelease' | 'universe' | 'signals' | 'macro' | 'optionalMacro';

/** The text of anything thrown: an Error's message, a string as is, an object as JSON. */
function thrownText(e: unknown): string {
  if (e instanceof Error) return e instanceof RangeError && /call stack/i.test(e.message) ? `${e.message} (endless recursion?)` : e.message || e.name;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}

/** `file:line:col` of the first frame in the strategy's file, else of the first frame outside rotor and Node. */
function where(e: unknown, source: string | undefined): string | undefined {
  const stack = e instanceof Error ? e.stack : undefined;
  if (!stack) return source ? `in ${source}; a thrown ${e === null ? 'null' : typeof e} has no line: throw an Error to get one` : undefined;
  const frames = stack.split('\n').slice(1).map(frameLocation).filter((f) => f !== undefined);
  const own = frames.find((f) => f.file === source) ?? frames.find((f) => !/^node:|[\\/]node_modules[\\/]/.test(f.file));
  return own ? `${own.file}:${own.line}:${own.column}` : source;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function strategyError(strategy: Strategy, hook: Hook, date: string | undefined, e: unknown): unknown {
  if (e instanceof StrategyError || e instanceof FieldError) return e;
  const text = thrownText(e);
  // rotor's own errors about the strategy already begin with its name (and the bar): said once, in front.
  const message = e instanceof RotorError ? text.replace(new RegExp(`^strategy ${escape(strategy.name)}( on \\S+)?:? `), '') : text;
  const at = where(e, strategySource(strategy));
  const verb = e instanceof RotorError ? '' : e instanceof Error ? `threw ${e.name}: ` : `threw ${typeof e === 'string' ? 'a string' : 'a non-Error'}: `;
  const line = `strategy ${strategy.name}: ${hook}${date ? ` on ${date}` : ''}: ${verb}${message}${at ? ` (${at})` : ''}`;
  if (e instanceof RotorError) {
    // A LookAheadError (say) stays one, so callers can still tell what it was.
    return Object.assign(e, { message: line, debugStack: e.stack });
  }
  return new StrategyError(line, hook, date, e instanceof Error ? e.stack : undefined);
}

const isThenable = (v: unknown): v is PromiseLike<unknown> => typeof (v as { then?: unknown } | null)?.then === 'function';

function refuseAsync(strategy: Strategy, hook: Hook, date: string, v: unknown): void {
  if (!isThenable(v)) return;
  // The promise is abandoned: its rejection must not surface later as an unhandled one.
  Promise.resolve(v).catch(() => {});
  throw new StrategyError(`strategy ${strategy.name}: ${hook} on ${date} returned a Promise: hooks run synchronously at each bar (remove async)`, hook, date, undefined);
}

function describeValue(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  if (typeof v === 'object') return describeObject(v);
  return `${typeof v} ${String(v).slice(0, 40)}`;
}

function describeObject(v: object): string {
  // JSON.stringify throws on a cycle, a BigInt or a throwing getter; the keys (or nothing) still let the error out.
  try {
    return `an object with ${JSON.stringify(v)?.slice(0, 80)}`;
  } catch {
    try {
      const keys = Object.keys(v);
      return `an object with keys ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}`;
    } catch {
      return 'an object';
    }
  }
}

/** The error for an onBar that returned something other than nothing or weights `{ SYMBOL: number }`. */
export function notWeights(strategyName: string, date: string, v: unknown): StrategyError {
  return new StrategyError(
    `strategy ${strategyName}: onBar on ${date} returned ${describeValue(v)}; expected weights { SYMBOL: number }, a Float64Array over ctx.universe, or nothing`,
    'onBar',
    date,
    undefined,
  );
}

/**
 * What onBar may return: nothing, a plain object, or a WeightVector. That the object's values are all numbers (and
 * the vector's length) is checked where the run reads them (BarContext.rebalanceReturned, with this error): listing a
 * universe-wide rotation's weights is a large part of reading them, and is then done once.
 */
function checkWeights(strategy: Strategy, date: string, v: unknown): void {
  if (v === undefined) return;
  refuseAsync(strategy, 'onBar', date, v);
  if (v instanceof Float64Array) return; // a WeightVector: its length and values are checked where it is read
  const plain = typeof v === 'object' && v !== null && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));
  if (plain) return;
  throw notWeights(strategy.name, date, v);
}

const GUARDED = Symbol('rotor.strategy.guarded');

/** Keys every object answers (inspection, JSON, promises): reading them is not a typo. */
const ANSWERED = new Set(['toJSON', 'then', 'constructor', 'inspect', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName']);

/**
 * The params a strategy reads: the same values, but reading a name it does not declare throws instead of giving
 * `undefined` (a typo would silently change the results). Made once per run, never per bar. The declared values are
 * the view's own (frozen) properties, read at full speed on every bar; only a name it lacks reaches the guard, which
 * sits on its prototype chain.
 */
export function strictParams<P extends ParamSpecs>(strategy: string, values: ParamValues<P>): ParamValues<P> {
  const guard = new Proxy(Object.prototype, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !(key in Object.prototype) && !ANSWERED.has(key)) {
        const known = Object.keys(values);
        const near = closest(key, known);
        throw new RotorError(
          `strategy ${strategy} reads params.${key}, which it does not declare (${known.length ? `${near ? `did you mean ${near}? ` : ''}its params: ${known.join(', ')}` : 'it declares no params'})`,
        );
      }
      return Reflect.get(target, key, receiver);
    },
  });
  return Object.freeze(Object.assign(Object.create(guard) as object, values)) as ParamValues<P>;
}

/**
 * The strategy with each hook run under a guard: whatever it throws (an Error, a string, any value, a stack
 * overflow) becomes a StrategyError naming the hook, the bar and the line (rotor's own errors keep their class and
 * gain the same words); what it returns is checked; and it reads its params through the strict view.
 */
export function guardStrategy<P extends ParamSpecs>(strategy: Strategy<P>): Strategy<P> {
  if (GUARDED in strategy) return strategy;
  const s = strategy as unknown as Strategy;
  const views = new WeakMap<object, ParamValues<ParamSpecs>>();
  // One strict view per params object (a run's), made once; the last one is kept at hand for the next bar.
  let lastParams: object | undefined;
  let lastView: ParamValues<ParamSpecs> | undefined;
  const strict = (params: ParamValues<ParamSpecs>) => {
    if (params === lastParams) return lastView!;
    let v = views.get(params);
    if (!v) views.set(params, (v = strictParams(s.name, params)));
    lastParams = params;
    lastView = v;
    return v;
  };
  const date = (ctx: StrategyContext): string | undefined => {
    try {
      return ctx.date;
    } catch {
      return undefined;
    }
  };
  const { init, onBar, onFill, onRelease } = s;
  const guarded: Partial<Strategy> = {
    onBar(ctx, params, state) {
      let out;
      try {
        out = onBar.call(s, ctx, strict(params), state);
      } catch (e) {
        throw strategyError(s, 'onBar', date(ctx), e);
      }
      if (out !== undefined) checkWeights(s, ctx.date, out);
      return out;
    },
  };
  if (init) {
    guarded.init = (ctx, params) => {
      let state;
      try {
        state = init.call(s, ctx, strict(params));
      } catch (e) {
        throw strategyError(s, 'init', date(ctx), e);
      }
      refuseAsync(s, 'init', ctx.date, state);
      return state;
    };
  }
  if (onFill) {
    guarded.onFill = (ctx, fill, params, state) => {
      try {
        refuseAsync(s, 'onFill', ctx.date, onFill.call(s, ctx, fill, strict(params), state));
      } catch (e) {
        throw strategyError(s, 'onFill', date(ctx), e);
      }
    };
  }
  if (onRelease) {
    guarded.onRelease = (ctx, release, params, state) => {
      try {
        refuseAsync(s, 'onRelease', ctx.date, onRelease.call(s, ctx, release, strict(params), state));
      } catch (e) {
        throw strategyError(s, 'onRelease', date(ctx), e);
      }
    };
  }
  return Object.freeze({ ...s, ...guarded, [GUARDED]: true }) as unknown as Strategy<P>;
}

/** A symbol list function of the strategy, run under the same guard (a RotorError it throws is its own message). */
export function guardedCall<T>(strategy: Strategy, hook: Hook, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw e instanceof RotorError ? e : strategyError(strategy, hook, undefined, e);
  }
}
