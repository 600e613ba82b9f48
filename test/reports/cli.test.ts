import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../engine/index.ts';
import { computeMetrics } from '../../engine/metrics/index.ts';
import { buildRunModel, inputsFromResult, runCharts, runHtml, type RunRecord } from '../../reports/index.ts';
import { momentumRotation } from '../../bench/momentum-rotation.ts';
import { syntheticMarket } from '../../bench/synthetic-market.ts';
import { rotor } from '../helpers/run-cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'rotor-report-'));

describe('rotor run / rotor report', () => {
  it('writes report.html, report.md with its SVG images, round-trips.csv and prices.csv; `rotor report` rebuilds them byte for byte', () => {
    const out = join(tmp(), 'run');
    const r = rotor(['run', 'dual-momentum', '--benchmark', 'SPY', '--from', '2012-01-03', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const names = ['report.md', 'report.html', 'report-equity.svg', 'report-drawdown.svg', 'report-monthly.svg', 'round-trips.csv', 'prices.csv'];
    for (const n of names) expect(existsSync(join(out, n)), n).toBe(true);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('![Cumulative return against the benchmark](report-equity.svg)');
    expect(md).toContain('| Sharpe |');
    expect(readFileSync(join(out, 'report-equity.svg'), 'utf8')).toMatch(/^<svg/);
    const trips = readFileSync(join(out, 'round-trips.csv'), 'utf8').trim().split('\n');
    expect(trips[0]).toBe('symbol,direction,entry_date,exit_date,holding_days,quantity,cost,proceeds,pnl,return');
    const record = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(trips).toHaveLength(record.metrics.trading.roundTrips + 1);

    const before = Object.fromEntries(names.filter((n) => n.startsWith('report')).map((n) => [n, readFileSync(join(out, n), 'utf8')]));
    for (const n of Object.keys(before)) rmSync(join(out, n));
    const again = rotor(['report', out]);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    for (const [n, text] of Object.entries(before)) expect(readFileSync(join(out, n), 'utf8'), n).toBe(text);
  });

  it('--no-html writes no report.html; `rotor report` on a folder without run files says what it needs', () => {
    const out = join(tmp(), 'run');
    const r = rotor(['run', 'buy-and-hold', '--from', '2020-01-02', '--no-html', '--out', out]);
    expect(r.status).toBe(0);
    expect(existsSync(join(out, 'report.md'))).toBe(true);
    expect(existsSync(join(out, 'report.html'))).toBe(false);
    const empty = tmp();
    const bad = rotor(['report', empty]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/neither metrics.json \(rotor run\) nor event-study.json \(rotor events\)/);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('the HTML report of a 30-year daily run stays under 2 MB', () => {
    const market = syntheticMarket(10, 7_560, 7);
    const result = runBacktest({ market, strategy: momentumRotation(market.symbols, 0.3, 126), settings: { benchmark: market.symbols[0] } });
    const metrics = computeMetrics({ curve: result.curve, trades: result.trades, riskFree: 0, benchmark: result.benchmark });
    const d = result.curve.dates;
    const record: RunRecord = {
      rotor: 'test', runKey: 'k', strategy: { ...result.strategy, ref: 'bench-momentum-rotation', sha256: '0'.repeat(64) }, settings: result.settings, metrics, notes: [],
      data: { dir: 'synthetic', synthetic: true, hash: '0'.repeat(64), files: [], macro: [], vintage: 'first', warnings: [], from: d[0], to: d[d.length - 1], bars: d.length },
    };
    const model = buildRunModel(inputsFromResult(record, result, market));
    const html = runHtml(model, runCharts(model));
    expect(Buffer.byteLength(html)).toBeLessThan(2 * 2 ** 20);
    // One inlined ECharts, with its licence notice.
    expect(html.split('Apache ECharts 6.1.0, licensed under the Apache License').length).toBe(2);
  });
});
