import { checkRule, marked, type Evaluation, type Rule } from './evaluation.ts';
import { allOf, anyOf, negate, type Truth } from './truth.ts';

/** Rules built by and/or: their descriptions need parentheses inside another and/or. */
const compounds = new WeakSet<Rule>();

function composite(word: 'and' | 'or', rules: readonly Rule[], combine: (s: Truth[]) => Truth): Rule {
  const description = rules.map((r) => (compounds.has(r) ? `(${r.description})` : r.description)).join(` ${word} `);
  // Kleene: the deciding state (false for and, true for or) wins; otherwise an unknown part leaves it unknown. Every
  // part is checked, as `evaluate` evaluates every part, so rules with memory inside see every bar.
  const decides: Truth = word === 'and' ? 'false' : 'true';
  const rule: Rule = {
    description,
    check(ctx) {
      let decided = false;
      let unknown = false;
      for (let i = 0; i < rules.length; i++) {
        const s = checkRule(rules[i], ctx);
        if (s === decides) decided = true;
        else if (s === 'unknown') unknown = true;
      }
      return decided ? decides : unknown ? 'unknown' : word === 'and' ? 'true' : 'false';
    },
    evaluate(ctx): Evaluation {
      const parts = rules.map((r) => r.evaluate(ctx));
      return { rule: description, state: combine(parts.map((p) => p.state)), because: parts.map(marked).join('; '), values: {}, parts };
    },
  };
  if (rules.length > 1) compounds.add(rule);
  return rule;
}

/** All true (three-valued: a false part decides, else an unknown part leaves it unknown). */
export function and(...rules: Rule[]): Rule {
  return composite('and', rules, allOf);
}

/** Any true (three-valued). */
export function or(...rules: Rule[]): Rule {
  return composite('or', rules, anyOf);
}

/** The opposite; unknown stays unknown. */
export function not(rule: Rule): Rule {
  const description = `not ${/ /.test(rule.description) ? `(${rule.description})` : rule.description}`;
  return {
    description,
    check: (ctx) => negate(checkRule(rule, ctx)),
    evaluate(ctx) {
      const inner = rule.evaluate(ctx);
      return { rule: description, state: negate(inner.state), because: inner.because, values: inner.values, parts: inner.parts };
    },
  };
}

/** Give a rule the name a reader knows it by (`inflation contained`); the parts keep their own descriptions. */
export function named(name: string, rule: Rule): Rule {
  return {
    description: name,
    check: (ctx) => checkRule(rule, ctx),
    evaluate(ctx) {
      const inner = rule.evaluate(ctx);
      return { rule: name, state: inner.state, because: inner.parts ? inner.because : `${inner.rule}: ${inner.because}`, values: inner.values, parts: inner.parts ?? [inner] };
    },
  };
}

/** A condition whose data does not exist here: always unknown, saying why. */
export function unavailable(name: string, reason: string): Rule {
  return {
    description: name,
    check: () => 'unknown',
    evaluate: () => ({ rule: name, state: 'unknown', because: reason, values: {} }),
  };
}
