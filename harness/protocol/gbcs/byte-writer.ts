// SPDX-License-Identifier: GPL-3.0-or-later
/** Builds byte strings field by field; the inverse of ByteReader. */
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
  private readonly parts: Uint8Array[] = [];

  u8(value: number, field: string): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new GbcsEncodeError(field, 'an integer 0..255', String(value));
    this.parts.push(Uint8Array.of(value));
    return this;
  }

  u16(value: number, field: string): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xffff) throw new GbcsEncodeError(field, 'an integer 0..65535', String(value));
    this.parts.push(Uint8Array.of(value >> 8, value & 0xff));
    return this;
  }

  /** Big-endian unsigned 64-bit integer. */
  u64(value: bigint, field: string): this {
    if (value < 0n || value > 0xffff_ffff_ffff_ffffn) throw new GbcsEncodeError(field, 'an unsigned 64-bit integer', String(value));
    const out = new Uint8Array(8);
    let rest = value;
    for (let i = 7; i >= 0; i--) {
      out[i] = Number(rest & 0xffn);
      rest >>= 8n;
    }
    this.parts.push(out);
    return this;
  }

  bytes(value: Uint8Array): this {
    this.parts.push(value);
    return this;
  }

  /** Bytes that must have an exact size (EUIs, date-time, signature...). */
  fixed(value: Uint8Array, size: number, field: string): this {
    if (value.length !== size) throw new GbcsEncodeError(field, `${size} bytes`, `${value.length} bytes`);
    this.parts.push(value);
    return this;
  }

  length(value: number, field: string): this {
    this.parts.push(encodeLength(value, field));
    return this;
  }

  toBytes(): Uint8Array {
    return concatBytes(...this.parts);
  }
}
