import type { Side, Trade } from '../types.ts';

/**
 * The trades of a run as columns while it runs, made into Trade objects once at its end (`toArray`). A long run
 * fills tens of thousands of orders: as objects from the start, each (with its boxed numbers) stayed alive through
 * every young-generation collection of the run and was copied by each; in columns they are a few pointers and
 * typed-array slots. The objects made at the end are the same, field for field and in the same key order.
 */
export class TradeLog {
  length = 0;
  private dates: string[] = [];
  private symbols: string[] = [];
  private reasons: string[] = [];
  private bars = new Int32Array(64);
  private sides = new Uint8Array(64);
  private numbers = new Float64Array(4 * 64);

  add(date: string, bar: number, symbol: string, side: Side, quantity: number, price: number, commission: number, slippage: number, reason: string): void {
    const i = this.length;
    if (i === this.bars.length) this.grow();
    this.dates.push(date);
    this.symbols.push(symbol);
    this.reasons.push(reason);
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
      date: this.dates[i],
      bar: this.bars[i],
      symbol: this.symbols[i],
      side: this.sides[i] === 1 ? 'buy' : 'sell',
      quantity: x[4 * i],
      price: x[4 * i + 1],
      commission: x[4 * i + 2],
      slippage: x[4 * i + 3],
      reason: this.reasons[i],
    };
  }

  toArray(): Trade[] {
    const out: Trade[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.at(i));
    return out;
  }

  private grow(): void {
    const size = 2 * this.bars.length;
    const bars = new Int32Array(size);
    bars.set(this.bars);
    this.bars = bars;
    const sides = new Uint8Array(size);
    sides.set(this.sides);
    this.sides = sides;
    const numbers = new Float64Array(4 * size);
    numbers.set(this.numbers);
    this.numbers = numbers;
  }
}
