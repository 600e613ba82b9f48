import type { Side, Trade } from '../types.ts';

/**
 * The trades of a run as columns while it runs, made into Trade objects once at its end (`toArray`). A long run
 * fills tens of thousands of orders: as objects from the start, each (with its boxed numbers) stayed alive through
 * every young-generation collection of the run and was copied by each; in columns they are a few pointers and
 * typed-array slots. The objects made at the end are the same, field for field and in the same key order.
 */
export class TradeLog {
  length = 0;
  private symbols: string[] = [];
  /** The trades of one fill share their date and mostly their reason: each is kept once per run of equal values. */
  private texts: string[] = [];
  private lastDate: string | undefined;
  private lastReason: string | undefined;
  private dateText = 0;
  private reasonText = 0;
  private dates = new Int32Array(64);
  private reasons = new Int32Array(64);
  private bars = new Int32Array(64);
  private sides = new Uint8Array(64);
  private numbers = new Float64Array(4 * 64);

  add(date: string, bar: number, symbol: string, side: Side, quantity: number, price: number, commission: number, slippage: number, reason: string): void {
    const i = this.length;
    if (i === this.bars.length) this.grow();
    if (date !== this.lastDate) {
      this.lastDate = date;
      this.dateText = this.texts.push(date) - 1;
    }
    if (reason !== this.lastReason) {
      this.lastReason = reason;
      this.reasonText = this.texts.push(reason) - 1;
    }
    this.dates[i] = this.dateText;
    this.reasons[i] = this.reasonText;
    this.symbols.push(symbol);
    this.bars[i] = bar;
    this.sides[i] = side === 'buy' ? 1 : 0;
    const x = this.numbers;
    x[4 * i] = quantity;
    x[4 * i + 1] = price;
    x[4 * i + 2] = commission;
    x[4 * i + 3] = slippage;
    this.length = i + 1;
  }

  /** Trade `i` as an object (a new one on each call). */
  at(i: number): Trade {
    const x = this.numbers;
    return {
      date: this.texts[this.dates[i]],
      bar: this.bars[i],
      symbol: this.symbols[i],
      side: this.sides[i] === 1 ? 'buy' : 'sell',
      quantity: x[4 * i],
      price: x[4 * i + 1],
      commission: x[4 * i + 2],
      slippage: x[4 * i + 3],
      reason: this.texts[this.reasons[i]],
    };
  }

  toArray(): Trade[] {
    const out: Trade[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.at(i));
    return out;
  }

  private grow(): void {
    const size = 2 * this.bars.length;
    this.dates = grownInt(this.dates, size);
    this.reasons = grownInt(this.reasons, size);
    this.bars = grownInt(this.bars, size);
    const sides = new Uint8Array(size);
    sides.set(this.sides);
    this.sides = sides;
    const numbers = new Float64Array(4 * size);
    numbers.set(this.numbers);
    this.numbers = numbers;
  }
}

function grownInt(xs: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(size);
  out.set(xs);
  return out;
}
