// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A bounded cursor over bytes that names every field it reads, so that truncated or malformed
 * input fails with a GbcsDecodeError carrying the absolute byte offset and the field name —
 * never a RangeError or an `undefined` read.
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
  private position: number;

  /**
   * @param bytes the whole buffer (offsets in errors are relative to its start)
   * @param start first byte this reader may read
   * @param end one past the last byte this reader may read
   */
  constructor(
    private readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    if (start < 0 || end > bytes.length || start > end) {
      throw new GbcsDecodeError(start, 'reader bounds', `0 <= start <= end <= ${bytes.length}`, `start ${start}, end ${end}`);
    }
    this.position = start;
  }

  /** Absolute offset of the next byte. */
  get offset(): number {
    return this.position;
  }

  get remaining(): number {
    return this.end - this.position;
  }

  atEnd(): boolean {
    return this.position >= this.end;
  }

  /** Throws unless at least `count` bytes remain. */
  require(count: number, field: string): void {
    if (this.remaining < count) {
      throw new GbcsDecodeError(this.position, field, `${count} byte${count === 1 ? '' : 's'}`, `${this.remaining} left`);
    }
  }

  /** Next byte without consuming it. */
  peekU8(field: string): number {
    this.require(1, field);
    return this.bytes[this.position] as number;
  }

  u8(field: string): number {
    this.require(1, field);
    return this.bytes[this.position++] as number;
  }

  u16(field: string): number {
    this.require(2, field);
    const value = ((this.bytes[this.position] as number) << 8) | (this.bytes[this.position + 1] as number);
    this.position += 2;
    return value;
  }

  /** Big-endian unsigned 64-bit integer. */
  u64(field: string): bigint {
    this.require(8, field);
    let value = 0n;
    for (let i = 0; i < 8; i++) value = (value << 8n) | BigInt(this.bytes[this.position + i] as number);
    this.position += 8;
    return value;
  }

  /** A copy of the next `count` bytes (a copy even when the input is a Node Buffer). */
  bytesOf(count: number, field: string): Uint8Array {
    this.require(count, field);
    const out = new Uint8Array(this.bytes.subarray(this.position, this.position + count));
    this.position += count;
    return out;
  }

  /** Consumes `expected` exactly, or throws naming the field and both byte strings. */
  expectBytes(expected: Uint8Array, field: string): void {
    const at = this.position;
    this.require(expected.length, field);
    for (let i = 0; i < expected.length; i++) {
      if (this.bytes[at + i] !== expected[i]) {
        throw new GbcsDecodeError(
          at,
          field,
          bytesToHex(expected),
          bytesToHex(this.bytes.subarray(at, at + expected.length)),
        );
      }
    }
    this.position += expected.length;
  }

  /**
   * A GBCS/DLMS length: 0..127 in one byte, 0x81 + one byte (128..255), 0x82 + two bytes
   * (256..65535). Other prefixes and non-minimal forms (e.g. 81 05) are rejected so that a
   * decoded frame always re-encodes to the same bytes.
   */
  length(field: string): DecodedLength {
    const at = this.position;
    const first = this.u8(field);
    if (first < 0x80) return { value: first, size: 1 };
    if (first === 0x81) {
      const value = this.u8(field);
      if (value < 0x80) throw new GbcsDecodeError(at, field, 'minimal length form (one byte for lengths below 128)', `81 ${hex2(value)}`);
      return { value, size: 2 };
    }
    if (first === 0x82) {
      const value = this.u16(field);
      if (value < 0x100) throw new GbcsDecodeError(at, field, 'minimal length form (0x81 form for lengths below 256)', `82 ${hex2(value >> 8)} ${hex2(value & 0xff)}`);
      return { value, size: 3 };
    }
    throw new GbcsDecodeError(at, field, 'length byte below 0x80, or prefix 0x81 / 0x82', hex2(first));
  }

  /** A reader over the next `count` bytes; this reader moves past them. */
  sub(count: number, field: string): ByteReader {
    this.require(count, field);
    const child = new ByteReader(this.bytes, this.position, this.position + count);
    this.position += count;
    return child;
  }

  /** Throws when bytes remain. */
  expectEnd(field: string): void {
    if (this.position !== this.end) {
      throw new GbcsDecodeError(this.position, field, 'end of data', `${this.remaining} more byte${this.remaining === 1 ? '' : 's'}`);
    }
  }
}

function hex2(value: number): string {
  return value.toString(16).toUpperCase().padStart(2, '0');
}
