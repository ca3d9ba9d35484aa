// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Builds byte strings field by field with range-checked integer writers; the inverse of
 * ByteReader. The frame codec writes with it directly; the payload encoders write through
 * PayloadWriter (payload/payload-writer.ts), which rejects values with PayloadEncodeErrors.
 */
import { GbcsEncodeError } from './errors.ts';
import { MAX_ENCODED_LENGTH } from './byte-reader.ts';
import { concatBytes } from './hex.ts';

/** The minimal GBCS/DLMS length encoding of `value` (see ByteReader.length). */
export function encodeLength(value: number, field = 'length'): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > MAX_ENCODED_LENGTH) {
    throw new GbcsEncodeError(field, `an integer length 0..${MAX_ENCODED_LENGTH}`, String(value));
  }
  if (value < 0x80) return Uint8Array.of(value);
  if (value < 0x100) return Uint8Array.of(0x81, value);
  return Uint8Array.of(0x82, value >> 8, value & 0xff);
}

export class ByteWriter {
  readonly #parts: Uint8Array[] = [];
  #size = 0;

  /** Bytes written so far. */
  get size(): number {
    return this.#size;
  }

  u8(value: number, field: string): this {
    return this.uintBe(value, 1, field);
  }

  /** Big-endian unsigned 16-bit integer. */
  u16(value: number, field: string): this {
    return this.uintBe(value, 2, field);
  }

  /** Big-endian unsigned 64-bit integer. */
  u64(value: bigint, field: string): this {
    return this.bigUintBe(value, 8, field);
  }

  /** Unsigned big-endian integer of 1..6 bytes. */
  uintBe(value: number, n: number, field: string): this {
    this.checkUint(value, n, field);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.floor(value / 2 ** (8 * (n - 1 - i))) % 256;
    this.#push(out);
    return this;
  }

  /** Unsigned little-endian integer of 1..6 bytes. */
  uintLe(value: number, n: number, field: string): this {
    this.checkUint(value, n, field);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.floor(value / 2 ** (8 * i)) % 256;
    this.#push(out);
    return this;
  }

  bigUintBe(value: bigint, n: number, field: string): this {
    this.checkBigUint(value, n, field);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = Number((value >> BigInt(8 * (n - 1 - i))) & 0xffn);
    this.#push(out);
    return this;
  }

  bigUintLe(value: bigint, n: number, field: string): this {
    this.checkBigUint(value, n, field);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = Number((value >> BigInt(8 * i)) & 0xffn);
    this.#push(out);
    return this;
  }

  /** The bytes as they are now (copied). */
  bytes(value: Uint8Array): this {
    this.#push(new Uint8Array(value));
    return this;
  }

  /** Bytes that must have an exact size (EUIs, date-time, signature...). */
  fixed(value: Uint8Array, size: number, field: string): this {
    if (value.length !== size) throw this.encodeError(field, `${size} bytes`, `${value.length} bytes`);
    return this.bytes(value);
  }

  /** A GBCS/DLMS length prefix (encodeLength). */
  length(value: number, field: string): this {
    this.#push(encodeLength(value, field));
    return this;
  }

  toBytes(): Uint8Array {
    return concatBytes(...this.#parts);
  }

  #push(part: Uint8Array): void {
    this.#parts.push(part);
    this.#size += part.length;
  }

  /** The error a value out of range throws (a subclass may throw a more specific GbcsEncodeError). */
  protected encodeError(field: string, expected: string, found: string): GbcsEncodeError {
    return new GbcsEncodeError(field, expected, found);
  }

  private checkUint(value: number, n: number, field: string): void {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** (8 * n)) {
      throw this.encodeError(field, `an unsigned integer of ${8 * n} bits`, String(value));
    }
  }

  private checkBigUint(value: bigint, n: number, field: string): void {
    if (typeof value !== 'bigint' || value < 0n || value >= 1n << BigInt(8 * n)) {
      throw this.encodeError(field, `an unsigned integer of ${8 * n} bits`, String(value));
    }
  }
}
