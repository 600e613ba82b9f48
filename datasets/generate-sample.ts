/**
 * Writes the SYNTHETIC sample dataset in datasets/sample: daily prices for indices and ETFs, macro series with
 * release dates, a README and a manifest. Deterministic: the same seed gives byte-identical files on every run.
 *
 *   npx tsx datasets/generate-sample.ts [outDir]     (default datasets/sample; `npm run sample`)
 */

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gainStreaks, makeBars } from './sample-generator/bars.ts';
import type { Bar } from './sample-generator/bars.ts';
import { isoDate, parseIso, tradingDays } from './sample-generator/calendar.ts';
import { cashFund, equityFund, lateQuarterly, thirdFridayQuarterly, thirdMondayQuarterly } from './sample-generator/funds.ts';
import type { FundPath } from './sample-generator/funds.ts';
import { buildMacro } from './sample-generator/macro.ts';
import { buildMarket } from './sample-generator/market.ts';
import type { IndexPath } from './sample-generator/market.ts';
import { dayPoints, indexOnOrBefore, interpolateLog } from './sample-generator/paths.ts';
import { Rng } from './sample-generator/prng.ts';
import * as S from './sample-generator/scenario.ts';
import { PRICE_HEADER, priceRows, toCsv, writeAtomic } from './sample-generator/write.ts';

interface PriceSeries {
  symbol: string;
  mimics: string;
  bars: Bar[];
}

interface OutputFile {
  /** Path relative to the output folder, with forward slashes. */
  path: string;
  text: string;
  rows: number;
  first: string;
  last: string;
  mimics: string;
}

export interface Sample {
  files: OutputFile[];
  /** Maximal runs of ≥ 5 small-cap daily gains > 1 %, from the written closes. */
  smallCapStreaks: { from: string; to: string; length: number }[];
}

function volumeCurve(days: readonly number[], start: number, anchors: { date: string; value: number }[], scale: number): Float64Array {
  const points = dayPoints(anchors);
  return Float64Array.from(days.slice(start), (d) => scale * interpolateLog(points, d));
}

/** Build every file in memory. Pure apart from CPU time: no I/O, no clock, no global randomness. */
export function buildSample(seed: number = S.SEED): Sample {
  const root = new Rng(seed, 'rotor-sample');
  const days = tradingDays(S.MARKET_START, S.MARKET_END);

  const macro = buildMacro(root.fork('macro'), {
    startYear: S.MACRO_START_YEAR,
    endYear: S.MACRO_END_YEAR,
    ratesEnd: S.RATES_END,
    inflation: S.INFLATION,
    cpiSeasonal: S.CPI_SEASONAL,
    cpiStart: S.CPI_START,
    cpiMissingMonth: S.CPI_MISSING_MONTH,
    cpiDelayedReleases: S.CPI_DELAYED_RELEASES,
    unemployment: S.UNEMPLOYMENT,
    policyPath: S.POLICY_PATH,
    meetings: S.MEETINGS,
    emergencyMoves: S.EMERGENCY_MOVES,
    policyFloor: S.POLICY_FLOOR,
    gdp: S.GDP,
    gdpFixedQuarters: S.GDP_FIXED_QUARTERS,
    gdpDelayedReleases: S.GDP_DELAYED_RELEASES,
    eps: S.EPS,
    epsFixedQuarters: S.EPS_FIXED_QUARTERS,
  });

  const market = buildMarket(root.fork('market'), days, {
    baseVol: S.MARKET_BASE_VOL,
    garch: S.GARCH,
    stress: S.STRESS_WINDOWS,
    stressDecayDays: S.STRESS_DECAY_DAYS,
    largeCapAnchors: S.LARGE_CAP_ANCHORS,
    smallCapAnchors: S.SMALL_CAP_ANCHORS,
    smallCap: S.SMALL_CAP,
    rallies: S.PLANTED_RALLIES,
    rallyMarketShare: S.RALLY_MARKET_SHARE,
    sectorStart: S.SECTOR_START,
    sectors: S.SECTORS,
  });

  const barsRng = root.fork('bars');
  // Indices carry no volume (an empty field: unknown), as with many index feeds; nobody trades an index, and the
  // sample stays closer to its size budget.
  const indexBars = (symbol: string, index: IndexPath): Bar[] =>
    makeBars(barsRng.fork(symbol), {
      days: days.slice(index.start),
      close: index.level,
      sd: index.sd,
      dividends: new Map(),
      volume: undefined,
      volumeLot: 1,
    });
  const fundBars = (symbol: string, fund: FundPath, volume: Float64Array): Bar[] =>
    makeBars(barsRng.fork(symbol), {
      days: days.slice(fund.start),
      close: fund.close,
      sd: fund.sd,
      dividends: fund.dividends,
      volume,
      volumeLot: 100,
    });

  const fundsRng = root.fork('funds');
  const startOf = (date: string): number => {
    const i = indexOnOrBefore(days, date);
    if (days[i] !== parseIso(date)) throw new Error(`fund start ${date} is not a trading day`);
    return i;
  };
  const series: PriceSeries[] = [];

  series.push({ symbol: 'GSPC', mimics: 'large-cap price index (no dividends)', bars: indexBars('GSPC', market.largeCap) });
  series.push({
    symbol: 'RUT',
    mimics: 'small-cap price index (no dividends)',
    bars: indexBars('RUT', market.smallCap),
  });

  const spy = equityFund(fundsRng.fork(S.SPY.symbol), days, market.largeCap, {
    start: startOf(S.SPY.start),
    ratio: S.SPY.ratio,
    yield: S.SPY.yield,
    trackingNoise: S.SPY.trackingNoise,
    exDates: thirdFridayQuarterly,
  });
  series.push({
    symbol: 'SPY',
    mimics: 'large-cap index ETF, quarterly dividends',
    bars: fundBars('SPY', spy, volumeCurve(days, spy.start, S.ETF_ACTIVITY, S.SPY.volumeScale)),
  });

  const iwm = equityFund(fundsRng.fork(S.IWM.symbol), days, market.smallCap, {
    start: startOf(S.IWM.start),
    ratio: S.IWM.ratio,
    yield: S.IWM.yield,
    trackingNoise: S.IWM.trackingNoise,
    exDates: lateQuarterly,
  });
  series.push({
    symbol: 'IWM',
    mimics: 'small-cap index ETF, quarterly dividends',
    bars: fundBars('IWM', iwm, volumeCurve(days, iwm.start, S.ETF_ACTIVITY, S.IWM.volumeScale)),
  });

  for (const spec of S.SECTORS) {
    const index = market.sectors.get(spec.symbol);
    if (!index) throw new Error(`no sector path for ${spec.symbol}`);
    const fund = equityFund(fundsRng.fork(spec.symbol), days, index, {
      start: index.start,
      ratio: 1,
      yield: spec.yield,
      trackingNoise: 0.0003,
      exDates: thirdMondayQuarterly,
    });
    series.push({
      symbol: spec.symbol,
      mimics: `${spec.name} sector ETF (beta ${spec.beta.toFixed(2)}), quarterly dividends`,
      bars: fundBars(spec.symbol, fund, volumeCurve(days, fund.start, S.ETF_ACTIVITY, S.SECTOR_VOLUME_SCALE * spec.volumeScale)),
    });
  }

  const bil = cashFund(fundsRng.fork(S.BIL.symbol), days, {
    start: startOf(S.BIL.start),
    startPrice: S.BIL.startPrice,
    expense: S.BIL.expense,
    billSpread: S.BIL.billSpread,
    noise: S.BIL.noise,
    policyRate: macro.policyRate,
  });
  series.push({
    symbol: 'BIL',
    mimics: '1–3 month T-bill ETF (cash proxy), monthly dividends at the synthetic policy rate',
    bars: fundBars('BIL', bil, volumeCurve(days, bil.start, S.BIL.volumeAnchors, 1)),
  });

  const rut = series.find((s) => s.symbol === 'RUT');
  if (!rut) throw new Error('no RUT series');
  const smallCapStreaks = gainStreaks(rut.bars, 0.01, 5).map((r) => ({ from: isoDate(r.from), to: isoDate(r.to), length: r.length }));
  // The planted rallies must survive rounding; fail loudly rather than write a sample that breaks its promise.
  if (smallCapStreaks.length < 3) throw new Error(`only ${smallCapStreaks.length} small-cap gain streaks survived rounding`);

  const files: OutputFile[] = series.map((s) => ({
    path: `prices/${s.symbol}.csv`,
    text: toCsv(PRICE_HEADER, priceRows(s.bars)),
    rows: s.bars.length,
    first: isoDate(s.bars[0].day),
    last: isoDate(s.bars[s.bars.length - 1].day),
    mimics: s.mimics,
  }));

  const macroMimics: Record<string, string> = {
    CPIAUCNS: 'monthly consumer price index, not seasonally adjusted; released mid next month; 2013-10 missing',
    FEDFUNDS: 'monthly average effective policy rate; released first business day of next month',
    UNRATE: 'monthly unemployment rate (%); released first Friday of next month',
    GDPC1: 'quarterly real GDP level (latest) with the advance estimate and its annualised q/q growth',
    SMALLCAP_EPS: 'quarterly trailing-12-month small-cap earnings per share; released ~45 days after quarter end',
  };
  for (const [name, table] of macro.tables) {
    files.push({
      path: `macro/${name}.csv`,
      text: toCsv(table.header, table.rows),
      rows: table.rows.length,
      first: table.rows[0][0],
      last: table.rows[table.rows.length - 1][0],
      mimics: macroMimics[name] ?? '',
    });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, smallCapStreaks };
}

function manifest(seed: number, files: readonly OutputFile[]): string {
  const entries: Record<string, { rows: number; first: string; last: string }> = {};
  for (const f of files) entries[f.path] = { rows: f.rows, first: f.first, last: f.last };
  return JSON.stringify({ synthetic: true, generator: 'datasets/generate-sample.ts', seed, files: entries }, null, 2) + '\n';
}

function readme(seed: number, sample: Sample): string {
  const table = sample.files.map((f) => `| \`${f.path}\` | ${f.first} | ${f.last} | ${f.rows} | ${f.mimics} |`);
  const planted = new Set(S.PLANTED_RALLIES.map((r) => r.start));
  const streaks = sample.smallCapStreaks
    .map((s) => `  - ${s.from} → ${s.to} (${s.length} days${planted.has(s.from) ? ', planted' : ''})`)
    .join('\n');
  return `# Sample dataset — SYNTHETIC, NOT MARKET HISTORY

> **Everything in this folder is SYNTHETIC.** It is generated by \`datasets/generate-sample.ts\` from a seeded
> random-number generator. None of these prices, dividends or macro values is real market or economic data, even
> where a symbol or series name (SPY, GSPC, CPIAUCNS, …) is borrowed to show which real series it imitates.
> Do not draw conclusions about real markets from backtests on it.

What it is for: demos, tests and examples of rotor without downloading data. The paths are random but follow a
hand-written scenario loosely shaped like 1995–2024 (a late-90s boom, two deep bear markets with recessions, a
sharp 2020-style crash, an inflation spike followed by rate hikes), so that size rotation, sector rotation and macro
gates have episodes to react to. Market and macro series agree on when the recessions are.

- Seed: \`${seed}\` (generator: xoshiro128** seeded by splitmix32; Student-t(4) shocks; GARCH(1,1) market factor).
- Regenerate: \`npm run sample\` (= \`tsx datasets/generate-sample.ts [outDir]\`). Output is byte-identical on every run;
  \`test/datasets/sample.test.ts\` checks that and the invariants below.
- Calendar: NYSE-style trading days (weekends, rule-based holidays and a few one-off closures skipped).
- Prices: \`date,open,high,low,close,adj_close,volume\`; prices with 2 decimals, \`adj_close\` with 4, backward-adjusted
  for dividends (Yahoo style: \`adj_close / close\` is a non-decreasing step function equal to 1 on the last row).
  Indices pay no dividends, so their \`adj_close\` equals \`close\`; their \`volume\` is empty (unknown).
- Macro: \`date,value,release_date\`, where \`date\` is the first day of the observation period and \`release_date\` the day
  it became public. \`GDPC1\` adds \`first_release_value,first_release_qoq_saar_pct\` (the advance estimate). Macro
  series start in 1994 so that year-over-year values exist from the first trading day; the last periods are released
  in early 2025. A shutdown leaves CPI 2013-10 missing and delays the 2013-09 CPI and 2013-Q3 GDP releases.
- Small-cap rallies in \`RUT\` (maximal runs of ≥ 5 consecutive daily closes each up > 1 %; some planted so that
  streak signals have something to find, the others arose by chance):
${streaks}

| file | first | last | rows | imitates |
| --- | --- | --- | --- | --- |
${table.join('\n')}

\`manifest.json\` lists the same files with row counts and date ranges.
`;
}

/** Generate the sample into `outDir` (created if needed), each file written atomically. */
export async function generateSample(outDir: string): Promise<void> {
  const seed = S.SEED;
  const sample = buildSample(seed);
  for (const f of sample.files) await writeAtomic(path.join(outDir, ...f.path.split('/')), f.text);
  await writeAtomic(path.join(outDir, 'manifest.json'), manifest(seed, sample.files));
  await writeAtomic(path.join(outDir, 'README.md'), readme(seed, sample));
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const outDir = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'sample');
  generateSample(outDir).then(
    () => console.log(`wrote synthetic sample to ${outDir}`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.stack ?? err.message : err);
      process.exitCode = 1;
    },
  );
}
