import { RotorError } from '../engine/index.ts';
import type { RunOutcome } from './outcome.ts';

/** A RunOutcome as JSON can carry it: the returns as base64 of their little-endian float64 bytes, bit for bit. */
export type EncodedOutcome = Omit<RunOutcome, 'returns'> & { returns: string; codec: 1 };

export function encodeFloat64(values: Float64Array): string {
  const bytes = new Uint8Array(values.length * 8);
  const dv = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) dv.setFloat64(i * 8, values[i], true);
  return Buffer.from(bytes).toString('base64');
}

export function decodeFloat64(text: string): Float64Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 8 !== 0) throw new RotorError(`encoded float64 array has ${bytes.length} bytes, not a multiple of 8`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float64Array(bytes.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = dv.getFloat64(i * 8, true);
  return out;
}

/** JSON.stringify of a Float64Array gives an object of indices and loses NaN: encode first. */
export function encodeOutcome(outcome: RunOutcome): EncodedOutcome {
  return { ...outcome, returns: encodeFloat64(outcome.returns), codec: 1 };
}

export function decodeOutcome(encoded: EncodedOutcome): RunOutcome {
  if (encoded.codec !== 1) throw new RotorError(`run outcome codec ${String(encoded.codec)} is not one this rotor reads (1)`);
  const { codec: _codec, ...rest } = encoded;
  return { ...rest, returns: decodeFloat64(encoded.returns) };
}
