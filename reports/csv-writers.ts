import { positionBars, type DecisionRecord, type EquityCurve, type Trade } from '../engine/index.ts';

/**
 * A number cell as rotor writes it: the shortest text that reads back to the same double (money in CSVs must
 * round-trip exactly), empty where undefined.
 */
export function csvNumber(v: number): string {
  return Number.isFinite(v) ? String(v) : '';
}

/** `date,equity,cash` and one column per position value, one row per bar. */
export function equityCsv(curve: EquityCurve): string {
  const n = curve.symbols.length;
  // Built by concatenation, not as cell arrays joined: one of a run's largest files, written on cold code.
  let out = ['date', 'equity', 'cash', ...curve.symbols].join(',') + '\n';
  const { rowStart, column, value } = curve.positions;
  const kept = positionBars(curve.positions);
  for (let r = 0; r < curve.dates.length; r++) {
    let line = `${curve.dates[r]},${csvNumber(curve.equity[r])},${csvNumber(curve.cash[r])}`;
    // The bar's held symbols come in column order; every other column is 0 (empty when none were kept).
    let e = r < kept ? rowStart[r] : 0;
    const end = r < kept ? rowStart[r + 1] : 0;
    const other = r < kept ? ',0' : ',';
    for (let k = 0; k < n; k++) line += e < end && column[e] === k ? `,${csvNumber(value[e++])}` : other;
    out += line + '\n';
  }
  return out;
}

function quote(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `date,symbol,side,quantity,price,commission,slippage,reason`, one row per fill. */
export function tradesCsv(trades: readonly Trade[]): string {
  const lines = ['date,symbol,side,quantity,price,commission,slippage,reason'];
  for (const t of trades) {
    lines.push([t.date, t.symbol, t.side, csvNumber(t.quantity), csvNumber(t.price), csvNumber(t.commission), csvNumber(t.slippage), quote(t.reason)].join(','));
  }
  return lines.join('\n') + '\n';
}

/** `date,summary,detail`: the strategy's account of each decision, detail as JSON. */
export function decisionsCsv(decisions: readonly DecisionRecord[]): string {
  const lines = ['date,summary,detail'];
  for (const d of decisions) lines.push([d.date, quote(d.summary), d.detail ? quote(JSON.stringify(d.detail)) : ''].join(','));
  return lines.join('\n') + '\n';
}
