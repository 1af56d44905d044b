/**
 * Seeded randomness for the demo data. The lead rebuilds state by replaying `{seed, now, …}`, so every
 * draw must come from here (never Math.random) and must not depend on the platform.
 *
 * xoshiro128** is small, fast in 32-bit integer math (which JS engines do exactly), and has a period far
 * beyond anything a demo needs; splitmix32 spreads a small seed over its 128-bit state.
 */

export interface Prng {
  /** Uniform unsigned 32-bit integer. */
  u32(): number;
  /** Uniform in [0, 1). */
  float(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform number in [min, max). */
  range(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` decimal digits, leading zeros kept. */
  digits(count: number): string;
  /** 16 fresh bytes, as UUID generation wants them. */
  bytes16(): Uint8Array;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * `stream` gives independent sequences from one seed, so adding a draw to one concern (say, notes)
 * does not shift the ids of every record after it.
 */
export function createPrng(seed: number, stream = 0): Prng {
  const mix = splitmix32((Math.trunc(seed) ^ Math.imul(stream + 1, 0x27d4eb2d)) >>> 0);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  // An all-zero state would emit zeros forever.
  if ((a | b | c | d) === 0) a = 1;

  const u32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };

  const float = (): number => u32() / 0x1_0000_0000;

  return {
    u32,
    float,
    int: (min, max) => min + Math.floor(float() * (max - min + 1)),
    range: (min, max) => min + float() * (max - min),
    chance: (p) => float() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(float() * items.length)] as T;
    },
    digits: (count) => {
      let out = '';
      for (let i = 0; i < count; i++) out += String(Math.floor(float() * 10));
      return out;
    },
    bytes16: () => {
      const bytes = new Uint8Array(16);
      for (let i = 0; i < 16; i += 4) {
        const v = u32();
        bytes[i] = v & 0xff;
        bytes[i + 1] = (v >>> 8) & 0xff;
        bytes[i + 2] = (v >>> 16) & 0xff;
        bytes[i + 3] = v >>> 24;
      }
      return bytes;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A fixed menu of weighted choices; totals are computed once because the generator draws 100k times. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Prng) => T {
  const values = entries.map(([v]) => v);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) {
    total += w;
    cumulative.push(total);
  }
  return (rng) => {
    const x = rng.float() * total;
    for (let i = 0; i < cumulative.length; i++) {
      if (x < (cumulative[i] as number)) return values[i] as T;
    }
    return values[values.length - 1] as T;
  };
}
