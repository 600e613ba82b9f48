import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RotorError } from '../engine/index.ts';
import { ROTOR_ROOT } from '../datasets/package-root.ts';
import { describeStrategy } from './describe.ts';

/**
 * rotor's types as a strategy sees them when it imports 'rotor': the engine's source in a checkout, else the
 * declarations built into the package (`npm run build:types`, run when packing).
 */
function rotorTypes(): string {
  const source = join(ROTOR_ROOT, 'engine', 'index.ts');
  if (existsSync(source)) return source;
  const built = join(ROTOR_ROOT, 'types', 'engine', 'index.d.ts');
  if (existsSync(built)) return built;
  throw new RotorError(`rotor check: rotor's type declarations are missing (${built}); reinstall rotor`);
}

/**
 * Type-check one strategy file against rotor's types with TypeScript's compiler API (strict, as rotor's own code),
 * reporting the errors of that file (and of the files it imports) as `file:line:col: message`. Only the strategy is
 * checked: rotor's declarations are trusted (skipLibCheck), which keeps a check to seconds.
 */
export async function typeCheckStrategy(file: string): Promise<string[]> {
  const path = resolve(file);
  if (!existsSync(path)) throw new RotorError(`rotor check ${file}: no such file`);
  const { default: ts } = await import('typescript');
  const types = rotorTypes();
  const nodeTypes = join(ROTOR_ROOT, 'node_modules', '@types');
  const options: import('typescript').CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    allowJs: true,
    esModuleInterop: true,
    baseUrl: dirname(path),
    paths: { rotor: [types] },
    ...(existsSync(join(nodeTypes, 'node')) ? { typeRoots: [nodeTypes], types: ['node'] } : { types: [] }),
  };
  const program = ts.createProgram([path], options);
  const own = (f: import('typescript').SourceFile) => !f.isDeclarationFile && !resolve(f.fileName).startsWith(join(ROTOR_ROOT, 'engine'));
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getSourceFiles().filter(own).flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]),
  ];
  return diagnostics.map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    if (!d.file || d.start === undefined) return text;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${resolve(d.file.fileName)}:${line + 1}:${character + 1}: ${text}`;
  });
}

/** `rotor check <strategy>`: its type errors (exit 1), or its symbols and params when it has none. */
export async function checkCommand(file: string): Promise<string[]> {
  const errors = await typeCheckStrategy(file);
  if (errors.length) {
    throw new RotorError(`${file}: ${errors.length} type error${errors.length > 1 ? 's' : ''}:\n${errors.map((e) => `  ${e}`).join('\n')}`);
  }
  return [`${resolve(file)}: no type errors`, await describeStrategy(file)];
}
