/**
 * The synthetic equity world: one market factor (the large-cap index), a small-cap index loaded on it, and nine
 * sector price indices. All returns are daily log returns on the trading calendar.
 */

import { parseIso } from './calendar.ts';
import { bridge, cumulate, garchPath, indexOnOrBefore, stressMultiplier, TRADING_DAYS_PER_YEAR } from './paths.ts';
import type { Rng } from './prng.ts';
import type { LevelAnchor, PlantedRally, SectorSpec } from './scenario.ts';

export interface IndexPath {
  /** First row, as an index into the trading calendar. */
  start: number;
  /** Close levels (unrounded), one per trading day from `start`. */
  level: Float64Array;
  /** Conditional daily standard deviation, for intraday ranges and volume. */
  sd: Float64Array;
}

export interface MarketConfig {
  baseVol: number;
  garch: { alpha: number; beta: number; dof: number; clip: number };
  stress: { from: string; to: string; volMultiplier: number }[];
  stressDecayDays: number;
  largeCapAnchors: LevelAnchor[];
  smallCapAnchors: LevelAnchor[];
  smallCap: { beta: number; idioRatio: number };
  rallies: PlantedRally[];
  rallyMarketShare: number;
  sectorStart: string;
  sectors: SectorSpec[];
}

export interface Market {
  largeCap: IndexPath;
  smallCap: IndexPath;
  sectors: Map<string, IndexPath>;
  /** Planted rally rows (calendar indices), for reporting. */
  rallyDays: number[];
}

/**
 * Anchors as cumulative log changes from the first. Every anchor but the first is jittered by about 1 % so that
 * turning points do not close on the scenario's round numbers.
 */
function anchorsToLog(rng: Rng, days: readonly number[], anchors: readonly LevelAnchor[]): { index: number; cum: number }[] {
  const start = anchors[0].level;
  return anchors.map((a, k) => ({
    index: indexOnOrBefore(days, a.date),
    cum: Math.log(a.level / start) + (k === 0 ? 0 : ANCHOR_JITTER * rng.normal()),
  }));
}

const ANCHOR_JITTER = 0.01;

export function buildMarket(rng: Rng, days: readonly number[], cfg: MarketConfig): Market {
  const n = days.length;
  const multiplier = stressMultiplier(days, cfg.stress, cfg.stressDecayDays);
  const market = garchPath(rng.fork('market-factor'), n, cfg.baseVol, cfg.garch, multiplier);

  // Planted rallies are fixed before the bridges so that the anchors are met by the other days, not by these.
  const pinned = new Uint8Array(n);
  const rallyMarket = new Float64Array(n);
  const rallySmall = new Float64Array(n);
  const rallyDays: number[] = [];
  for (const rally of cfg.rallies) {
    const first = parseIso(rally.start);
    const at = days.indexOf(first);
    if (at < 0) throw new Error(`rally start ${rally.start} is not a trading day`);
    rally.smallCapReturns.forEach((r, k) => {
      pinned[at + k] = 1;
      rallySmall[at + k] = Math.log(1 + r);
      rallyMarket[at + k] = Math.log(1 + cfg.rallyMarketShare * r);
      rallyDays.push(at + k);
    });
  }

  const largeRaw = Float64Array.from(market.shocks, (s, i) => (pinned[i] ? rallyMarket[i] : s));
  const largeInc = bridge(largeRaw, anchorsToLog(rng.fork('large-cap-anchors'), days, cfg.largeCapAnchors), pinned);
  const largeCap: IndexPath = {
    start: 0,
    level: cumulate(0, largeInc).map((x) => cfg.largeCapAnchors[0].level * Math.exp(x)),
    sd: market.sd,
  };

  const idioRng = rng.fork('small-cap-idio');
  const smallRaw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const idio = cfg.smallCap.idioRatio * market.sd[i] * idioRng.studentT(cfg.garch.dof, cfg.garch.clip);
    smallRaw[i] = pinned[i] ? rallySmall[i] : cfg.smallCap.beta * largeInc[i] + idio;
  }
  const smallInc = bridge(smallRaw, anchorsToLog(rng.fork('small-cap-anchors'), days, cfg.smallCapAnchors), pinned);
  const smallSdScale = Math.sqrt(cfg.smallCap.beta ** 2 + cfg.smallCap.idioRatio ** 2);
  const smallCap: IndexPath = {
    start: 0,
    level: cumulate(0, smallInc).map((x) => cfg.smallCapAnchors[0].level * Math.exp(x)),
    sd: market.sd.map((s) => s * smallSdScale),
  };

  const sectors = new Map<string, IndexPath>();
  const start = indexOnOrBefore(days, cfg.sectorStart);
  const baseDailySd = cfg.baseVol / Math.sqrt(TRADING_DAYS_PER_YEAR);
  for (const spec of cfg.sectors) {
    const srng = rng.fork(`sector-${spec.symbol}`);
    const m = n - start;
    const idioRaw = new Float64Array(m);
    const sd = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      // Idiosyncratic risk rises with market stress (less than one for one), otherwise sectors would look calm in a crash.
      const stress = Math.sqrt(market.sd[start + k] / baseDailySd);
      const idioSd = (spec.idioVol / Math.sqrt(TRADING_DAYS_PER_YEAR)) * stress;
      idioRaw[k] = idioSd * srng.studentT(cfg.garch.dof, cfg.garch.clip);
      sd[k] = Math.sqrt((spec.beta * market.sd[start + k]) ** 2 + idioSd ** 2);
    }
    const anchors = [{ index: 0, cum: 0 }, ...spec.relative.map((r) => ({ index: indexOnOrBefore(days, r.date) - start, cum: r.value }))];
    const idio = bridge(idioRaw, anchors);
    const inc = new Float64Array(m);
    for (let k = 1; k < m; k++) inc[k] = spec.beta * largeInc[start + k] + idio[k];
    sectors.set(spec.symbol, { start, level: cumulate(0, inc).map((x) => spec.startPrice * Math.exp(x)), sd });
  }

  return { largeCap, smallCap, sectors, rallyDays };
}
