#!/usr/bin/env node
// rotor runs as JavaScript built from its TypeScript source (scripts/build.mjs, run by `npm install`, `npm test`
// and `npm run build`); tsx is loaded only when a user's .ts strategy file is.
import { existsSync, readFileSync } from 'node:fs';

// A reader that stops early (`rotor data list DIR | head`) closes the pipe: end quietly, as a Unix tool does on
// SIGPIPE, instead of an EPIPE stack. Every command writes through these two streams.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  // The one answer that needs nothing else loaded.
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
} else {
  const main = new URL('../dist/cli/main.js', import.meta.url);
  if (!existsSync(main)) {
    process.stderr.write('rotor: not built yet: run `npm install` (or `npm run build`) in the rotor folder\n');
    process.exit(1);
  }
  await import(main.href);
}
