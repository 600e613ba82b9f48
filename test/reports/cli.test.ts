import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
    const names = ['report.md', 'report.html', 'report-equity.svg', 'report-drawdown.svg', 'round-trips.csv', 'prices.csv'];
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
    expect(bad.stderr).toMatch(/neither metrics.json \(rotor run\), sweep.json \(rotor sweep, rotor batch\) nor event-study.json \(rotor events\)/);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('rotor sweep writes report.md, report.html and curves.csv from its folder; `rotor report` rebuilds them byte for byte', () => {
    const out = join(tmp(), 'sweep');
    const r = rotor(['sweep', 'strategies/examples/streak-rotation.ts', '--from', '2010-01-04', '--grid', 'days=3..4', '--grid', 'hold=10,20,40', '--heatmap', 'hold,days', '--workers', '0', '--quiet', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const names = ['report.md', 'report.html', 'report-top-equity.svg', 'report-distribution.svg', 'report-heatmap.svg'];
    for (const n of [...names, 'curves.csv']) expect(existsSync(join(out, n)), n).toBe(true);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    // --heatmap hold,days: hold across, days down; a cell of a two-param grid is that trial's objective.
    const rows = readFileSync(join(out, 'trials.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const col = (n: string) => rows[0].indexOf(n);
    const trial = rows.find((x) => x[col('days')] === '4' && x[col('hold')] === '20')!;
    expect(md).toContain(`## sharpe over hold × days`);
    expect(md).toMatch(new RegExp(`\\| 4 \\| [^|]+ \\| ${Number(trial[col('sharpe')]).toFixed(3)} \\|`));
    // The top 5 curves, best first, each the daily equity of that trial's run.
    const curves = readFileSync(join(out, 'curves.csv'), 'utf8').trim().split('\n');
    const meta = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8'));
    expect(curves[0].split(',')[0]).toBe('date');
    expect(Number(curves[0].split(',')[1])).toBe(meta.best.trial);
    expect(curves[0].split(',')).toHaveLength(6);
    expect(curves.at(-1)!.split(',')[1]).toBe(readFileSync(join(out, 'best', 'equity.csv'), 'utf8').trim().split('\n').at(-1)!.split(',')[1]);
    expect(meta.report).toMatchObject({ title: 'streak-rotation', params: ['days', 'hold'], heatmap: ['hold', 'days'] });

    const before = Object.fromEntries(names.map((n) => [n, readFileSync(join(out, n), 'utf8')]));
    for (const n of names) rmSync(join(out, n));
    const again = rotor(['report', out]);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    for (const [n, text] of Object.entries(before)) expect(readFileSync(join(out, n), 'utf8'), n).toBe(text);
  });

  it('--heatmap naming a param the sweep does not vary is one line before anything runs', () => {
    const out = join(tmp(), 'never');
    const r = rotor(['sweep', 'strategies/examples/streak-rotation.ts', '--grid', 'days=3..4', '--grid', 'hold=10,20', '--heatmap', 'days,minGain', '--quiet', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('rotor: --heatmap days,minGain: minGain is not a param the sweep varies (days, hold)');
    expect(existsSync(out)).toBe(false);
  });

  it('rotor batch --no-html writes report.md with every run side by side and no report.html; `rotor report` rebuilds it', () => {
    const dir = tmp();
    const list = join(dir, 'runs.json');
    writeFileSync(list, JSON.stringify({ runs: [{ label: 'spy', strategy: 'buy-and-hold', params: { symbol: 'SPY' } }, { label: 'iwm', strategy: 'buy-and-hold', params: { symbol: 'IWM' }, from: '2015-01-02' }] }));
    const out = join(dir, 'batch');
    const r = rotor(['batch', list, '--from', '2010-01-04', '--benchmark', 'SPY', '--no-html', '--workers', '0', '--quiet', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(false);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    const trials = readFileSync(join(out, 'trials.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    // Each run's row carries its own figures, as trials.jsonl has them.
    expect(md).toContain(`| spy | 0 | buy-and-hold | 2010-01-04 → end |`);
    expect(md).toContain(`| iwm | 1 | buy-and-hold | 2015-01-02 → end |`);
    expect(md).toContain(`${(trials[1].metrics.cagr * 100).toFixed(2)}%`);
    expect(md).toContain('![Growth of 1, every run](report-growth.svg)');
    rmSync(join(out, 'report.md'));
    expect(rotor(['report', out, '--no-html']).status).toBe(0);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe(md);
    expect(existsSync(join(out, 'report.html'))).toBe(false);
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
