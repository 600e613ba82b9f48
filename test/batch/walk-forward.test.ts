import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSpace, coordinate, overfittingBlock, foldReturns, inProcessRunner, parseDuration, probeWindow, runWalkForward, type TrialRow, type WalkForwardSetup } from '../../batch/index.ts';
import { MarketData, PRICE_FIELDS, resolveRun, densePositions } from '../../engine/index.ts';
import { execute, loadRunData, loadStrategyRef, planRun } from '../../runs/index.ts';
import { CLOSE_OUT_REASON } from '../../batch/walk-forward/close-out.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'rotor-wf-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const { strategy, ref } = await loadStrategyRef('small-cap-streak');
const settings = { from: '2010-01-01', to: '2015-12-31', initialCash: 100_000 };
const { dataset, data } = loadRunData({}, [resolveRun(strategy, {}, settings)]);
const space = buildSpace(strategy.name, strategy.params ?? {}, { grid: [{ name: 'days', text: '2..4' }, { name: 'holdDays', text: '5,20' }], fixed: new Set() });
const setup: WalkForwardSetup = {
  strategy, ref, dataset, data, base: {}, settings, space,
  objective: 'sharpe', minimize: false, pboBlocks: 4,
  folds: { train: parseDuration('train', '2y'), test: parseDuration('test', '1y'), anchored: false },
};

/** Sweeps each fold in this thread; `stopIn` aborts that fold's sweep before it starts, as Ctrl-C would. */
function hooks(out: string, resume = false, stopIn?: number, ran?: number[]) {
  return {
    out,
    resume,
    sweep: async (plan: Parameters<typeof coordinate>[0]['plan'], context: Parameters<typeof coordinate>[0]['context'], dir: string, foldResume: boolean, fold: { index: number }) => {
      const abort = new AbortController();
      if (fold.index === stopIn) abort.abort();
      const r = await coordinate({ plan, out: dir, context, dataset: setup.dataset, runner: inProcessRunner(context), keep: 'none', resume: foldResume, workers: 0, chunkTimeoutMs: 60_000, signal: abort.signal, finish: () => ({}) });
      ran?.push(r.ran);
      return r;
    },
  };
}

function withPrices(from: number, factor: (bar: number) => number): WalkForwardSetup {
  const m = dataset.market;
  const copy = new MarketData(m.dates, m.symbols);
  copy.values.set(m.values);
  for (const s of m.symbols) for (const f of PRICE_FIELDS) {
    if (f === 'volume') continue;
    const col = copy.column(s, f);
    for (let i = from; i < col.length; i++) col[i] *= factor(i);
  }
  return { ...setup, dataset: { ...dataset, market: copy } };
}

const rowsOf = (file: string): TrialRow[] => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TrialRow);

describe('walk-forward on the synthetic sample', () => {
  const window = probeWindow(setup).window!;
  const out = tmp();
  const run = runWalkForward(setup, window, hooks(out));

  it('folds the window into 2y train and 1y test windows, test windows back to back', async () => {
    const r = await run;
    expect(r.status).toBe('complete');
    expect(r.folds.map((f) => [f.train.from, f.test.from, f.test.to])).toEqual([
      ['2010-01-04', '2012-01-03', '2012-12-31'],
      ['2011-01-03', '2013-01-02', '2013-12-31'],
      ['2012-01-03', '2014-01-02', '2014-12-31'],
      ['2013-01-02', '2015-01-02', '2015-12-31'],
    ]);
    expect(r.trials).toBe(4 * 6);
    expect(r.overfitting!.n).toBe(24);
    expect(r.overfitting!.oosDeflatedSharpe).toBeGreaterThanOrEqual(0);
    expect(r.overfitting!.oosDeflatedSharpe).toBeLessThanOrEqual(1);
  });

  it("chooses each fold's best trial by the objective from that fold's own ledger", async () => {
    const r = await run;
    for (const f of r.folds) {
      const rows = rowsOf(join(out, 'folds', String(f.index).padStart(2, '0'), 'trials.jsonl'));
      expect(rows).toHaveLength(6);
      const best = rows.filter((x) => x.objective !== null).sort((a, b) => b.objective! - a.objective! || a.trial - b.trial)[0];
      expect(f.chosen.trial).toBe(best.trial);
      expect(f.inSample.sharpe).toBe(best.objective);
      // The fold's overfitting block is the statistics' builder over that fold's ledger alone.
      expect(f.overfitting).toEqual((({ logits: _l, isOos: _p, ...b }) => b)(overfittingBlock(rows, { pboBlocks: 4, minimize: false })));
      expect(f.overfitting.n).toBe(6);
    }
  });

  it('the stitched curve is the folds\' test returns one after another, each window but the last sold at its last close', async () => {
    const r = await run;
    const stitched = r.stitched!.result;
    const got = foldReturns(stitched);
    const expected: number[] = [];
    const dates: string[] = [];
    const soldAt: string[] = [];
    for (const f of r.folds) {
      // Independently: each chosen trial run alone on its test window from the starting cash (returns do not
      // depend on the cash it starts with: no integer shares, no minimum commission).
      const plan = planRun(resolveRun(strategy, f.chosen.params, { ...settings, from: f.test.from, to: f.test.to }), ref, data);
      const { result } = execute(plan, dataset, { full: true });
      const returns = foldReturns(result!);
      if (f !== r.folds[r.folds.length - 1]) {
        // Selling long positions worth P at the last close: slippage P·s, commission on P·(1 − s) at bps/1e4.
        const c = result!.curve;
        const last = c.dates.length - 1;
        const { slippageBps, commissionBps } = result!.settings.costs;
        let cost = 0;
        for (let j = 0; j < c.symbols.length; j++) {
          const p = densePositions(c.positions, c.symbols.length)[last * c.symbols.length + j];
          expect(p).toBeGreaterThanOrEqual(0); // long only: the formula below is the sale's
          cost += p * (slippageBps / 1e4) + p * (1 - slippageBps / 1e4) * (commissionBps / 1e4);
        }
        if (cost > 0) soldAt.push(c.dates[last]);
        returns[last] = (c.equity[last] - cost) / (last ? c.equity[last - 1] : result!.settings.initialCash) - 1;
      }
      expected.push(...returns);
      dates.push(...result!.curve.dates);
      expect(f.outOfSample.sharpe).toBeCloseTo(execute(plan, dataset).outcome.metrics!.sharpe!, 10);
    }
    expect(soldAt.length).toBeGreaterThan(0);
    expect([...new Set(stitched.trades.filter((t) => t.reason === CLOSE_OUT_REASON).map((t) => t.date))]).toEqual(soldAt);
    expect(stitched.curve.dates).toEqual(dates);
    expect(got.length).toBe(expected.length);
    for (let i = 0; i < got.length; i++) expect(got[i]).toBeCloseTo(expected[i], 12);
    const metrics = JSON.parse(readFileSync(join(out, 'oos', 'metrics.json'), 'utf8')) as { metrics: { totalReturn: number } };
    expect(metrics.metrics.totalReturn).toBeCloseTo(expected.reduce((g, x) => g * (1 + x), 1) - 1, 10);
    const csv = readFileSync(join(out, 'folds.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(1 + r.folds.length);
    expect(csv[0]).toBe('fold,train_from,train_to,test_from,test_to,trials,failed,chosen_trial,days,holdDays,is_sharpe,oos_sharpe,is_totalReturn,oos_totalReturn,oos_maxDrawdown,is_dsr,pbo');
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('restart at each test window');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('data-chart="data-oos-equity"');
  });

  it("no look-ahead: changing prices from fold 2's test window on leaves folds 1 and 2's choices unchanged", async () => {
    const r = await run;
    const from = dataset.market.dates.indexOf(r.folds[1].test.from);
    const perturbed = withPrices(from, (bar) => 1 + 0.3 * Math.sin(bar / 7));
    const again = await runWalkForward(perturbed, window, hooks(tmp()));
    for (const k of [0, 1]) {
      expect(again.folds[k].chosen).toEqual(r.folds[k].chosen);
      expect(again.folds[k].inSample).toEqual(r.folds[k].inSample);
      expect(again.folds[k].overfitting).toEqual(r.folds[k].overfitting);
    }
    // The change is real: what fold 2 did out of sample differs.
    expect(again.folds[1].outOfSample.sharpe).not.toBe(r.folds[1].outOfSample.sharpe);
  });

  it('resumes after an interruption and ends with the same files as an uninterrupted run', async () => {
    const r = await run;
    const other = tmp();
    const stopped = await runWalkForward(setup, window, hooks(other, false, 3));
    expect(stopped.status).toBe('interrupted');
    expect(stopped.folds).toHaveLength(2);
    expect(JSON.parse(readFileSync(join(other, 'walk-forward.json'), 'utf8')).status).toBe('interrupted');
    const ran: number[] = [];
    const resumed = await runWalkForward(setup, window, hooks(other, true, undefined, ran));
    expect(resumed.status).toBe('complete');
    expect(ran).toEqual([0, 0, 6, 6]); // folds 1 and 2 were finished: nothing of them runs again
    for (const f of ['folds.csv', 'oos/metrics.json', 'oos/equity.csv', 'report.md', 'folds/03/trials.jsonl']) {
      expect(readFileSync(join(other, f), 'utf8')).toBe(readFileSync(join(out, f), 'utf8'));
    }
    expect(resumed.folds).toEqual(r.folds);
    await expect(runWalkForward({ ...setup, objective: 'cagr' }, window, hooks(other, true))).rejects.toThrow(/--resume: .* holds a different walk-forward/);
  });
});
