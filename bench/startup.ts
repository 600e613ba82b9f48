/**
 * Start-up of the `rotor` command through cli/bin.js, each timed in a fresh process like a user's shell would see
 * it, beside `node -e 0` (the ceiling: node starting and doing nothing) timed interleaved with them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROTOR_ROOT } from '../datasets/package-root.ts';

export const STARTUP_TARGETS_S = { version: 0.15, run: 0.3 };

function timed(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const s = (performance.now() - t0) / 1e3;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return s;
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
    const times = cases.map(() => [] as number[]);
    for (let i = 0; i < repeats; i++) cases.forEach((c, k) => times[k].push(timed(c.args)));
    const floor = median(times[0]);
    console.log(`start-up through node cli/bin.js, fresh process each, median of ${repeats} interleaved runs:`);
    cases.forEach((c, k) => {
      const m = median(times[k]);
      const verdict = c.target === undefined ? '' : `  target < ${c.target} s: ${m < c.target ? 'MET' : 'NOT MET'}`;
      console.log(`  ${c.label.padEnd(56)} ${m.toFixed(3)} s  ${k === 0 ? '' : `${(m / floor).toFixed(1)}× node -e 0`}${verdict}`);
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
