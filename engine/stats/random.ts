/**
 * Counter-based random numbers: the value for (seed, trial, draw) depends on nothing else, so a random sweep draws
 * the same points whatever the chunking, the worker count or the order trials run in, and after a resume.
 */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
  return (x ^ (x >>> 15)) >>> 0;
}

/** A uniform number in [0, 1) for draw `d` of trial `t` under `seed`, from 53 random bits. */
export function uniformAt(seed: number, t: number, d: number): number {
  const base = mix32(mix32(seed | 0) ^ Math.imul(t + 1, 0x9e3779b9)) ^ Math.imul(d + 1, 0x85ebca6b);
  const hi = mix32(base) >>> 5; // 27 bits
  const lo = mix32(base ^ 0x68e31da4) >>> 6; // 26 bits
  return (hi * 67108864 + lo) / 9007199254740992;
}
