import { describe, expect, it } from 'vitest';
import { everyLiveWorkerRefuses } from '../../queue/index.ts';

const beat = (seen: number) => JSON.stringify({ host: 'h', pid: 1, threads: 1, rotor: '0.1.0', seen });

describe('a sweep every running worker refuses', () => {
  const now = 1_000_000;
  it('stops only when every worker with a recent heartbeat has refused it', () => {
    const workers = { a: beat(now - 1000), b: beat(now - 3000) };
    expect(everyLiveWorkerRefuses(workers, {}, now)).toBeUndefined();
    expect(everyLiveWorkerRefuses(workers, { a: 'it needs rotor 9.9.9' }, now)).toBeUndefined();
    expect(everyLiveWorkerRefuses(workers, { a: 'it needs rotor 9.9.9', b: 'cannot load x.ts' }, now)).toBe('a: it needs rotor 9.9.9; b: cannot load x.ts');
  });

  it('ignores workers that stopped beating, and waits while no worker runs at all', () => {
    expect(everyLiveWorkerRefuses({ a: beat(now - 1000), gone: beat(now - 60_000) }, { a: 'no' }, now)).toBe('a: no');
    expect(everyLiveWorkerRefuses({ gone: beat(now - 60_000) }, { gone: 'no' }, now)).toBeUndefined();
    expect(everyLiveWorkerRefuses({}, {}, now)).toBeUndefined();
    expect(everyLiveWorkerRefuses({ bad: 'not json' }, { bad: 'no' }, now)).toBeUndefined();
  });
});
