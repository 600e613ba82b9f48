import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_MARKER, StagedFolder, writeOutputFolder, type OutputIo } from '../../reports/index.ts';
import { RotorError } from '../../engine/index.ts';
import { rotor } from '../helpers/run-cli.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'rotor-out-'));

/** Writes like the disk until the `n`-th write, which fails as a full disk does. */
function fullAfter(n: number): OutputIo {
  let count = 0;
  return {
    writeFile(path, content) {
      if (++count >= n) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      writeFileSync(path, content);
    },
  };
}

const listing = (dir: string) => readdirSync(dir).sort();

describe('writeOutputFolder: all or nothing', () => {
  it('replaces the folder as a whole: no stale file of an earlier write, the marker inside', () => {
    const out = join(fresh(), 'run');
    writeOutputFolder(out, { 'a.csv': 'old a', 'old-only.csv': 'stale', 'sub/x.txt': 'old x' });
    writeOutputFolder(out, { 'a.csv': 'new a', 'b.csv': 'new b' });
    expect(listing(out)).toEqual([OUTPUT_MARKER, 'a.csv', 'b.csv']);
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('new a');
    // Nothing left beside it: no stage, no old copy.
    expect(listing(join(out, '..'))).toEqual(['run']);
  });

  it.each([1, 2, 3, 4])('a write failing at write %i (a full disk) leaves the old folder exactly as it was, and nothing beside it', (n) => {
    const parent = fresh();
    const out = join(parent, 'run');
    writeOutputFolder(out, { 'a.csv': 'old a', 'b.csv': 'old b' });
    let caught: unknown;
    try {
      writeOutputFolder(out, { 'a.csv': 'new a', 'b.csv': 'new b', 'c.csv': 'new c' }, { io: fullAfter(n) });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RotorError);
    expect((caught as Error).message).toBe(`--out ${out}: could not write (ENOSPC: no space left on device, write); nothing was changed`);
    expect(listing(out)).toEqual([OUTPUT_MARKER, 'a.csv', 'b.csv']);
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('old a');
    expect(listing(parent)).toEqual(['run']);
  });

  it('a failed first write leaves no folder at all', () => {
    const parent = fresh();
    expect(() => writeOutputFolder(join(parent, 'run'), { 'a.csv': 'a' }, { io: fullAfter(2) })).toThrow('nothing was changed');
    expect(listing(parent)).toEqual([]);
  });

  it('a stage abandoned part-way (a run failing after some files) changes nothing', () => {
    const parent = fresh();
    const out = join(parent, 'demo');
    writeOutputFolder(out, { 'report.md': 'old' });
    const stage = new StagedFolder(out);
    stage.write({ 'one/report.md': 'new one' });
    stage.abort();
    expect(listing(out)).toEqual([OUTPUT_MARKER, 'report.md']);
    expect(listing(parent)).toEqual(['demo']);
  });

  it('keepExisting carries the other files (a report rebuilt beside a run): new ones win', () => {
    const out = join(fresh(), 'run');
    writeOutputFolder(out, { 'equity.csv': 'e', 'report.md': 'old' });
    writeOutputFolder(out, { 'report.md': 'new' }, { keep: true });
    expect(listing(out)).toEqual([OUTPUT_MARKER, 'equity.csv', 'report.md']);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe('new');
  });

  it('refuses a file, a path under a file and a folder of files rotor did not write, writing nothing', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file'), 'mine');
    mkdirSync(join(dir, 'theirs'));
    writeFileSync(join(dir, 'theirs', 'notes.txt'), 'mine');
    mkdirSync(join(dir, 'empty'));
    expect(() => writeOutputFolder(join(dir, 'file'), { a: 'a' })).toThrow('is a file, not a folder');
    expect(() => writeOutputFolder(join(dir, 'file', 'deeper', 'run'), { a: 'a' })).toThrow(`${join(dir, 'file')} is a file`);
    expect(() => writeOutputFolder(join(dir, 'theirs'), { a: 'a' })).toThrow('is a folder rotor did not write');
    expect(readFileSync(join(dir, 'theirs', 'notes.txt'), 'utf8')).toBe('mine');
    writeOutputFolder(join(dir, 'empty'), { a: 'a' });
    expect(listing(join(dir, 'empty'))).toEqual([OUTPUT_MARKER, 'a']);
  });
});

describe('every command writing a folder follows the rules', () => {
  const dir = fresh();
  writeFileSync(join(dir, 'file'), 'mine');
  mkdirSync(join(dir, 'theirs'));
  writeFileSync(join(dir, 'theirs', 'notes.txt'), 'mine');
  const commands: [string, string[]][] = [
    ['run', ['run', 'buy-and-hold', '--to', '1996-12-31', '--no-html']],
    ['events', ['events', 'streak', '--symbol', 'IWM', '--days', '3', '--no-html']],
    ['sweep', ['sweep', 'small-cap-streak', '--grid', 'days=2..3', '--workers', '0']],
    ['demo', ['demo', '--no-html']],
  ];

  it.each(commands)('%s refuses a file, a path under a file and a foreign folder with one line', (_, args) => {
    for (const [out, says] of [
      [join(dir, 'file'), 'is a file'],
      [join(dir, 'file', 'x'), 'is a file, so nothing can be written under it'],
      [join(dir, 'theirs'), 'is a folder rotor did not write'],
    ] as const) {
      const r = rotor([...args, '--out', out]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(says);
    }
    expect(listing(join(dir, 'theirs'))).toEqual(['notes.txt']);
  });

  it('rotor run over its own earlier output: the new set of files only (no stale report.html after --no-html)', () => {
    const out = join(dir, 'run');
    expect(rotor(['run', 'buy-and-hold', '--to', '1996-12-31', '--out', out]).status).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    writeFileSync(join(out, 'left-over.txt'), 'x');
    expect(rotor(['run', 'buy-and-hold', '--to', '1996-12-31', '--no-html', '--out', out]).status).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(false);
    expect(existsSync(join(out, 'left-over.txt'))).toBe(false);
    expect(existsSync(join(out, OUTPUT_MARKER))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('a sweep marks its folder and keeps --resume working', () => {
    const out = join(dir, 'sweep');
    const args = ['sweep', 'small-cap-streak', '--grid', 'days=2..3', '--workers', '0', '--out', out];
    expect(rotor(args).status).toBe(0);
    expect(existsSync(join(out, OUTPUT_MARKER))).toBe(true);
    expect(existsSync(join(out, 'best', OUTPUT_MARKER))).toBe(true);
    const again = rotor([...args, '--resume']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('0 run now');
  });
});
