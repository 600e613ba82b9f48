import { headline, Part, sentence, type Evaluation, type Rule, type RuleContext } from './evaluation.ts';
import type { Truth } from './truth.ts';

interface Memory {
  /** Move the memory to this bar, reading the parts' states only. */
  step(ctx: RuleContext): void;
  state(): Truth;
  event?(ctx: RuleContext): string | undefined;
  /** The full account of the bar just stepped (parts evaluated on the same bar). */
  explain(ctx: RuleContext): Evaluation;
}

/**
 * Rules with memory (onset, latch, minimum hold, hold-for) follow the run bar by bar. Build them per run (in a
 * strategy's `init`) and evaluate them on every bar; a second evaluation on the same bar returns the first. The
 * memory moves on states alone; the sentences are built only when the bar's evaluation is asked for.
 */
function remembering(description: string, memory: Memory): Rule {
  let lastBar = Number.NaN;
  let built: Evaluation | undefined;
  const advance = (ctx: RuleContext) => {
    const bar = ctx.bar; // each read of a strategy's ctx goes through its sealed getter: read once
    if (bar !== lastBar) {
      memory.step(ctx);
      lastBar = bar;
      built = undefined;
    }
  };
  return {
    description,
    check(ctx) {
      advance(ctx);
      return memory.state();
    },
    eventOn(ctx) {
      advance(ctx);
      return memory.event?.(ctx);
    },
    evaluate(ctx) {
      advance(ctx);
      return (built ??= memory.explain(ctx));
    },
  };
}

/** True on the bar a rule becomes true (it was false or unknown on the bar before): once per episode. */
export function onset(rule: Rule): Rule {
  const part = new Part(rule);
  let before: Truth = 'unknown';
  let state: Truth = 'unknown';
  const description = `${rule.description} (first day)`;
  return remembering(description, {
    step(ctx) {
      const s = part.state(ctx);
      state = s === 'true' ? (before === 'true' ? 'false' : 'true') : s;
      before = s;
    },
    state: () => state,
    explain(ctx) {
      const e = part.evaluation(ctx);
      return { rule: description, state, because: e.because, values: e.values, parts: [e] };
    },
  });
}

/** Hysteresis: turns true when `enter` holds and stays true until `exit` holds. Unknown until `enter` is known. */
export function latch(enter: Rule, exit: Rule): Rule {
  const enterPart = new Part(enter);
  const exitPart = new Part(exit);
  let on: boolean | undefined;
  let since = '';
  let change: 'entered' | 'exited' | undefined;
  const description = `from when ${enter.description} until ${exit.description}`;
  return remembering(description, {
    step(ctx) {
      const e = enterPart.state(ctx);
      const x = exitPart.state(ctx);
      change = undefined;
      if (!on && e === 'true') {
        on = true;
        since = ctx.date;
        change = 'entered';
      } else if (on && x === 'true') {
        on = false;
        change = 'exited';
      } else if (on === undefined && e === 'false') on = false;
    },
    state: () => (on === undefined ? 'unknown' : on ? 'true' : 'false'),
    explain(ctx) {
      const e = enterPart.evaluation(ctx);
      const x = exitPart.evaluation(ctx);
      const because =
        change === 'entered' ? sentence(e) : change === 'exited' ? sentence(x) : on ? `on since ${since}; ${sentence(x)}` : sentence(e);
      const state = on === undefined ? 'unknown' : on ? 'true' : 'false';
      return { rule: description, state, because, says: because, values: { since: on ? since : null }, parts: [e, x] };
    },
  });
}

/**
 * Follows a rule but keeps each state for at least `bars` bars after it changes, so that a signal flickering around
 * its threshold does not trade every day. An unknown input keeps the current state; the first known state is not a
 * change.
 */
export function minHold(rule: Rule, bars: number): Rule {
  const part = new Part(rule);
  let state: 'true' | 'false' | undefined;
  let changedAt = -Infinity;
  /** Age of the state kept against a change on this bar, or -1. */
  let keptAge = -1;
  const description = bars > 0 ? `${rule.description} (each state kept at least ${bars} days)` : rule.description;
  return remembering(description, {
    step(ctx) {
      const s = part.state(ctx);
      keptAge = -1;
      if (s !== 'unknown' && s !== state) {
        // The first known state is where the run starts, not a change: it does not block the next one.
        if (state === undefined) state = s;
        else if (ctx.bar - changedAt >= bars) {
          state = s;
          changedAt = ctx.bar;
        } else keptAge = ctx.bar - changedAt;
      }
    },
    state: () => state ?? 'unknown',
    event: (ctx) => part.event(ctx),
    explain(ctx) {
      const e = part.evaluation(ctx);
      let because = e.because;
      let says = e.says;
      if (keptAge >= 0) {
        because = `${headline(e)}, but the previous state, ${keptAge} days old, is kept ${bars} days`;
        says = because;
      }
      return { rule: bars > 0 ? description : e.rule, state: state ?? 'unknown', because, says, event: e.event, values: e.values, parts: e.parts ?? [e] };
    },
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
  const triggerPart = new Part(trigger);
  const exitPart = options.exitWhen ? new Part(options.exitWhen) : undefined;
  let previous: Truth = 'unknown';
  let enteredAt = -1;
  let enteredOn = '';
  let until = -1;
  let fired = false;
  let holding = false;
  let state: Truth = 'unknown';
  let branch: 'enter' | 'exit' | 'held-exit-checked' | 'held' | 'idle' = 'idle';
  return remembering(description, {
    step(ctx) {
      const t = triggerPart.state(ctx);
      const bar = ctx.bar;
      fired = t === 'true' && previous !== 'true';
      previous = t;
      holding = bar < until;
      if (fired && (!holding || retrigger === 'extend')) {
        branch = 'enter';
        enteredAt = bar;
        enteredOn = ctx.date;
        until = bar + bars;
      } else if (holding && exitPart) {
        if (exitPart.state(ctx) === 'true') {
          until = bar;
          branch = 'exit';
        } else branch = 'held-exit-checked';
      } else branch = holding ? 'held' : 'idle';
      state = bar < until ? 'true' : t === 'unknown' && enteredAt < 0 ? 'unknown' : 'false';
    },
    state: () => state,
    event: () => (fired && holding ? (retrigger === 'extend' ? 'hold extended' : 'new trigger ignored') : undefined),
    explain(ctx) {
      const t = triggerPart.evaluation(ctx);
      const parts = [t];
      let because: string;
      const day = () => `day ${ctx.bar - enteredAt + 1} of ${bars} after ${enteredOn}${fired ? `; ${sentence(t)}, ignored while holding` : ''}`;
      if (branch === 'enter') because = holding ? `${sentence(t)}; hold extended to ${bars} days from today` : sentence(t);
      else if (branch === 'exit' || branch === 'held-exit-checked') {
        const x = exitPart!.evaluation(ctx);
        parts.push(x);
        because = branch === 'exit' ? `${sentence(x)}: hold from ${enteredOn} ended after ${ctx.bar - enteredAt} days` : day();
      } else if (branch === 'held') because = day();
      else because = enteredAt >= 0 && ctx.bar === until ? `the ${bars}-day hold from ${enteredOn} is over` : sentence(t);
      const event = fired && holding ? (retrigger === 'extend' ? 'hold extended' : 'new trigger ignored') : undefined;
      const values = { entered: enteredAt >= 0 ? enteredOn : null, daysLeft: Math.max(0, until - ctx.bar) };
      return { rule: description, state, because, says: because, event, values, parts };
    },
  });
}
