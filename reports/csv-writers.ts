import type { DecisionRecord, EquityCurve, Trade } from '../engine/index.ts';

/** Shortest text that reads back to the same double; money in CSVs must round-trip exactly. */
function num(v: number): string {
  return Number.isFinite(v) ? String(v) : '';
}

/** `date,equity,cash` and one column per position value, one row per bar. */
export function equityCsv(curve: EquityCurve): string {
  const n = curve.symbols.length;
  const lines = [['date', 'equity', 'cash', ...curve.symbols].join(',')];
  for (let r = 0; r < curve.dates.length; r++) {
    const cells = [curve.dates[r], num(curve.equity[r]), num(curve.cash[r])];
    for (let k = 0; k < n; k++) cells.push(num(curve.positionValues[r * n + k]));
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

function quote(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `date,symbol,side,quantity,price,commission,slippage,reason`, one row per fill. */
export function tradesCsv(trades: readonly Trade[]): string {
  const lines = ['date,symbol,side,quantity,price,commission,slippage,reason'];
  for (const t of trades) {
    lines.push([t.date, t.symbol, t.side, num(t.quantity), num(t.price), num(t.commission), num(t.slippage), quote(t.reason)].join(','));
  }
  return lines.join('\n') + '\n';
}

/** `date,summary,detail`: the strategy's account of each decision, detail as JSON. */
export function decisionsCsv(decisions: readonly DecisionRecord[]): string {
  const lines = ['date,summary,detail'];
  for (const d of decisions) lines.push([d.date, quote(d.summary), d.detail ? quote(JSON.stringify(d.detail)) : ''].join(','));
  return lines.join('\n') + '\n';
}
