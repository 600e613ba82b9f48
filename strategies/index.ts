import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isStrategy, RotorError, type Strategy } from '../engine/index.ts';

/** Built-in strategies by name; each is a file in this folder, the same shape a user writes. */
export const BUILT_IN = [
  'buy-and-hold',
  'fixed-weight',
  'small-cap-streak',
  'ubs-four-conditions',
  'relative-momentum',
  'dual-momentum',
  'sector-rotation',
  'small-large-spread',
  'trend-rotation',
  'inverse-vol-sectors',
] as const;

export function builtInPath(name: string): string {
  return fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
}

/**
 * Load a strategy by built-in name or from a TypeScript/JavaScript file. Files are imported as ES modules; the CLI
 * runs under tsx, so `.ts` files need no build step.
 */
export async function loadStrategy(ref: string): Promise<Strategy> {
  const path = (BUILT_IN as readonly string[]).includes(ref) ? builtInPath(ref) : resolve(ref);
  if (!existsSync(path)) {
    throw new RotorError(`strategy ${ref}: no such file, and not a built-in (built-ins: ${BUILT_IN.join(', ')})`);
  }
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (e) {
    throw new RotorError(`strategy ${ref}: ${path} failed to load: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!isStrategy(mod.default)) {
    throw new RotorError(`strategy ${ref}: ${path} must \`export default defineStrategy({...})\``);
  }
  return mod.default;
}
