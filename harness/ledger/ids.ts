// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Sortable unique ids for ledger records, in the ULID layout: 26 Crockford base32 characters,
 * the first 10 a 48-bit millisecond time, the last 16 an 80-bit entropy.
 *
 * Nothing here reads the wall clock or a global random source: the generator is given a clock
 * and a random source, so a run under a seed (a fixed clock + `seededRandom(seed)`) produces the
 * same ids every time. Ids from one generator are strictly increasing as strings: within one
 * millisecond — or when the clock goes backwards — the generator keeps the last time and counts
 * the entropy up by one instead of drawing new randomness.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Epoch milliseconds, an integer in [0, 2^48). */
export type Clock = () => number;

/** Returns `byteLength` bytes of randomness. */
export type RandomSource = (byteLength: number) => Uint8Array;

/** Returns the next id. */
export type IdGenerator = () => string;

export interface IdGeneratorOptions {
  readonly clock: Clock;
  readonly random: RandomSource;
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const ENTROPY_CHARS = 16;
const ENTROPY_BYTES = 10;
export const ID_LENGTH = TIME_CHARS + ENTROPY_CHARS;
export const MAX_ID_TIME = 2 ** 48 - 1;
const MAX_ENTROPY = (1n << 80n) - 1n;
const ID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

export function createIdGenerator(options: IdGeneratorOptions): IdGenerator {
  const { clock, random } = options;
  let lastTime = -1;
  let lastEntropy = 0n;
  return () => {
    const now = clock();
    if (!Number.isInteger(now) || now < 0 || now > MAX_ID_TIME) {
      throw new RangeError(`id clock returned ${String(now)}; expected an integer of epoch milliseconds in [0, 2^48)`);
    }
    if (now > lastTime) {
      lastTime = now;
      lastEntropy = bytesToBigInt(draw(random, ENTROPY_BYTES));
    } else {
      if (lastEntropy === MAX_ENTROPY) {
        throw new RangeError(`id entropy exhausted within millisecond ${lastTime}; the random source returned all ones`);
      }
      lastEntropy += 1n;
    }
    return encodeTime(lastTime) + encodeEntropy(lastEntropy);
  };
}

/**
 * One id for a given time, without monotonic state: for a caller that makes a single id (a run
 * id) and holds its own clock. Two calls in the same millisecond are ordered by chance only;
 * use `createIdGenerator` for a sequence.
 */
export function newId(timeMs: number, random: RandomSource): string {
  return createIdGenerator({ clock: () => timeMs, random })();
}

/** The millisecond time inside an id. Throws on something that is not an id. */
export function idTime(id: string): number {
  if (!isId(id)) throw new TypeError(`"${id}" is not a ledger id (26 Crockford base32 characters)`);
  let time = 0;
  for (let i = 0; i < TIME_CHARS; i++) time = time * 32 + ALPHABET.indexOf(id.charAt(i));
  return time;
}

/** True for a canonical (upper-case) 26-character id whose time fits 48 bits. */
export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** Randomness from node:crypto: for ids that need not be reproducible. */
export const cryptoRandom: RandomSource = (byteLength) => randomBytes(byteLength);

/**
 * A deterministic random source: SHA-256 in counter mode over the seed. The same seed gives
 * the same byte stream, however it is split into calls.
 */
export function seededRandom(seed: string): RandomSource {
  let counter = 0;
  let block: Uint8Array = new Uint8Array(0);
  let used = 0;
  return (byteLength) => {
    const out = new Uint8Array(byteLength);
    for (let i = 0; i < byteLength; i++) {
      if (used === block.length) {
        block = createHash('sha256').update(`dit-ids\u0000${seed}\u0000${counter++}`).digest();
        used = 0;
      }
      out[i] = block[used++] ?? 0;
    }
    return out;
  };
}

function draw(random: RandomSource, byteLength: number): Uint8Array {
  const bytes = random(byteLength);
  if (!(bytes instanceof Uint8Array) || bytes.length < byteLength) {
    throw new TypeError(`id random source must return a Uint8Array of ${byteLength} bytes`);
  }
  return bytes;
}

function bytesToBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = 0; i < ENTROPY_BYTES; i++) value = (value << 8n) | BigInt(bytes[i] ?? 0);
  return value;
}

function encodeTime(time: number): string {
  let out = '';
  let rest = time;
  for (let i = 0; i < TIME_CHARS; i++) {
    out = ALPHABET.charAt(rest % 32) + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeEntropy(entropy: bigint): string {
  let out = '';
  let rest = entropy;
  for (let i = 0; i < ENTROPY_CHARS; i++) {
    out = ALPHABET.charAt(Number(rest & 31n)) + out;
    rest >>= 5n;
  }
  return out;
}
