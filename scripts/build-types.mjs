#!/usr/bin/env node
/**
 * Type declarations of rotor's public API (engine/index.ts, what `import … from 'rotor'` gives) into types/, for
 * users' editors and `rotor check` in an installed rotor. Run when packing (prepack), not on every build: it takes
 * seconds. rotor's sources import with `.ts` extensions; the declarations are rewritten to `.js`, which TypeScript
 * resolves to the `.d.ts` beside them under every module resolution.
 *
 *   node scripts/build-types.mjs
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'types');

rmSync(OUT, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.types.json')], { stdio: 'inherit', cwd: ROOT });

let files = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.d.ts')) {
      const text = readFileSync(p, 'utf8');
      writeFileSync(p, text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.ts\2/g, '$1$2$3.js$2'));
      files++;
    }
  }
};
walk(OUT);
console.log(`rotor: wrote ${files} declaration files into types//`);
