import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FieldError, frameLocation, isStrategy, RotorError, type Strategy } from '../engine/index.ts';
import { ROTOR_ROOT } from '../datasets/package-root.ts';
import { importModuleFile } from './typescript-loader.ts';
export { ENGINE_STUB, localImports } from './typescript-loader.ts';

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
 * Load a strategy by built-in name or from a TypeScript/JavaScript file in any folder (compiled by esbuild, see
 * typescript-loader.ts). A file that fails to compile names its own file:line:col; one that throws while loading
 * names the error and its line.
 */
export async function loadStrategy(ref: string): Promise<Strategy> {
  const builtIn = isBuiltIn(ref);
  const path = builtIn ? builtInPath(ref) : resolve(ref);
  if (!builtIn && !existsSync(path)) {
    throw new RotorError(`strategy ${ref}: no such file, and not a built-in (built-ins: ${BUILT_IN.join(', ')})`);
  }
  let mod: { default?: unknown };
  if (!builtIn && !/\.[cm]?[jt]sx?$/.test(path)) throw new RotorError(`strategy ${ref}: expected a .ts or .js file`);
  try {
    mod = builtIn ? await BUILT_INS[ref]() : await importModuleFile(path);
  } catch (e) {
    // defineStrategy refusing a declaration names the field; say which file declared it.
    if (e instanceof FieldError) throw new RotorError(`strategy ${ref}: ${e.message.replace(/^strategy [^:]*: /, '')}`);
    if (e instanceof RotorError) throw new RotorError(`strategy ${e.message}`);
    throw new RotorError(`strategy ${ref}: ${path} failed to load: ${loadFailure(e, path)}`);
  }
  if (!isStrategy(mod.default)) {
    if (mod.default === undefined && Object.keys(mod).length) {
      throw new RotorError(`strategy ${ref}: ${path} has no default export (it exports ${Object.keys(mod).join(', ')}): \`export default defineStrategy({...})\``);
    }
    throw new RotorError(`strategy ${ref}: ${path} must \`export default defineStrategy({...})\``);
  }
  return mod.default;
}

/** What a strategy file threw while loading (its top-level code): the message and the file's own line. */
function loadFailure(e: unknown, path: string): string {
  const text = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message.split('\n')[0]}` : String(e);
  const frames = (e instanceof Error ? (e.stack ?? '') : '').split('\n').slice(1).map(frameLocation);
  const own = frames.find((f) => f?.file === path);
  return own ? `${text} (${own.file}:${own.line}:${own.column})` : text;
}
