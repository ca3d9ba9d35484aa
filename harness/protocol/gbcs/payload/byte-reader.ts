// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A bounds-checked cursor over payload bytes. Every read names the field it reads so that a
 * short or malformed payload fails with a {@link PayloadDecodeError} that says where and what.
 * Offsets are absolute: a sub-reader keeps the offset of its first byte in the outer payload.
 */
import { PayloadDecodeError } from './payload-errors.ts';

export class ByteReader {
  readonly #bytes: Uint8Array;
  readonly #base: number;
  #pos = 0;

  /** @param base offset of bytes[0] inside the whole payload (for error messages). */
  constructor(bytes: Uint8Array, base = 0) {
    this.#bytes = bytes;
    this.#base = base;
  }

  /** Absolute offset of the next byte. */
  get offset(): number {
    return this.#base + this.#pos;
  }

  get remaining(): number {
    return this.#bytes.length - this.#pos;
  }

  get atEnd(): boolean {
    return this.#pos >= this.#bytes.length;
  }

  /** Throws a PayloadDecodeError at the current offset (or `at`). */
  fail(field: string, expected: string, found?: string, at: number = this.offset): never {
    throw new PayloadDecodeError(at, field, expected, found);
  }

  #need(n: number, field: string): void {
    if (this.remaining < n) {
      this.fail(field, n === 1 ? '1 byte' : `${n} bytes`, `${this.remaining} left (payload truncated)`);
    }
  }

  u8(field: string): number {
    this.#need(1, field);
    return this.#bytes[this.#pos++] as number;
  }

  peekU8(field: string): number {
    this.#need(1, field);
    return this.#bytes[this.#pos] as number;
  }

  /** Unsigned big-endian integer of 1..6 bytes. */
  uintBe(n: number, field: string): number {
    this.#need(n, field);
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + (this.#bytes[this.#pos + i] as number);
    this.#pos += n;
    return v;
  }

  /** Unsigned little-endian integer of 1..6 bytes. */
  uintLe(n: number, field: string): number {
    this.#need(n, field);
    let v = 0;
    for (let i = n - 1; i >= 0; i--) v = v * 256 + (this.#bytes[this.#pos + i] as number);
    this.#pos += n;
    return v;
  }

  bigUintBe(n: number, field: string): bigint {
    this.#need(n, field);
    let v = 0n;
    for (let i = 0; i < n; i++) v = (v << 8n) | BigInt(this.#bytes[this.#pos + i] as number);
    this.#pos += n;
    return v;
  }

  bigUintLe(n: number, field: string): bigint {
    this.#need(n, field);
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(this.#bytes[this.#pos + i] as number);
    this.#pos += n;
    return v;
  }

  /** A copy of the next n bytes. */
  bytes(n: number, field: string): Uint8Array {
    this.#need(n, field);
    const out = this.#bytes.slice(this.#pos, this.#pos + n);
    this.#pos += n;
    return out;
  }

  /** A reader over the next n bytes (keeping absolute offsets); this reader skips past them. */
  sub(n: number, field: string): ByteReader {
    this.#need(n, field);
    const r = new ByteReader(this.#bytes.subarray(this.#pos, this.#pos + n), this.offset);
    this.#pos += n;
    return r;
  }

  /** A copy of everything left. */
  rest(): Uint8Array {
    const out = this.#bytes.slice(this.#pos);
    this.#pos = this.#bytes.length;
    return out;
  }

  /** Rejects trailing bytes. */
  expectEnd(field: string): void {
    if (!this.atEnd) this.fail(field, 'end of data', `${this.remaining} trailing byte(s)`);
  }
}
