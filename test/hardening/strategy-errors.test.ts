import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rotor } from '../helpers/run-cli.ts';

/**
 * Strategy files as users write them, in a folder with a space in its name and no package.json (and one in a
 * CommonJS package), importing rotor as 'rotor': each mistake is exit 1 and one line naming the strategy, the hook,
 * the bar date, the message and the file's own line.
 */
const root = mkdtempSync(join(tmpdir(), 'rotor strategies '));
const loose = join(root, 'no package');
const cjs = join(root, 'cjs package');
mkdirSync(loose);
mkdirSync(cjs);
writeFileSync(join(cjs, 'package.json'), '{ "name": "mine", "type": "commonjs" }');
writeFileSync(join(cjs, 'helper.ts'), "export const universe = (): string[] => ['SPY'];\n");

/** A strategy whose `hook` runs `body` (line 6 of the file) from the 4th bar on. */
function strategyFile(dir: string, name: string, hook: 'init' | 'onBar' | 'onFill', body: string): string {
  const file = join(dir, `${name}.ts`);
  const hooks = {
    init: `init(ctx) {\n      ${body}\n    },\n    onBar() { return { SPY: 1 }; },`,
    onBar: `onBar(ctx, params) {\n      if (ctx.bar >= 3) { ${body} }\n    return { SPY: 1 }; },`,
    onFill: `onBar() { return { SPY: 1 }; },\n    onFill(ctx, fill) {\n      ${body}\n    },`,
  };
  writeFileSync(
    file,
    [
      "import { defineStrategy } from 'rotor';",
      'function deeper(n: number): number { return deeper(n + 1) + 1; }',
      'export default defineStrategy({',
      `    name: '${name}', description: 'test', universe: ['SPY'], params: { lookback: { type: 'integer', default: 3 } },`,
      `    ${hooks[hook]}`,
      '});',
      '',
    ].join('\n'),
  );
  return file;
}

function fails(file: string, ...extra: string[]): string {
  const r = rotor(['run', file, '--out', join(root, 'out'), '--no-html', ...extra]);
  expect(r.status, r.stderr).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).not.toMatch(/internal error|dist\/|chunk-/);
  return lines[0];
}

describe('a strategy that throws', () => {
  it.each([
    ['an Error', "throw new Error('boom');", 'threw Error: boom', 6],
    ['a TypeError from its own code', 'const o: { x?: { y: number } } = {}; return { SPY: o.x!.y };', 'threw TypeError', 6],
    ['a stack overflow', 'deeper(0);', 'Maximum call stack size exceeded', 2],
  ])('in onBar, %s: names the strategy, the hook, the date and its own line', (_, body, message, line) => {
    const file = strategyFile(loose, `thrower-${line}-${message.length}`, 'onBar', body);
    const out = fails(file);
    expect(out).toMatch(/^rotor: strategy thrower-\d+-\d+: onBar on \d{4}-\d{2}-\d{2}: /);
    expect(out).toContain(message);
    expect(out).toContain(`${file}:${line}:`);
  });

  it.each([
    ['a string', "throw 'bad state';", 'threw a string: bad state'],
    ['an object', 'throw { code: 42 };', 'threw a non-Error: {"code":42}'],
  ])('in onBar, %s: the message and the file (a non-Error has no line)', (_, body, message) => {
    const file = strategyFile(loose, `odd-${message.length}`, 'onBar', body);
    const out = fails(file);
    expect(out).toContain('onBar on ');
    expect(out).toContain(message);
    expect(out).toContain(file);
  });

  it('in init and in onFill, naming that hook', () => {
    const init = strategyFile(loose, 'in-init', 'init', "throw new Error('no state');");
    expect(fails(init)).toMatch(new RegExp(`strategy in-init: init on \\d{4}-\\d{2}-\\d{2}: threw Error: no state \\(${init.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6:`));
    const fill = strategyFile(cjs, 'in-fill', 'onFill', 'throw new Error(`fill of ${fill.symbol}`);');
    expect(fails(fill)).toMatch(/strategy in-fill: onFill on \d{4}-\d{2}-\d{2}: threw Error: fill of SPY .*in-fill\.ts:7:/);
  });

  it('--debug adds the strategy\'s own stack', () => {
    const file = strategyFile(loose, 'debugged', 'onBar', "throw new Error('boom');");
    const r = rotor(['run', file, '--out', join(root, 'out'), '--no-html', '--debug']);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[1]).toBe('Error: boom');
    expect(r.stderr).toContain(`at Object.onBar (${file}:6:`);
  });
});

describe('other strategy mistakes, one line each', () => {
  it.each([
    ['an array', 'return [1, 2] as never;', 'returned an array; expected weights'],
    ['a number', 'return 1 as never;', 'returned number 1; expected weights'],
    ['weights with a string', "return { SPY: '1' } as never;", 'expected weights { SYMBOL: number }'],
    ['a Promise (async)', 'return Promise.resolve({ SPY: 1 }) as never;', 'returned a Promise'],
    ['a cycle', 'const w: Record<string, unknown> = {}; w.SPY = w; return w as never;', 'returned an object with keys SPY; expected weights'],
    ['a Map', 'return new Map([[1, 2]]) as never;', 'returned an object with {}; expected weights'],
  ])('onBar returning %s', (_, body, message) => {
    const out = fails(strategyFile(loose, `returns-${message.length}-${body.length}`, 'onBar', body));
    expect(out).toContain('onBar on ');
    expect(out).toContain(message);
  });

  it('reading a param it does not declare (a typo) stops the run instead of reading undefined', () => {
    const file = strategyFile(loose, 'typo', 'onBar', 'return { SPY: (params as unknown as Record<string, number>).lookbak > 0 ? 1 : 0 };');
    const out = fails(file);
    expect(out).toContain('params.lookbak');
    expect(out).toContain('did you mean lookback? its params: lookback');
    expect(out).toContain(`${file}:6:`);
  });

  it('a syntax error names file:line:col and the message', () => {
    const file = join(loose, 'broken.ts');
    writeFileSync(file, "import { defineStrategy } from 'rotor';\nexport default defineStrategy({\n  name: 'b',\n  universe: ['SPY'\n  onBar() {},\n});\n");
    expect(fails(file)).toBe(`rotor: strategy ${file} does not compile: ${file}:5:3: Expected "]" but found "onBar"`);
  });

  it('a file that throws while loading names the error and its line', () => {
    const file = join(loose, 'top.ts');
    writeFileSync(file, "import { defineStrategy } from 'rotor';\nconst x: number[] = [];\nif (!x.length) throw new Error('needs data');\nexport default defineStrategy({ name: 't', description: '', universe: ['SPY'], onBar() {} });\n");
    expect(fails(file)).toContain(`needs data (${file}:3:`);
  });

  it.each(['../prices/SPY', 'a/b', 'C:\\x', 'SP\u0000Y', '..\\SPY', '.hidden'])('a symbol with path characters (%j) is refused before any file is read', (symbol) => {
    const file = join(loose, `sym-${Buffer.from(symbol).toString('hex')}.ts`);
    writeFileSync(file, `import { defineStrategy } from 'rotor';\nexport default defineStrategy({ name: 's', description: '', universe: ['SPY'], signals: [${JSON.stringify(symbol)}], onBar() {} });\n`);
    expect(fails(file)).toContain('is not a usable symbol');
  });

  it('path characters in a flag that names a symbol are refused too', () => {
    expect(rotor(['run', 'buy-and-hold', '--benchmark', '../../etc/passwd', '--out', join(root, 'out')]).stderr).toContain('not a usable symbol');
    expect(rotor(['run', 'buy-and-hold', '--risk-free', 'symbol:../SPY', '--out', join(root, 'out')]).stderr).toContain('not a usable symbol');
  });
});

describe('strategy files anywhere', () => {
  it('a strategy in a CommonJS package importing its own helper and rotor runs', () => {
    const file = join(cjs, 'fine.ts');
    writeFileSync(file, "import { defineStrategy } from 'rotor';\nimport { universe } from './helper';\nexport default defineStrategy({ name: 'fine', description: '', universe: universe(), onBar() { return { SPY: 1 }; } });\n");
    const r = rotor(['run', file, '--out', join(root, 'fine out'), '--no-html']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('fine [SYNTHETIC sample data]');
  });
});

describe('rotor check', () => {
  it("type-checks a strategy against rotor's types and prints its symbols and params", () => {
    const good = join(cjs, 'checked.ts');
    writeFileSync(good, "import { defineStrategy } from 'rotor';\nexport default defineStrategy({ name: 'checked', description: 'ok', universe: ['SPY'], signals: ['GSPC'],\n  params: { n: { type: 'integer', default: 3, min: 1 } },\n  onBar(ctx, params) { return ctx.ret('GSPC', params.n) > 0 ? { SPY: 1 } : undefined; } });\n");
    const ok = rotor(['check', good]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('no type errors');
    expect(ok.stdout).toContain('trades:  SPY');
    expect(ok.stdout).toContain('reads:   GSPC');
    expect(ok.stdout).toContain('n = 3  (an integer in [1, Infinity])');

    const bad = join(loose, 'mistyped.ts');
    writeFileSync(bad, "import { defineStrategy } from 'rotor';\nexport default defineStrategy({ name: 'm', description: '', universe: ['SPY'],\n  params: { n: { type: 'integer', default: 3 } },\n  onBar(ctx, params) { const s: string = ctx.close('SPY'); return { SPY: params.m }; } });\n");
    const r = rotor(['check', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:4:30: Type 'number' is not assignable to type 'string'`);
    expect(r.stderr).toContain(`${bad}:4:`);
    expect(r.stderr).toContain("Property 'm' does not exist");
  });
});
