import { readFileSync } from 'node:fs';

/** rotor's own version: part of every run key, so a result is never reused across engine versions. */
export const ROTOR_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
