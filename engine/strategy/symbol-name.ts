import { RotorError } from '../errors.ts';

/**
 * Why a symbol or series name cannot be one (a name becomes a file name under --data, so nothing that could make
 * it a path: separators, drive colons, control characters, `..`), or undefined when it is fine.
 */
export function symbolNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.trim() === '') return 'a symbol must be a non-empty string';
  if (name !== name.trim()) return 'a symbol has no spaces around it';
  // eslint-disable-next-line no-control-regex
  if (/[\\/:*?"<>|\x00-\x1f\x7f]/.test(name)) return 'a symbol has no path characters (/ \\ : * ? " < > | or control characters)';
  if (/^\.+$/.test(name) || name.startsWith('.')) return 'a symbol does not start with a dot';
  return undefined;
}

/** Throw one line naming where the bad name came from (`strategy x's universe`, `--benchmark`, `--symbol`). */
export function checkSymbolName(name: unknown, where: string): string {
  const problem = symbolNameProblem(name);
  if (problem) throw new RotorError(`${where}: ${JSON.stringify(name)} is not a usable symbol: ${problem}`);
  return name as string;
}
