import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../engine/index.ts';

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
    expect(() => resolveParams('s', specs, { dayz: '3' })).toThrow('strategy s: params.dayz is not one of its params; its params are days, minGain, extend, exit, weights');
  });
});
