import { executeDeltas, type FillContext } from '../broker/execute.ts';
import type { Portfolio } from '../broker/portfolio.ts';
import { grossExposure } from '../broker/shorts.ts';
import type { RunNote, RunSettings } from '../types.ts';
import type { TradeLog } from '../broker/trade-log.ts';

/** A universe symbol whose prices start after the run's first bar or end before its last (README, "Symbols that stop trading"). */
export interface ListingEvent {
  symbol: string;
  date: string;
  event: 'first price' | 'last price';
  /** Shares sold (or bought back, when short) at that last close; absent when nothing was held. */
  closed?: { quantity: number; price: number };
}

export interface RunModelInput {
  portfolio: Portfolio;
  settings: RunSettings;
  dates: readonly string[];
  /** Run-basis closes per universe symbol. */
  closes: readonly Float64Array[];
  /** First and last bar with a close, per universe symbol. */
  first: ArrayLike<number>;
  last: ArrayLike<number>;
  startBar: number;
  endBar: number;
  /** Per-bar cash rate (rates[i]: close i − 1 → close i), when cash earns. */
  cashRates?: Float64Array;
  cashLabel?: string;
  log: TradeLog;
  notes: RunNote[];
}

/**
 * What happens to a portfolio between decisions that the strategy does not ask for: cash interest, borrow fees,
 * margin calls and sales of symbols whose data ends. Each step is a no-op on runs that use none of them, so long-only
 * runs without a cash rate stay bit for bit what they were.
 */
export class RunModel {
  readonly listings: ListingEvent[] = [];
  readonly borrowPaid?: Float64Array;
  readonly interest?: Float64Array;
  /** No cash rate, borrow fee or maintenance margin: atClose can only act when equity is gone. */
  readonly quiet: boolean;
  private readonly fill: FillContext;
  private readonly price: Float64Array;
  private readonly endsAt = new Map<number, number[]>();
  private prevCash = NaN;
  private unknownRateBars = 0;
  private called = false;
  private brokeNoted = false;

  constructor(private readonly m: RunModelInput) {
    const n = m.closes.length;
    this.price = new Float64Array(n);
    this.fill = { date: '', bar: 0, price: this.price, mark: new Float64Array(n), settings: m.settings, trades: [], log: m.log, notes: m.notes };
    const rows = m.endBar - m.startBar + 1;
    if (m.settings.borrowBps > 0) this.borrowPaid = new Float64Array(rows);
    if (m.cashRates) this.interest = new Float64Array(rows);
    this.quiet = !m.cashRates && m.settings.borrowBps <= 0 && m.settings.maintenanceMargin === 0;
    for (let k = 0; k < n; k++) {
      const sym = m.portfolio.symbols[k];
      if (m.first[k] > m.startBar && m.first[k] <= m.endBar) this.listings.push({ symbol: sym, date: m.dates[m.first[k]], event: 'first price' });
      if (m.last[k] >= m.startBar && m.last[k] < m.endBar) {
        const list = this.endsAt.get(m.last[k]) ?? [];
        list.push(k);
        this.endsAt.set(m.last[k], list);
      }
    }
  }

  /**
   * At the close of bar t, once marked: credit the cash rate on the cash held since the previous close, charge the
   * borrow fee on shorts, and close everything on a margin call. Returns true when positions changed.
   */
  atClose(t: number, mark: Float64Array, equity: number): boolean {
    const { portfolio, settings } = this.m;
    const r = t - this.m.startBar;
    if (this.m.cashRates && t > this.m.startBar) {
      const rate = this.m.cashRates[t];
      if (rate === rate) {
        const earned = this.prevCash * rate;
        portfolio.cash += earned;
        portfolio.interest += earned;
      } else this.unknownRateBars++;
      this.interest![r] = portfolio.interest;
    }
    if (settings.borrowBps > 0) {
      const q = portfolio.quantity;
      let fee = 0;
      for (let k = 0; k < q.length; k++) if (q[k] < 0 && mark[k] === mark[k]) fee -= q[k] * mark[k];
      fee *= settings.borrowBps / 1e4 / 252;
      portfolio.cash -= fee;
      portfolio.borrowPaid += fee;
      portfolio.costsPaid += fee;
      this.borrowPaid![r] = portfolio.borrowPaid;
    }
    if (this.m.cashRates || settings.borrowBps > 0) equity = portfolio.value(mark);
    return this.marginCall(t, mark, equity);
  }

  private marginCall(t: number, mark: Float64Array, equity: number): boolean {
    const { portfolio, settings } = this.m;
    if (equity > 0 && settings.maintenanceMargin === 0) return false;
    const gross = grossExposure(portfolio, mark, mark);
    if (gross === 0) {
      // Nothing left to close (a losing short was covered at this close, then cash paid its rate): still say so.
      if (equity < 0 && !this.brokeNoted) {
        this.brokeNoted = true;
        this.m.notes.push({ date: this.m.dates[t], kind: 'margin-call', message: `margin call: equity ${equity.toFixed(2)} is not positive and nothing is held to close; later rebalances are refused` });
      }
      return false;
    }
    if (equity > settings.maintenanceMargin * gross) return false;
    const why = equity <= 0 ? `equity ${equity.toFixed(2)} is not positive` : `equity ${equity.toFixed(2)} is below the maintenance margin (${settings.maintenanceMargin} × gross exposure ${gross.toFixed(2)})`;
    this.brokeNoted = true;
    const delta = this.closeAll(t, mark, () => true);
    executeDeltas(portfolio, delta, this.fill, 'margin call');
    const after = portfolio.value(mark);
    this.m.notes.push({ date: this.m.dates[t], kind: 'margin-call', message: `margin call: ${why}; every position was closed at the close, equity after ${after.toFixed(2)}` });
    return true;
  }

  /** After the decision of bar t: sell (or buy back) what is held of symbols whose data ends at this close. */
  afterDecision(t: number, mark: Float64Array): boolean {
    const ending = this.endsAt.get(t);
    if (!ending) return false;
    const q = this.m.portfolio.quantity;
    let changed = false;
    for (const k of ending) {
      const sym = this.m.portfolio.symbols[k];
      const held = q[k];
      const event: ListingEvent = { symbol: sym, date: this.m.dates[t], event: 'last price' };
      this.listings.push(event);
      if (held === 0) continue;
      const before = this.m.log.length;
      const delta = this.closeAll(t, mark, (j) => j === k);
      executeDeltas(this.m.portfolio, delta, this.fill, `${sym} data ends`);
      const trade = this.m.log.length > before ? this.m.log.at(before) : undefined;
      if (trade) event.closed = { quantity: trade.quantity, price: trade.price };
      this.m.notes.push({
        date: this.m.dates[t],
        kind: 'delisted',
        message: `${sym}'s data ends ${this.m.dates[t]}, before the run's end: ${held > 0 ? 'the' : 'the short of'} ${Math.abs(held)} shares ${held > 0 ? 'were sold' : 'were bought back'} at its last close${trade ? ` (${trade.price})` : ''}`,
      });
      changed = true;
    }
    return changed;
  }

  /** At the end of bar t: remember the cash that earns until the next close; fill the cumulative columns. */
  endOfBar(t: number): void {
    const { portfolio } = this.m;
    const r = t - this.m.startBar;
    this.prevCash = portfolio.cash;
    if (this.interest) this.interest[r] = portfolio.interest;
    if (this.borrowPaid) this.borrowPaid[r] = portfolio.borrowPaid;
    if (t === this.m.endBar && this.unknownRateBars && !this.called) {
      this.called = true;
      this.m.notes.push({ kind: 'info', message: `cash earned nothing on ${this.unknownRateBars} bars where the cash rate (${this.m.cashLabel}) was not known yet` });
    }
  }

  /** A delta closing the positions `which` picks, priced at bar t's closes. */
  private closeAll(t: number, mark: Float64Array, which: (k: number) => boolean): Float64Array {
    const q = this.m.portfolio.quantity;
    const delta = new Float64Array(q.length);
    this.fill.date = this.m.dates[t];
    this.fill.bar = t;
    for (let k = 0; k < q.length; k++) {
      this.price[k] = this.m.closes[k][t];
      this.fill.mark[k] = mark[k];
      if (q[k] !== 0 && which(k) && this.price[k] > 0) delta[k] = -q[k];
    }
    return delta;
  }
}
