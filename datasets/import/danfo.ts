import type * as Danfo from 'danfojs-node';

/** danfojs-node as rotor uses it at the data edge (ingest and cleaning of exports). */
export type DanfoModule = typeof Danfo;
export type DataFrame = Danfo.DataFrame;
export type Series = Danfo.Series;

/**
 * Loaded on first use only: it takes ~2 s (its TensorFlow.js dependency), which `rotor run` and the replay loop must
 * never pay. Only `rotor data import` calls this.
 */
export async function loadDanfo(): Promise<DanfoModule> {
  return import('danfojs-node');
}
