import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROTOR_ROOT } from '../../datasets/index.ts';

/**
 * What `npm pack` gives a user: its own file list (no tests, no bench, no scripts), the built CLI, the type
 * declarations; installed into a project of the user's own (CommonJS, a space in its path) it runs a strategy that
 * imports 'rotor', and an editor's TypeScript finds rotor's types there. The install is done by hand (extract the
 * tarball, link its dependencies from rotor's own node_modules) so the test needs no network.
 */
describe('the npm package', () => {
  const work = mkdtempSync(join(tmpdir(), 'rotor pack '));
  execFileSync(process.execPath, [join(ROTOR_ROOT, 'scripts', 'build-types.mjs')], { cwd: ROTOR_ROOT, stdio: 'pipe' });
  const npm = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROTOR_ROOT, encoding: 'utf8' });
  const packed = JSON.parse(npm.stdout) as { filename: string; files: { path: string }[] }[];
  const files = packed[0].files.map((f) => f.path);

  it('lists what a user needs and nothing of the development', () => {
    for (const f of ['cli/bin.js', 'dist/cli/main.js', 'dist/engine/index.js', 'dist/batch/worker.js', 'types/engine/index.d.ts', 'datasets/sample/prices/SPY.csv', 'reports/charts/fns.js', 'package.json', 'README.md']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /^(test|bench|scripts|\.ci)\/|^dist\/bench\/|\.test\.ts$|tsconfig/.test(f))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(ROTOR_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; exports: Record<string, unknown> };
    // `rotor check` compiles strategies at run time: TypeScript is a dependency, not a devDependency.
    expect(pkg.dependencies.typescript).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.exports['.']).toEqual({ types: './types/engine/index.d.ts', import: './dist/engine/index.js' });
  });

  const project = join(work, 'my project');
  const modules = join(project, 'node_modules');
  mkdirSync(join(modules, 'rotor'), { recursive: true });
  execFileSync('tar', ['xzf', join(work, packed[0].filename), '-C', join(modules, 'rotor'), '--strip-components=1']);
  const deps = Object.keys((JSON.parse(readFileSync(join(modules, 'rotor', 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
  for (const d of [...deps, '@types/node']) {
    mkdirSync(dirname(join(modules, d)), { recursive: true });
    symlinkSync(join(ROTOR_ROOT, 'node_modules', d), join(modules, d));
  }
  writeFileSync(join(project, 'package.json'), '{ "name": "mine", "version": "1.0.0", "type": "commonjs" }');
  const strategy = (weight: string) =>
    [
      "import { defineStrategy } from 'rotor';",
      'export default defineStrategy({',
      "  name: 'mine', description: 'half in SPY', universe: ['SPY'],",
      "  params: { weight: { type: 'number', default: 0.5, min: 0, max: 1 } },",
      `  onBar(ctx, params) { if (ctx.firstBar) return { SPY: ${weight} }; },`,
      '});',
      '',
    ].join('\n');

  it("runs a user's strategy that imports 'rotor'", () => {
    writeFileSync(join(project, 'mine.ts'), strategy('params.weight'));
    const r = spawnSync(process.execPath, [join(modules, 'rotor', 'cli', 'bin.js'), 'run', 'mine.ts', '--out', 'out', '--no-html', '--to', '1996-12-31'], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('mine [SYNTHETIC sample data]');
    const trades = readFileSync(join(project, 'out', 'trades.csv'), 'utf8').trim().split('\n');
    expect(trades).toHaveLength(2); // header + the one buy
  });

  it("gives an editor rotor's types through the package's exports", () => {
    const check = (weight: string) => {
      const file = join(project, 'typed.ts');
      writeFileSync(file, strategy(weight));
      const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, types: ['node'], lib: ['lib.es2022.d.ts'], module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 });
      return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
    };
    expect(check('params.weight')).toEqual([]);
    expect(check('params.wieght').join('\n')).toContain("Property 'wieght' does not exist");
  });
});
