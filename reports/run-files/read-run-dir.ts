import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RotorError, sparsePositions, type DecisionRecord, type Trade } from '../../engine/index.ts';
import type { RunRecord } from '../run-record.ts';
import type { PriceSeries, RunReportInputs } from '../model/run-inputs.ts';
import { benchmarksOf } from '../model/metrics-table.ts';
import { numberCell, parseCsvText } from './csv-read.ts';

function read(dir: string, file: string): string {
  const path = join(dir, file);
  if (!existsSync(path)) throw new RotorError(`${path}: missing; \`rotor report\` rebuilds from the files \`rotor run\` wrote`);
  return readFileSync(path, 'utf8');
}

function expectHeader(file: string, header: string[], first: readonly string[]): void {
  if (first.some((h, i) => header[i] !== h)) throw new RotorError(`${file}: header ${header.join(',')}, expected it to start with ${first.join(',')}`);
}

/** What a run's report is built from, read back from the folder the run wrote. */
export function readRunDir(dir: string): RunReportInputs {
  let record: RunRecord;
  try {
    record = JSON.parse(read(dir, 'metrics.json')) as RunRecord;
  } catch (e) {
    if (e instanceof RotorError) throw e;
    throw new RotorError(`${join(dir, 'metrics.json')}: not valid JSON (${(e as Error).message})`);
  }
  if (!record?.metrics || !record.strategy || !record.data) throw new RotorError(`${join(dir, 'metrics.json')}: expected a run record with strategy, data and metrics`);

  const eq = parseCsvText(read(dir, 'equity.csv'), 'equity.csv');
  expectHeader('equity.csv', eq.header, ['date', 'equity', 'cash']);
  const symbols = eq.header.slice(3);
  const n = eq.rows.length;
  const dates = eq.rows.map((r) => r[0]);
  const equity = new Float64Array(n);
  const values = new Float64Array(n * symbols.length);
  eq.rows.forEach((r, i) => {
    equity[i] = numberCell(r[1], 'equity.csv', i + 2, 'equity');
    for (let k = 0; k < symbols.length; k++) values[i * symbols.length + k] = numberCell(r[3 + k], 'equity.csv', i + 2, symbols[k]);
  });
  const positions = sparsePositions(values, n, symbols.length);
  const barOf = new Map(dates.map((d, i) => [d, i]));

  const tr = parseCsvText(read(dir, 'trades.csv'), 'trades.csv');
  expectHeader('trades.csv', tr.header, ['date', 'symbol', 'side', 'quantity', 'price', 'commission', 'slippage', 'reason']);
  const trades: Trade[] = tr.rows.map((r, i) => {
    const line = i + 2;
    if (r[2] !== 'buy' && r[2] !== 'sell') throw new RotorError(`trades.csv:${line}: side "${r[2]}", expected buy or sell`);
    return {
      date: r[0],
      bar: barOf.get(r[0]) ?? -1,
      symbol: r[1],
      side: r[2],
      quantity: numberCell(r[3], 'trades.csv', line, 'quantity'),
      price: numberCell(r[4], 'trades.csv', line, 'price'),
      commission: numberCell(r[5], 'trades.csv', line, 'commission'),
      slippage: numberCell(r[6], 'trades.csv', line, 'slippage'),
      reason: r[7],
    };
  });

  const decisions: DecisionRecord[] = [];
  if (existsSync(join(dir, 'decisions.csv'))) {
    const dc = parseCsvText(read(dir, 'decisions.csv'), 'decisions.csv');
    dc.rows.forEach((r, i) => {
      let detail: Record<string, unknown> | undefined;
      if (r[2]) {
        try {
          detail = JSON.parse(r[2]) as Record<string, unknown>;
        } catch {
          throw new RotorError(`decisions.csv:${i + 2}: detail is not valid JSON`);
        }
      }
      decisions.push({ date: r[0], bar: barOf.get(r[0]) ?? -1, summary: r[1], ...(detail ? { detail } : {}) });
    });
  }

  // prices.csv came with the HTML reports; a folder written before it has no benchmark or price charts.
  const columns = new Map<string, Float64Array>();
  if (existsSync(join(dir, 'prices.csv'))) {
    const pc = parseCsvText(read(dir, 'prices.csv'), 'prices.csv');
    expectHeader('prices.csv', pc.header, ['date']);
    const at = pc.rows.map((r) => barOf.get(r[0]));
    pc.header.slice(1).forEach((s, k) => {
      const values = new Float64Array(n).fill(NaN);
      pc.rows.forEach((r, i) => {
        const bar = at[i];
        if (bar !== undefined) values[bar] = numberCell(r[k + 1], 'prices.csv', i + 2, s);
      });
      columns.set(s, values);
    });
  }
  const series = (s: string): PriceSeries | undefined => (columns.has(s) ? { symbol: s, prices: columns.get(s)! } : undefined);
  const benchmarks = benchmarksOf(record.metrics).map((b) => series(b.symbol)).filter((s): s is PriceSeries => s !== undefined);
  const traded = [...new Set(trades.map((t) => t.symbol))].map(series).filter((s): s is PriceSeries => s !== undefined);
  const trials = (record as RunRecord & { trials?: number }).trials;
  return { record, dates, equity, symbols, positions, trades, decisions, benchmarks, prices: traded, ...(typeof trials === 'number' ? { trials } : {}) };
}
