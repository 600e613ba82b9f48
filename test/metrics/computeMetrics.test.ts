import { describe, it, expect } from 'vitest';
import { computeMetrics, dailyReturns, drawdownSeries, periodReturns } from '../../engine/metrics/index.ts';
import { expectPlainJson, makeCurve, trade } from './helpers.ts';

/*
 * Hand-worked reference curve (synthetic: trades, positions and gross curve are chosen for easy arithmetic, they
 * need not be mutually consistent — the metrics only read them).
 *
 *  bar date        equity      daily r   running peak  drawdown
 *   0  2023-12-28  100            —        100           0
 *   1  2023-12-29  110         +0.10       110           0
 *   2  2024-01-02   99         −0.10       110          −0.10
 *   3  2024-01-31  108.9       +0.10       110          −0.01
 *   4  2024-02-01  130.68      +0.20       130.68        0      (recovers the 110 peak: 130.68 ≥ 110)
 *   5  2024-02-29  143.748     +0.10       143.748       0
 *   6  2025-01-02  114.9984    −0.20       143.748      −0.20
 *   7  2025-01-03  126.49824   +0.10       143.748      −0.12   (not recovered)
 *
 * Returns r = [.1, −.1, .1, .2, .1, −.2, .1], n = 7.
 *   Σr = 0.3, mean = 0.3/7 = 0.0428571
 *   Σr² = 5·0.01 + 2·0.04 = 0.13;  SS = Σr² − (Σr)²/n = 0.13 − 0.09/7 = 0.82/7
 *   sample var = SS/6 = 0.82/42;  vol = sqrt(0.82/42 · 252) = sqrt(4.92) = 2.2181073
 *   Sharpe (rf 0) = mean·√252/sd = mean·252/vol = 10.8/sqrt(4.92) = 4.869016
 *   Sortino (rf 0): downside² mean over all 7 days = (0.01 + 0.04)/7 = 0.05/7
 *     Sortino² = (0.09/49)·252/(0.05/7) = 64.8 → Sortino = sqrt(64.8) = 8.049845
 * Total return = 1.1·0.9·1.1·1.2·1.1·0.8·1.1 − 1 = 1.2649824 − 1 = 0.2649824
 * Calendar days 2023-12-28 → 2025-01-03 = 366 (to 2024-12-28, 2024 is a leap year) + 6 = 372
 *   years = 372/365.25 = 1.018480;  CAGR = 1.2649824^(365.25/372) − 1 ≈ 0.25960
 * Max drawdown −0.20: peak 2024-02-29, trough 2025-01-02, no recovery, duration = 7 − 5 = 2 bars.
 * Drawdown episodes: [peak bar 1 → recovery bar 4: 3 bars], [peak bar 5 → end bar 7: 2 bars]; longest = 3.
 * Calmar = CAGR/0.2 ≈ 1.29800
 * Best day +0.20 on 2024-02-01; worst day −0.20 on 2025-01-02.
 * Months: 2023-12: 110/100 − 1 = +0.10;  2024-01: 108.9/110 − 1 = −0.01;
 *         2024-02: 143.748/108.9 − 1 = +0.32;  2025-01: 126.49824/143.748 − 1 = −0.12
 *   best 2024-02 (+0.32), worst 2025-01 (−0.12), positive 2 of 4 = 0.5
 * Years: 2023: +0.10;  2024: 143.748/110 − 1 = +0.3068;  2025: −0.12 → best 2024, worst 2025.
 *
 * Positions: AAA = 0.5·equity on bars 1–7, BBB = 0.25·equity on bars 4–7, nothing on bar 0.
 *   exposure AAA = 7·0.5/8 = 0.4375;  BBB = 4·0.25/8 = 0.125;  time in market = 7/8;
 *   mean gross = (0 + 3·0.5 + 4·0.75)/8 = 0.5625
 *
 * Trades (commission c, slippage s):
 *   T1 bar1 buy  AAA 10 @ 5    c 1    s 0.5   lot A1: 10 @ 5, commission 0.1/share
 *   T2 bar3 sell AAA  4 @ 6    c 0.4  s 0.2   4 of A1: cost 4·(5 + 0.1) = 20.4, proceeds 4·(6 − 0.1) = 23.6 → WIN
 *   T3 bar4 buy  BBB  5 @ 10   c 1    s 0.1   lot B1: 5 @ 10, 0.2/share
 *   T4 bar5 buy  BBB  5 @ 12   c 1    s 0.1   lot B2: 5 @ 12, 0.2/share
 *   T5 bar6 sell AAA  6 @ 5.1  c 0.6  s 0.3   6 of A1: cost 6·5.1 = 30.6, proceeds 6·(5.1 − 0.1) = 30.0 → LOSS
 *                                              (a win before commissions: 30.6 > 30)
 *   T6 bar7 sell BBB  8 @ 11   c 1.6  s 0.2   0.2/share; 5 of B1: cost 5·10.2 = 51, proceeds 5·10.8 = 54 → WIN
 *                                              3 of B2: cost 3·12.2 = 36.6, proceeds 3·10.8 = 32.4 → LOSS
 *   → 6 trades, 4 round trips, 2 wins, 2 losses, win rate 0.5
 *   commission = 1 + .4 + 1 + 1 + .6 + 1.6 = 5.6;  slippage = .5 + .2 + .1 + .1 + .3 + .2 = 1.4
 *   notional = 50 + 24 + 50 + 60 + 30.6 + 88 = 302.6
 *   mean equity = 933.82464/8 = 116.72808
 *   turnover = 302.6/2/116.72808/(372/365.25) = 1.296175 · 0.981855 ≈ 1.27266
 *
 * Gross curve: 100 on bar 0, then 1.01 × net: 111.1, 99.99, 109.989, 131.9868, 145.18548, 116.148384, 127.7632224
 *   returns [.111, −.1, .1, .2, .1, −.2, .1]: Σ = 0.311, Σr² = 0.012321 + 0.13 − 0.01 = 0.132321
 *   vol² = (0.132321 − 0.311²/7)/6·252 = (0.132321 − 0.0138173)·42 = 4.977156 → vol ≈ 2.230954
 *   Sharpe = mean·252/vol = 0.311·36/vol = 11.196/2.230954 ≈ 5.01848
 *   total return = 1.2649824·1.01 − 1 = 0.277632224; CAGR = 1.277632224^(365.25/372) − 1
 *   max DD: peak 145.18548 → 116.148384 = −0.20
 */
const dates = [
  '2023-12-28', '2023-12-29', '2024-01-02', '2024-01-31',
  '2024-02-01', '2024-02-29', '2025-01-02', '2025-01-03',
];
const equity = [100, 110, 99, 108.9, 130.68, 143.748, 114.9984, 126.49824];
const gross = equity.map((e, i) => (i === 0 ? e : e * 1.01));
const symbols = ['AAA', 'BBB'];
const positionValues = equity.flatMap((e, i) => [i >= 1 ? 0.5 * e : 0, i >= 4 ? 0.25 * e : 0]);
const trades = [
  trade('2023-12-29', 1, 'AAA', 'buy', 10, 5, 1, 0.5),
  trade('2024-01-31', 3, 'AAA', 'sell', 4, 6, 0.4, 0.2),
  trade('2024-02-01', 4, 'BBB', 'buy', 5, 10, 1, 0.1),
  trade('2024-02-29', 5, 'BBB', 'buy', 5, 12, 1, 0.1),
  trade('2025-01-02', 6, 'AAA', 'sell', 6, 5.1, 0.6, 0.3),
  trade('2025-01-03', 7, 'BBB', 'sell', 8, 11, 1.6, 0.2),
];
const curve = makeCurve(dates, equity, { gross, symbols, positionValues });
const years = 372 / 365.25;
const cagr = Math.pow(1.2649824, 1 / years) - 1;

describe('computeMetrics on the hand-worked curve (rf = 0)', () => {
  const m = computeMetrics({ curve, trades, riskFree: 0 });

  it('span', () => {
    expect(m.start).toBe('2023-12-28');
    expect(m.end).toBe('2025-01-03');
    expect(m.bars).toBe(8);
    expect(m.years).toBeCloseTo(1.0184805, 6);
    expect(m.initialEquity).toBe(100);
    expect(m.finalEquity).toBeCloseTo(126.49824, 9);
  });

  it('return and risk', () => {
    expect(m.totalReturn).toBeCloseTo(0.2649824, 10);
    expect(m.cagr).toBeCloseTo(cagr, 10);
    expect(m.cagr).toBeCloseTo(0.2596, 3);
    expect(m.volatility).toBeCloseTo(Math.sqrt(4.92), 10);
    expect(m.volatility).toBeCloseTo(2.2181073, 6);
    expect(m.sharpe).toBeCloseTo(10.8 / Math.sqrt(4.92), 10);
    expect(m.sharpe).toBeCloseTo(4.869016, 5);
    expect(m.sortino).toBeCloseTo(Math.sqrt(64.8), 10);
    expect(m.sortino).toBeCloseTo(8.049845, 5);
    expect(m.calmar).toBeCloseTo(cagr / 0.2, 10);
  });

  it('drawdowns', () => {
    expect(m.maxDrawdown.depth).toBeCloseTo(-0.2, 12);
    expect(m.maxDrawdown.peakDate).toBe('2024-02-29');
    expect(m.maxDrawdown.troughDate).toBe('2025-01-02');
    expect(m.maxDrawdown.recoveryDate).toBeNull();
    expect(m.maxDrawdown.duration).toBe(2);
    expect(m.longestDrawdown).toEqual({ duration: 3, peakDate: '2023-12-29', recoveryDate: '2024-02-01' });
  });

  it('best / worst day, month, year', () => {
    expect(m.bestDay?.date).toBe('2024-02-01');
    expect(m.bestDay?.value).toBeCloseTo(0.2, 12);
    expect(m.worstDay?.date).toBe('2025-01-02');
    expect(m.worstDay?.value).toBeCloseTo(-0.2, 12);
    expect(m.bestMonth?.period).toBe('2024-02');
    expect(m.bestMonth?.ret).toBeCloseTo(0.32, 12);
    expect(m.worstMonth?.period).toBe('2025-01');
    expect(m.worstMonth?.ret).toBeCloseTo(-0.12, 12);
    expect(m.bestYear?.period).toBe('2024');
    expect(m.bestYear?.ret).toBeCloseTo(0.3068, 12);
    expect(m.worstYear?.period).toBe('2025');
    expect(m.worstYear?.ret).toBeCloseTo(-0.12, 12);
    expect(m.positiveMonths).toBe(0.5);
  });

  it('exposure', () => {
    expect(m.exposure.bySymbol.AAA).toBeCloseTo(0.4375, 12);
    expect(m.exposure.bySymbol.BBB).toBeCloseTo(0.125, 12);
    expect(m.exposure.timeInMarket).toBe(0.875);
    expect(m.exposure.meanGross).toBeCloseTo(0.5625, 12);
  });

  it('trading: FIFO round trips with commissions, costs, turnover', () => {
    expect(m.trading.trades).toBe(6);
    expect(m.trading.roundTrips).toBe(4);
    expect(m.trading.wins).toBe(2);
    expect(m.trading.losses).toBe(2);
    expect(m.trading.winRate).toBe(0.5);
    expect(m.trading.totalCommission).toBeCloseTo(5.6, 12);
    expect(m.trading.totalSlippage).toBeCloseTo(1.4, 12);
    expect(m.trading.notional).toBeCloseTo(302.6, 10);
    expect(m.trading.turnover).toBeCloseTo((151.3 / 116.72808) * (365.25 / 372), 10);
    expect(m.trading.turnover).toBeCloseTo(1.27266, 4);
  });

  it('gross headline', () => {
    const gVol = Math.sqrt((0.132321 - (0.311 * 0.311) / 7) * 42);
    expect(m.gross.totalReturn).toBeCloseTo(0.277632224, 10);
    expect(m.gross.cagr).toBeCloseTo(Math.pow(1.277632224, 1 / years) - 1, 10);
    expect(m.gross.volatility).toBeCloseTo(gVol, 10);
    expect(m.gross.volatility).toBeCloseTo(2.230954, 5);
    expect(m.gross.sharpe).toBeCloseTo(11.196 / gVol, 10);
    expect(m.gross.sharpe).toBeCloseTo(5.01848, 4);
    expect(m.gross.maxDrawdown).toBeCloseTo(-0.2, 12);
  });

  it('no benchmark → null; result is plain JSON with numbers where numbers are expected', () => {
    expect(m.benchmark).toBeNull();
    expectPlainJson(m);
    for (const v of [m.totalReturn, m.cagr, m.volatility, m.sharpe, m.sortino, m.calmar, m.trading.turnover]) {
      expect(typeof v).toBe('number');
    }
  });
});

describe('computeMetrics with a risk-free rate', () => {
  // rf = 5 % → rf_d = 1.05^(1/252) − 1 ≈ 0.00019363.
  // Sharpe: the stdev does not move when a constant is subtracted, so Sharpe = (0.3/7 − rf_d)·252/sqrt(4.92)
  //   ≈ 0.0426635·252/2.2181073 ≈ 4.84702.
  // Sortino: the up days stay above rf_d; the down days become −0.1 − rf_d and −0.2 − rf_d, so
  //   DD = sqrt(((0.1 + rf_d)² + (0.2 + rf_d)²)/7) ≈ 0.0846137 and Sortino = (0.3/7 − rf_d)/DD·√252 ≈ 8.0042.
  const rfd = Math.pow(1.05, 1 / 252) - 1;
  const m = computeMetrics({ curve, trades, riskFree: 0.05 });

  it('Sharpe and Sortino use daily excess returns', () => {
    expect(rfd).toBeCloseTo(0.00019363, 7);
    expect(m.riskFree).toBe(0.05);
    expect(m.sharpe).toBeCloseTo(((0.3 / 7 - rfd) * 252) / Math.sqrt(4.92), 10);
    expect(m.sharpe).toBeCloseTo(4.84702, 4);
    const dd = Math.sqrt(((0.1 + rfd) ** 2 + (0.2 + rfd) ** 2) / 7);
    expect(m.sortino).toBeCloseTo(((0.3 / 7 - rfd) / dd) * Math.sqrt(252), 10);
    expect(m.sortino).toBeCloseTo(8.0042, 3);
  });

  it('volatility and return figures do not depend on rf', () => {
    expect(m.volatility).toBeCloseTo(Math.sqrt(4.92), 10);
    expect(m.totalReturn).toBeCloseTo(0.2649824, 10);
  });
});

describe('reusable pieces', () => {
  it('dailyReturns has length n − 1, NaN after a non-positive value', () => {
    const r = dailyReturns(Float64Array.from([100, 110, 99, 0, 5]));
    expect(r.length).toBe(4);
    expect(r[0]).toBeCloseTo(0.1, 12);
    expect(r[1]).toBeCloseTo(-0.1, 12);
    expect(r[2]).toBe(-1);
    expect(r[3]).toBeNaN();
    expect(dailyReturns(new Float64Array(0)).length).toBe(0);
    expect(dailyReturns(Float64Array.from([1])).length).toBe(0);
  });

  it('drawdownSeries of the reference curve', () => {
    const dd = drawdownSeries(Float64Array.from(equity));
    const expected = [0, 0, -0.1, -0.01, 0, 0, -0.2, -0.12];
    expect(dd.length).toBe(8);
    expected.forEach((x, i) => expect(dd[i]).toBeCloseTo(x, 12));
  });

  it('periodReturns of the reference curve', () => {
    const months = periodReturns(dates, Float64Array.from(equity), 'month');
    expect(months.map((p) => p.period)).toEqual(['2023-12', '2024-01', '2024-02', '2025-01']);
    [0.1, -0.01, 0.32, -0.12].forEach((x, i) => expect(months[i].ret).toBeCloseTo(x, 12));
    const yrs = periodReturns(dates, Float64Array.from(equity), 'year');
    expect(yrs.map((p) => p.period)).toEqual(['2023', '2024', '2025']);
    [0.1, 0.3068, -0.12].forEach((x, i) => expect(yrs[i].ret).toBeCloseTo(x, 12));
  });
});
