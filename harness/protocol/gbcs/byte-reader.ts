// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A bounded cursor over bytes that names every field it reads, so that truncated or malformed
 * input fails with a GbcsDecodeError carrying the absolute byte offset and the field name —
 * never a RangeError or an `undefined` read. The frame codec reads with it directly; the
 * payload codecs read through PayloadReader (payload/payload-reader.ts), which words the same
 * failures as PayloadDecodeErrors.
 *
 * Offsets are absolute: a reader's first byte sits at `base`, and a sub-reader keeps the offset
 * of its first byte in the outer bytes.
 */
import { GbcsDecodeError } from './errors.ts';
import { bytesToHex } from './hex.ts';

/** Largest length the GBCS/DLMS length prefix can carry (0x82 + two bytes). */
export const MAX_ENCODED_LENGTH = 0xffff;

/** A length as read from the wire. */
export interface DecodedLength {
  readonly value: number;
  /** Bytes the length used on the wire (1, 2 or 3). */
  readonly size: number;
}

export class ByteReader {
  readonly #bytes: Uint8Array;
  readonly #base: number;
  #pos = 0;

  /**
   * @param bytes the bytes this reader may read
   * @param base offset of bytes[0] in the whole input (offsets in errors are absolute)
   */
  constructor(bytes: Uint8Array, base = 0) {
    if (!Number.isInteger(base) || base < 0) this.fail('reader bounds', 'a base offset that is a whole number >= 0', String(base), 0);
    this.#bytes = bytes;
    this.#base = base;
  }

  /** Absolute offset of the next byte. */
  get offset(): number {
    return this.#base + this.#pos;
  }

  /** Absolute offset one past the last byte this reader may read. */
  get end(): number {
    return this.#base + this.#bytes.length;
  }

  get remaining(): number {
    return this.#bytes.length - this.#pos;
  }

  get atEnd(): boolean {
    return this.#pos >= this.#bytes.length;
  }

  /** Throws this reader's decode error at the current offset (or `at`). */
  fail(field: string, expected: string, found?: string, at: number = this.offset): never {
    throw this.decodeError(at, field, expected, found);
  }

  /** Throws unless at least `count` bytes remain. */
  require(count: number, field: string): void {
    if (this.remaining < count) this.fail(field, count === 1 ? '1 byte' : `${count} bytes`, this.shortfallText(this.remaining));
  }

  /** Next byte without consuming it. */
  peekU8(field: string): number {
    this.require(1, field);
    return this.#bytes[this.#pos] as number;
  }

  u8(field: string): number {
    this.require(1, field);
    return this.#bytes[this.#pos++] as number;
  }

  /** Big-endian unsigned 16-bit integer. */
  u16(field: string): number {
    return this.uintBe(2, field);
  }

  /** Big-endian unsigned 64-bit integer. */
  u64(field: string): bigint {
    return this.bigUintBe(8, field);
  }

  /** Unsigned big-endian integer of 1..6 bytes. */
  uintBe(n: number, field: string): number {
    this.require(n, field);
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + (this.#bytes[this.#pos + i] as number);
    this.#pos += n;
    return v;
  }

  /** Unsigned little-endian integer of 1..6 bytes. */
  uintLe(n: number, field: string): number {
    this.require(n, field);
    let v = 0;
    for (let i = n - 1; i >= 0; i--) v = v * 256 + (this.#bytes[this.#pos + i] as number);
    this.#pos += n;
    return v;
  }

  bigUintBe(n: number, field: string): bigint {
    this.require(n, field);
    let v = 0n;
    for (let i = 0; i < n; i++) v = (v << 8n) | BigInt(this.#bytes[this.#pos + i] as number);
    this.#pos += n;
    return v;
  }

  bigUintLe(n: number, field: string): bigint {
    this.require(n, field);
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(this.#bytes[this.#pos + i] as number);
    this.#pos += n;
    return v;
  }

  /** A copy of the next `count` bytes (a copy even when the input is a Node Buffer). */
  bytes(count: number, field: string): Uint8Array {
    this.require(count, field);
    const out = new Uint8Array(this.#bytes.subarray(this.#pos, this.#pos + count));
    this.#pos += count;
    return out;
  }

  /** A copy of everything left. */
  rest(): Uint8Array {
    return this.bytes(this.remaining, 'rest');
  }

  /** Consumes `expected` exactly, or throws naming the field and both byte strings. */
  expectBytes(expected: Uint8Array, field: string): void {
    const at = this.offset;
    this.require(expected.length, field);
    for (let i = 0; i < expected.length; i++) {
      if (this.#bytes[this.#pos + i] !== expected[i]) {
        this.fail(field, bytesToHex(expected), bytesToHex(this.#bytes.subarray(this.#pos, this.#pos + expected.length)), at);
      }
    }
    this.#pos += expected.length;
  }

  /**
   * A GBCS/DLMS length: 0..127 in one byte, 0x81 + one byte (128..255), 0x82 + two bytes
   * (256..65535). Other prefixes and non-minimal forms (e.g. 81 05) are rejected so that a
   * decoded frame always re-encodes to the same bytes.
   */
  length(field: string): DecodedLength {
    const at = this.offset;
    const first = this.u8(field);
    if (first < 0x80) return { value: first, size: 1 };
    if (first === 0x81) {
      const value = this.u8(field);
      if (value < 0x80) this.fail(field, 'minimal length form (one byte for lengths below 128)', `81 ${hex2(value)}`, at);
      return { value, size: 2 };
    }
    if (first === 0x82) {
      const value = this.u16(field);
      if (value < 0x100) this.fail(field, 'minimal length form (0x81 form for lengths below 256)', `82 ${hex2(value >> 8)} ${hex2(value & 0xff)}`, at);
      return { value, size: 3 };
    }
    return this.fail(field, 'length byte below 0x80, or prefix 0x81 / 0x82', hex2(first), at);
  }

  /** A reader of the same kind over the next `count` bytes (keeping absolute offsets); this reader moves past them. */
  sub(count: number, field: string): this {
    this.require(count, field);
    const Reader = this.constructor as new (bytes: Uint8Array, base: number) => this;
    const child = new Reader(this.#bytes.subarray(this.#pos, this.#pos + count), this.offset);
    this.#pos += count;
    return child;
  }

  /** Throws when bytes remain. */
  expectEnd(field: string): void {
    if (!this.atEnd) this.fail(field, 'end of data', this.surplusText(this.remaining));
  }

  /** The error every failed read throws (a subclass may throw a more specific GbcsDecodeError). */
  protected decodeError(offset: number, field: string, expected: string, found: string | undefined): GbcsDecodeError {
    return new GbcsDecodeError(offset, field, expected, found);
  }

  /** What a read past the end found: "3 left". */
  protected shortfallText(remaining: number): string {
    return `${remaining} left`;
  }

  /** What expectEnd found instead of the end: "1 more byte". */
  protected surplusText(remaining: number): string {
    return `${remaining} more byte${remaining === 1 ? '' : 's'}`;
  }
}

function hex2(value: number): string {
  return value.toString(16).toUpperCase().padStart(2, '0');
}
