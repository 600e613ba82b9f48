import { RotorError } from '../errors.ts';
import { above, atLeast, atMost, below, between, type PointRule } from './compare.ts';
import { crosses, falling, rising } from './direction.ts';
import type { Rule } from './evaluation.ts';
import { and, not, or } from './logic.ts';
import type { Frequency } from './macro-periods.ts';
import { macro, price, type Series } from './series.ts';
import { streak } from './streak.ts';
import { average, change, fromHigh, fromLow, ret, yoy } from './transforms.ts';

/** A rule read from text, with what it reads, so that the data it needs can be loaded first. */
export interface ParsedRule {
  /** Builds a fresh rule (call once per replay). */
  build: () => Rule;
  symbols: string[];
  macro: string[];
}

type Token = { kind: 'num' | 'id' | 'op' | 'punct' | 'end'; text: string; at: number };

const OPS: Record<string, (s: Series, x: number | Series) => Rule> = {
  '>': (s, x) => (typeof x === 'number' ? above(s, x) : above(s, x)),
  '<': (s, x) => (typeof x === 'number' ? below(s, x) : below(s, x)),
  '>=': (s, x) => (typeof x === 'number' ? atLeast(s, x) : atLeast(s, x)),
  '<=': (s, x) => (typeof x === 'number' ? atMost(s, x) : atMost(s, x)),
};
const RULE_FUNCTIONS = ['streak', 'rising', 'falling', 'crosses', 'between'];
const SERIES_FUNCTIONS = ['price', 'macro', 'ret', 'yoy', 'change', 'average', 'fromHigh', 'fromLow'];

function tokenize(text: string, fail: (msg: string, at: number) => never): Token[] {
  const out: Token[] = [];
  const re = /\s*(?:(-?\d+(?:\.\d+)?%?)|([A-Za-z_^][A-Za-z0-9_.^]*)|(>=|<=|>|<)|([(),]))/y;
  let i = 0;
  while (i < text.length) {
    if (/^\s*$/.test(text.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) fail(`unexpected "${text.slice(i).trim()[0]}"`, i + (text.slice(i).length - text.slice(i).trimStart().length));
    const at = m.index + m[0].length - m[0].trimStart().length;
    out.push({ kind: m[1] ? 'num' : m[2] ? 'id' : m[3] ? 'op' : 'punct', text: (m[1] ?? m[2] ?? m[3] ?? m[4])!, at });
    i = re.lastIndex;
  }
  out.push({ kind: 'end', text: 'the end', at: text.length });
  return out;
}

/**
 * Read a rule written the way the TypeScript builders are called, with comparison operators:
 * `streak(ret(RUT) > 1%, 5)`, `yoy(macro(CPIAUCNS, month)) <= 3% and not rising(yoy(macro(CPIAUCNS)), 3)`,
 * `ret(IWM, 126) > ret(SPY, 126)`. A bare name is a price symbol; `macro(NAME)` a macro series; `1%` is 0.01.
 */
export function parseRule(text: string): ParsedRule {
  const fail = (msg: string, at: number): never => {
    throw new RotorError(`rule "${text}": ${msg} at column ${at + 1}`);
  };
  const tokens = tokenize(text, fail);
  const symbols = new Set<string>();
  const macros = new Set<string>();
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const expect = (t: string) => {
    const tok = next();
    if (tok.text !== t) fail(`expected "${t}", found "${tok.text}"`, tok.at);
  };
  const isWord = (w: string) => peek().kind === 'id' && peek().text.toLowerCase() === w;

  const number = (what: string): number => {
    const tok = next();
    if (tok.kind !== 'num') fail(`expected ${what} (a number), found "${tok.text}"`, tok.at);
    return tok.text.endsWith('%') ? Number(tok.text.slice(0, -1)) / 100 : Number(tok.text);
  };
  const integer = (what: string): number => {
    const tok = peek();
    const n = number(what);
    if (!Number.isInteger(n) || n < 1) fail(`${what} must be a whole number ≥ 1, found ${tok.text}`, tok.at);
    return n;
  };
  const word = (choices: readonly string[], what: string): string => {
    const tok = next();
    if (tok.kind !== 'id' || !choices.includes(tok.text)) fail(`expected ${what} (${choices.join(' or ')}), found "${tok.text}"`, tok.at);
    return tok.text;
  };
  const optional = <T>(read: () => T): T | undefined => {
    if (peek().text !== ',') return undefined;
    next();
    return read();
  };

  function series(): Series {
    const tok = next();
    if (tok.kind !== 'id') fail(`expected a symbol or a series function, found "${tok.text}"`, tok.at);
    if (peek().text !== '(') {
      if (SERIES_FUNCTIONS.includes(tok.text) || RULE_FUNCTIONS.includes(tok.text)) fail(`${tok.text} needs arguments in parentheses`, tok.at);
      symbols.add(tok.text);
      return price(tok.text);
    }
    if (!SERIES_FUNCTIONS.includes(tok.text)) fail(`unknown series function ${tok.text} (known: ${SERIES_FUNCTIONS.join(', ')})`, tok.at);
    next();
    let s: Series;
    switch (tok.text) {
      case 'price':
      case 'macro': {
        const name = next();
        if (name.kind !== 'id') fail(`expected a ${tok.text === 'price' ? 'symbol' : 'macro series name'}, found "${name.text}"`, name.at);
        if (tok.text === 'price') {
          symbols.add(name.text);
          s = price(name.text);
        } else {
          macros.add(name.text);
          const every = optional(() => word(['month', 'quarter'], 'a frequency')) as Frequency | undefined;
          s = macro(name.text, { every });
        }
        break;
      }
      case 'ret':
        s = series();
        s = ret(s, optional(() => integer('the number of steps')) ?? 1);
        break;
      case 'yoy':
        s = yoy(series());
        break;
      default: {
        const base = series();
        expect(',');
        const n = integer('the number of steps');
        if (tok.text === 'change') s = change(base, n);
        else if (tok.text === 'average') s = average(base, n);
        else {
          const mode = (optional(() => word(['ratio', 'difference'], 'a mode')) ?? 'ratio') as 'ratio' | 'difference';
          s = tok.text === 'fromHigh' ? fromHigh(base, n, mode) : fromLow(base, n, mode);
        }
      }
    }
    expect(')');
    return s;
  }

  function comparison(): Rule {
    const s = series();
    const op = next();
    if (op.kind !== 'op') fail(`expected a comparison (>, <, >=, <=) after ${s.label}, found "${op.text}"`, op.at);
    return OPS[op.text](s, peek().kind === 'num' ? number('a level') : series());
  }

  function pointComparison(): PointRule {
    const start = peek();
    const r = comparison();
    if (!('test' in r)) fail('streak needs a comparison with a number, e.g. ret(RUT) > 1%', start.at);
    return r as PointRule;
  }

  function ruleCall(name: string): Rule {
    expect('(');
    let r: Rule;
    if (name === 'streak') {
      const c = pointComparison();
      expect(',');
      r = streak(c, integer('the streak length'));
    } else if (name === 'rising' || name === 'falling') {
      const s = series();
      const n = optional(() => integer('the number of steps')) ?? 1;
      r = name === 'rising' ? rising(s, n) : falling(s, n);
    } else if (name === 'crosses') {
      const s = series();
      expect(',');
      const level = peek().kind === 'num' ? number('a level') : series();
      const way = (optional(() => word(['above', 'below'], 'a direction')) ?? 'above') as 'above' | 'below';
      r = crosses(s, level, way);
    } else {
      const s = series();
      expect(',');
      const lo = number('the low end');
      expect(',');
      r = between(s, lo, number('the high end'));
    }
    expect(')');
    return r;
  }

  function atom(): Rule {
    if (peek().text === '(') {
      next();
      const r = disjunction();
      expect(')');
      return r;
    }
    const tok = peek();
    if (tok.kind === 'id' && RULE_FUNCTIONS.includes(tok.text) && tokens[pos + 1]?.text === '(') {
      next();
      return ruleCall(tok.text);
    }
    return comparison();
  }

  function negation(): Rule {
    if (isWord('not')) {
      next();
      return not(negation());
    }
    return atom();
  }

  function conjunction(): Rule {
    const parts = [negation()];
    while (isWord('and')) {
      next();
      parts.push(negation());
    }
    return parts.length === 1 ? parts[0] : and(...parts);
  }

  function disjunction(): Rule {
    const parts = [conjunction()];
    while (isWord('or')) {
      next();
      parts.push(conjunction());
    }
    return parts.length === 1 ? parts[0] : or(...parts);
  }

  const first = disjunction();
  if (peek().kind !== 'end') fail(`unexpected "${peek().text}"`, peek().at);
  // Rules hold no memory here, but a replay gets its own copy anyway: parse again on each build.
  let used = false;
  return {
    build: () => {
      if (!used) {
        used = true;
        return first;
      }
      return parseRule(text).build();
    },
    symbols: [...symbols],
    macro: [...macros],
  };
}
