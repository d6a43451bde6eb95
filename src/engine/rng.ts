/**
 * A small seeded random number generator (mulberry32): the same seed gives the same model and the same
 * input on every machine, in the browser and in Node.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Fills `out` with uniform(lo, hi) draws, the same values as calling uniform once per element. */
  fillUniform(out: Float32Array, lo: number, hi: number): void;
  /** A standard normal sample (Box–Muller). */
  normal(): number;
  /** An integer in [0, n). */
  int(n: number): number;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    // next() written out in the loop: a model's weights are its first use, in code V8 hasn't optimised
    // yet, where two calls per weight made H = 128's initialisation about four times slower.
    fillUniform: (out, lo, hi) => {
      const span = hi - lo;
      let s = a;
      for (let i = 0; i < out.length; i++) {
        s = (s + 0x6d2b79f5) >>> 0;
        let t = s;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        out[i] = lo + span * (((t ^ (t >>> 14)) >>> 0) / 4294967296);
      }
      a = s;
    },
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    int: (n) => Math.floor(next() * n),
  };
}
