import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isStrategy, lockIntrinsics, RotorError, type Strategy } from '../engine/index.ts';
import { ROTOR_ROOT } from '../datasets/package-root.ts';
import { typescriptLoader } from './typescript-loader.ts';

/**
 * Built-in strategies by name; each is a file in this folder, the same shape a user writes. They are imported
 * through this table (not by path) so that the build bundles them: a built-in needs no TypeScript loader.
 */
const BUILT_INS = {
  'buy-and-hold': () => import('./buy-and-hold.ts'),
  'fixed-weight': () => import('./fixed-weight.ts'),
  'small-cap-streak': () => import('./small-cap-streak.ts'),
  'ubs-four-conditions': () => import('./ubs-four-conditions.ts'),
  'relative-momentum': () => import('./relative-momentum.ts'),
  'dual-momentum': () => import('./dual-momentum.ts'),
  'sector-rotation': () => import('./sector-rotation.ts'),
  'small-large-spread': () => import('./small-large-spread.ts'),
  'trend-rotation': () => import('./trend-rotation.ts'),
  'inverse-vol-sectors': () => import('./inverse-vol-sectors.ts'),
} satisfies Record<string, () => Promise<{ default: unknown }>>;

export const BUILT_IN = Object.keys(BUILT_INS) as (keyof typeof BUILT_INS)[];

const isBuiltIn = (ref: string): ref is keyof typeof BUILT_INS => Object.hasOwn(BUILT_INS, ref);

/** The source file of a built-in strategy. */
export function builtInPath(name: string): string {
  return join(ROTOR_ROOT, 'strategies', `${name}.ts`);
}

/**
 * Load a strategy by built-in name or from a TypeScript/JavaScript file. Files are imported as ES modules; a `.ts`
 * file goes through tsx's loader, registered on first use.
 */
export async function loadStrategy(ref: string): Promise<Strategy> {
  const builtIn = isBuiltIn(ref);
  const path = builtIn ? builtInPath(ref) : resolve(ref);
  if (!builtIn && !existsSync(path)) {
    throw new RotorError(`strategy ${ref}: no such file, and not a built-in (built-ins: ${BUILT_IN.join(', ')})`);
  }
  let mod: { default?: unknown };
  try {
    if (builtIn) mod = await BUILT_INS[ref]();
    else {
      if (/\.[cm]?tsx?$/.test(path)) await typescriptLoader();
      lockIntrinsics(); // before the file's own top-level code runs: it cannot patch a built-in the engine uses
      mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
    }
  } catch (e) {
    throw new RotorError(`strategy ${ref}: ${path} failed to load: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!isStrategy(mod.default)) {
    throw new RotorError(`strategy ${ref}: ${path} must \`export default defineStrategy({...})\``);
  }
  return mod.default;
}
