import { headline, sentence, type Evaluation, type Rule, type RuleContext } from './evaluation.ts';

/**
 * Rules with memory (onset, latch, minimum hold, hold-for) follow the run bar by bar. Build them per run (in a
 * strategy's `init`) and evaluate them on every bar; a second evaluation on the same bar returns the first.
 */
function remembering(description: string, step: (ctx: RuleContext) => Evaluation): Rule {
  let lastBar = Number.NaN;
  let last: Evaluation | undefined;
  return {
    description,
    evaluate(ctx) {
      if (ctx.bar !== lastBar || !last) {
        last = step(ctx);
        lastBar = ctx.bar;
      }
      return last;
    },
  };
}

/** True on the bar a rule becomes true (it was false or unknown on the bar before): once per episode. */
export function onset(rule: Rule): Rule {
  let before = 'unknown';
  const description = `${rule.description} (first day)`;
  return remembering(description, (ctx) => {
    const e = rule.evaluate(ctx);
    const state = e.state === 'true' ? (before === 'true' ? 'false' : 'true') : e.state;
    before = e.state;
    return { rule: description, state, because: e.because, values: e.values, parts: [e] };
  });
}

/** Hysteresis: turns true when `enter` holds and stays true until `exit` holds. Unknown until `enter` is known. */
export function latch(enter: Rule, exit: Rule): Rule {
  let on: boolean | undefined;
  let since = '';
  const description = `from when ${enter.description} until ${exit.description}`;
  return remembering(description, (ctx) => {
    const e = enter.evaluate(ctx);
    const x = exit.evaluate(ctx);
    let because: string;
    if (!on && e.state === 'true') {
      on = true;
      since = ctx.date;
      because = sentence(e);
    } else if (on && x.state === 'true') {
      on = false;
      because = sentence(x);
    } else {
      if (on === undefined && e.state === 'false') on = false;
      because = on ? `on since ${since}; ${sentence(x)}` : sentence(e);
    }
    return { rule: description, state: on === undefined ? 'unknown' : on ? 'true' : 'false', because, says: because, values: { since: on ? since : null }, parts: [e, x] };
  });
}

/**
 * Follows a rule but keeps each state for at least `bars` bars after it changes, so that a signal flickering around
 * its threshold does not trade every day. An unknown input keeps the current state; the first known state is not a
 * change.
 */
export function minHold(rule: Rule, bars: number): Rule {
  let state: 'true' | 'false' | undefined;
  let changedAt = -Infinity;
  const description = bars > 0 ? `${rule.description} (each state kept at least ${bars} days)` : rule.description;
  return remembering(description, (ctx) => {
    const e = rule.evaluate(ctx);
    let because = e.because;
    let says = e.says;
    if (e.state !== 'unknown' && e.state !== state) {
      // The first known state is where the run starts, not a change: it does not block the next one.
      if (state === undefined) state = e.state;
      else if (ctx.bar - changedAt >= bars) {
        state = e.state;
        changedAt = ctx.bar;
      } else {
        because = `${headline(e)}, but the previous state, ${ctx.bar - changedAt} days old, is kept ${bars} days`;
        says = because;
      }
    }
    return { rule: bars > 0 ? description : e.rule, state: state ?? 'unknown', because, says, event: e.event, values: e.values, parts: e.parts ?? [e] };
  });
}

export interface HoldOptions {
  /** What a new trigger while holding does: restart the hold from that bar, or nothing. Default `extend`. */
  retrigger?: 'extend' | 'ignore';
  /** Ends the hold early on a bar (after the entry bar) where this rule is true. */
  exitWhen?: Rule;
}

/**
 * True from the bar a trigger fires for `bars` bars (the trigger bar included): `holdFor(streakRule, 20)` holds for
 * 20 trading days after each streak. A trigger fires on its onset, so a streak that runs on for more days is one
 * trigger, not several.
 */
export function holdFor(trigger: Rule, bars: number, options: HoldOptions = {}): Rule {
  const retrigger = options.retrigger ?? 'extend';
  const description = `within ${bars} days after ${trigger.description}${options.exitWhen ? `, unless ${options.exitWhen.description}` : ''}`;
  let previous = 'unknown';
  let enteredAt = -1;
  let enteredOn = '';
  let until = -1;
  return remembering(description, (ctx) => {
    const t = trigger.evaluate(ctx);
    const fired = t.state === 'true' && previous !== 'true';
    previous = t.state;
    const holding = ctx.bar < until;
    const parts = [t];
    let because: string;
    let event: string | undefined;
    if (fired && holding) event = retrigger === 'extend' ? 'hold extended' : 'new trigger ignored';
    if (fired && (!holding || retrigger === 'extend')) {
      because = holding ? `${sentence(t)}; hold extended to ${bars} days from today` : sentence(t);
      enteredAt = ctx.bar;
      enteredOn = ctx.date;
      until = ctx.bar + bars;
    } else if (holding && options.exitWhen) {
      const x = options.exitWhen.evaluate(ctx);
      parts.push(x);
      if (x.state === 'true') {
        until = ctx.bar;
        because = `${sentence(x)}: hold from ${enteredOn} ended after ${ctx.bar - enteredAt} days`;
      } else {
        because = `day ${ctx.bar - enteredAt + 1} of ${bars} after ${enteredOn}${fired ? `; ${sentence(t)}, ignored while holding` : ''}`;
      }
    } else if (holding) {
      because = `day ${ctx.bar - enteredAt + 1} of ${bars} after ${enteredOn}${fired ? `; ${sentence(t)}, ignored while holding` : ''}`;
    } else {
      because = enteredAt >= 0 && ctx.bar === until ? `the ${bars}-day hold from ${enteredOn} is over` : sentence(t);
    }
    const state = ctx.bar < until ? 'true' : t.state === 'unknown' && enteredAt < 0 ? 'unknown' : 'false';
    const values = { entered: enteredAt >= 0 ? enteredOn : null, daysLeft: Math.max(0, until - ctx.bar) };
    return { rule: description, state, because, says: because, event, values, parts };
  });
}
