import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ROTOR_ROOT } from '../datasets/package-root.ts';

let ready: Promise<void> | undefined;

/**
 * Make `import()` of a user's TypeScript strategy work from the built CLI: tsx's loader, and a hook that hands the
 * strategy the CLI's own engine. Done once, and only when such a file is loaded, so other commands never pay for it.
 * Under a TypeScript runner (the tests) the files import as they are.
 */
export function typescriptLoader(): Promise<void> {
  if (!import.meta.url.endsWith('.js')) return Promise.resolve();
  return (ready ??= (async () => {
    const { register: registerTsx } = await import('tsx/esm/api');
    registerTsx();
    const dist = join(ROTOR_ROOT, 'dist');
    register(pathToFileURL(join(dist, 'strategies', 'engine-redirect.js')), {
      data: { from: pathToFileURL(join(ROTOR_ROOT, 'engine', 'index.ts')).href, to: pathToFileURL(join(dist, 'engine', 'index.js')).href },
    });
  })());
}
