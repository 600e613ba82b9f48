import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPILED_KEEP_MS, pruneCompiled } from '../../strategies/typescript-loader.ts';

describe('the cache of compiled strategy files', () => {
  it('drops compiled strategies not written for a week, keeps newer ones and anything that is not one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rotor-compiled-'));
    const now = Date.now();
    for (const [name, ageMs] of [['old.mjs', COMPILED_KEEP_MS + 60_000], ['fresh.mjs', COMPILED_KEEP_MS - 60_000], ['notes.txt', COMPILED_KEEP_MS * 2]] as const) {
      writeFileSync(join(dir, name), '');
      const t = (now - ageMs) / 1000;
      utimesSync(join(dir, name), t, t);
    }
    pruneCompiled(dir, now);
    expect(readdirSync(dir).sort()).toEqual(['fresh.mjs', 'notes.txt']);
  });
});
