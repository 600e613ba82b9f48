/**
 * Time-ordered events of a replay. Within a trading day the phase fixes the order: fills at the open, then macro
 * releases becoming visible, then fills at the close; the strategy decides after those, and same-close fills come
 * last. Ties keep insertion order, so a replay is deterministic.
 */
export const Phase = { Open: 0, Release: 1, Close: 2, AfterDecision: 3 } as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

export interface QueuedEvent<T> {
  bar: number;
  phase: Phase;
  payload: T;
}

interface Entry<T> extends QueuedEvent<T> {
  seq: number;
}

export class EventQueue<T> {
  private heap: Entry<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** The bar of the earliest event; Infinity when there is none. */
  get nextBar(): number {
    return this.heap.length ? this.heap[0].bar : Infinity;
  }

  push(bar: number, phase: Phase, payload: T): void {
    const heap = this.heap;
    heap.push({ bar, phase, payload, seq: this.seq++ });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  /** Remove and return the earliest event if it is due at or before (bar, phase). */
  popDue(bar: number, phase: Phase): QueuedEvent<T> | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (!top || top.bar > bar || (top.bar === bar && top.phase > phase)) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l], heap[m])) m = l;
        if (r < heap.length && before(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  }
}

function before<T>(a: Entry<T>, b: Entry<T>): boolean {
  if (a.bar !== b.bar) return a.bar < b.bar;
  if (a.phase !== b.phase) return a.phase < b.phase;
  return a.seq < b.seq;
}
