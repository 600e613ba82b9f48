import { RotorError } from '../engine/errors.ts';
import type { SymbolBars } from '../engine/market/align.ts';
import { checkAscending, parseCsv, parseDate, parseNumber, requireColumns } from './csv-lines.ts';

/** rotor's price layout; the same as ../shared/data/prices. */
export const PRICE_COLUMNS = ['date', 'open', 'high', 'low', 'close', 'adj_close', 'volume'] as const;

/** Read one price file in rotor's layout, refusing what would corrupt a backtest (with file and line). */
export function readPrices(file: string, symbol: string, text: string): SymbolBars {
  const table = parseCsv(file, text);
  const at = requireColumns(table, PRICE_COLUMNS);
  const n = table.rows.length;
  if (n === 0) throw new RotorError(`${file}: no rows after the header`);
  const columns = {
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    adjClose: new Float64Array(n),
    volume: new Float64Array(n),
  };
  const dates: string[] = new Array(n);
  table.rows.forEach(({ line, cells }, i) => {
    dates[i] = parseDate(table, line, cells[at.date]);
    const o = (columns.open[i] = parseNumber(table, line, cells[at.open], 'open'));
    const h = (columns.high[i] = parseNumber(table, line, cells[at.high], 'high'));
    const l = (columns.low[i] = parseNumber(table, line, cells[at.low], 'low'));
    const c = (columns.close[i] = parseNumber(table, line, cells[at.close], 'close'));
    const a = (columns.adjClose[i] = parseNumber(table, line, cells[at.adj_close], 'adj_close'));
    columns.volume[i] = parseNumber(table, line, cells[at.volume], 'volume');
    for (const [name, v] of [['open', o], ['high', h], ['low', l], ['close', c], ['adj_close', a]] as const) {
      if (v <= 0) throw new RotorError(`${file}:${line}: ${name} must be > 0, found ${v}`);
    }
    if (Number.isNaN(c) && Number.isNaN(a)) throw new RotorError(`${file}:${line}: neither close nor adj_close is given`);
    if (h < l) throw new RotorError(`${file}:${line}: high ${h} is below low ${l}`);
    if (c > h || c < l) throw new RotorError(`${file}:${line}: close ${c} is outside [low ${l}, high ${h}]`);
  });
  checkAscending(file, dates, table.rows.map((r) => r.line));
  return { symbol, dates, columns };
}
