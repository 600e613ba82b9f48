import { describe, it, expect } from 'vitest';
import { computeMetrics, roundTrips } from '../../engine/metrics/index.ts';
import { makeCurve, trade } from './helpers.ts';

describe('FIFO round trips', () => {
  // AAA buy 10 @ 10 c 5, sell 10 @ 11 c 5: cost 100 + 5 = 105, proceeds 110 − 5 = 105 → break-even → NOT a win
  //     (without commissions it would be a 10 profit)
  // BBB buy 10 @ 10 c 5, sell 10 @ 11.01 c 5: proceeds 110.1 − 5 = 105.1 > 105 → win, pnl 0.1
  // CCC sell 10 @ 20 c 1 (opens a short), buy 10 @ 18 c 1: proceeds 10·(20 − 0.1) = 199,
  //     cost 10·(18 + 0.1) = 181 → win, pnl 18
  // DDD buy 5 @ 10 (bar 0), buy 5 @ 20 (bar 1), sell 7 @ 15 c 0.7 (0.1/share, bar 2), sell 3 @ 25 (bar 3):
  //     5 from the 10-lot: cost 50, proceeds 5·14.9 = 74.5 → win (24.5)
  //     2 from the 20-lot: cost 40, proceeds 2·14.9 = 29.8 → loss (−10.2)
  //     3 from the 20-lot: cost 60, proceeds 75 → win (15)
  // Trades are listed out of bar order on purpose; matching follows the bar.
  const trades = [
    trade('d2', 2, 'CCC', 'buy', 10, 18, 1),
    trade('d0', 0, 'AAA', 'buy', 10, 10, 5),
    trade('d1', 1, 'AAA', 'sell', 10, 11, 5),
    trade('d0', 0, 'BBB', 'buy', 10, 10, 5),
    trade('d1', 1, 'BBB', 'sell', 10, 11.01, 5),
    trade('d0', 0, 'CCC', 'sell', 10, 20, 1),
    trade('d3', 3, 'DDD', 'sell', 3, 25),
    trade('d0', 0, 'DDD', 'buy', 5, 10),
    trade('d1', 1, 'DDD', 'buy', 5, 20),
    trade('d2', 2, 'DDD', 'sell', 7, 15, 0.7),
  ];

  it('matches lots first-in first-out, commissions included', () => {
    const rt = roundTrips(trades);
    const bySymbol = (s: string) => rt.filter((r) => r.symbol === s);
    const [a] = bySymbol('AAA');
    expect(a.cost).toBeCloseTo(105, 12);
    expect(a.proceeds).toBeCloseTo(105, 12);
    expect(a.win).toBe(false);
    const [b] = bySymbol('BBB');
    expect(b.pnl).toBeCloseTo(0.1, 9);
    expect(b.win).toBe(true);
    const [c] = bySymbol('CCC');
    expect(c.direction).toBe('short');
    expect(c.openDate).toBe('d0');
    expect(c.closeDate).toBe('d2');
    expect(c.proceeds).toBeCloseTo(199, 12);
    expect(c.cost).toBeCloseTo(181, 12);
    expect(c.win).toBe(true);
    const d = bySymbol('DDD');
    expect(d.map((r) => r.quantity)).toEqual([5, 2, 3]);
    expect(d.map((r) => r.openDate)).toEqual(['d0', 'd1', 'd1']);
    [24.5, -10.2, 15].forEach((x, i) => expect(d[i].pnl).toBeCloseTo(x, 9));
    expect(d.map((r) => r.win)).toEqual([true, false, true]);
    expect(rt.length).toBe(6);
  });

  it('summarises in computeMetrics: 6 round trips, 4 wins', () => {
    const m = computeMetrics({
      curve: makeCurve(['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'], [1000, 1000, 1000, 1000]),
      trades,
      riskFree: 0,
    });
    expect(m.trading.trades).toBe(10);
    expect(m.trading.roundTrips).toBe(6);
    expect(m.trading.wins).toBe(4);
    expect(m.trading.losses).toBe(2);
    expect(m.trading.winRate).toBeCloseTo(4 / 6, 12);
    // commissions 5 + 5 + 5 + 5 + 1 + 1 + 0.7 = 22.7
    expect(m.trading.totalCommission).toBeCloseTo(22.7, 12);
    expect(m.trading.totalSlippage).toBe(0);
    // notional 100 + 110 + 100 + 110.1 + 200 + 180 + 50 + 100 + 105 + 75 = 1130.1
    expect(m.trading.notional).toBeCloseTo(1130.1, 9);
    // turnover = 1130.1 / 2 / 1000 / (3/365.25)
    expect(m.trading.turnover).toBeCloseTo((1130.1 / 2 / 1000) * (365.25 / 3), 9);
  });

  it('no trades: zero counts, null win rate, zero turnover', () => {
    const m = computeMetrics({ curve: makeCurve(['2024-01-02', '2024-01-03'], [100, 101]), trades: [], riskFree: 0 });
    expect(m.trading).toEqual({
      trades: 0,
      notional: 0,
      turnover: 0,
      roundTrips: 0,
      wins: 0,
      losses: 0,
      winRate: null,
      profitFactor: null,
      expectancy: null,
      averageReturn: null,
      averageHoldingDays: null,
      totalCommission: 0,
      totalSlippage: 0,
      totalBorrow: 0,
      interest: 0,
    });
  });

  it('buys only: no round trip', () => {
    expect(roundTrips([trade('d0', 0, 'X', 'buy', 1, 1), trade('d1', 1, 'X', 'buy', 1, 2)])).toEqual([]);
  });
});
