/**
 * Columnar daily bars on one trading calendar. All values of all symbols live in one SharedArrayBuffer so that a
 * batch runner can hand the same memory to worker threads without copying. NaN means "no bar": a symbol is
 * untradable before its first bar and after its last, and gaps are never back-filled.
 */
export const PRICE_FIELDS = ['open', 'high', 'low', 'close', 'adjClose', 'volume'] as const;
export type PriceField = (typeof PRICE_FIELDS)[number];

const FIELD_INDEX: Record<PriceField, number> = { open: 0, high: 1, low: 2, close: 3, adjClose: 4, volume: 5 };

/** What a worker needs to rebuild the same MarketData over the same memory. */
export interface MarketDataTransfer {
  dates: string[];
  symbols: string[];
  buffer: SharedArrayBuffer;
}

export class MarketData {
  readonly nBars: number;
  /** Layout: values[(symbol * FIELDS + field) * nBars + bar]. */
  readonly values: Float64Array;
  private readonly index = new Map<string, number>();

  constructor(
    readonly dates: readonly string[],
    readonly symbols: readonly string[],
    readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(
      dates.length * symbols.length * PRICE_FIELDS.length * Float64Array.BYTES_PER_ELEMENT,
    ),
  ) {
    this.nBars = dates.length;
    this.values = new Float64Array(buffer);
    if (this.values.length !== dates.length * symbols.length * PRICE_FIELDS.length) {
      throw new Error('MarketData buffer size does not match dates × symbols × fields');
    }
    symbols.forEach((s, k) => this.index.set(s, k));
  }

  static fromTransfer(t: MarketDataTransfer): MarketData {
    return new MarketData(t.dates, t.symbols, t.buffer);
  }

  toTransfer(): MarketDataTransfer {
    return { dates: [...this.dates], symbols: [...this.symbols], buffer: this.buffer };
  }

  has(symbol: string): boolean {
    return this.index.has(symbol);
  }

  symbolIndex(symbol: string): number {
    const k = this.index.get(symbol);
    if (k === undefined) throw new Error(`unknown symbol ${symbol}`);
    return k;
  }

  /** A live view (no copy) of one field of one symbol over the whole calendar. */
  column(symbol: string | number, field: PriceField): Float64Array {
    const k = typeof symbol === 'number' ? symbol : this.symbolIndex(symbol);
    const start = (k * PRICE_FIELDS.length + FIELD_INDEX[field]) * this.nBars;
    return this.values.subarray(start, start + this.nBars);
  }
}
