// A small seeded generator, so that anything random the library does (bootstrap resampling) is reproducible: the same
// seed gives the same draws on every platform. xoshiro128** (Blackman & Vigna 2018) on 32-bit words, its state filled
// by SplitMix64 from the seed, as its authors recommend.

const MASK64 = (1n << 64n) - 1n;

/** SplitMix64's output sequence from `seed`, as 32-bit halves (high word first). */
function splitMix64Words(seed: number, count: number): number[] {
  let state = BigInt(seed) & MASK64;
  const words: number[] = [];
  while (words.length < count) {
    state = (state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    z ^= z >> 31n;
    words.push(Number(z >> 32n), Number(z & 0xffffffffn));
  }
  return words;
}

/** A seeded source of uniform draws. */
export interface SeededRandom {
  /** The next 32-bit unsigned integer of xoshiro128**. */
  nextUint32(): number;
  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** A uniform integer in [0, n), without modulo bias; n an integer in [1, 2^32]. */
  below(n: number): number;
}

/** xoshiro128** seeded by SplitMix64 from `seed` (a safe integer; its low 64 bits are used). */
export function seededRandom(seed: number): SeededRandom {
  const s = Uint32Array.from(splitMix64Words(seed, 4));
  const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = s[1]! << 9;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  };
  return {
    nextUint32,
    next: () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992,
    below: (n) => {
      // Lemire's rejection: draws past the largest multiple of n are redrawn, so every value is equally likely.
      const limit = 4294967296 - (4294967296 % n);
      for (;;) {
        const u = nextUint32();
        if (u < limit) return u % n;
      }
    },
  };
}
