import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Message, Plugin } from 'esbuild';
import { RotorError } from '../engine/index.ts';
import { ROTOR_ROOT } from '../datasets/package-root.ts';
import { defaultCacheDir } from '../datasets/binary-cache.ts';
import { lockIntrinsics } from '../engine/replay/lock-intrinsics.ts';

/** Running built (dist/*.js) or from source under a TypeScript runner (the tests). */
const BUILT = import.meta.url.endsWith('.js');

/** The engine a strategy's `import … from 'rotor'` gets: the very copy this process runs (one set of classes). */
function engineUrl(): string {
  return pathToFileURL(BUILT ? join(ROTOR_ROOT, 'dist', 'engine', 'index.js') : join(ROTOR_ROOT, 'engine', 'index.ts')).href;
}

const ROTOR_ENGINE_SOURCE = join(ROTOR_ROOT, 'engine', 'index.ts');

/** What a queue worker writes where a strategy file expects rotor's engine (queue/inputs.ts): rotor itself. */
export const ENGINE_STUB = "export * from 'rotor';\n";

/** rotor's engine, or a stub standing for it: an import of either is the running engine, not a file of the strategy. */
function isEngine(path: string): boolean {
  if (path === ROTOR_ENGINE_SOURCE) return true;
  if (!path.endsWith(join('engine', 'index.ts'))) return false;
  try {
    return readFileSync(path, 'utf8') === ENGINE_STUB;
  } catch {
    return false;
  }
}

/**
 * Resolves what a strategy imports: `rotor` (and rotor's engine by relative path) to the running engine; packages
 * to absolute file URLs found from the strategy's own folder, so the compiled module imports them from anywhere.
 */
function resolvePlugin(): Plugin {
  return {
    name: 'rotor-strategy-imports',
    setup(build) {
      build.onResolve({ filter: /^rotor(\/engine(\/index(\.ts)?)?)?$/ }, () => ({ path: engineUrl(), external: true }));
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'inner' || args.kind === 'entry-point') return undefined;
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        // A file URL (`import … from 'file:///…/engine/index.ts'`) is a path by another name.
        const spec = args.path.startsWith('file:') ? fileURLToPath(args.path) : args.path;
        const relative = /^\.{1,2}(\/|$)|^\//.test(spec);
        if (relative) {
          const r = await build.resolve(spec, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'inner' });
          if (isEngine(r.path)) return { path: engineUrl(), external: true };
          return spec === args.path ? undefined : { path: r.path, errors: r.errors };
        }
        const r = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'inner' });
        if (r.errors.length) return { errors: r.errors };
        return { path: pathToFileURL(r.path).href, external: true };
      });
    },
  };
}

/** esbuild's first error as `file:line:col: message`, the place a user fixes. */
function firstError(errors: readonly Message[], file: string): string {
  const e = errors[0];
  if (!e) return `${file}: failed to compile`;
  const at = e.location ? `${resolvePath(dirname(file), e.location.file)}:${e.location.line}:${e.location.column + 1}` : file;
  return `${at}: ${e.text}`;
}

/** Compiled strategies unused this long are removed: each edit of a strategy file leaves one behind. */
export const COMPILED_KEEP_MS = 7 * 24 * 3600 * 1000;
let pruned = false;

/** Remove the compiled strategies in `dir` last written more than COMPILED_KEEP_MS ago. */
export function pruneCompiled(dir: string, now = Date.now()): void {
  for (const name of readdirSync(dir)) {
    const f = join(dir, name);
    try {
      if (name.endsWith('.mjs') && now - statSync(f).mtimeMs > COMPILED_KEEP_MS) rmSync(f, { force: true });
    } catch {
      // Removed by another process meanwhile, or not ours to remove: either way nothing to do.
    }
  }
}

const bundledFiles = new Map<string, string[]>();

/**
 * The local files compiled into a strategy file's module besides itself (its relative imports, absolute paths,
 * sorted), once it has been imported; packages and rotor are not among them.
 */
export function localImports(path: string): readonly string[] | undefined {
  return bundledFiles.get(path);
}

/**
 * A strategy file (TypeScript or JavaScript, in any folder: no package.json, a CommonJS package, a path with
 * spaces) compiled into one ES module with esbuild, written to rotor's cache under a name that is the hash of its
 * contents, and imported from there. Its own relative imports are bundled in; packages and rotor stay imports of the
 * real files. An inline source map keeps stack traces on the strategy's own lines.
 */
export async function importModuleFile(path: string): Promise<{ default?: unknown }> {
  const { build } = await import('esbuild');
  const dir = join(defaultCacheDir() ?? join(tmpdir(), `rotor-strategies-${process.getuid?.() ?? 'user'}`), 'strategies');
  let code: string;
  try {
    const out = await build({
      entryPoints: [path],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      sourcesContent: false,
      logLevel: 'silent',
      absWorkingDir: dirname(path),
      // The map's paths are relative to the output's folder: the file is written there, so they name the source.
      outfile: join(dir, 'strategy.mjs'),
      plugins: [resolvePlugin()],
      metafile: true,
    });
    code = out.outputFiles[0].text;
    const inputs = Object.keys(out.metafile.inputs).map((f) => resolvePath(dirname(path), f));
    bundledFiles.set(path, inputs.filter((f) => f !== path).sort());
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors;
    if (errors) throw new RotorError(`${path} does not compile: ${firstError(errors, path)}`);
    throw e;
  }
  // Stack traces through the inline map name the strategy's .ts lines (StrategyError reads them).
  process.setSourceMapsEnabled(true);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${createHash('sha256').update(path).update('\0').update(code).digest('hex').slice(0, 24)}.mjs`);
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(tmp, code);
  renameSync(tmp, file);
  if (!pruned) {
    pruned = true;
    pruneCompiled(dir);
  }
  lockIntrinsics(); // before the file's own top-level code runs: it cannot patch a built-in the engine uses
  return (await import(pathToFileURL(file).href)) as { default?: unknown };
}
