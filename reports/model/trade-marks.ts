import type { Trade } from '../../engine/index.ts';
import { QTY_EPSILON } from '../../engine/metrics/trades.ts';

/** A fill drawn on the price chart: an entry (from flat), an exit (to flat), or a resize in between. */
export interface TradeMark {
  date: string;
  price: number;
  kind: 'entry' | 'exit' | 'resize';
  side: Trade['side'];
  quantity: number;
}

/** The fills of one symbol, each classed by the position it left: entries and exits are the ones a reader checks. */
export function tradeMarks(trades: readonly Trade[], symbol: string): TradeMark[] {
  let held = 0;
  const out: TradeMark[] = [];
  for (const t of trades) {
    if (t.symbol !== symbol) continue;
    const before = held;
    held += t.side === 'buy' ? t.quantity : -t.quantity;
    if (Math.abs(held) <= QTY_EPSILON) held = 0;
    const kind = Math.abs(before) <= QTY_EPSILON ? 'entry' : held === 0 ? 'exit' : 'resize';
    out.push({ date: t.date, price: t.price, kind, side: t.side, quantity: t.quantity });
  }
  return out;
}
