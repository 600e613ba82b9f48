/**
 * Hand-written pseudo-random numbers so that the sample dataset is byte-identical on every run, platform and
 * Node version: Math.random is unseeded and engine-specific, and no library is allowed to change underneath us.
 *
 * Generator: xoshiro128** (32-bit integer arithmetic only, exact in JavaScript through Math.imul and >>> 0),
 * seeded through splitmix32. Every component of the generator draws from its own stream, forked by a label, so
 * that adding draws to one series does not shift the random numbers of every other series.
 */

function splitmix32(state: number): { value: number; state: number } {
  const next = (state + 0x9e3779b9) | 0;
  let t = next ^ (next >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  t ^= t >>> 15;
  return { value: t >>> 0, state: next };
}

/** FNV-1a over UTF-16 code units: stable label → 32-bit stream id. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

export class Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  /** Second value of the last polar-method pair; kept so each pair of uniforms yields two normals. */
  private spare: number | undefined;

  constructor(
    readonly seed: number,
    readonly label: string,
  ) {
    let state = (seed ^ hashLabel(label)) | 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = splitmix32(state);
      state = r.state;
      words.push(r.value);
    }
    [this.s0, this.s1, this.s2, this.s3] = words;
    // An all-zero state would stick at zero forever; splitmix32 makes it practically impossible, but be certain.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** An independent stream for a sub-component, identified by label rather than by draw order. */
  fork(label: string): Rng {
    return new Rng(this.seed, `${this.label}/${label}`);
  }

  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform on the open interval (0, 1) with 53 random bits; never 0, so log() is always safe. */
  uniform(): number {
    const hi = this.nextU32() >>> 5; // 27 bits
    const lo = this.nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo + 0.5) / 9007199254740992;
  }

  /** Integer uniform on [0, n). The modulo bias is below 1e-9 for the small n used here. */
  int(n: number): number {
    return this.nextU32() % n;
  }

  /** Standard normal by Marsaglia's polar method (needs only log and sqrt, no trigonometry). */
  normal(): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return s;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        this.spare = v * f;
        return u * f;
      }
    }
  }

  /**
   * Student-t with integer `dof` > 2, rescaled to unit variance so that a volatility parameter keeps its meaning.
   * Clipped at ±clip standard deviations: four degrees of freedom occasionally produce 15-sigma draws, which
   * through a GARCH filter would turn into implausible one-day moves.
   */
  studentT(dof: number, clip: number): number {
    const z = this.normal();
    let chi2 = 0;
    for (let i = 0; i < dof; i++) {
      const g = this.normal();
      chi2 += g * g;
    }
    const t = (z / Math.sqrt(chi2 / dof)) * Math.sqrt((dof - 2) / dof);
    return t > clip ? clip : t < -clip ? -clip : t;
  }
}
