/**
 * The hand-written "story" of the synthetic world: a few anchor levels, stress windows and macro regimes, loosely
 * shaped like 1995–2024 (a late-90s boom, two deep bear markets with recessions, a sharp 2020-style crash, an
 * inflation spike followed by hikes). Between anchors every path is random. The anchors exist so that the sample
 * has the episodes a rotation or macro-gate strategy needs to react to, and so that market and macro series agree
 * on when the recessions are; they are rounded, made-up numbers, not historical values.
 *
 * Everything here is data, kept apart from the code that turns it into paths.
 */

export const SEED = 20241231;

export const MARKET_START = '1995-01-03';
export const MARKET_END = '2024-12-31';
/** Macro series start a year before the market so that year-over-year values exist on the first trading day. */
export const MACRO_START_YEAR = 1994;
export const MACRO_END_YEAR = 2024;
/** Daily policy rates run past the market end so that the December average and January releases exist. */
export const RATES_END = '2025-01-31';

export interface LevelAnchor {
  date: string;
  level: number;
}

/** Synthetic large-cap index closes at a few turning points; the first is the starting level. */
export const LARGE_CAP_ANCHORS: LevelAnchor[] = [
  { date: '1995-01-03', level: 500 },
  { date: '2000-03-24', level: 1500 },
  { date: '2002-10-09', level: 800 },
  { date: '2007-10-09', level: 1550 },
  { date: '2009-03-09', level: 700 },
  { date: '2011-04-29', level: 1350 },
  { date: '2011-10-03', level: 1100 },
  { date: '2011-12-30', level: 1210 },
  { date: '2012-12-31', level: 1430 },
  { date: '2013-12-31', level: 1820 },
  { date: '2014-12-29', level: 2080 },
  { date: '2016-02-11', level: 1830 },
  { date: '2018-09-20', level: 2900 },
  { date: '2018-12-24', level: 2350 },
  { date: '2020-02-19', level: 3350 },
  { date: '2020-03-23', level: 2250 },
  { date: '2022-01-03', level: 4750 },
  { date: '2022-10-12', level: 3600 },
  { date: '2024-12-31', level: 5900 },
];

/**
 * Synthetic small-cap index at its own turning points. Small caps lag in the late 90s, lead from 2000 to 2007 and
 * in 2020–21, then lag again: the relative swings a size-rotation strategy is about.
 */
export const SMALL_CAP_ANCHORS: LevelAnchor[] = [
  { date: '1995-01-03', level: 250 },
  { date: '1998-04-21', level: 480 },
  { date: '1998-10-08', level: 320 },
  { date: '2000-03-09', level: 600 },
  { date: '2002-10-09', level: 340 },
  { date: '2007-07-13', level: 850 },
  { date: '2009-03-09', level: 350 },
  { date: '2011-04-29', level: 860 },
  { date: '2011-10-03', level: 610 },
  { date: '2018-08-31', level: 1740 },
  { date: '2018-12-24', level: 1270 },
  { date: '2020-02-19', level: 1700 },
  { date: '2020-03-18', level: 990 },
  { date: '2021-11-08', level: 2440 },
  { date: '2022-06-16', level: 1650 },
  { date: '2024-11-25', level: 2460 },
  { date: '2024-12-31', level: 2230 },
];

/** Daily volatility of the market factor outside stress windows (annualised). */
export const MARKET_BASE_VOL = 0.15;
export const GARCH = { alpha: 0.08, beta: 0.9, dof: 4, clip: 7 } as const;

/** Small caps: beta on the market factor and idiosyncratic volatility as a multiple of the market's. */
export const SMALL_CAP = { beta: 1.1, idioRatio: 0.825 } as const;

export interface StressWindow {
  from: string;
  to: string;
  /** Multiplier on the daily standard deviation inside the window; it decays after `to`. */
  volMultiplier: number;
}

/** Trading days for a stress multiplier to fade back towards 1 after its window closes (e-folding time). */
export const STRESS_DECAY_DAYS = 25;

export const STRESS_WINDOWS: StressWindow[] = [
  { from: '1997-10-20', to: '1997-11-07', volMultiplier: 1.8 },
  { from: '1998-08-03', to: '1998-10-15', volMultiplier: 2.0 },
  { from: '2000-04-03', to: '2002-10-31', volMultiplier: 1.4 },
  { from: '2001-09-17', to: '2001-10-05', volMultiplier: 2.2 },
  { from: '2002-06-24', to: '2002-10-18', volMultiplier: 1.6 },
  { from: '2007-07-23', to: '2008-08-29', volMultiplier: 1.4 },
  { from: '2008-09-15', to: '2008-12-31', volMultiplier: 3.2 },
  { from: '2009-01-02', to: '2009-04-30', volMultiplier: 2.2 },
  { from: '2010-05-06', to: '2010-06-11', volMultiplier: 1.7 },
  { from: '2011-08-01', to: '2011-10-14', volMultiplier: 2.3 },
  { from: '2015-08-20', to: '2015-09-11', volMultiplier: 1.7 },
  { from: '2018-02-02', to: '2018-02-14', volMultiplier: 1.9 },
  { from: '2018-12-03', to: '2018-12-31', volMultiplier: 1.7 },
  { from: '2020-02-24', to: '2020-04-14', volMultiplier: 4.0 },
  { from: '2020-04-15', to: '2020-06-30', volMultiplier: 1.8 },
  { from: '2022-01-18', to: '2022-10-31', volMultiplier: 1.4 },
];

/**
 * Planted small-cap rallies: five or six consecutive daily gains above 1 % (rare in real data; they exist so that
 * streak-based signals have something to find). Returns are close-to-close small-cap moves; the market factor moves
 * with them by `marketShare` so that the rally is broad, as real ones are.
 */
export interface PlantedRally {
  start: string;
  smallCapReturns: number[];
}

export const PLANTED_RALLIES: PlantedRally[] = [
  { start: '1998-10-15', smallCapReturns: [0.0182, 0.0124, 0.0147, 0.0113, 0.0168] },
  { start: '2002-10-10', smallCapReturns: [0.0231, 0.0156, 0.0272, 0.0119, 0.0134, 0.0128] },
  { start: '2009-03-10', smallCapReturns: [0.0576, 0.0214, 0.0353, 0.0142, 0.0188] },
  { start: '2020-11-04', smallCapReturns: [0.0153, 0.0201, 0.0578, 0.0232, 0.0143, 0.0118] },
];
export const RALLY_MARKET_SHARE = 0.6;

export interface SectorSpec {
  symbol: string;
  name: string;
  beta: number;
  /** Annualised idiosyncratic volatility in calm markets. */
  idioVol: number;
  startPrice: number;
  /** Net dividend yield, annual. */
  yield: number;
  /** Cumulative idiosyncratic log-performance at dates (0 at the start): the sector's own story. */
  relative: { date: string; value: number }[];
  /** Volume scale relative to the generic sector ETF. */
  volumeScale: number;
}

export const SECTOR_START = '1998-12-22';

export const SECTORS: SectorSpec[] = [
  { symbol: 'XLB', name: 'materials', beta: 1.05, idioVol: 0.12, startPrice: 20.5, yield: 0.02, volumeScale: 1,
    relative: [{ date: '2008-05-30', value: 0.25 }, { date: '2024-12-31', value: -0.1 }] },
  { symbol: 'XLE', name: 'energy', beta: 0.95, idioVol: 0.17, startPrice: 23.2, yield: 0.028, volumeScale: 1.6,
    relative: [{ date: '2000-03-24', value: -0.25 }, { date: '2008-06-30', value: 0.9 }, { date: '2016-01-20', value: 0.0 },
      { date: '2020-10-28', value: -0.6 }, { date: '2022-11-01', value: 0.0 }, { date: '2024-12-31', value: -0.1 }] },
  { symbol: 'XLF', name: 'financials', beta: 1.2, idioVol: 0.1, startPrice: 18.4, yield: 0.019, volumeScale: 4,
    relative: [{ date: '2007-02-20', value: 0.1 }, { date: '2009-03-06', value: -0.8 }, { date: '2024-12-31', value: -0.45 }] },
  { symbol: 'XLI', name: 'industrials', beta: 1.05, idioVol: 0.08, startPrice: 24.1, yield: 0.018, volumeScale: 1,
    relative: [{ date: '2024-12-31', value: 0.05 }] },
  { symbol: 'XLK', name: 'technology', beta: 1.3, idioVol: 0.09, startPrice: 31.3, yield: 0.01, volumeScale: 1.2,
    relative: [{ date: '2000-03-24', value: 0.35 }, { date: '2002-10-09', value: -0.4 }, { date: '2024-12-31', value: 0.05 }] },
  { symbol: 'XLP', name: 'consumer staples', beta: 0.6, idioVol: 0.1, startPrice: 25.3, yield: 0.025, volumeScale: 1,
    relative: [{ date: '2000-03-24', value: -0.2 }, { date: '2024-12-31', value: 0.15 }] },
  { symbol: 'XLU', name: 'utilities', beta: 0.6, idioVol: 0.1, startPrice: 29.4, yield: 0.035, volumeScale: 1,
    relative: [{ date: '2024-12-31', value: 0.05 }] },
  { symbol: 'XLV', name: 'health care', beta: 0.75, idioVol: 0.1, startPrice: 26.2, yield: 0.015, volumeScale: 1,
    relative: [{ date: '2024-12-31', value: 0.25 }] },
  { symbol: 'XLY', name: 'consumer discretionary', beta: 1.1, idioVol: 0.08, startPrice: 25.1, yield: 0.012, volumeScale: 1,
    relative: [{ date: '2024-12-31', value: 0.15 }] },
];

export interface FundSpec {
  symbol: string;
  start: string;
  /** Fund price per unit of underlying index at the start. */
  ratio: number;
  yield: number;
  /** Standard deviation of the daily tracking noise. */
  trackingNoise: number;
  volumeScale: number;
}

export const SPY: FundSpec = { symbol: 'SPY', start: MARKET_START, ratio: 0.1, yield: 0.018, trackingNoise: 0.0004, volumeScale: 60e6 };
export const IWM: FundSpec = { symbol: 'IWM', start: '2000-05-26', ratio: 0.1, yield: 0.012, trackingNoise: 0.0007, volumeScale: 30e6 };
export const SECTOR_VOLUME_SCALE = 3e6;

export const BIL = {
  symbol: 'BIL',
  start: '2007-05-30',
  startPrice: 91.6,
  /** Annual expense ratio: with near-zero bill yields the price drifts down and no dividend is paid. */
  expense: 0.00135,
  /** T-bill yield below the policy rate, percentage points. */
  billSpread: 0.1,
  noise: 0.00004,
  volumeAnchors: [
    { date: '2007-05-30', value: 20e3 },
    { date: '2009-06-01', value: 400e3 },
    { date: '2015-06-01', value: 1.5e6 },
    { date: '2020-03-16', value: 6e6 },
    { date: '2024-12-31', value: 9e6 },
  ],
};

/** Relative ETF trading activity through time (ETFs grow from niche to mainstream; panics spike volume). */
export const ETF_ACTIVITY: { date: string; value: number }[] = [
  { date: '1995-01-03', value: 0.008 },
  { date: '1998-01-02', value: 0.05 },
  { date: '2000-06-01', value: 0.15 },
  { date: '2003-01-02', value: 0.5 },
  { date: '2005-06-01', value: 0.8 },
  { date: '2008-10-10', value: 3.0 },
  { date: '2010-06-01', value: 1.8 },
  { date: '2013-06-03', value: 1.0 },
  { date: '2017-06-01', value: 0.8 },
  { date: '2020-03-16', value: 2.5 },
  { date: '2022-06-01', value: 1.2 },
  { date: '2024-12-31', value: 0.9 },
];


// ---------------------------------------------------------------------------------------------------------------
// Macro

/** A value at a month, linearly interpolated between anchors. Month is 'YYYY-MM'. */
export interface MonthAnchor {
  month: string;
  value: number;
}

/**
 * Underlying annualised CPI inflation (%) by month. The 2008 energy collapse gives a brief deflation; the 2021–22
 * spike lifts year-over-year inflation to about 8 %.
 */
export const INFLATION: MonthAnchor[] = [
  { month: '1994-01', value: 2.6 },
  { month: '1996-06', value: 3.0 },
  { month: '1998-06', value: 1.5 },
  { month: '2000-06', value: 3.5 },
  { month: '2002-01', value: 1.2 },
  { month: '2003-01', value: 2.5 },
  { month: '2005-09', value: 4.5 },
  { month: '2006-09', value: 1.5 },
  { month: '2007-06', value: 3.0 },
  { month: '2008-06', value: 6.0 },
  { month: '2008-11', value: -8.0 },
  { month: '2009-03', value: -1.0 },
  { month: '2009-09', value: 2.5 },
  { month: '2010-06', value: 1.0 },
  { month: '2011-06', value: 3.4 },
  { month: '2012-06', value: 1.5 },
  { month: '2014-01', value: 1.5 },
  { month: '2015-01', value: -1.0 },
  { month: '2016-01', value: 1.0 },
  { month: '2018-06', value: 2.8 },
  { month: '2019-06', value: 1.6 },
  { month: '2020-01', value: 2.4 },
  { month: '2020-04', value: -6.0 },
  { month: '2020-07', value: 2.0 },
  { month: '2021-03', value: 5.0 },
  { month: '2021-06', value: 8.0 },
  { month: '2022-06', value: 9.0 },
  { month: '2022-09', value: 3.0 },
  { month: '2023-06', value: 3.0 },
  { month: '2024-12', value: 2.7 },
];
/** NSA seasonal pattern of monthly CPI changes, percentage points, summing to zero over a year (Jan..Dec). */
export const CPI_SEASONAL = [0.25, 0.2, 0.2, 0.1, 0.05, 0, -0.05, -0.05, 0, -0.1, -0.3, -0.3];
export const CPI_START = 146.3;
/** A month with no observation, like a real collection gap during a government shutdown. */
export const CPI_MISSING_MONTH = '2013-10';
/** The release before the gap is delayed by the same shutdown. */
export const CPI_DELAYED_RELEASES: Record<string, string> = { '2013-09': '2013-10-30' };

export const UNEMPLOYMENT: MonthAnchor[] = [
  { month: '1994-01', value: 6.6 },
  { month: '1995-01', value: 5.6 },
  { month: '1996-06', value: 5.3 },
  { month: '2000-04', value: 3.9 },
  { month: '2000-12', value: 3.9 },
  { month: '2001-12', value: 5.7 },
  { month: '2003-06', value: 6.2 },
  { month: '2006-10', value: 4.4 },
  { month: '2007-05', value: 4.4 },
  { month: '2008-06', value: 5.6 },
  { month: '2009-10', value: 10.0 },
  { month: '2010-12', value: 9.3 },
  { month: '2015-01', value: 5.6 },
  { month: '2019-09', value: 3.5 },
  { month: '2020-02', value: 3.5 },
  { month: '2020-03', value: 4.4 },
  { month: '2020-04', value: 14.7 },
  { month: '2020-12', value: 6.7 },
  { month: '2022-01', value: 4.0 },
  { month: '2023-04', value: 3.4 },
  { month: '2024-07', value: 4.3 },
  { month: '2024-12', value: 4.2 },
];

/** Desired policy rate (%) — the committee moves towards it in 25 bp steps at scheduled meetings. */
export const POLICY_PATH: MonthAnchor[] = [
  { month: '1994-01', value: 3.0 },
  { month: '1995-02', value: 6.0 },
  { month: '1995-07', value: 5.75 },
  { month: '1996-02', value: 5.25 },
  { month: '1998-09', value: 5.5 },
  { month: '1998-12', value: 4.75 },
  { month: '1999-06', value: 4.75 },
  { month: '2000-05', value: 6.5 },
  { month: '2000-12', value: 6.5 },
  { month: '2001-12', value: 1.75 },
  { month: '2002-11', value: 1.75 },
  { month: '2003-07', value: 1.0 },
  { month: '2004-06', value: 1.0 },
  { month: '2006-07', value: 5.25 },
  { month: '2007-08', value: 5.25 },
  { month: '2008-04', value: 2.0 },
  { month: '2008-09', value: 2.0 },
  { month: '2008-12', value: 0.125 },
  { month: '2015-11', value: 0.125 },
  { month: '2018-12', value: 2.375 },
  { month: '2019-06', value: 2.375 },
  { month: '2019-11', value: 1.625 },
  { month: '2020-02', value: 1.625 },
  { month: '2020-03', value: 0.125 },
  { month: '2022-02', value: 0.125 },
  { month: '2023-07', value: 5.375 },
  { month: '2024-08', value: 5.375 },
  { month: '2024-12', value: 4.375 },
  { month: '2025-01', value: 4.375 },
];
/** Scheduled meetings each year (month, day); moved to the Wednesday on or after. */
export const MEETINGS: [number, number][] = [[1, 29], [3, 18], [5, 1], [6, 17], [7, 29], [9, 16], [10, 29], [12, 10]];
/** Unscheduled moves in a panic: policy rate change (pp) or a jump to the floor. */
export const EMERGENCY_MOVES: { date: string; change?: number; to?: number }[] = [
  { date: '2001-01-03', change: -0.5 },
  { date: '2001-09-17', change: -0.5 },
  { date: '2008-01-22', change: -0.75 },
  { date: '2008-10-08', change: -0.5 },
  { date: '2020-03-03', change: -0.5 },
  { date: '2020-03-15', to: 0.125 },
];
/** The floor: a 0–0.25 % target range, written as its midpoint. */
export const POLICY_FLOOR = 0.125;

/** Real GDP: start level (the quarter before the first row) and end level; growth in between is random. */
export const GDP = { startLevel: 10480, endLevel: 23112.437, trendSaar: 2.6, noiseSaar: 1.5, revisionSd: 0.8 } as const;
/** Quarters with a set annualised growth rate (%), so the recessions line up with the bear markets. */
export const GDP_FIXED_QUARTERS: Record<string, number> = {
  '2001Q1': -1.3,
  '2001Q3': -1.7,
  '2008Q1': -1.6,
  '2008Q3': -2.2,
  '2008Q4': -8.0,
  '2009Q1': -4.8,
  '2009Q2': -0.6,
  '2020Q1': -5.4,
  '2020Q2': -28.5,
  '2020Q3': 34.0,
  '2020Q4': 4.5,
  '2021Q1': 5.2,
  '2022Q1': -1.1,
  '2022Q2': -0.5,
};
/** GDP advance releases delayed by a shutdown. */
export const GDP_DELAYED_RELEASES: Record<string, string> = { '2013Q3': '2013-11-07' };

/** Trailing-12-month small-cap EPS: level the quarter before the first row, and at the last row; recession quarters are set. */
export const EPS = { start: 14.0, end: 71.37, trendLog: 0.018, noiseLog: 0.03 } as const;
export const EPS_FIXED_QUARTERS: Record<string, number> = {
  '2001Q1': -0.06,
  '2001Q2': -0.1,
  '2001Q3': -0.12,
  '2001Q4': -0.08,
  '2002Q1': -0.02,
  '2008Q2': -0.04,
  '2008Q3': -0.1,
  '2008Q4': -0.22,
  '2009Q1': -0.25,
  '2009Q2': -0.1,
  '2009Q3': 0.1,
  '2009Q4': 0.15,
  '2010Q1': 0.15,
  '2010Q2': 0.12,
  '2020Q1': -0.08,
  '2020Q2': -0.25,
  '2020Q3': -0.05,
  '2020Q4': 0.1,
  '2021Q1': 0.22,
  '2021Q2': 0.25,
  '2021Q3': 0.1,
  '2023Q1': -0.05,
  '2023Q2': -0.05,
};
