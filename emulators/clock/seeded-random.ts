// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The only source of randomness in the emulated world: xoshiro128** seeded from a string.
 * `fork(label)` gives an independent stream derived from this stream's seed and the label (not
 * from its position), so one device drawing more numbers never changes what another draws:
 * traces stay identical when a suite adds a read, and a resumed run sees the same world.
 */

const UTF8 = new TextEncoder();

/** Murmur3's 32-bit finaliser: spreads every input bit over the output. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Four 32-bit words from a string: FNV-1a per lane with distinct offsets, then finalised. */
function seedWords(seed: string): [number, number, number, number] {
  const bytes = UTF8.encode(seed);
  const lanes: [number, number, number, number] = [0x811c9dc5, 0x01000193 ^ 0x9e3779b9, 0x27d4eb2f, 0x165667b1];
  for (let lane = 0; lane < 4; lane++) {
    let h = lanes[lane] as number;
    for (const b of bytes) {
      h ^= b;
      h = Math.imul(h, 0x01000193);
    }
    h ^= bytes.length + lane;
    lanes[lane] = fmix32(h);
  }
  // xoshiro must not start from the all-zero state.
  if (lanes.every((w) => w === 0)) lanes[0] = 0x9e3779b9;
  return lanes;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(readonly seed: string) {
    [this.s0, this.s1, this.s2, this.s3] = seedWords(seed);
  }

  /** An independent stream for `label`, the same for the same seed and label. */
  fork(label: string): SeededRandom {
    return new SeededRandom(`${this.seed}/${label}`);
  }

  /** The next unsigned 32-bit integer. */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    this.s0 >>>= 0;
    this.s1 >>>= 0;
    this.s2 >>>= 0;
    return result;
  }

  /** A float in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.uint32() >>> 5; // 27 bits
    const lo = this.uint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new RangeError(`int(min, max) needs safe integers with min <= max, got ${min}, ${max}`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick needs at least one item');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** `n` random bytes. */
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      let w = this.uint32();
      for (let j = i; j < Math.min(n, i + 4); j++) {
        out[j] = w & 0xff;
        w >>>= 8;
      }
    }
    return out;
  }
}
