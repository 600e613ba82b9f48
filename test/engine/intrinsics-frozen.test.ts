import { describe, expect, it } from 'vitest';
import { lockIntrinsics } from '../../engine/replay/lock-intrinsics.ts';

describe('the intrinsics a run locks', () => {
  it('Object.prototype is frozen (property by property, which keeps V8’s fast element reads) like the others', () => {
    lockIntrinsics();
    for (const o of [Object.prototype, Array.prototype, Function.prototype, Math, JSON]) expect(Object.isFrozen(o)).toBe(true);
    expect(() => Object.defineProperty(Object.prototype, 'polluted', { value: 1 })).toThrow(TypeError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
