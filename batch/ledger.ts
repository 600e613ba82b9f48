import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { RotorError } from '../engine/index.ts';
import type { TrialRow } from './trial.ts';

const READ_CHUNK = 1 << 20;

/**
 * The append-only record of finished trials (trials.jsonl while a sweep runs): one JSON line per trial, written a
 * chunk at a time and flushed to disk before the chunk counts as done. A crash can only tear the last line, which the
 * next open cuts off, so a resume loses the trials in flight and nothing else. Rows stay on disk; memory holds only
 * where each one is (16 bytes a trial), so it stays flat however many trials a sweep has.
 */
export class Ledger {
  private readonly offset: Float64Array;
  private readonly length: Int32Array;
  private size = 0;
  private count = 0;

  private constructor(
    private readonly path: string,
    private readonly fd: number,
    readonly trials: number,
  ) {
    this.offset = new Float64Array(trials).fill(-1);
    this.length = new Int32Array(trials);
  }

  static open(path: string, trials: number): Ledger {
    const fd = openSync(path, existsSync(path) ? 'r+' : 'w+');
    const ledger = new Ledger(path, fd, trials);
    ledger.scan();
    return ledger;
  }

  /** Index the rows already on disk and cut off a torn last line. */
  private scan(): void {
    const buf = Buffer.alloc(READ_CHUNK);
    let pending = Buffer.alloc(0);
    let pos = 0;
    let line = 1;
    for (;;) {
      const n = readSync(this.fd, buf, 0, buf.length, pos);
      if (n === 0) break;
      let data = Buffer.concat([pending, buf.subarray(0, n)]);
      let lineStart = pos - pending.length;
      let nl: number;
      while ((nl = data.indexOf(10)) >= 0) {
        this.index(data.subarray(0, nl), lineStart, line++);
        lineStart += nl + 1;
        data = data.subarray(nl + 1);
      }
      pending = Buffer.from(data);
      pos += n;
    }
    this.size = pos - pending.length;
    ftruncateSync(this.fd, this.size); // a line without its newline is a trial that was in flight
  }

  private index(bytes: Buffer, at: number, line: number): void {
    let trial: unknown;
    try {
      trial = (JSON.parse(bytes.toString('utf8')) as { trial?: unknown }).trial;
    } catch {
      throw new RotorError(`${this.path}:${line}: not a trial row; the ledger is damaged (start the sweep again without --resume)`);
    }
    if (typeof trial !== 'number' || !Number.isInteger(trial) || trial < 0 || trial >= this.trials) {
      throw new RotorError(`${this.path}:${line}: trial ${String(trial)} is not one of this sweep's 0..${this.trials - 1}`);
    }
    // A redelivered chunk may have been written twice: the first copy stands (both are the same run).
    if (this.offset[trial] >= 0) return;
    this.offset[trial] = at;
    this.length[trial] = bytes.length;
    this.count++;
  }

  has(trial: number): boolean {
    return this.offset[trial] >= 0;
  }

  /** Trials recorded so far. */
  get done(): number {
    return this.count;
  }

  /** Append rows and flush them to disk; rows of trials already recorded are dropped. Returns the rows written. */
  append(rows: readonly TrialRow[]): TrialRow[] {
    const seen = new Set<number>();
    const fresh = rows.filter((r) => !this.has(r.trial) && !seen.has(r.trial) && seen.add(r.trial));
    if (fresh.length === 0) return fresh;
    const lines = fresh.map((r) => Buffer.from(JSON.stringify(r)));
    const buf = Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')]));
    let written = 0;
    while (written < buf.length) written += writeSync(this.fd, buf, written, buf.length - written, this.size + written);
    fsyncSync(this.fd);
    let at = this.size;
    fresh.forEach((r, k) => {
      this.offset[r.trial] = at;
      this.length[r.trial] = lines[k].length;
      this.count++;
      at += lines[k].length + 1;
    });
    this.size = at;
    return fresh;
  }

  /** The exact JSON text of a recorded trial's row. */
  text(trial: number): string {
    if (!this.has(trial)) throw new Error(`trial ${trial} is not in the ledger`);
    const buf = Buffer.alloc(this.length[trial]);
    readSync(this.fd, buf, 0, buf.length, this.offset[trial]);
    return buf.toString('utf8');
  }

  row(trial: number): TrialRow {
    return JSON.parse(this.text(trial)) as TrialRow;
  }

  close(): void {
    closeSync(this.fd);
  }
}
