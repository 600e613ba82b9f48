export interface Histogram {
  /** Bin i covers [edges[i], edges[i + 1]); the last bin includes its upper edge. */
  edges: number[];
  /** Per sample, the count in each bin. */
  counts: { name: string; counts: number[] }[];
}

/** Shared equal-width bins over every sample, so the samples' shapes compare bar by bar. */
export function histogram(samples: readonly { name: string; values: readonly number[] }[], bins: number): Histogram {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of samples) for (const v of s.values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi >= lo)) return { edges: [], counts: samples.map((s) => ({ name: s.name, counts: [] })) };
  if (hi === lo) hi = lo + 1e-9;
  const width = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  return {
    edges,
    counts: samples.map((s) => {
      const c = new Array<number>(bins).fill(0);
      for (const v of s.values) c[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
      return { name: s.name, counts: c };
    }),
  };
}
