/**
 * Indicators as steppers: each takes one value (a close) per bar and returns its output for that bar, in O(1) and
 * without allocating after construction. A NaN input (no bar) gives a NaN output and leaves the state as it was.
 * Running sums are recomputed from their window each time it wraps, so float drift cannot build up over a long run.
 */
export interface Stepper {
  /** Feed the next bar's value; returns the indicator on that bar (NaN until enough values are known). */
  step(x: number): number;
}

const ANNUAL = Math.sqrt(252);

/** Simple moving average of the last n values. */
export class Sma implements Stepper {
  private readonly ring: Float64Array;
  private i = 0;
  private count = 0;
  private sum = 0;
  constructor(private readonly n: number) {
    this.ring = new Float64Array(n);
  }
  step(x: number): number {
    if (!(x === x)) return NaN;
    const old = this.ring[this.i];
    this.ring[this.i] = x;
    this.i = (this.i + 1) % this.n;
    if (this.count < this.n) this.count++;
    else this.sum -= old;
    this.sum += x;
    if (this.i === 0) {
      let s = 0;
      for (let k = 0; k < this.count; k++) s += this.ring[k];
      this.sum = s;
    }
    return this.count === this.n ? this.sum / this.n : NaN;
  }
}

/** Exponential moving average, α = 2 / (n + 1), seeded with the simple average of the first n values. */
export class Ema implements Stepper {
  private readonly seed: Sma;
  private value = NaN;
  private readonly alpha: number;
  constructor(n: number) {
    this.seed = new Sma(n);
    this.alpha = 2 / (n + 1);
  }
  step(x: number): number {
    if (!(x === x)) return NaN;
    if (this.value === this.value) this.value = (x - this.value) * this.alpha + this.value;
    else this.value = this.seed.step(x);
    return this.value;
  }
}

/** Sample standard deviation of the last n simple returns (close to close) × √252: annualised volatility. */
export class Volatility implements Stepper {
  private readonly ring: Float64Array;
  private i = 0;
  private count = 0;
  private sum = 0;
  private sumSq = 0;
  private prev = NaN;
  constructor(private readonly n: number) {
    if (n < 2) throw new RangeError(`volatility needs at least 2 returns, got ${n}`);
    this.ring = new Float64Array(n);
  }
  step(x: number): number {
    if (!(x === x)) return NaN;
    const r = x / this.prev - 1;
    this.prev = x;
    if (!(r === r)) return NaN;
    const old = this.ring[this.i];
    this.ring[this.i] = r;
    this.i = (this.i + 1) % this.n;
    if (this.count < this.n) this.count++;
    else {
      this.sum -= old;
      this.sumSq -= old * old;
    }
    this.sum += r;
    this.sumSq += r * r;
    if (this.i === 0) {
      let s = 0;
      let q = 0;
      for (let k = 0; k < this.count; k++) {
        s += this.ring[k];
        q += this.ring[k] * this.ring[k];
      }
      this.sum = s;
      this.sumSq = q;
    }
    if (this.count < this.n) return NaN;
    const variance = (this.sumSq - (this.sum * this.sum) / this.n) / (this.n - 1);
    return Math.sqrt(Math.max(0, variance)) * ANNUAL;
  }
}

/** Wilder's RSI: average gain and loss seeded with the mean of the first n changes, then smoothed by (n − 1)/n. */
export class Rsi implements Stepper {
  private prev = NaN;
  private gain = 0;
  private loss = 0;
  private count = 0;
  constructor(private readonly n: number) {}
  step(x: number): number {
    if (!(x === x)) return NaN;
    const change = x - this.prev;
    this.prev = x;
    if (!(change === change)) return NaN;
    const up = change > 0 ? change : 0;
    const down = change < 0 ? -change : 0;
    if (this.count < this.n) {
      this.gain += up / this.n;
      this.loss += down / this.n;
      this.count++;
      if (this.count < this.n) return NaN;
    } else {
      this.gain = (this.gain * (this.n - 1) + up) / this.n;
      this.loss = (this.loss * (this.n - 1) + down) / this.n;
    }
    if (this.loss === 0) return this.gain === 0 ? 50 : 100;
    return 100 - 100 / (1 + this.gain / this.loss);
  }
}

/** Value / highest of the last n values − 1 (≤ 0), with a monotonic queue of candidate highs. */
export class FromHigh implements Stepper {
  private readonly values: Float64Array;
  private readonly bars: Int32Array;
  private head = 0;
  private size = 0;
  private t = 0;
  constructor(private readonly n: number) {
    this.values = new Float64Array(n);
    this.bars = new Int32Array(n);
  }
  step(x: number): number {
    if (!(x === x)) return NaN;
    const t = this.t++;
    const cap = this.n;
    while (this.size > 0 && this.bars[this.head] <= t - cap) {
      this.head = (this.head + 1) % cap;
      this.size--;
    }
    while (this.size > 0 && this.values[(this.head + this.size - 1) % cap] <= x) this.size--;
    const slot = (this.head + this.size) % cap;
    this.values[slot] = x;
    this.bars[slot] = t;
    this.size++;
    return t + 1 >= cap ? x / this.values[this.head] - 1 : NaN;
  }
}

/** Correlation and beta (of y on x) of the last n paired simple returns, from running sums. */
export class PairStats {
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private i = 0;
  private count = 0;
  private sx = 0;
  private sy = 0;
  private sxx = 0;
  private syy = 0;
  private sxy = 0;
  private px = NaN;
  private py = NaN;
  constructor(private readonly n: number) {
    if (n < 2) throw new RangeError(`correlation and beta need at least 2 returns, got ${n}`);
    this.xs = new Float64Array(n);
    this.ys = new Float64Array(n);
  }
  /** Feed both closes of a bar; then `correlation()` and `beta()` read the window. */
  step(x: number, y: number): void {
    if (!(x === x) || !(y === y)) return;
    const rx = x / this.px - 1;
    const ry = y / this.py - 1;
    this.px = x;
    this.py = y;
    if (!(rx === rx) || !(ry === ry)) return;
    const ox = this.xs[this.i];
    const oy = this.ys[this.i];
    this.xs[this.i] = rx;
    this.ys[this.i] = ry;
    this.i = (this.i + 1) % this.n;
    if (this.count < this.n) this.count++;
    else {
      this.sx -= ox;
      this.sy -= oy;
      this.sxx -= ox * ox;
      this.syy -= oy * oy;
      this.sxy -= ox * oy;
    }
    this.sx += rx;
    this.sy += ry;
    this.sxx += rx * rx;
    this.syy += ry * ry;
    this.sxy += rx * ry;
    if (this.i === 0) {
      this.sx = this.sy = this.sxx = this.syy = this.sxy = 0;
      for (let k = 0; k < this.count; k++) {
        this.sx += this.xs[k];
        this.sy += this.ys[k];
        this.sxx += this.xs[k] * this.xs[k];
        this.syy += this.ys[k] * this.ys[k];
        this.sxy += this.xs[k] * this.ys[k];
      }
    }
  }
  private full(): boolean {
    return this.count === this.n;
  }
  correlation(): number {
    if (!this.full()) return NaN;
    const n = this.n;
    const cov = this.sxy - (this.sx * this.sy) / n;
    const vx = this.sxx - (this.sx * this.sx) / n;
    const vy = this.syy - (this.sy * this.sy) / n;
    return vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : NaN;
  }
  beta(): number {
    if (!this.full()) return NaN;
    const n = this.n;
    const vx = this.sxx - (this.sx * this.sx) / n;
    return vx > 0 ? (this.sxy - (this.sx * this.sy) / n) / vx : NaN;
  }
}

/**
 * Moving average of month-end values, as Faber's 10-month rule reads it: the last n − 1 completed months' final
 * values and today's value (which, on a month's last trading day, is that month's final value).
 */
export class MonthlySma {
  private readonly ring: Float64Array;
  private i = 0;
  private count = 0;
  private last = NaN;
  constructor(private readonly n: number) {
    this.ring = new Float64Array(Math.max(1, n - 1));
  }
  /** `newMonth`: this bar is the first of a month, so the previous bar's value closed the last one. */
  step(x: number, newMonth: boolean): number {
    if (newMonth && this.last === this.last && this.n > 1) {
      this.ring[this.i] = this.last;
      this.i = (this.i + 1) % this.ring.length;
      if (this.count < this.ring.length) this.count++;
    }
    if (x === x) this.last = x;
    if (!(x === x) || (this.n > 1 && this.count < this.n - 1)) return NaN;
    if (this.n === 1) return x;
    let s = x;
    for (let k = 0; k < this.ring.length; k++) s += this.ring[k];
    return s / this.n;
  }
}
