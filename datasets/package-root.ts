import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * rotor's own folder (where its package.json is), found from this module whether it runs from source or from the
 * build in dist/ (where the module sits at another depth).
 */
function findRoot(): { root: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'rotor') return { root: dir, version: pkg.version ?? '0.0.0' };
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`rotor's package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

const found = findRoot();
export const ROTOR_ROOT: string = found.root;
export const ROTOR_PACKAGE_VERSION: string = found.version;
