import { describe, expect, it } from 'vitest';
import { defineStrategy, runBacktest, type BarField, type MacroSeries, type Strategy, type StrategyContext, type Weights } from '../../engine/index.ts';
import { days, tinyMarket, ZERO_COSTS } from '../helpers/tiny-market.ts';

/**
 * Planted look-ahead and tampering strategies. Each tries one way past the context; none may see a price, date or
 * macro value after its decision time, or change what the run trades on. The strongest check is the first: two
 * markets identical up to bar T and different after it (and, for the open, in bar T's close) must look exactly the
 * same to a strategy that probes everything it can reach, up to T.
 */
const N = 12;
const T = 6;
const dates = days(N);
const base = { A: dates.map((_, i) => 10 + i), B: dates.map((_, i) => 20 - i / 2) };
/** After T (and at T's close) every price differs; before, the same. */
const future = (xs: number[], k: number) => xs.map((x, i) => (i > T ? 1000 + 37 * i + k : i === T ? x * 3 + 0.123 : x));
const marketOf = (close: Record<'A' | 'B', number[]>, closeAtT = true) =>
  tinyMarket(Object.fromEntries((['A', 'B'] as const).map((s) => [s, {
    dates,
    open: base[s].map((x) => x - 0.25), // opens identical in both markets up to and including T
    close: closeAtT ? close[s] : close[s].map((x, i) => (i === T ? NaN : x)),
  }])));
const plain = marketOf(base);
const other = marketOf({ A: future(base.A, 1), B: future(base.B, 2) });
const noCloseAtT = marketOf({ A: future(base.A, 1), B: future(base.B, 2) }, false);
/** Future values a leak would show: every close of `other` after T, and T's close there. */
const secrets = new Set([...future(base.A, 1).slice(T), ...future(base.B, 2).slice(T), 888]);

const macroOf = (last: number): MacroSeries => ({ name: 'GDP', periods: ['2023-07-01', '2023-10-01', '2024-01-01'], values: Float64Array.from([2.1, 3.3, last]), released: ['2023-12-01', dates[2], dates[T + 1]] });
const gdp = macroOf(777);
const gdpOther = macroOf(888); // published after T: a leak would tell the two apart

const FIELDS: BarField[] = ['open', 'high', 'low', 'close', 'volume'];
const attempt = (f: () => unknown): unknown => {
  try {
    return f();
  } catch (e) {
    return `threw ${(e as Error).constructor.name}`;
  }
};

/** Everything a strategy can read from where it stands, including whatever it reaches by walking objects. */
function probe(ctx: StrategyContext): string {
  const out: Record<string, unknown> = {};
  for (const s of ['A', 'B']) {
    for (const f of FIELDS) for (const lag of [-1, 0, 1, 3]) out[`${s}.${f}.${lag}`] = attempt(() => ctx.value(s, f, lag));
    for (const f of FIELDS) {
      out[`${s}.history.${f}`] = attempt(() => {
        const h = ctx.history(s, 100, f);
        return { h: Array.from(h), all: Array.from(new Float64Array(h.buffer)), bytes: h.buffer.byteLength, sub: Array.from(h.subarray(-100)) };
      });
    }
    out[`${s}.has`] = attempt(() => ctx.has(s));
    out[`${s}.streak`] = attempt(() => ctx.streak(s));
    out[`${s}.ret`] = attempt(() => ctx.ret(s, 1, 0));
    out[`${s}.position`] = attempt(() => ctx.position(s));
    out[`${s}.weight`] = attempt(() => ctx.weight(s));
    for (const d of dates) out[`${s}.at.${d}`] = attempt(() => ctx.at(s, d));
    for (const k of ['sma', 'ema', 'volatility', 'rsi', 'fromHigh'] as const) {
      out[`${s}.ind.${k}`] = attempt(() => ctx.indicators[k](s, 2));
      out[`${s}.values.${k}`] = attempt(() => Array.from(ctx.indicators.values(k, s, 2, 1000)));
    }
    out[`${s}.corr`] = attempt(() => ctx.indicators.correlation(s, s === 'A' ? 'B' : 'A', 3));
  }
  out.macro = attempt(() => ctx.macro('GDP'));
  out.macroHistory = attempt(() => ctx.macroHistory('GDP', 10));
  out.macroValue = attempt(() => ctx.macroValue('GDP', { change: 1 }));
  out.tdom = attempt(() => ctx.tradingDayOfMonth());
  out.walk = walk(ctx);
  return JSON.stringify(out, (_k, v: unknown) => (typeof v === 'number' ? String(v) : v));
}

/** Walk every own property (names and symbols) of ctx, of what it reaches, and of their prototypes, calling getters. */
function walk(root: object): unknown[] {
  const seen = new Set<unknown>([Object.prototype, Function.prototype]);
  const found: unknown[] = [];
  const queue: [object, object][] = [[root, root]];
  while (queue.length) {
    const [o, receiver] = queue.shift()!;
    if (seen.has(o)) continue;
    seen.add(o);
    for (const key of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, key)!;
      const v = d.get ? attempt(() => d.get!.call(receiver)) : d.value;
      found.push(String(key), ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : typeof v === 'object' || typeof v === 'function' ? typeof v : v);
      if (v !== null && (typeof v === 'object' || typeof v === 'function')) queue.push([v as object, v as object]);
    }
    const proto = Object.getPrototypeOf(o) as object | null;
    if (proto) queue.push([proto, receiver]);
  }
  return found;
}

function probeRun(market: typeof plain, hook: 'onBar' | 'onFill') {
  const seen: string[] = [];
  runBacktest({
    market,
    macro: [market === plain ? gdp : gdpOther],
    strategy: defineStrategy({
      name: 'probe',
      description: '',
      universe: ['A', 'B'],
      macro: ['GDP'],
      onBar(ctx): Weights {
        if (hook === 'onBar' && ctx.bar <= T) seen.push(probe(ctx));
        return ctx.bar % 2 ? { A: 1 } : { B: 1 };
      },
      onFill(ctx) {
        if (hook === 'onFill' && ctx.bar <= T) seen.push(probe(ctx));
      },
    }),
    settings: { costs: ZERO_COSTS, fill: 'next-open' },
  });
  return seen;
}

describe('a strategy cannot tell two futures apart', () => {
  it('at the close, everything it can reach up to bar T is the same whatever happens after T', () => {
    const a = probeRun(plain, 'onBar').filter((_, i) => i < T); // bars 0..T-1: T's close differs by design
    const b = probeRun(other, 'onBar').filter((_, i) => i < T);
    expect(a).toHaveLength(T);
    expect(b).toEqual(a);
    for (const s of b) for (const x of secrets) expect(s).not.toContain(`"${x}"`);
  });

  it("in onFill at the open, nothing of today's close is knowable, not even whether there is one", () => {
    const a = probeRun(plain, 'onFill');
    const b = probeRun(other, 'onFill');
    const c = probeRun(noCloseAtT, 'onFill');
    expect(a.length).toBeGreaterThanOrEqual(T);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });
});

/** One run of a planted strategy whose `onBar` (at bar 3) tries something; the run buys A on bar 1 either way. */
function planted(tryIt: (ctx: StrategyContext, keep: (x: unknown) => void) => void, extra: Partial<Parameters<typeof defineStrategy>[0]> = {}) {
  const kept: unknown[] = [];
  const result = attempt(() =>
    runBacktest({
      market: other,
      strategy: defineStrategy({
        name: 'planted',
        description: '',
        universe: ['A', 'B'],
        ...extra,
        onBar(ctx) {
          if (ctx.bar === 3) tryIt(ctx, (x) => kept.push(x));
          return ctx.bar === 1 ? { A: 1 } : undefined;
        },
      }),
      settings: { costs: ZERO_COSTS, fill: 'next-open' },
    }),
  );
  return { result, kept };
}
const honest = runBacktest({
  market: other,
  strategy: defineStrategy({ name: 'planted', description: '', universe: ['A', 'B'], onBar: (ctx) => (ctx.bar === 1 ? { A: 1 } : undefined) }),
  settings: { costs: ZERO_COSTS, fill: 'next-open' },
});
const leaks = (kept: unknown[]) => JSON.stringify(kept, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)).match(/[\d.]+/g)?.map(Number).filter((x) => secrets.has(x)) ?? [];
/** The run, if it finished, traded and valued exactly as the honest one: nothing was changed. */
function unchanged(result: unknown) {
  if (typeof result === 'string') return; // the attempt was refused with an error: nothing ran on
  const r = result as typeof honest;
  expect(Array.from(r.curve.equity)).toEqual(Array.from(honest.curve.equity));
  expect(r.trades).toEqual(honest.trades);
}

describe('planted look-ahead and tampering strategies', () => {
  const cases: [string, (ctx: StrategyContext, keep: (x: unknown) => void) => void][] = [
    ['reads history().buffer', (ctx, keep) => keep(new Float64Array(ctx.history('A', 3).buffer))],
    ['views the history buffer past its end', (ctx, keep) => keep(new Float64Array(ctx.history('A', 3).buffer, 0, 64))],
    ['writes into the history buffer', (ctx) => new Float64Array(ctx.history('A', 4).buffer).fill(1e6)],
    ['writes into a returned history array', (ctx) => ctx.history('A', 4).fill(1e6)],
    ['subarray and negative indices on history', (ctx, keep) => keep([ctx.history('A', 2).subarray(-50), ctx.history('A', 2).at(-5), ctx.history('A', 2)[7]])],
    ['asks history for more bars than exist', (ctx, keep) => keep(ctx.history('A', 1e9))],
    ['own property names and symbols of ctx', (ctx, keep) => keep([Object.getOwnPropertyNames(ctx), Object.getOwnPropertySymbols(ctx), Reflect.ownKeys(ctx)])],
    ['walks every reachable object and getter', (ctx, keep) => keep(walk(ctx))],
    ['reassigns ctx fields', (ctx) => Object.assign(ctx as object, { bar: 11, date: dates[11], closeKnown: true })],
    ['defines a property on ctx', (ctx) => Object.defineProperty(ctx, 'bar', { value: 11 })],
    ['replaces a method on the prototype', (ctx) => {
      (Object.getPrototypeOf(ctx) as { close: unknown }).close = () => 0;
    }],
    ['swaps the prototype of ctx', (ctx) => Object.setPrototypeOf(ctx, {})],
    ['builds its own context from the constructor', (ctx, keep) => keep(new (ctx.constructor as new (...a: unknown[]) => StrategyContext)({ bar: 11 }).close('A'))],
    ['calls a method on another this', (ctx, keep) => keep(ctx.close.call({ bar: 11 }, 'A'))],
    ['calls a getter on another receiver', (ctx, keep) => keep(Reflect.apply(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(ctx), 'bar')!.get!, { bar: 11 }, []))],
    ['patches Function.prototype.call', () => {
      (Function.prototype as unknown as { call: unknown }).call = () => 0;
    }],
    ['an index setter on Array.prototype to catch the pending orders', (ctx, keep) => {
      Object.defineProperty(Array.prototype, '0', { set(this: unknown[]) { keep(this); }, configurable: true });
      ctx.rebalance({ B: 1 });
    }],
    ['a getter on Object.prototype for a setting the engine reads', () => {
      Object.defineProperty(Object.prototype, 'maxLeverage', { get: () => 100, configurable: true });
    }],
    ['patches Map.prototype.get to catch the indicator columns', (ctx, keep) => {
      Map.prototype.get = function (this: Map<unknown, unknown>, k: unknown) {
        keep(k);
        return undefined;
      };
      ctx.indicators.sma('A', 2);
    }],
    ['patches the array iterator to add orders', () => {
      const it = Object.getPrototypeOf([][Symbol.iterator]()) as { next: unknown };
      it.next = () => ({ done: false, value: { kind: 'quantity', symbol: 0, quantity: 1e9, reason: 'x' } });
    }],
    ['replaces a global constructor', () => {
      (globalThis as { Float64Array: unknown }).Float64Array = Array;
    }],
    ['reads the internals of ctx.indicators', (ctx, keep) => {
      const ind = ctx.indicators as unknown as Record<string, unknown>;
      keep([Object.getOwnPropertyNames(ind), ind.closes, ind.dates, ind.single, ind.now]);
    }],
    ['writes into an indicator series to change later reads', (ctx, keep) => {
      ctx.indicators.values('sma', 'A', 2, 100).fill(1e6);
      keep(ctx.indicators.values('sma', 'A', 2, 100));
      keep(ctx.indicators.values('sma', 'A', 2, 1e9).length);
    }],
    ['adds a property to ctx.indicators', (ctx) => Object.assign(ctx.indicators, { sma: () => 0 })],
  ];

  it.each(cases)('%s: sees nothing after its bar, changes nothing', (_name, tryIt) => {
    const { result, kept } = planted(tryIt);
    expect(leaks(kept)).toEqual([]);
    unchanged(result);
  });

  it('a patched typed-array method is never handed the price columns, and the run fails at its end', () => {
    const proto = Object.getPrototypeOf(Float64Array.prototype) as Record<string, unknown>;
    const names = ['slice', 'subarray', 'fill', 'set', 'map'] as const;
    const originals = names.map((k) => proto[k]);
    try {
      const { result, kept } = planted((ctx, keep) => {
        for (const [i, k] of names.entries()) {
          proto[k] = function (this: Float64Array, ...a: unknown[]) {
            keep(this);
            return (originals[i] as (...x: unknown[]) => unknown).apply(this, a);
          };
        }
        ctx.history('A', 2);
        ctx.indicators.sma('A', 2);
        ctx.indicators.values('sma', 'A', 2, 3);
        ctx.rebalance({ B: 1 });
      });
      expect(kept.filter((x) => ArrayBuffer.isView(x) && (x as Float64Array).length > 4)).toEqual([]);
      expect(leaks(kept)).toEqual([]);
      expect(result).toBe('threw RotorError');
      expect(() => runBacktest({ market: other, strategy: defineStrategy({ name: 'next', description: '', universe: ['A'], onBar: () => undefined }) })).toThrow(
        /changed the built-in TypedArray\.prototype\.(slice|subarray|fill|set|map): a strategy may not patch built-ins/,
      );
    } finally {
      names.forEach((k, i) => (proto[k] = originals[i]));
    }
    expect(() => runBacktest({ market: other, strategy: defineStrategy({ name: 'next', description: '', universe: ['A'], onBar: () => undefined }) })).not.toThrow();
  });

  it('indicator values come as a copy of the bars up to now, whatever count is asked', () => {
    const { kept } = planted((ctx, keep) => keep(ctx.indicators.values('sma', 'A', 2, 1e9).length));
    expect(kept).toEqual([4]); // bars 0..3
  });

  it('a ctx kept from init answers nothing once its run is over: not from a timer, not in a later run', async () => {
    let stash: StrategyContext | undefined;
    const keeper = defineStrategy({
      name: 'keeper',
      description: '',
      universe: ['A', 'B'],
      init(ctx) {
        stash ??= ctx;
      },
      onBar: () => undefined,
    });
    runBacktest({ market: other, strategy: keeper, settings: { costs: ZERO_COSTS } });
    const afterRun = await new Promise((resolve) => setTimeout(() => resolve(attempt(() => stash!.close('A'))), 0));
    expect(afterRun).toBe('threw RotorError');
    // A second run (a sweep's next trial) finds the first run's ctx in its module state: it is dead, not at the end.
    const inLater: unknown[] = [];
    runBacktest({
      market: other,
      strategy: defineStrategy({ ...keeper, init: undefined, onBar: (ctx) => void (ctx.bar === 2 && inLater.push(attempt(() => stash!.history('A', 100)), attempt(() => stash!.indicators))) }),
      settings: { costs: ZERO_COSTS },
    });
    expect(inLater).toEqual(['threw RotorError', 'threw RotorError']);
    expect(() => stash!.bar).toThrow('ctx was used after its run ended');
  });

  it('ctx.indicators kept past the run fails too (it would read the last bar)', () => {
    let ind: StrategyContext['indicators'] | undefined;
    runBacktest({ market: other, strategy: defineStrategy({ name: 'k', description: '', universe: ['A'], onBar: (ctx) => void (ind ??= ctx.indicators) }), settings: { costs: ZERO_COSTS } });
    expect(() => ind!.sma('A', 2)).toThrow('ctx.indicators was used after its run ended');
  });

  it('the trade in onFill, params and macro observations are copies or frozen: changing them changes nothing', () => {
    const refused: unknown[] = [];
    const reads: unknown[] = [];
    const r = runBacktest({
      market: other,
      macro: [gdp],
      strategy: (defineStrategy as (d: object) => Strategy)({
        name: 'mutator',
        description: '',
        universe: ['A', 'B'],
        macro: ['GDP'],
        params: { n: { type: 'integer', default: 2, min: 1, max: 5 } },
        onBar(ctx: StrategyContext, p: { n: number }) {
          refused.push(attempt(() => Object.assign(p, { n: 99 })));
          ctx.macroHistory('GDP', 5).push({ series: 'GDP', period: '2024-01-01', value: 777, released: dates[0] });
          const m = ctx.macro('GDP');
          if (m) m.value = 777;
          if (ctx.bar === 4) reads.push(ctx.macro('GDP')?.value, ctx.macroHistory('GDP', 5).length, p.n);
          return ctx.bar === 1 ? { A: 1 } : undefined;
        },
        onFill(_ctx: StrategyContext, trade: object) {
          refused.push(attempt(() => Object.assign(trade, { price: 0, quantity: 1e9 })));
        },
      }),
      settings: { costs: ZERO_COSTS, fill: 'next-open' },
    });
    expect(new Set(refused)).toEqual(new Set(['threw TypeError']));
    expect(refused.length).toBe(N + 1); // every bar's params, and the one fill
    expect(reads).toEqual([3.3, 2, 2]);
    expect(r.trades).toEqual(honest.trades);
    expect(r.trades[0].price).toBe(base.A[2] - 0.25); // bar 2's open, as traded by the honest run
  });
});
