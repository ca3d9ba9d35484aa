// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ZCL attribute data types (ZigBee Cluster Library §2.6.2), little-endian on the wire, as a typed
 * tagged union. Integers up to 48 bits are numbers, 56/64-bit ones bigint. Strings carry a
 * 1-byte (0x41/0x42) or 2-byte LE (0x43/0x44) length; the "invalid value" lengths 0xFF / 0xFFFF
 * are rejected. Character strings are read byte-per-character (latin1) so they round-trip.
 *
 * RTDS GCS13a: 22 E8 03 00 (uint24 1000), 30 01 (enum8 1), 25 39 30 00 00 00 00 (uint48 12345);
 * GCS38: 41 04 01 23 AB CD (octet string).
 */
import type { Eui64 } from '../../frame-types.ts';
import type { PayloadReader } from '../payload-reader.ts';
import type { PayloadWriter } from '../payload-writer.ts';
import { euiFieldBytes } from '../field-bytes.ts';
import { euiFromBytes } from '../../eui.ts';
import { toSigned, toSignedBig, toUnsigned, toUnsignedBig } from '../twos-complement.ts';
import { PayloadEncodeError } from '../payload-errors.ts';

type Kind = 'uint' | 'int' | 'big-uint' | 'big-int' | 'bool' | 'bytes' | 'fixed-bytes' | 'chars' | 'eui' | 'float';

interface TypeSpec {
  readonly name: string;
  readonly kind: Kind;
  /** Fixed size in bytes, or the size of the length prefix for strings. */
  readonly size: number;
}

const SPECS = new Map<number, TypeSpec>();
const CODES = new Map<string, number>();
function def(code: number, name: string, kind: Kind, size: number): void {
  SPECS.set(code, { name, kind, size });
  CODES.set(name, code);
}
for (let i = 1; i <= 8; i++) {
  const small = i <= 6;
  def(0x07 + i, `data${8 * i}`, small ? 'uint' : 'big-uint', i);
  def(0x17 + i, `bitmap${8 * i}`, small ? 'uint' : 'big-uint', i);
  def(0x1f + i, `uint${8 * i}`, small ? 'uint' : 'big-uint', i);
  def(0x27 + i, `int${8 * i}`, small ? 'int' : 'big-int', i);
}
def(0x10, 'boolean', 'bool', 1);
def(0x30, 'enum8', 'uint', 1);
def(0x31, 'enum16', 'uint', 2);
def(0x39, 'single', 'float', 4);
def(0x3a, 'double', 'float', 8);
def(0x41, 'octet-string', 'bytes', 1);
def(0x42, 'char-string', 'chars', 1);
def(0x43, 'long-octet-string', 'bytes', 2);
def(0x44, 'long-char-string', 'chars', 2);
def(0xe0, 'time-of-day', 'fixed-bytes', 4);
def(0xe1, 'date', 'fixed-bytes', 4);
def(0xe2, 'utc-time', 'uint', 4);
def(0xe8, 'cluster-id', 'uint', 2);
def(0xe9, 'attribute-id', 'uint', 2);
def(0xea, 'bacnet-oid', 'uint', 4);
def(0xf0, 'ieee-address', 'eui', 8);
def(0xf1, 'security-key', 'fixed-bytes', 16);

type Sized<P extends string, N extends number> = `${P}${N}`;
export type ZclNumberType =
  | Sized<'data' | 'bitmap' | 'uint' | 'int', 8 | 16 | 24 | 32 | 40 | 48>
  | 'enum8'
  | 'enum16'
  | 'utc-time'
  | 'cluster-id'
  | 'attribute-id'
  | 'bacnet-oid';
export type ZclBigIntType = Sized<'data' | 'bitmap' | 'uint' | 'int', 56 | 64>;

export type ZclValue =
  | { readonly type: ZclNumberType; readonly value: number }
  | { readonly type: ZclBigIntType; readonly value: bigint }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'single' | 'double'; readonly value: number }
  | { readonly type: 'octet-string' | 'long-octet-string' | 'time-of-day' | 'date' | 'security-key'; readonly value: Uint8Array }
  | { readonly type: 'char-string' | 'long-char-string'; readonly value: string }
  /** IEEE address: little-endian on the wire, 16 hex digits (most significant first) here. */
  | { readonly type: 'ieee-address'; readonly value: Eui64 };

export type ZclTypeName = ZclValue['type'];

export function zclTypeCode(name: ZclTypeName, field = 'data type'): number {
  const code = CODES.get(name);
  if (code === undefined) throw new PayloadEncodeError(field, 'a ZCL data type name', JSON.stringify(name));
  return code;
}

export function zclTypeName(code: number): ZclTypeName | undefined {
  return SPECS.get(code)?.name as ZclTypeName | undefined;
}

/** Reads a value of the given type code (the type byte already read). */
export function readZclValue(r: PayloadReader, code: number, field: string): ZclValue {
  const spec = SPECS.get(code);
  if (!spec) {
    return r.fail(`${field}.data-type`, 'a supported ZCL data type', '0x' + code.toString(16).toUpperCase().padStart(2, '0'), r.offset - 1);
  }
  const type = spec.name as ZclTypeName;
  switch (spec.kind) {
    case 'uint':
      return { type, value: r.uintLe(spec.size, field) } as ZclValue;
    case 'int':
      return { type, value: toSigned(r.uintLe(spec.size, field), spec.size * 8) } as ZclValue;
    case 'big-uint':
      return { type, value: r.bigUintLe(spec.size, field) } as ZclValue;
    case 'big-int':
      return { type, value: toSignedBig(r.bigUintLe(spec.size, field), spec.size * 8) } as ZclValue;
    case 'bool': {
      const at = r.offset;
      const b = r.u8(field);
      if (b > 1) r.fail(field, 'boolean 00 or 01', '0x' + b.toString(16).toUpperCase(), at);
      return { type: 'boolean', value: b === 1 };
    }
    case 'float': {
      const b = Buffer.from(r.bytes(spec.size, field));
      return { type, value: spec.size === 4 ? b.readFloatLE(0) : b.readDoubleLE(0) } as ZclValue;
    }
    case 'bytes':
    case 'chars': {
      const at = r.offset;
      const n = r.uintLe(spec.size, `${field}.length`);
      if (n === 2 ** (8 * spec.size) - 1) r.fail(`${field}.length`, 'a string length (the invalid-value length is not supported)', String(n), at);
      const bytes = r.bytes(n, field);
      return spec.kind === 'bytes'
        ? ({ type, value: bytes } as ZclValue)
        : ({ type, value: Buffer.from(bytes).toString('latin1') } as ZclValue);
    }
    case 'fixed-bytes':
      return { type, value: r.bytes(spec.size, field) } as ZclValue;
    case 'eui':
      return { type: 'ieee-address', value: euiFromBytes(r.bytes(8, field).reverse()) };
  }
}

/** Writes the value only (no type byte). */
export function writeZclValue(w: PayloadWriter, v: ZclValue, field: string): void {
  const code = zclTypeCode(v.type, `${field}.type`);
  const spec = SPECS.get(code) as TypeSpec;
  switch (spec.kind) {
    case 'uint':
      w.uintLe(v.value as number, spec.size, field);
      return;
    case 'int':
      w.uintLe(toUnsigned(v.value as number, spec.size * 8, field), spec.size, field);
      return;
    case 'big-uint':
      w.bigUintLe(v.value as bigint, spec.size, field);
      return;
    case 'big-int':
      w.bigUintLe(toUnsignedBig(v.value as bigint, spec.size * 8, field), spec.size, field);
      return;
    case 'bool':
      w.u8(v.value ? 1 : 0, field);
      return;
    case 'float': {
      const b = Buffer.alloc(spec.size);
      if (spec.size === 4) b.writeFloatLE(v.value as number, 0);
      else b.writeDoubleLE(v.value as number, 0);
      w.bytes(b);
      return;
    }
    case 'bytes':
    case 'chars': {
      let bytes: Uint8Array;
      if (spec.kind === 'chars') {
        const s = v.value as string;
        if (!/^[\x00-\xff]*$/.test(s)) throw new PayloadEncodeError(field, 'characters U+0000..U+00FF', JSON.stringify(s));
        bytes = Buffer.from(s, 'latin1');
      } else {
        bytes = v.value as Uint8Array;
      }
      const max = 2 ** (8 * spec.size) - 2;
      if (bytes.length > max) throw new PayloadEncodeError(field, `at most ${max} bytes`, String(bytes.length));
      w.uintLe(bytes.length, spec.size, `${field}.length`);
      w.bytes(bytes);
      return;
    }
    case 'fixed-bytes': {
      const bytes = v.value as Uint8Array;
      if (bytes.length !== spec.size) throw new PayloadEncodeError(field, `${spec.size} bytes`, String(bytes.length));
      w.bytes(bytes);
      return;
    }
    case 'eui':
      w.bytes(euiFieldBytes(v.value as Eui64, field).reverse());
      return;
  }
}

/** Reads type byte + value. */
export function readZclTypedValue(r: PayloadReader, field: string): ZclValue {
  const code = r.u8(`${field}.data-type`);
  return readZclValue(r, code, field);
}

/** Writes type byte + value. */
export function writeZclTypedValue(w: PayloadWriter, v: ZclValue, field: string): void {
  w.u8(zclTypeCode(v.type, `${field}.type`), `${field}.data-type`);
  writeZclValue(w, v, field);
}
