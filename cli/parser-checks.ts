import { closest, dateProblem, RotorError } from '../engine/index.ts';

export { closest };

/**
 * Checks yargs cannot make itself, on the text the user typed: yargs turns `--cash abc` into NaN and the text is
 * gone by the time a command sees it, so numbers are checked on the raw arguments, against the options the parsed
 * command declares.
 */

/** Decimal notation only: `1e5`, `0.02`, `-3`, `.5`; not hex, not `Infinity`, not empty. */
export const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Options whose value is a calendar date, whatever the command. */
const DATE_OPTIONS = new Set(['from', 'to']);

/** `--name value` and `--name=value` pairs of raw arguments (flags after `--` are positional). */
function rawValues(argv: readonly string[]): [name: string, value: string | undefined][] {
  const out: [string, string | undefined][] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const m = /^--?([^=\s]+)(?:=(.*))?$/s.exec(a);
    if (!m || /^-\d|^-\./.test(a)) continue;
    const next = argv[i + 1];
    const value = m[2] ?? (next !== undefined && (!next.startsWith('-') || NUMBER.test(next)) ? next : undefined);
    out.push([m[1], value]);
  }
  return out;
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Every number and date flag the user typed, read as typed: a bad one is one line echoing the text. */
export function checkTypedValues(argv: readonly string[], numberOptions: readonly string[]): void {
  const numbers = new Set(numberOptions.map(kebab));
  for (const [name, value] of rawValues(argv)) {
    const flag = kebab(name);
    if (numbers.has(flag)) {
      if (value === undefined) throw new RotorError(`--${flag} needs a number`);
      if (!NUMBER.test(value.trim())) throw new RotorError(`--${flag} ${value}: expected a number (like 100000, 0.02 or 1e5)`);
    }
    if (DATE_OPTIONS.has(flag) && value !== undefined) {
      const problem = dateProblem(value);
      if (problem) throw new RotorError(`--${flag} ${value}: ${problem}`);
    }
  }
}

/**
 * yargs' "Unknown argument(s): cahs" as one line with a suggestion for each: a flag the command knows (`--cash`) or,
 * for a word where a command was expected, a command.
 */
export function unknownArgumentLine(message: string, argv: readonly string[], options: readonly string[], commands: readonly string[]): string | undefined {
  const typed = argv.filter((a) => !a.startsWith('-'));
  const recommended = /^Did you mean (\S+)\?$/.exec(message.trim());
  if (recommended) {
    const word = closest(recommended[1], typed.filter((t) => t !== recommended[1])) ?? typed[0];
    return `unknown command ${word} (did you mean ${recommended[1]}?) (see rotor --help)`;
  }
  const m = /^Unknown arguments?: (.+)$/s.exec(message.trim());
  if (!m) return undefined;
  const flags = options.map(kebab);
  // yargs names a misspelt --two-words flag twice, as typed and camel-cased.
  const names = [...new Set(m[1].split(/,\s*/).map(kebab))];
  const parts = names.map((name) => {
    const asFlag = argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`) || a === `-${name}`);
    if (asFlag) {
      const s = closest(kebab(name), flags);
      return `unknown flag --${name}${s ? ` (did you mean --${s}?)` : ''}`;
    }
    const s = closest(name, commands);
    return `unknown ${s ? 'command' : 'argument'} ${name}${s ? ` (did you mean ${s}?)` : ''}`;
  });
  return `${parts.join('; ')} (see rotor --help)`;
}

/**
 * A flag that takes one value, given more than once: yargs makes an array of it, which the command would then read
 * as if it were one value. One line instead, whatever the flag and the command.
 */
export function checkRepeatedFlags(parsed: Record<string, unknown>, parser: unknown): void {
  const { key, array } = (parser as Introspect).getOptions();
  const lists = new Set(array);
  for (const name of Object.keys(key)) {
    const value = parsed[name];
    if (!lists.has(name) && Array.isArray(value)) throw new RotorError(`--${kebab(name)} is given ${value.length} times (${value.join(', ')}); give it once`);
  }
}

/**
 * yargs' "Not enough non-option arguments: got 0, need at least 1" as what is missing, with the command's usage:
 * `sweep needs <strategy>: rotor sweep <strategy> (see rotor sweep --help)`.
 */
export function missingArgumentLine(message: string, parser: unknown): string | undefined {
  if (!/^Not enough non-option arguments/.test(message)) return undefined;
  // The running command chain as declared, e.g. ['data', 'list <dir>'].
  const chain = (parser as Introspect).getInternalMethods().getContext().fullCommands;
  if (!chain.length) return undefined;
  const names = chain.map((c) => c.split(/\s+/)[0]).join(' ');
  const args = chain[chain.length - 1].split(/\s+/).slice(1);
  const needed = args.filter((a) => a.startsWith('<'));
  if (!needed.length) return undefined;
  return `${names} needs ${needed.join(' ')}: rotor ${names} ${args.join(' ')} (see rotor ${names} --help)`;
}

/** yargs' "Invalid values: Argument: prices, Given: "weird", Choices: …" as `--prices weird: expected total-return or raw`. */
export function invalidChoiceLine(message: string): string | undefined {
  if (!/^Invalid values:/.test(message.trim())) return undefined;
  const parts = [...message.matchAll(/Argument: (\S+), Given: "((?:[^"\\]|\\.)*)", Choices: ((?:"[^"]*"(?:, )?)+)/g)].map(([, flag, given, choices]) => {
    const list = [...choices.matchAll(/"([^"]*)"/g)].map((c) => c[1]);
    return `--${flag} ${given}: expected ${list.slice(0, -1).join(', ')}${list.length > 1 ? ' or ' : ''}${list[list.length - 1]}`;
  });
  return parts.length ? parts.join('; ') : undefined;
}

/** What the yargs instance knows at this point of the parse (the running command's options), typed. */
interface Introspect {
  getOptions(): { number: string[]; array: string[]; key: Record<string, unknown> };
  getInternalMethods(): { getCommandInstance(): { getCommands(): string[] }; getContext(): { fullCommands: string[] } };
}

export function declaredNumbers(parser: unknown): string[] {
  return (parser as Introspect).getOptions().number;
}

export function declaredNames(parser: unknown): { options: string[]; commands: string[] } {
  const y = parser as Introspect;
  return { options: Object.keys(y.getOptions().key), commands: y.getInternalMethods().getCommandInstance().getCommands() };
}
