import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rotor } from '../helpers/run-cli.ts';

const BIN = fileURLToPath(new URL('../../cli/bin.js', import.meta.url));
const FAULTY = fileURLToPath(new URL('./fixtures/faulty.ts', import.meta.url));
const tmp = () => mkdtempSync(join(tmpdir(), 'rotor-faults-'));
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
const rows = (dir: string) => read(dir, 'trials.jsonl').trim().split('\n').map((l) => JSON.parse(l) as { trial: number; status: string; error: string | null });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const lines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0);

describe('a sweep that meets failures goes on and counts them', () => {
  it('a trial that throws is failed with its message; the rest run', () => {
    const out = join(tmp(), 's');
    const r = rotor(['sweep', FAULTY, '--grid', 'k=0..5', '--param', 'bad=3', '--workers', '2', '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    const all = rows(out);
    expect(all.map((x) => x.status)).toEqual(['ok', 'ok', 'ok', 'failed', 'ok', 'ok']);
    expect(all[3].error).toContain('planted failure in trial k=3');
    const meta = JSON.parse(read(out, 'sweep.json'));
    expect(meta.n).toBe(6);
    expect(meta.counts).toEqual({ ok: 5, failed: 1 });
    expect(read(out, 'summary.md')).toContain('(5 ok, 1 failed');
    expect(read(out, 'trials.csv').split('\n')[4]).toMatch(/^3,failed,/);
  });

  it('a worker that exits has its chunk retried once on a fresh worker, then its trials are failed', () => {
    const out = join(tmp(), 's');
    const r = rotor(['sweep', FAULTY, '--grid', 'k=0..7', '--param', 'bad=5', '--param', 'mode=exit', '--workers', '1', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/a worker failed on trials .*retrying them on a fresh worker/);
    const all = rows(out);
    expect(all).toHaveLength(8);
    expect(all[5].status).toBe('failed');
    expect(all[5].error).toMatch(/failed twice/);
    // Trials sharing the dead chunk fail with it; the others ran.
    expect(all.filter((x) => x.status === 'ok').length).toBeGreaterThan(0);
    expect(all.filter((x) => x.status === 'failed').every((x) => /failed twice/.test(x.error ?? ''))).toBe(true);
    expect(JSON.parse(read(out, 'sweep.json')).n).toBe(8);
  });

  it('a trial that hangs past --chunk-timeout is failed and the sweep finishes', () => {
    const out = join(tmp(), 's');
    const r = rotor(['sweep', FAULTY, '--grid', 'k=0..2', '--param', 'bad=1', '--param', 'mode=hang', '--workers', '1', '--chunk-timeout', '2', '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    const failed = rows(out).filter((x) => x.status === 'failed');
    expect(failed.map((x) => x.trial)).toContain(1);
    expect(failed[0].error).toMatch(/chunk timeout/);
  });
});

describe('a sweep killed at any moment resumes to exactly the uninterrupted result', () => {
  const grid = ['--grid', 'k=0..59', '--param', 'spinMs=40'];

  it('kill -9 mid-run, then --resume: the same files, no duplicate, N exact', async () => {
    const dir = tmp();
    const ref = rotor(['sweep', FAULTY, ...grid, '--workers', '2', '--out', join(dir, 'ref'), '--quiet']);
    expect(ref.status).toBe(0);

    const out = join(dir, 'killed');
    const child = spawn(process.execPath, [BIN, 'sweep', FAULTY, ...grid, '--workers', '1', '--out', out, '--quiet'], { stdio: 'ignore' });
    const ledger = join(out, 'trials.jsonl');
    const t0 = Date.now();
    while (lines(ledger) < 8 && Date.now() - t0 < 60_000) await sleep(20);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const before = lines(ledger);
    expect(before).toBeGreaterThanOrEqual(8);
    expect(before).toBeLessThan(60);
    expect(JSON.parse(read(out, 'sweep.json')).status).toBe('running');

    const resumed = rotor(['sweep', FAULTY, ...grid, '--workers', '2', '--resume', '--out', out]);
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`60 trials \\(60 ok, 0 failed\\), ${60 - before} run now`));
    for (const f of ['trials.jsonl', 'trials.csv', 'summary.md']) expect(read(out, f)).toBe(read(join(dir, 'ref'), f));
    const meta = JSON.parse(read(out, 'sweep.json'));
    const refMeta = JSON.parse(read(join(dir, 'ref'), 'sweep.json'));
    delete meta.timings;
    delete refMeta.timings;
    expect(meta).toEqual(refMeta);
    expect(new Set(rows(out).map((x) => x.trial)).size).toBe(60);
  }, 120_000);

  it('Ctrl-C stops cleanly: finished trials stay and sweep.json says interrupted', async () => {
    const out = join(tmp(), 's');
    const child = spawn(process.execPath, [BIN, 'sweep', FAULTY, ...grid, '--workers', '1', '--out', out, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    const ledger = join(out, 'trials.jsonl');
    const t0 = Date.now();
    while (lines(ledger) < 4 && Date.now() - t0 < 60_000) await sleep(20);
    child.kill('SIGINT');
    const code = await new Promise((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(130);
    const meta = JSON.parse(read(out, 'sweep.json'));
    expect(meta.status).toBe('interrupted');
    expect(meta.counts.ok + meta.counts.missing).toBe(60);
    expect(lines(ledger)).toBe(meta.counts.ok);
    expect(stdout).toMatch(/interrupted after \d+ of 60 trials/);
  }, 120_000);

  it('refuses to resume a different sweep, naming what changed', () => {
    const out = join(tmp(), 's');
    expect(rotor(['sweep', FAULTY, '--grid', 'k=0..3', '--workers', '0', '--out', out, '--quiet']).status).toBe(0);
    const mtime = statSync(join(out, 'trials.jsonl')).mtimeMs;
    const r = rotor(['sweep', FAULTY, '--grid', 'k=0..4', '--workers', '0', '--resume', '--out', out, '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^rotor: --resume: .* holds a different sweep: the spec \(grid, params, settings or objective\) differs/);
    const cost = rotor(['sweep', FAULTY, '--grid', 'k=0..3', '--workers', '0', '--resume', '--slippage-bps', '9', '--out', out, '--quiet']);
    expect(cost.status).toBe(1);
    expect(statSync(join(out, 'trials.jsonl')).mtimeMs).toBe(mtime);
    const nothing = rotor(['sweep', FAULTY, '--grid', 'k=0..3', '--workers', '0', '--resume', '--out', join(out, 'none'), '--quiet']);
    expect(nothing.stderr.trim()).toMatch(/holds no sweep to resume/);
  });
});
