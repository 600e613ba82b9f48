import { FieldError, RotorError } from '../errors.ts';
import type { MarketData } from '../market/market-data.ts';
import { priceView, type PriceView } from '../market/price-view.ts';
import type { MacroSeries } from '../macro/macro-series.ts';
import { Portfolio } from '../broker/portfolio.ts';
import { executeDeltas, type FillContext } from '../broker/execute.ts';
import { rebalanceTo } from '../broker/rebalance.ts';
import { TradeLog } from '../broker/trade-log.ts';
import type { ParamValue } from '../strategy/params.ts';
import type { Strategy } from '../strategy/define.ts';
import { resolveRun, type ResolvedRun } from './resolve-run.ts';
import type { DecisionRecord, EquityCurve, PositionSums, RunNote, RunSettings, Trade } from '../types.ts';
import { BarContext, type PendingOrder } from './bar-context.ts';
import { sealContext } from './sealed-context.ts';
import { intrinsicsChanged, lockIntrinsics } from './lock-intrinsics.ts';
import { copyRange } from '../market/copy-range.ts';
import { calendarFlags, windowDates } from './calendar-flags.ts';
import { EventQueue, Phase } from './event-queue.ts';
import { MacroBook, type ReleaseEvent } from './macro-book.ts';
import { RunModel, type ListingEvent } from './run-model.ts';
import { runRates, benchmarkSeries } from './run-extras.ts';
import { NO_POSITIONS, PositionRecorder } from './position-values.ts';

export interface BacktestInput {
  market: MarketData;
  macro?: readonly MacroSeries[];
  strategy: Strategy;
  params?: Readonly<Record<string, unknown>>;
  settings?: Partial<RunSettings>;
  /** The same strategy, params and settings already resolved (by whoever loaded the data for them): used as is. */
  resolved?: ResolvedRun;
  /** Reuse a price view across runs of one batch (it depends only on the market data and the basis). */
  view?: PriceView;
  /**
   * What the run keeps beyond the equity curve, trades and notes (default: everything). A sweep trial needs metrics
   * and daily returns only: `positions: false` keeps no position values (the curve carries the sums the
   * exposure metrics need instead), `decisions: false` keeps no decision log (`ctx.explain` does nothing and rules
   * build no sentences). Equity, cash, trades and every metric are the same either way.
   */
  record?: { positions?: boolean; decisions?: boolean };
}

export interface BacktestResult {
  strategy: { name: string; description: string; params: Readonly<Record<string, ParamValue>> };
  settings: RunSettings;
  universe: string[];
  signals: string[];
  curve: EquityCurve;
  trades: Trade[];
  notes: RunNote[];
  /** What the strategy said about its decisions, in order. */
  decisions: DecisionRecord[];
  /** Benchmark closes on the curve's dates, in the run's price basis (the first of `benchmarks`). */
  benchmark?: { symbol: string; prices: Float64Array };
  /** Every benchmark's prices (a blend's value, starting at 1) on the curve's dates. */
  benchmarks?: { symbol: string; prices: Float64Array }[];
  /** Universe symbols whose prices start after the run's first bar or end before its last. */
  listings?: ListingEvent[];
  /** Per-bar risk-free rate on the curve's dates (element r: close r − 1 → close r), when it comes from a series. */
  riskFreeDaily?: Float64Array;
  /** What cash earned and what the risk-free rate was, in words. */
  rates?: { cash?: string; riskFree?: string };
}

type QueueItem = { kind: 'orders'; orders: PendingOrder[] } | { kind: 'release'; release: ReleaseEvent };

/** Replay one strategy over the market, bar by bar. Deterministic: same inputs, same result, bit for bit. */
export function runBacktest(input: BacktestInput): BacktestResult {
  lockIntrinsics();
  const { market } = input;
  const run = input.resolved ?? resolveRun(input.strategy, input.params, input.settings);
  const { strategy, settings, params, universe, signals, symbols: declared } = run;
  const missing = declared.filter((s) => !market.has(s));
  if (missing.length) {
    throw new RotorError(
      `strategy ${strategy.name} needs ${missing.join(', ')}, not in the data (available: ${market.symbols.join(', ')})`,
    );
  }
  const macroSeries = input.macro ?? [];
  const absentMacro = run.macro.filter((m) => !macroSeries.some((s) => s.name === m));
  if (absentMacro.length) {
    throw new RotorError(`strategy ${strategy.name} needs macro series ${absentMacro.join(', ')}, not in the data`);
  }
  const absentOptional = run.optionalMacro.filter((m) => !macroSeries.some((s) => s.name === m));

  const view = input.view ?? priceView(market, settings.prices);
  if (view.basis !== settings.prices) throw new Error('price view basis does not match the run settings');
  const col = (s: string) => market.symbolIndex(s);
  const { startBar, endBar, notes } = runWindow(market, view, universe, signals, settings);

  if (settings.fill === 'next-open') {
    const noOpen = universe.filter((s) => !hasOpen(view, col(s)));
    if (noOpen.length) {
      throw new FieldError(
        'settings.fill',
        `${noOpen.join(', ')} ha${noOpen.length > 1 ? 've' : 's'} no open prices (adj_close only), so settings.fill next-open ` +
          `cannot trade ${noOpen.length > 1 ? 'them' : 'it'}; use settings.fill next-close or close`,
      );
    }
  }

  const n = universe.length;
  const portfolio = new Portfolio(universe, settings.initialCash);
  const readable = new Map(declared.map((s) => [s, col(s)]));
  const tradable = new Map(universe.map((s, k) => [s, k]));
  const macroBook = new MacroBook(macroSeries, strategy.name, new Set(absentOptional));
  for (const m of absentOptional) notes.push({ kind: 'data', message: `optional macro series ${m} is not in the data: the strategy reads it as unknown` });
  const core = new BarContext(strategy.name, market.dates, view, readable, tradable, portfolio, macroBook, settings.maxLeverage);
  const sealed = sealContext(core);
  const ctx = sealed.ctx;
  const keepPositions = input.record?.positions !== false;
  core.recordsDecisions = input.record?.decisions !== false;
  deepFreeze(params);

  const openCols = universe.map((s) => view.open[col(s)]);
  const closeCols = universe.map((s) => view.close[col(s)]);
  const fillPrice = new Float64Array(n);
  const priced = new Uint8Array(n);
  const pricedList = new Int32Array(n);
  const mark = new Float64Array(n).fill(NaN);
  const log = new TradeLog();
  // Universe indices with a non-zero position, ascending. Quantities change only inside fills, so the list is
  // rebuilt after each fill and the per-bar marking / valuation / curve loops touch held symbols only.
  const held = new Int32Array(n);
  let nHeld = 0;
  const refreshHeld = () => {
    const q = portfolio.quantity;
    nHeld = 0;
    for (let k = 0; k < n; k++) if (q[k] !== 0) held[nHeld++] = k;
  };
  // Only held symbols' marks are ever read (valuation skips zero positions), so only they are refreshed: each to
  // its last positive close up to `bar`, exactly the value the every-symbol loop kept. Returns heldValue() at the
  // new marks, summed in the same order, which saves the bar a second pass when nothing trades before it is read.
  const refreshMarks = (bar: number): number => {
    const q = portfolio.quantity;
    let v = portfolio.cash * 1; // unboxed: see Portfolio.cash
    for (let j = 0; j < nHeld; j++) {
      const k = held[j];
      const col = closeCols[k];
      for (let i = bar; i >= 0; i--) {
        const c = col[i];
        if (c > 0) {
          mark[k] = c;
          break;
        }
      }
      const p = mark[k];
      v += q[k] * (p === p ? p : 0);
    }
    return v;
  };
  const heldValue = () => {
    let v = portfolio.cash * 1; // unboxed: see Portfolio.cash
    const q = portfolio.quantity;
    for (let j = 0; j < nHeld; j++) {
      const p = mark[held[j]];
      v += q[held[j]] * (p === p ? p : 0); // as Portfolio.value: a never-priced mark counts 0
    }
    return v;
  };
  const only = { indices: pricedList, count: 0 };
  const fill: FillContext = { date: '', bar: 0, price: fillPrice, mark, settings, trades: [], log, only, notes };
  const rates = runRates(settings, market, view, macroSeries);
  const model = new RunModel({
    portfolio, settings, dates: market.dates, closes: closeCols, startBar, endBar, log, notes,
    first: universe.map((s) => view.first[col(s)]), last: universe.map((s) => view.last[col(s)]),
    cashRates: rates.cash?.rates, cashLabel: rates.cash?.label,
  });

  const queue = new EventQueue<QueueItem>();
  for (const r of macroBook.releases(market.dates)) queue.push(r.bar, Phase.Release, { kind: 'release', release: r.event });

  const rows = endBar - startBar + 1;
  const curve: EquityCurve = {
    dates: windowDates(market.dates, startBar, endBar),
    equity: new Float64Array(rows),
    grossEquity: new Float64Array(rows),
    cash: new Float64Array(rows),
    symbols: universe,
    positions: NO_POSITIONS,
    ...(model.borrowPaid ? { borrowPaid: model.borrowPaid } : {}),
    ...(model.interest ? { interest: model.interest } : {}),
  };
  const sums = keepPositions ? undefined : { bars: rows, weight: new Float64Array(n), gross: 0, counted: 0, inMarket: 0 };
  // Room for a few held symbols a bar; it grows when more are held.
  const positions = keepPositions ? new PositionRecorder(rows, Math.min(n, 4)) : undefined;
  if (sums) curve.positionSums = sums;

  // Everything published before the first trading bar is simply known when the run starts.
  for (let e = queue.popDue(startBar - 1, Phase.AfterDecision); e; e = queue.popDue(startBar - 1, Phase.AfterDecision)) {
    if (e.payload.kind === 'release') macroBook.publish(e.payload.release);
  }

  // The context is cut from the run when it ends, however it ends: nothing kept of it sees the run's last bar.
  try {
    // In init the run has not started: nothing of its first bar is known yet, not even the open.
    core.bar = startBar;
    core.closeKnown = false;
    core.openKnown = false;
    const state = strategy.init ? strategy.init(ctx, params) : undefined;
    core.openKnown = true;
    const hook = { onFill: strategy.onFill, onRelease: strategy.onRelease };

    const process = (bar: number, phase: Phase) => {
      for (let e = queue.popDue(bar, phase); e; e = queue.popDue(bar, phase)) {
        const item = e.payload;
        if (item.kind === 'release') {
          const obs = macroBook.publish(item.release);
          hook.onRelease?.(ctx, obs, params, state);
          continue;
        }
        const prices = e.phase === Phase.Open ? openCols : closeCols;
        // A fill reads the price of a symbol it holds or an order names, and of no other (rebalanceTo, executeDeltas
        // and the shorts code skip zero positions and zero deltas): only those are read from the view, whose columns
        // lie far apart in memory. The rest are NaN, which any read would show as "no price".
        // They are listed first and read from the list: the reads then overlap in the memory system, where a loop
        // branching on each symbol kept about one in flight.
        // The held list is current here (it is rebuilt whenever a quantity changes), and each target order lists
        // its non-zero weights, so no loop over the whole universe is needed to find them.
        const q = portfolio.quantity;
        let nPriced = 0;
        for (let j = 0; j < nHeld; j++) {
          priced[held[j]] = 1;
          pricedList[nPriced++] = held[j];
        }
        for (const order of item.orders) {
          if (order.kind === 'quantity') {
            if (priced[order.symbol] === 0) {
              priced[order.symbol] = 1;
              pricedList[nPriced++] = order.symbol;
            }
          } else {
            for (let i = 0, named = order.named; i < named.length; i++) {
              const k = named[i];
              if (priced[k] === 0) {
                priced[k] = 1;
                pricedList[nPriced++] = k;
              }
            }
          }
        }
        if (nPriced > nHeld) pricedList.subarray(0, nPriced).sort();
        for (let j = 0; j < nPriced; j++) priced[pricedList[j]] = 0;
        only.count = nPriced; // and the broker's loops visit only these (FillContext.only)
        fillPrice.fill(NaN);
        for (let j = 0; j < nPriced; j++) {
          const k = pricedList[j];
          fillPrice[k] = prices[k][bar];
        }
        fill.date = market.dates[bar];
        fill.bar = bar;
        const before = log.length;
        for (const order of item.orders) {
          if (order.kind === 'target') {
            rebalanceTo(portfolio, order.weights, fill, order.reason);
            core.recycleTarget(order.weights);
          } else executeQuantity(portfolio, order, fill);
        }
        // An unpriced symbol cannot trade (no price, no fill), so what is held now is among the priced ones.
        nHeld = 0;
        for (let j = 0; j < nPriced; j++) if (q[pricedList[j]] !== 0) held[nHeld++] = pricedList[j];
        if (core.closeKnown) refreshMarks(bar); // symbols bought at this close are marked at it
        // The strategy gets a frozen copy: the run's own trade record is not its to change.
        if (hook.onFill) for (let i = before; i < log.length; i++) hook.onFill(ctx, Object.freeze(log.at(i)), params, state);
      }
    };

    const fillSlot = (bar: number): [number, Phase] =>
      settings.fill === 'next-open' ? [bar + 1, Phase.Open] : settings.fill === 'next-close' ? [bar + 1, Phase.Close] : [bar, Phase.AfterDecision];

    const schedule = (bar: number) => {
      if (core.pending.length === 0) return;
      const [at, phase] = fillSlot(bar);
      queue.push(at, phase, { kind: 'orders', orders: core.pending });
      core.pending = [];
    };

    const equityCol = curve.equity;
    const grossCol = curve.grossEquity;
    const cashCol = curve.cash;
    const fillAtClose = settings.fill === 'close';
    const { newWeek, newMonth, newQuarter, newYear } = calendarFlags(market.dates);
    for (let t = startBar; t <= endBar; t++) {
      const r = t - startBar;
      core.bar = t;
      core.firstBar = t === startBar;
      core.newMonth = newMonth[t] === 1;
      core.newYear = newYear[t] === 1;
      core.newWeek = newWeek[t] === 1;
      core.newQuarter = newQuarter[t] === 1;

      // Most bars have no event: the queue is not searched for them.
      core.closeKnown = false;
      if (queue.nextBar <= t) {
        process(t, Phase.Open);
        process(t, Phase.Release);
      }
      core.closeKnown = true;
      const atMarks = refreshMarks(t);
      if (queue.nextBar <= t) {
        process(t, Phase.Close);
        core.equity = heldValue();
      } else core.equity = atMarks;
      // A run without cash interest, borrow fees or a maintenance margin only calls margin when equity is gone.
      if (!(model.quiet && core.equity > 0) && model.atClose(t, mark, core.equity)) {
        refreshHeld();
        core.equity = heldValue();
      }

      const weights = strategy.onBar(ctx, params, state);
      if (weights) core.rebalanceReturned(weights);
      schedule(t);
      if (fillAtClose) {
        process(t, Phase.AfterDecision);
        // Orders placed while reacting to same-close fills go to the next close.
        if (core.pending.length) {
          queue.push(t + 1, Phase.Close, { kind: 'orders', orders: core.pending });
          core.pending = [];
        }
      }
      if (model.afterDecision(t, mark)) refreshHeld();

      let equity = portfolio.cash * 1; // unboxed: see Portfolio.cash
      const q = portfolio.quantity;
      if (positions) equity = positions.recordBar(held, nHeld, q, mark, equity);
      else equity = sumPositions(sums!, q, mark, held, nHeld, equity);
      equityCol[r] = equity;
      grossCol[r] = equity + portfolio.costsPaid;
      cashCol[r] = portfolio.cash;
      model.endOfBar(t);
    }
  } finally {
    sealed.end();
    const changed = intrinsicsChanged();
    if (changed) throw new RotorError(`strategy ${strategy.name} changed the built-in ${changed}: a strategy may not patch built-ins, and this run's results cannot be trusted`);
  }
  if (positions) curve.positions = positions.finish();
  if (queue.size > 0 && hasOrders(queue)) {
    notes.push({ date: market.dates[endBar], kind: 'info', message: 'orders decided on the last bar were not filled: the data ends' });
  }

  const benchmarks = benchmarkSeries(settings, market, view, startBar, endBar);
  const benchmark = benchmarks[0];
  return {
    strategy: { name: strategy.name, description: strategy.description, params: params as Readonly<Record<string, ParamValue>> },
    settings,
    universe,
    signals,
    curve,
    trades: log.toArray(),
    notes,
    decisions: core.decisions,
    benchmark,
    ...(benchmarks.length > 1 ? { benchmarks } : {}),
    ...(model.listings.length ? { listings: model.listings } : {}),
    ...(rates.riskFree ? { riskFreeDaily: copyRange(rates.riskFree.rates, startBar, endBar + 1) } : {}),
    ...(rates.cash || rates.riskFree ? { rates: { cash: rates.cash?.label, riskFree: rates.riskFree?.label } } : {}),
  };
}

/**
 * Add one bar's position values to the exposure sums, as the exposure metrics would from the kept columns (same
 * terms, same order: symbols ascending, zero positions adding nothing); returns the equity (cash + positions).
 */
function sumPositions(sums: PositionSums, q: Float64Array, mark: Float64Array, held: Int32Array, nHeld: number, cash: number): number {
  let equity = cash * 1; // unboxed: see Portfolio.cash
  const values = sums.weight;
  let any = false;
  for (let j = 0; j < nHeld; j++) {
    const k = held[j];
    equity += q[k] * mark[k];
  }
  const eqOk = equity > 0 && Number.isFinite(equity);
  let g = 0;
  for (let j = 0; j < nHeld; j++) {
    const k = held[j];
    const v = q[k] * mark[k];
    if (v !== 0 && Number.isFinite(v)) any = true;
    if (eqOk && Number.isFinite(v)) {
      values[k] += v / equity;
      g += Math.abs(v) / equity;
    }
  }
  if (any) sums.inMarket++;
  if (eqOk) {
    sums.counted++;
    sums.gross += g;
  }
  return equity;
}

const openKnown = new WeakMap<PriceView, Int8Array>();

/** Whether a symbol has any open price in the view: found once per view and symbol, not on every run of a sweep. */
function hasOpen(view: PriceView, column: number): boolean {
  let known = openKnown.get(view);
  if (!known) openKnown.set(view, (known = new Int8Array(view.open.length).fill(-1)));
  if (known[column] < 0) known[column] = view.open[column].some((v) => v > 0) ? 1 : 0;
  return known[column] === 1;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

function executeQuantity(portfolio: Portfolio, order: Extract<PendingOrder, { kind: 'quantity' }>, fill: FillContext): void {
  const delta = new Float64Array(portfolio.symbols.length);
  if (!(fill.price[order.symbol] > 0)) {
    fill.notes.push({
      date: fill.date,
      kind: 'unfilled',
      message: `${portfolio.symbols[order.symbol]} has no price on ${fill.date}: order "${order.reason}" was not traded`,
    });
    return;
  }
  delta[order.symbol] = order.quantity;
  executeDeltas(portfolio, delta, fill, order.reason);
}

function hasOrders(queue: EventQueue<QueueItem>): boolean {
  for (let e = queue.popDue(Number.MAX_SAFE_INTEGER, Phase.AfterDecision); e; e = queue.popDue(Number.MAX_SAFE_INTEGER, Phase.AfterDecision)) {
    if (e.payload.kind === 'orders') return true;
  }
  return false;
}

/**
 * The bars a run trades: by default from the first day every universe symbol has a price to the last day every
 * symbol it depends on still has one, narrowed by --from/--to. Earlier bars remain readable as warm-up history.
 */
function runWindow(market: MarketData, view: PriceView, universe: string[], signals: string[], settings: RunSettings) {
  const notes: RunNote[] = [];
  const idx = (s: string) => market.symbolIndex(s);
  const none = [...universe, ...signals].filter((s) => view.first[idx(s)] < 0);
  if (none.length) throw new RotorError(`${none.join(', ')} ha${none.length > 1 ? 've' : 's'} no prices in the ${settings.prices} basis`);
  // A universe symbol may start later (startWhen 'any') or end earlier than the others: the run goes on, selling it
  // at its last close (run-model.ts). Signals still bound the run: a strategy cannot decide without them.
  const universeFirst = universe.map((s) => view.first[idx(s)]);
  const commonStart = settings.startWhen === 'any' ? Math.min(...universeFirst) : Math.max(...universeFirst);
  const commonEnd = Math.min(Math.max(...universe.map((s) => view.last[idx(s)])), ...signals.map((s) => view.last[idx(s)]));
  let startBar = commonStart;
  let endBar = commonEnd;
  if (settings.from) {
    startBar = Math.max(0, market.dates.findIndex((d) => d >= settings.from!));
    if (market.dates[startBar] < settings.from) startBar = market.dates.length;
  }
  if (settings.to) {
    let i = market.dates.length - 1;
    while (i >= 0 && market.dates[i] > settings.to) i--;
    endBar = Math.min(i, commonEnd);
    if (i > commonEnd) {
      const which = [...universe, ...signals].filter((s) => view.last[idx(s)] === commonEnd).join(', ');
      notes.push({ kind: 'info', message: `run ends ${market.dates[commonEnd]}, before the end date ${settings.to}: data for ${which} ends there` });
    }
  }
  if (!settings.from && commonStart > 0) {
    notes.push({ kind: 'info', message: `run starts ${market.dates[commonStart]}, the first day ${settings.startWhen === 'any' ? 'a' : 'every'} universe symbol has a price` });
  }
  if (!settings.to) {
    const early = universe.filter((s) => view.last[idx(s)] < commonEnd);
    notes.push({
      kind: 'info',
      message: `run ends ${market.dates[commonEnd]}, the last day ${early.length ? 'a universe symbol and every signal' : 'every symbol it reads'} has a price` +
        (early.length ? ` (${early.join(', ')} end${early.length > 1 ? '' : 's'} earlier and ${early.length > 1 ? 'are' : 'is'} sold at ${early.length > 1 ? 'their' : 'its'} last close)` : ''),
    });
  }
  if (startBar > endBar || startBar >= market.dates.length) {
    throw new RotorError(
      `no bars to run between ${settings.from ?? market.dates[commonStart]} and ${settings.to ?? market.dates[commonEnd]} ` +
        `(data for ${[...universe, ...signals].join(', ')} covers ${market.dates[commonStart]} .. ${market.dates[commonEnd]})`,
    );
  }
  return { startBar, endBar, notes };
}
