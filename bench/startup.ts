/**
 * Start-up of the `rotor` command through cli/bin.js, each timed in a fresh process like a user's shell would see
 * it, beside `node -e 0` (the ceiling: node starting and doing nothing) timed interleaved with them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROTOR_ROOT } from '../datasets/package-root.ts';

export const STARTUP_TARGETS_S = { version: 0.15, run: 0.3 };

/** CPU seconds used by this process's finished children (Linux /proc; NaN elsewhere). */
function childrenCpu(): number {
  try {
    // Fields after the command name: cutime and cstime are the 14th and 15th of them, in clock ticks (100 a second).
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

/** Wall-clock and CPU seconds of one fresh process. */
function timed(args: string[]): { wall: number; cpu: number } {
  const c0 = childrenCpu();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1e3;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return { wall, cpu: childrenCpu() - c0 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export function benchStartup(repeats = 9): void {
  const bin = join(ROTOR_ROOT, 'cli', 'bin.js');
  const out = mkdtempSync(join(tmpdir(), 'rotor-bench-startup-'));
  const cases = [
    { label: 'node -e 0 (the ceiling: node itself)', args: ['-e', '0'] },
    { label: 'rotor --version', args: [bin, '--version'], target: STARTUP_TARGETS_S.version },
    { label: 'rotor run buy-and-hold (sample, every file and report)', args: [bin, 'run', 'buy-and-hold', '--out', out], target: STARTUP_TARGETS_S.run },
    { label: 'rotor run buy-and-hold --no-html (sample)', args: [bin, 'run', 'buy-and-hold', '--no-html', '--out', out] },
  ];
  try {
    for (const c of cases) timed(c.args); // warm the file cache
    const times = cases.map(() => [] as { wall: number; cpu: number }[]);
    for (let i = 0; i < repeats; i++) cases.forEach((c, k) => times[k].push(timed(c.args)));
    const wall = times.map((t) => median(t.map((x) => x.wall)));
    const cpu = times.map((t) => median(t.map((x) => x.cpu)));
    console.log(`start-up through node cli/bin.js, fresh process each, median of ${repeats} interleaved runs (wall clock; CPU`);
    console.log(`seconds of all the process's threads, which a loaded machine inflates less, but which add the compiler's and`);
    console.log(`the garbage collector's threads to the main one and so can exceed the wall clock; load average ${loadavg()[0].toFixed(2)}):`);
    cases.forEach((c, k) => {
      const verdict = c.target === undefined ? '' : `  target < ${c.target} s: ${wall[k] < c.target ? 'MET' : 'NOT MET'} (by all threads' CPU: ${cpu[k] < c.target ? 'MET' : 'NOT MET'})`;
      const ratio = k === 0 ? ''.padEnd(22) : `${(wall[k] / wall[0]).toFixed(1)}× node -e 0`.padEnd(22);
      console.log(`  ${c.label.padEnd(56)} ${wall[k].toFixed(3)} s wall  ${cpu[k].toFixed(3)} s cpu  ${ratio}${verdict}`);
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
