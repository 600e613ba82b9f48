/**
 * Synthetic macro series with release dates: CPI (NSA), the policy rate, unemployment, real GDP with its advance
 * estimate, and trailing small-cap EPS. Paths follow the scenario's regimes (so recessions coincide with the bear
 * markets) plus noise; release dates follow each agency's usual timing so that a backtest can be point-in-time.
 */

import {
  civilFromDay,
  dayFromCivil,
  daysInMonth,
  isoDate,
  lastWeekday,
  nextTradingDayOnOrAfter,
  nthWeekday,
  parseIso,
  previousTradingDayOnOrBefore,
  toBusinessDay,
  weekday,
} from './calendar.ts';
import { bridge, cumulate, interpolate, monthNumber } from './paths.ts';
import type { Rng } from './prng.ts';
import type { MonthAnchor } from './scenario.ts';

export interface Table {
  header: string[];
  rows: string[][];
}

export interface MacroConfig {
  startYear: number;
  endYear: number;
  ratesEnd: string;
  inflation: MonthAnchor[];
  cpiSeasonal: number[];
  cpiStart: number;
  cpiMissingMonth: string;
  cpiDelayedReleases: Record<string, string>;
  unemployment: MonthAnchor[];
  policyPath: MonthAnchor[];
  meetings: [number, number][];
  emergencyMoves: { date: string; change?: number; to?: number }[];
  policyFloor: number;
  gdp: { startLevel: number; endLevel: number; trendSaar: number; noiseSaar: number; revisionSd: number };
  gdpFixedQuarters: Record<string, number>;
  gdpDelayedReleases: Record<string, string>;
  eps: { start: number; end: number; trendLog: number; noiseLog: number };
  epsFixedQuarters: Record<string, number>;
}

export interface Macro {
  tables: Map<string, Table>;
  /** Effective policy rate (%) on any calendar day the model covers. */
  policyRate: (day: number) => number;
}

interface Month {
  y: number;
  m: number;
  key: string; // YYYY-MM
  first: number; // day number
}

function months(startYear: number, endYear: number): Month[] {
  const out: Month[] = [];
  for (let y = startYear; y <= endYear; y++) {
    for (let m = 1; m <= 12; m++) {
      const key = `${y}-${m < 10 ? '0' : ''}${m}`;
      out.push({ y, m, key, first: dayFromCivil(y, m, 1) });
    }
  }
  return out;
}

const monthPoints = (anchors: readonly MonthAnchor[]): { x: number; y: number }[] =>
  anchors.map((a) => ({ x: monthNumber(a.month), y: a.value }));

/** First day of the month after (y, m). */
const nextMonthFirst = (y: number, m: number): number => (m === 12 ? dayFromCivil(y + 1, 1, 1) : dayFromCivil(y, m + 1, 1));

/** Daily effective policy rate: a stepwise target moved at meetings towards the desired path, plus market noise. */
function policyRates(rng: Rng, cfg: MacroConfig): { first: number; rates: Float64Array } {
  const first = dayFromCivil(cfg.startYear, 1, 1);
  const last = parseIso(cfg.ratesEnd);
  const desired = cfg.policyPath.map((a) => ({ x: parseIso(`${a.month}-01`), y: a.value }));
  const meetingDays = new Set<number>();
  for (let y = cfg.startYear; y <= civilFromDay(last).y; y++) {
    for (const [m, d] of cfg.meetings) {
      const day = dayFromCivil(y, m, d);
      meetingDays.add(day + ((3 - weekday(day) + 7) % 7)); // the Wednesday on or after
    }
  }
  const emergencies = new Map(cfg.emergencyMoves.map((e) => [parseIso(e.date), e]));
  const floorIfNear = (rate: number, want: number): number => {
    // The floor is a 0–0.25 % range (its midpoint), not a point a 25 bp step lands on from a point target.
    if (rate < 0.3 && want < 0.3) return cfg.policyFloor;
    return Math.max(cfg.policyFloor, rate);
  };

  const rates = new Float64Array(last - first + 1);
  let target = interpolate(desired, first);
  let noise = 0;
  for (let day = first; day <= last; day++) {
    const want = interpolate(desired, day);
    const emergency = emergencies.get(day);
    if (emergency) {
      target = floorIfNear(emergency.to ?? target + (emergency.change ?? 0), want);
    } else if (meetingDays.has(day)) {
      const steps = Math.max(-3, Math.min(3, Math.round((want - target) / 0.25)));
      if (steps !== 0) target = floorIfNear(target + 0.25 * steps, want);
    }
    noise = 0.8 * noise + 0.02 * rng.normal();
    // At the floor the effective rate trades a little below the midpoint of the range.
    const spread = target <= cfg.policyFloor ? -0.03 : 0;
    rates[day - first] = Math.max(0.03, target + spread + noise);
  }
  return { first, rates };
}

/**
 * First Friday of the next month. Federal holidays move it: New Year's Day to the next Friday, Independence Day
 * (or its observed Friday) to the Thursday before. A market holiday such as Good Friday does not: the statistics
 * office works that day, and moving the release earlier could put it inside the period it describes.
 */
function releaseFirstFriday(y: number, m: number): number {
  const nm = civilFromDay(nextMonthFirst(y, m));
  const friday = nthWeekday(nm.y, nm.m, 5, 1);
  const { d } = civilFromDay(friday);
  if (nm.m === 1 && d === 1) return friday + 7;
  if (nm.m === 7 && (d === 3 || d === 4)) return friday - 1;
  return friday;
}

interface Quarter {
  key: string; // YYYYQn
  y: number;
  q: number;
  first: number;
  /** Last day of the quarter. */
  end: number;
}

function quarters(startYear: number, endYear: number): Quarter[] {
  const out: Quarter[] = [];
  for (let y = startYear; y <= endYear; y++) {
    for (let q = 1; q <= 4; q++) {
      const m = 3 * q - 2;
      const lastMonth = m + 2;
      out.push({ key: `${y}Q${q}`, y, q, first: dayFromCivil(y, m, 1), end: dayFromCivil(y, lastMonth, daysInMonth(y, lastMonth)) });
    }
  }
  return out;
}

/**
 * Quarterly levels: log increments drawn by `free` except at the fixed quarters, bridged from `startLevel` (the
 * quarter before the first row) to `endLevel` (the last row). Returns one more level than there are quarters.
 */
function quarterlyPath(
  qs: readonly Quarter[],
  startLevel: number,
  endLevel: number,
  free: () => number,
  fixed: Record<string, number>,
): Float64Array {
  // Row 0 is the quarter before the first one published, which fixes the first published growth rate.
  const inc = new Float64Array(qs.length + 1);
  const pinned = new Uint8Array(qs.length + 1);
  qs.forEach((q, k) => {
    const set = fixed[q.key];
    if (set !== undefined) {
      inc[k + 1] = set;
      pinned[k + 1] = 1;
    } else inc[k + 1] = free();
  });
  const path = bridge(inc, [{ index: 0, cum: 0 }, { index: qs.length, cum: Math.log(endLevel / startLevel) }], pinned);
  return cumulate(0, path).map((x) => startLevel * Math.exp(x));
}

export function buildMacro(rng: Rng, cfg: MacroConfig): Macro {
  const tables = new Map<string, Table>();
  const ms = months(cfg.startYear, cfg.endYear);

  // Policy rate.
  const policy = policyRates(rng.fork('policy'), cfg);
  const policyRate = (day: number): number => {
    const i = day - policy.first;
    if (i < 0 || i >= policy.rates.length) throw new Error(`no policy rate for ${isoDate(day)}`);
    return policy.rates[i];
  };
  tables.set('FEDFUNDS', {
    header: ['date', 'value', 'release_date'],
    rows: ms.map((mo) => {
      let sum = 0;
      const n = daysInMonth(mo.y, mo.m);
      for (let d = 0; d < n; d++) sum += policyRate(mo.first + d);
      return [isoDate(mo.first), (sum / n).toFixed(2), isoDate(nextTradingDayOnOrAfter(nextMonthFirst(mo.y, mo.m)))];
    }),
  });

  // CPI, not seasonally adjusted: the seasonal pattern stays in the index.
  const cpiRng = rng.fork('cpi');
  const releaseRng = rng.fork('cpi-release');
  const inflation = monthPoints(cfg.inflation);
  let cpi = cfg.cpiStart;
  let cpiNoise = 0;
  const cpiRows: string[][] = [];
  ms.forEach((mo, k) => {
    if (k > 0) {
      cpiNoise = 0.3 * cpiNoise + 0.1 * cpiRng.normal();
      const pct = interpolate(inflation, monthNumber(mo.key)) / 12 + cfg.cpiSeasonal[mo.m - 1] + cpiNoise;
      cpi *= Math.exp(pct / 100);
    }
    const nm = civilFromDay(nextMonthFirst(mo.y, mo.m));
    const scheduled = toBusinessDay(dayFromCivil(nm.y, nm.m, 10 + releaseRng.int(6)));
    const delayed = cfg.cpiDelayedReleases[mo.key];
    if (mo.key === cfg.cpiMissingMonth) return; // never collected; the index still moved underneath
    cpiRows.push([isoDate(mo.first), cpi.toFixed(3), delayed ?? isoDate(scheduled)]);
  });
  tables.set('CPIAUCNS', { header: ['date', 'value', 'release_date'], rows: cpiRows });

  // Unemployment rate: the regime path plus persistent noise.
  const unRng = rng.fork('unrate');
  const unemployment = monthPoints(cfg.unemployment);
  let unNoise = 0;
  tables.set('UNRATE', {
    header: ['date', 'value', 'release_date'],
    rows: ms.map((mo) => {
      unNoise = 0.6 * unNoise + 0.07 * unRng.normal();
      const rate = Math.max(2.5, interpolate(unemployment, monthNumber(mo.key)) + unNoise);
      return [isoDate(mo.first), rate.toFixed(1), isoDate(releaseFirstFriday(mo.y, mo.m))];
    }),
  });

  // Real GDP: latest level and the advance estimate, which misses the latest growth rate by a revision error.
  const qs = quarters(cfg.startYear, cfg.endYear);
  const gdpRng = rng.fork('gdp');
  const gdpFixed: Record<string, number> = {};
  for (const [k, saar] of Object.entries(cfg.gdpFixedQuarters)) gdpFixed[k] = Math.log(1 + saar / 100) / 4;
  const gdpLevels = quarterlyPath(
    qs,
    cfg.gdp.startLevel,
    cfg.gdp.endLevel,
    () => Math.log(1 + (cfg.gdp.trendSaar + cfg.gdp.noiseSaar * gdpRng.normal()) / 100) / 4,
    gdpFixed,
  );
  const revisionRng = rng.fork('gdp-revisions');
  tables.set('GDPC1', {
    header: ['date', 'value', 'release_date', 'first_release_value', 'first_release_qoq_saar_pct'],
    rows: qs.map((q, k) => {
      const prev = gdpLevels[k];
      const level = gdpLevels[k + 1];
      const saar = (Math.pow(level / prev, 4) - 1) * 100;
      const advance = Number((saar + cfg.gdp.revisionSd * revisionRng.normal()).toFixed(1));
      const advanceLevel = prev * Math.pow(1 + advance / 100, 0.25);
      const next = civilFromDay(q.end + 1);
      const release = cfg.gdpDelayedReleases[q.key] ?? isoDate(previousTradingDayOnOrBefore(lastWeekday(next.y, next.m, 4)));
      return [isoDate(q.first), level.toFixed(3), release, advanceLevel.toFixed(3), advance.toFixed(1)];
    }),
  });

  // Trailing-12-month small-cap EPS, reported about 45 days after each quarter ends.
  const epsRng = rng.fork('eps');
  const epsLevels = quarterlyPath(
    qs,
    cfg.eps.start,
    cfg.eps.end,
    () => cfg.eps.trendLog + cfg.eps.noiseLog * epsRng.normal(),
    cfg.epsFixedQuarters,
  );
  tables.set('SMALLCAP_EPS', {
    header: ['date', 'value', 'release_date'],
    rows: qs.map((q, k) => [isoDate(q.first), epsLevels[k + 1].toFixed(2), isoDate(toBusinessDay(q.end + 45 + epsRng.int(7) - 3))]),
  });

  return { tables, policyRate };
}
