import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROTOR_ROOT } from '../../datasets/package-root.ts';

/** Every `*.shared.test.ts` under test/, as paths relative to rotor's folder. */
function sharedTests(dir = join(ROTOR_ROOT, 'test')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sharedTests(join(dir, e.name)) : e.name.endsWith('.shared.test.ts') ? [relative(ROTOR_ROOT, join(dir, e.name))] : [],
  );
}

describe('tests that need ../shared/data, without it', () => {
  it('skip (outside CI) instead of failing: no file does its work while the tests are collected', () => {
    const files = sharedTests();
    expect(files.length).toBeGreaterThanOrEqual(4);
    const out = join(tmpdir(), `rotor-shared-skip-${process.pid}.json`);
    const env = { ...process.env, ROTOR_SHARED_DATA: join(ROTOR_ROOT, 'no-such-folder'), CI: '' };
    const r = spawnSync(process.execPath, [join(ROTOR_ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...files, '--reporter=json', `--outputFile=${out}`],
      { cwd: ROTOR_ROOT, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { numTotalTests: number; numPendingTests: number; numFailedTests: number; numFailedTestSuites: number };
    expect(report.numFailedTestSuites).toBe(0);
    expect(report.numFailedTests).toBe(0);
    expect(report.numTotalTests).toBeGreaterThan(0);
    expect(report.numPendingTests).toBe(report.numTotalTests);
  });
});
