import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rotor } from '../helpers/run-cli.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../helpers/shared-data.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'rotor-model-'));

function rows(symbol: string, folder = 'prices'): string[][] {
  return readFileSync(join(SHARED_DATA, folder, `${symbol}.csv`), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
}

describe.skipIf(!HAVE_SHARED_DATA)('shorts, cash, benchmarks from the CLI on real data', () => {
  it('all cash earning BIL grows exactly as BIL does; DTB3 as its yields compounded from the day after each print', () => {
    const out = join(tmp(), 'bil');
    const args = ['run', 'fixed-weight', '--data', SHARED_DATA, '--param', 'weights=SPY:0', '--from', '2024-01-02', '--to', '2024-12-31', '--out', out];
    const r = rotor([...args, '--cash-rate', 'BIL', '--risk-free', 'BIL']);
    expect(r.stderr).toBe('');
    const bil = new Map(rows('BIL').map((c) => [c[0], Number(c[5])]));
    const equity = readFileSync(join(out, 'equity.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    // Telescoping daily returns: 100 000 × adj(2024-12-31) / adj(2024-01-02).
    expect(Number(equity.at(-1)![1])).toBeCloseTo((100_000 * bil.get('2024-12-31')!) / bil.get('2024-01-02')!, 6);
    const record = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(record.metrics.sharpe).toBeNull(); // no return above the risk-free rate
    expect(record.settings.cashRate).toEqual({ kind: 'symbol', symbol: 'BIL' });
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('| Interest on cash |');

    const out2 = join(tmp(), 'dtb3');
    expect(rotor([...args.slice(0, -1), out2, '--cash-rate', 'DTB3']).stderr).toBe('');
    const dtb3 = rows('DTB3', 'macro').filter((c) => c[1] !== '').map(([date, v]) => [date, Number(v)] as const);
    const dates = readFileSync(join(out2, 'equity.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    let cash = 100_000;
    for (let i = 1; i < dates.length; i++) {
      // Known at the previous close: the latest print dated before it (a daily series is out the next day).
      const y = dtb3.filter(([date]) => date < dates[i - 1]).at(-1)![1];
      cash *= Math.pow(1 + y / 100, 1 / 252);
    }
    const last = readFileSync(join(out2, 'equity.csv'), 'utf8').trim().split('\n').at(-1)!.split(',');
    expect(Number(last[1])).toBeCloseTo(cash, 6);
  });

  it('small-large-spread holds IWM long and SPY short after each RUT streak, pays borrow, compares with three benchmarks', () => {
    const out = join(tmp(), 'spread');
    const r = rotor(['run', 'small-large-spread', '--data', SHARED_DATA, '--from', '2024-01-02', '--to', '2024-12-31', '--borrow-bps', '50',
      '--benchmark', 'SPY,IWM,60/40:SPY:0.6,SHY:0.4', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const trades = readFileSync(join(out, 'trades.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    // The 2024-07-16 streak: decided at that close, filled at the next open; out 20 trading days later.
    expect(trades.map((t) => [t[0], t[1], t[2]])).toEqual([
      ['2024-07-17', 'SPY', 'sell'], ['2024-07-17', 'IWM', 'buy'], ['2024-08-14', 'IWM', 'sell'], ['2024-08-14', 'SPY', 'buy'],
    ]);
    const record = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(record.metrics.benchmarks.map((b: { symbol: string }) => b.symbol)).toEqual(['SPY', 'IWM', '60/40']);
    expect(record.metrics.benchmark.symbol).toBe('SPY');
    // Borrow: 50 bps / 252 a bar on the short's value at each close it was held (2024-07-17 … 2024-08-13).
    const spy = new Map(rows('SPY').map((c) => [c[0], Number(c[5])]));
    const shares = Number(trades[0][3]);
    let borrow = 0;
    for (const [date, p] of spy) if (date >= '2024-07-17' && date < '2024-08-14') borrow += (shares * p * 50) / 1e4 / 252;
    expect(record.metrics.trading.totalBorrow).toBeCloseTo(borrow, 9);
    expect(record.metrics.exposure.bySymbol.SPY).toBeLessThan(0);
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    expect(report).toContain('## Benchmarks');
    expect(report).toContain('| Borrow fees paid (shorts) |');
    // One model, two renderers: the HTML has the same blocks, and `rotor report` rebuilds both from the folder.
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    for (const h of ['Financing', 'Benchmarks']) expect(html).toContain(`<h2>${h}</h2>`);
    expect(html).toContain('<td class="text">Borrow fees paid (shorts)</td>');
    rmSync(join(out, 'report.md'));
    rmSync(join(out, 'report.html'));
    expect(rotor(['report', out]).status).toBe(0);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe(report);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe(html);
  });

  it('a held symbol whose data ends is sold at its last close and the run goes on (SPY ends 2025-09-26, XLK 2026-07-01)', () => {
    const out = join(tmp(), 'ends');
    const r = rotor(['run', 'fixed-weight', '--data', SHARED_DATA, '--param', 'weights=SPY:0.5,XLK:0.5', '--from', '2025-06-02', '--fill', 'close',
      '--commission-bps', '0', '--slippage-bps', '0', '--out', out]);
    expect(r.stderr).toBe('');
    const trades = readFileSync(join(out, 'trades.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const sale = trades.find((t) => t[7] === 'SPY data ends')!;
    const spyLast = rows('SPY').at(-1)!;
    expect([sale[0], sale[1], sale[2], Number(sale[4])]).toEqual([spyLast[0], 'SPY', 'sell', Number(spyLast[5])]);
    expect(trades.filter((t) => t[1] === 'SPY' && t[0] > spyLast[0])).toEqual([]);
    const equity = readFileSync(join(out, 'equity.csv'), 'utf8').trim().split('\n');
    expect(equity.at(-1)!.split(',')[0]).toBe(rows('XLK').at(-1)![0]);
    const record = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(record.notes.some((n: { kind: string }) => n.kind === 'delisted')).toBe(true);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain(`| ${spyLast[0]} | SPY | last price (data ends) |`);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(`<tr><td>${spyLast[0]}</td><td>SPY</td><td class="text">last price (data ends)</td>`);
  });

  it('maps engine field names to flags in errors', () => {
    const r = rotor(['run', 'buy-and-hold', '--data', SHARED_DATA, '--borrow-bps', '-3']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('rotor: --borrow-bps must be a number ≥ 0, got -3');
    const bad = rotor(['run', 'buy-and-hold', '--data', SHARED_DATA, '--cash-rate', 'NOPE']);
    expect(bad.stderr).toMatch(/^rotor: --cash-rate NOPE: expected an annual rate \(0\.02\), a macro series or a price symbol/);
  });
});
