import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../engine/index.ts';
import { loadDataset } from '../../datasets/index.ts';
import { loadStrategy } from '../../strategies/index.ts';
import { HAVE_SHARED_DATA, SHARED_DATA } from '../helpers/shared-data.ts';

function adjCloses(symbol: string): [string, number][] {
  return readFileSync(join(SHARED_DATA, 'prices', `${symbol}.csv`), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')).map((c) => [c[0], Number(c[5])]);
}

describe.skipIf(!HAVE_SHARED_DATA)('trend and risk-weighted rotations on ../shared/data', () => {
  it("trend-rotation: each month end, SPY held exactly when its close is above the mean of the last 10 month-end closes (computed here from the CSV)", async () => {
    const strategy = await loadStrategy('trend-rotation');
    const ds = loadDataset(SHARED_DATA, ['SPY'], []);
    const r = runBacktest({ market: ds.market, strategy, params: { assets: 'SPY' }, settings: { from: '2005-01-03', to: '2024-12-31' } });
    // Month ends from the data itself (the last row of each month; the NYSE calendar agrees on SPY's dates).
    const rows = adjCloses('SPY');
    const monthEnds = rows.filter((row, i) => i + 1 === rows.length || rows[i + 1][0].slice(0, 7) !== row[0].slice(0, 7));
    let checked = 0;
    let flips = 0;
    let previous: boolean | undefined;
    for (const d of r.decisions.slice(1)) {
      const k = monthEnds.findIndex(([date]) => date === d.date);
      expect(k).toBeGreaterThan(9); // every decision after the first is on a month end
      const avg = monthEnds.slice(k - 9, k + 1).reduce((a, [, c]) => a + c, 0) / 10;
      const inTrend = monthEnds[k][1] > avg;
      expect((d.detail as { above: Record<string, boolean> }).above.SPY).toBe(inTrend);
      expect((d.detail as { weights: Record<string, number> }).weights).toEqual(inTrend ? { SPY: 1 } : {});
      if (previous !== undefined && previous !== inTrend) flips++;
      previous = inTrend;
      checked++;
    }
    expect(checked).toBe(240); // 20 years of month ends
    expect(flips).toBeGreaterThan(10);
    // Out of the market through the worst of 2008: the 2008-10-31 decision is cash.
    expect((r.decisions.find((d) => d.date === '2008-10-31')!.detail as { weights: object }).weights).toEqual({});
  });

  it('inverse-vol-sectors: weights are 1/σ of 63 daily returns, normalised (σ computed here from the CSV)', async () => {
    const strategy = await loadStrategy('inverse-vol-sectors');
    const sectors = ['XLB', 'XLE', 'XLF', 'XLI', 'XLK', 'XLP', 'XLU', 'XLV', 'XLY'];
    const ds = loadDataset(SHARED_DATA, sectors, []);
    const r = runBacktest({ market: ds.market, strategy, params: { cap: 1 }, settings: { from: '2020-01-02', to: '2020-12-31' } });
    const decision = r.decisions.find((d) => d.date === '2020-04-01')!;
    const inv = sectors.map((s) => {
      const rows = adjCloses(s);
      const k = rows.findIndex(([date]) => date === '2020-04-01');
      const rets = rows.slice(k - 63, k + 1).map(([, c], i, a) => (i ? c / a[i - 1][1] - 1 : NaN)).slice(1);
      const mean = rets.reduce((a, x) => a + x, 0) / 63;
      const sd = Math.sqrt(rets.reduce((a, x) => a + (x - mean) ** 2, 0) / 62);
      return 1 / sd;
    });
    const total = inv.reduce((a, x) => a + x, 0);
    expect(Math.max(...inv) / total).toBeGreaterThan(0.12);
    const weights = (decision.detail as { weights: Record<string, number> }).weights;
    sectors.forEach((s, i) => expect(weights[s]).toBeCloseTo(inv[i] / total, 9));
    // With a 12% cap the calmest sectors (above 12% uncapped) are held at 12% and the rest share the excess.
    const capped = runBacktest({ market: ds.market, strategy, params: { cap: 0.12 }, settings: { from: '2020-01-02', to: '2020-12-31' } });
    const w2 = (capped.decisions.find((d) => d.date === '2020-04-01')!.detail as { weights: Record<string, number> }).weights;
    expect(Math.max(...Object.values(w2))).toBeCloseTo(0.12, 12);
    expect(Object.values(w2).reduce((a, x) => a + x, 0)).toBeCloseTo(1, 12);
  });
});
