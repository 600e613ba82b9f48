import { existsSync, linkSync, copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { RotorError } from '../engine/index.ts';

/**
 * Write every file of a run, each to a temporary name first and then renamed into place, so that a reader never sees
 * a half-written file. For folders rotor owns (a run's, a report's) use writeOutputFolder, which swaps the folder as
 * a whole; this one is for folders whose other files must stay (a data folder an import adds to).
 */
export function writeFilesAtomic(dir: string, files: Readonly<Record<string, string>>): string[] {
  mkdirSync(dir, { recursive: true });
  const staged: [string, string][] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const target = join(dir, name);
      mkdirSync(dirname(target), { recursive: true });
      const tmp = `${target}.tmp-${process.pid}`;
      writeFileSync(tmp, content);
      staged.push([tmp, target]);
    }
  } catch (e) {
    for (const [tmp] of staged) rmSync(tmp, { force: true });
    throw e;
  }
  for (const [tmp, target] of staged) renameSync(tmp, target);
  return staged.map(([, target]) => target);
}

/** The file by which rotor knows a folder is its own output (and may replace it). */
export const OUTPUT_MARKER = '.rotor-output';

export interface OutputOptions {
  /** How the folder is named to the user in errors (`--out`, a positional). */
  flag?: string;
  /** Other files that also mark a folder as rotor's (a sweep's sweep.json, from before the marker). */
  markers?: readonly string[];
}

/** Why rotor will not write `out`, as one line, or nothing when it may: a new or empty folder, or one it wrote. */
export function checkOutputFolder(out: string, options: OutputOptions = {}): void {
  const flag = options.flag ?? '--out';
  const path = resolve(out);
  for (let up = dirname(path); up !== dirname(up); up = dirname(up)) {
    if (existsSync(up) && !statSync(up).isDirectory()) throw new RotorError(`${flag} ${out}: ${up} is a file, so nothing can be written under it`);
  }
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) throw new RotorError(`${flag} ${out} is a file, not a folder; choose a folder`);
  const entries = readdirSync(path);
  const ours = [OUTPUT_MARKER, ...(options.markers ?? [])].some((m) => entries.includes(m));
  if (entries.length && !ours) {
    throw new RotorError(`${flag} ${out} is a folder rotor did not write (it has files and no ${OUTPUT_MARKER}); choose a new or empty folder`);
  }
}

/** The file system calls a staged folder makes, replaceable so that tests can fail one (a full disk). */
export interface OutputIo {
  writeFile(path: string, content: string): void;
}

const NODE_IO: OutputIo = { writeFile: (p, c) => writeFileSync(p, c) };

const failure = (out: string, flag: string, e: unknown) =>
  new RotorError(`${flag} ${out}: could not write (${(e as Error).message?.split('\n')[0] ?? String(e)}); nothing was changed`);

/**
 * A fresh temporary folder beside `out` that becomes `out` as a whole on commit (the old folder renamed away, the
 * new one renamed in, the old one deleted), so a reader sees the old set of files or the new one, never a mix and
 * never a stale file of an earlier command. abort() (or any failure) leaves `out` as it was and removes the stage.
 */
export class StagedFolder {
  readonly dir: string;
  private readonly target: string;
  private readonly flag: string;
  private readonly io: OutputIo;
  private done = false;

  constructor(
    readonly out: string,
    options: OutputOptions & { io?: OutputIo } = {},
  ) {
    this.io = options.io ?? NODE_IO;
    this.flag = options.flag ?? '--out';
    checkOutputFolder(out, options);
    this.target = resolve(out);
    const parent = dirname(this.target);
    const tag = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    this.dir = join(parent, `.${basename(this.target)}.rotor-new-${tag}`);
    try {
      mkdirSync(this.dir, { recursive: true });
      this.io.writeFile(join(this.dir, OUTPUT_MARKER), 'This folder was written by rotor; rotor may replace it as a whole.\n');
    } catch (e) {
      this.abort();
      throw failure(out, this.flag, e);
    }
  }

  /** Write files (relative paths) into the stage; the paths they will have once committed are returned. */
  write(files: Readonly<Record<string, string>>): string[] {
    try {
      for (const [name, content] of Object.entries(files)) {
        const p = join(this.dir, name);
        if (relative(this.dir, p).startsWith('..')) throw new Error(`${name} is outside the folder`);
        mkdirSync(dirname(p), { recursive: true });
        this.io.writeFile(p, content);
      }
    } catch (e) {
      this.abort();
      throw failure(this.out, this.flag, e);
    }
    return Object.keys(files).map((name) => join(this.target, name));
  }

  /** Carry the current folder's files that the stage does not have (a report rebuilt beside a run's CSVs). */
  keepExisting(): void {
    if (!existsSync(this.target)) return;
    const carry = (from: string, to: string) => {
      for (const e of readdirSync(from, { withFileTypes: true })) {
        const a = join(from, e.name);
        const b = join(to, e.name);
        if (e.isDirectory()) {
          mkdirSync(b, { recursive: true });
          carry(a, b);
        } else if (!existsSync(b)) {
          try {
            linkSync(a, b);
          } catch {
            copyFileSync(a, b);
          }
        }
      }
    };
    try {
      carry(this.target, this.dir);
    } catch (e) {
      this.abort();
      throw failure(this.out, this.flag, e);
    }
  }

  commit(): void {
    if (this.done) return;
    const old = existsSync(this.target) ? `${this.dir.replace('.rotor-new-', '.rotor-old-')}` : undefined;
    try {
      if (old) renameSync(this.target, old);
      try {
        renameSync(this.dir, this.target);
      } catch (e) {
        if (old) renameSync(old, this.target);
        throw e;
      }
    } catch (e) {
      this.abort();
      throw failure(this.out, this.flag, e);
    }
    this.done = true;
    if (old) rmSync(old, { recursive: true, force: true });
  }

  abort(): void {
    if (this.done) return;
    this.done = true;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Write a folder rotor owns all at once: staged beside `out`, then swapped in (see StagedFolder). */
export function writeOutputFolder(out: string, files: Readonly<Record<string, string>>, options: OutputOptions & { keep?: boolean; io?: OutputIo } = {}): string[] {
  const stage = new StagedFolder(out, options);
  const written = stage.write(files);
  if (options.keep) stage.keepExisting();
  stage.commit();
  return written;
}
