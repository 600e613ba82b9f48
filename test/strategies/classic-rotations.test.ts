import { describe, expect, it } from 'vitest';
import { runBacktest, densePositions } from '../../engine/index.ts';
import { loadStrategy } from '../../strategies/index.ts';
import { days, tinyMarket, ZERO_COSTS } from '../helpers/tiny-market.ts';

const dates = days(50); // 2024-01-01 .. 2024-03-08; months start on bars 0, 23 (02-01) and 44 (03-01)
const feb = dates.indexOf('2024-02-01');
const mar = dates.indexOf('2024-03-01');
/** Grows by `a` per bar, then by `b` per bar over the five bars up to 03-01. */
const turn = mar - 5;
const path = (a: number, b = a) => dates.map((_, i) => 100 * (1 + a) ** Math.min(i, turn) * (1 + b) ** Math.max(0, i - turn));

async function run(name: string, series: Record<string, number[]>, params: Record<string, unknown>) {
  const market = tinyMarket(Object.fromEntries(Object.entries(series).map(([s, close]) => [s, { dates, close }])));
  const r = runBacktest({ market, strategy: await loadStrategy(name), params, settings: { fill: 'close', costs: ZERO_COSTS } });
  return { r, buys: r.trades.filter((t) => t.side === 'buy').map((t) => `${t.date.slice(5)} ${t.symbol}`) };
}

describe('classic rotations', () => {
  it('relative momentum holds the one with the higher trailing return, checked monthly', async () => {
    // Unknown on 01-01 (no 5-day history): the large-cap leg. By 02-01 IWM (+1%/day) leads SPY (flat).
    const { buys, r } = await run('relative-momentum', { IWM: path(0.01), SPY: path(0) }, { lookback: 5 });
    expect(buys).toEqual(['01-01 SPY', '02-01 IWM']);
    expect(r.decisions[1].summary).toBe(`IWM 5-day return above SPY 5-day return (+${((1.01 ** 5 - 1) * 100).toFixed(2)}% vs +0.00%) → rotate into IWM`);
    expect(feb).toBe(23);
  });

  it('dual momentum holds T-bills when even the leader trails them', async () => {
    // 01-01: nothing known, T-bills. 02-01: IWM (+1%/day) leads SPY (+0.5%/day) and beats BIL (+0.01%/day).
    // 03-01: both equity legs fell 5% a day for five days, BIL still rose: T-bills.
    const { buys } = await run('dual-momentum', { IWM: path(0.01, -0.05), SPY: path(0.005, -0.05), BIL: path(0.0001) }, { lookback: 5 });
    expect(buys).toEqual(['01-01 BIL', '02-01 IWM', '03-01 BIL']);
    expect(mar).toBe(44);
  });

  it('sector rotation holds the top N by trailing return, equally weighted, monthly', async () => {
    const sectors = { XA: path(0.002), XB: path(0.004), XC: path(0.006), XD: path(-0.001) };
    const { r } = await run('sector-rotation', sectors, { sectors: 'XA,XB,XC,XD', top: 2, lookback: 5 });
    expect(r.decisions.map((d) => d.date.slice(5))).toEqual(['01-01', '02-01', '03-01']);
    expect(r.decisions[0].summary).toBe('top 2 by 5-day return: unknown: XA, XB, XC, XD → hold XA 25% / XB 25% / XC 25% / XD 25%');
    expect(r.decisions[1].summary).toMatch(/^top 2 by 5-day return: XC \+3\.04%, XB \+2\.02%, XA \+1\.00%, XD −0\.50% → hold XC 50% \/ XB 50%$/);
    // What it holds, not what it says: the four sectors a quarter each at 01-01's close, then XC and XB half each of
    // the equity at 02-01's close (zero costs, fill at that close), nothing in XA and XD.
    const held = (date: string) => {
      const row = r.curve.dates.indexOf(date);
      const values = Array.from(densePositions(r.curve.positions, r.curve.symbols.length).subarray(row * 4, row * 4 + 4));
      return values.map((v) => Math.round((v / r.curve.equity[row]) * 1e9) / 1e9);
    };
    expect(r.universe).toEqual(['XA', 'XB', 'XC', 'XD']);
    expect(held(dates[0])).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(held(dates[feb])).toEqual([0, 0.5, 0.5, 0]);
    expect(held(dates[feb - 1]).every((w) => w > 0)).toBe(true);
  });

  it('sector rotation refuses more top sectors than it has', async () => {
    await expect(run('sector-rotation', { XA: path(0), XB: path(0) }, { sectors: 'XA,XB', top: 3 })).rejects.toThrow(
      'strategy sector-rotation: param top must be an integer in [1, 2] (the number of sectors), got 3',
    );
  });
});
