import { describe, expect, it } from 'vitest';
import { defineStrategy, resolveParams, type ParamSpecs } from '../../engine/index.ts';

const specs = {
  days: { type: 'integer', default: 5, min: 1, max: 20 },
  minGain: { type: 'number', default: 0.01, min: 0, max: 0.2 },
  extend: { type: 'boolean', default: true },
  exit: { type: 'choice', default: 'time', choices: ['time', 'first-down-day'] },
  weights: { type: 'weights', default: { SPY: 1 } },
} as const;

describe('strategy params', () => {
  it('fills defaults and parses command-line text', () => {
    const p = resolveParams('s', specs, { days: '7', minGain: '0.015', extend: 'false', weights: 'SPY:0.6,IWM:0.4' });
    expect(p).toEqual({ days: 7, minGain: 0.015, extend: false, exit: 'time', weights: { SPY: 0.6, IWM: 0.4 } });
  });

  it('names the parameter and the allowed range in every error', () => {
    expect(() => resolveParams('s', specs, { days: '0' })).toThrow('strategy s: params.days must be an integer in [1, 20], got "0"');
    expect(() => resolveParams('s', specs, { days: '2.5' })).toThrow(/params\.days must be an integer/);
    expect(() => resolveParams('s', specs, { minGain: 'abc' })).toThrow(/params\.minGain must be a number in \[0, 0.2\]/);
    expect(() => resolveParams('s', specs, { exit: 'never' })).toThrow(/params\.exit must be one of time, first-down-day/);
    expect(() => resolveParams('s', specs, { weights: 'SPY:-1' })).toThrow(/params\.weights must be weights/);
    expect(() => resolveParams('s', specs, { dayz: '3' })).toThrow('strategy s: params.dayz is not one of its params (did you mean days?); its params are days, minGain, extend, exit, weights');
  });

  it('refuses a declaration the types do not allow, when the strategy is defined, naming the field', () => {
    const define = (params: unknown) => () => defineStrategy({ name: 'd', description: '', universe: ['SPY'], params: params as ParamSpecs, onBar: () => {} });
    expect(define({ n: { type: 'int', default: 3 } })).toThrow('strategy d: params.n.type must be one of number, integer, boolean, choice, string, weights, got "int"');
    expect(define({ n: { type: 'integer', default: 30, min: 1, max: 10 } })).toThrow('strategy d: params.n.default must be an integer in [1, 10], got 30');
    expect(define({ n: { type: 'integer', default: 3, min: 5, max: 1 } })).toThrow('strategy d: params.n.min (5) is above its max (1)');
    expect(define({ n: { type: 'number', default: 3, max: '9' } })).toThrow('strategy d: params.n.max must be a number, got "9"');
    expect(define({ c: { type: 'choice', default: 'a', choices: [] } })).toThrow('strategy d: params.c.choices must be a non-empty list of strings, got []');
    expect(define({ c: { type: 'choice', default: 'z', choices: ['a', 'b'] } })).toThrow('strategy d: params.c.default must be one of a, b, got "z"');
    expect(define({ n: 3 })).toThrow('strategy d: params.n must be { type, default, … }, got 3');
    expect(define(specs)).not.toThrow();
  });
});
