/**
 * A copy of `a[from, to)`, written by hand: code that runs after strategy code calls no typed-array method on the
 * engine's own arrays (a strategy could have replaced one, and it would be handed the array).
 */
export function copyRange(a: Float64Array, from: number, to: number): Float64Array {
  const out = new Float64Array(Math.max(0, to - from));
  for (let i = 0; i < out.length; i++) out[i] = a[from + i];
  return out;
}
