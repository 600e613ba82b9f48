import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROTOR_ROOT } from '../../datasets/package-root.ts';

/**
 * Where the real market data lives: ROTOR_SHARED_DATA, else ../shared/data beside the repo. On CI its absence is a
 * failure, never a silent skip; on a laptop without it, tests that need it are skipped with a visible reason.
 */
export const SHARED_DATA = process.env.ROTOR_SHARED_DATA
  ? resolve(process.env.ROTOR_SHARED_DATA)
  : resolve(ROTOR_ROOT, '..', 'shared', 'data'); // from rotor's folder, so the built bench finds it too

export const HAVE_SHARED_DATA = existsSync(resolve(SHARED_DATA, 'prices'));

if (!HAVE_SHARED_DATA && process.env.CI === 'true') {
  throw new Error(`real data not found at ${SHARED_DATA} (set ROTOR_SHARED_DATA); CI must have it`);
}
if (!HAVE_SHARED_DATA) {
  console.warn(`[rotor tests] real data not found at ${SHARED_DATA}: tests that need it are SKIPPED`);
}
