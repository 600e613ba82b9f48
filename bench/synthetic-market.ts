import { MarketData } from '../engine/index.ts';

/** mulberry32: a tiny, fast, seeded 32-bit PRNG. Same seed, same stream, on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal deviates from a uniform source (Box–Muller, both values used). */
function gaussian(uniform: () => number): () => number {
  let spare = NaN;
  return () => {
    if (spare === spare) {
      const s = spare;
      spare = NaN;
      return s;
    }
    let u = 0;
    while (u === 0) u = uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** `count` business days (Mon–Fri, no holidays) as ISO dates, starting at `start` (itself a business day). */
export function businessDays(count: number, start = '2000-01-03'): string[] {
  const out: string[] = [];
  const d = new Date(`${start}T00:00:00Z`);
  while (out.length < count) {
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

export function syntheticSymbols(assets: number): string[] {
  const width = String(assets - 1).length;
  return Array.from({ length: assets }, (_, k) => `S${String(k).padStart(width, '0')}`);
}

/**
 * A deterministic in-memory market of `assets` symbols × `bars` business days. Closes follow a geometric random
 * walk (per-asset drift and volatility), the open gaps a little from the previous close, high/low bracket both, and
 * adjClose = close × a slowly rising factor (a dividend yield) so the total-return view differs from raw prices.
 */
export function syntheticMarket(assets: number, bars: number, seed = 42): MarketData {
  const market = new MarketData(businessDays(bars), syntheticSymbols(assets));
  const uniform = mulberry32(seed);
  const normal = gaussian(uniform);
  for (let k = 0; k < assets; k++) {
    const open = market.column(k, 'open');
    const high = market.column(k, 'high');
    const low = market.column(k, 'low');
    const close = market.column(k, 'close');
    const adj = market.column(k, 'adjClose');
    const volume = market.column(k, 'volume');
    const drift = (uniform() - 0.3) * 0.0008; // ≈ -6% .. +14% a year
    const vol = 0.008 + uniform() * 0.022; // ≈ 13% .. 48% a year
    const yieldPerBar = (uniform() * 0.03) / 252; // 0 .. 3% a year of dividends
    let prev = 20 + uniform() * 180;
    let factor = 1;
    for (let t = 0; t < bars; t++) {
      const o = prev * (1 + 0.002 * normal());
      const c = Math.max(0.01, prev * Math.exp(drift - 0.5 * vol * vol + vol * normal()));
      const hi = Math.max(o, c) * (1 + Math.abs(normal()) * vol * 0.5);
      const lo = Math.min(o, c) * (1 - Math.min(0.5, Math.abs(normal()) * vol * 0.5));
      factor *= 1 + yieldPerBar;
      open[t] = o;
      high[t] = hi;
      low[t] = lo;
      close[t] = c;
      adj[t] = c * factor;
      volume[t] = Math.round(1e5 + uniform() * 1e6);
      prev = c;
    }
  }
  return market;
}
