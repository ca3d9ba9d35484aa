// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The DLMS/COSEM `Data` CHOICE in A-XDR encoding, as a typed tagged union.
 *
 * Tag  Type                  Typed value
 * 00   null-data             —
 * 01   array                 items (A-XDR count, then Data…)
 * 02   structure             items
 * 03   boolean               value: boolean (00 false, FF true; any other non-zero is rejected
 *                            so that decode → encode stays byte-exact)
 * 04   bit-string            bits: "1110…" (A-XDR bit count, then bytes, MSB first; unused
 *                            trailing bits must be 0)
 * 05   double-long           value (int32)          06 double-long-unsigned value (uint32)
 * 09   octet-string          value: Uint8Array      0A visible-string value (ISO 646, latin1)
 * 0C   utf8-string           value: string          0D bcd value (1 byte, kept raw 0..255)
 * 0F   integer (int8)        10 long (int16)        11 unsigned (uint8)   12 long-unsigned (uint16)
 * 14   long64 (bigint)       15 long64-unsigned (bigint)                  16 enum (uint8)
 * 17   float32               18 float64             19 date-time (12 bytes, raw)
 * 1A   date (5 bytes, raw)   1B time (4 bytes, raw) FF dont-care
 * 13   compact-array         description (type description: a simple tag, 01 count(2, BE)
 *                            element-description, or 02 count description…) and elements:
 *                            the A-XDR octet-string of untagged values decoded into Data
 *                            (RTDS ECS20a, ECS23, ECS35x, ECS61c, DBCH02 responses use it)
 *
 * Decoded nodes remember their payload offset (see {@link axdrOffset}) so that use-case codecs
 * matching a decoded tree against an expected shape can report where a mismatch is.
 */
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { toSigned, toSignedBig, toUnsigned, toUnsignedBig } from '../twos-complement.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { hexByte, readAxdrCount, readAxdrLength, writeAxdrLength } from './axdr-length.ts';

export type AxdrData =
  | { readonly type: 'null-data' }
  | { readonly type: 'array'; readonly items: readonly AxdrData[] }
  | { readonly type: 'structure'; readonly items: readonly AxdrData[] }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'bit-string'; readonly bits: string }
  | { readonly type: 'double-long'; readonly value: number }
  | { readonly type: 'double-long-unsigned'; readonly value: number }
  | { readonly type: 'octet-string'; readonly value: Uint8Array }
  | { readonly type: 'visible-string'; readonly value: string }
  | { readonly type: 'utf8-string'; readonly value: string }
  | { readonly type: 'bcd'; readonly value: number }
  | { readonly type: 'integer'; readonly value: number }
  | { readonly type: 'long'; readonly value: number }
  | { readonly type: 'unsigned'; readonly value: number }
  | { readonly type: 'long-unsigned'; readonly value: number }
  | { readonly type: 'long64'; readonly value: bigint }
  | { readonly type: 'long64-unsigned'; readonly value: bigint }
  | { readonly type: 'enum'; readonly value: number }
  | { readonly type: 'float32'; readonly value: number }
  | { readonly type: 'float64'; readonly value: number }
  | { readonly type: 'date-time'; readonly value: Uint8Array }
  | { readonly type: 'date'; readonly value: Uint8Array }
  | { readonly type: 'time'; readonly value: Uint8Array }
  | { readonly type: 'dont-care' }
  | { readonly type: 'compact-array'; readonly description: AxdrTypeDescription; readonly elements: readonly AxdrData[] };

export type AxdrType = AxdrData['type'];

/** TypeDescription of a compact-array: what each (untagged) element is. */
export type AxdrTypeDescription =
  | { readonly type: 'array'; readonly count: number; readonly element: AxdrTypeDescription }
  | { readonly type: 'structure'; readonly fields: readonly AxdrTypeDescription[] }
  | { readonly type: Exclude<AxdrType, 'array' | 'structure' | 'compact-array'> };
export type AxdrOf<T extends AxdrType> = Extract<AxdrData, { readonly type: T }>;

/** Wire tag of each type. */
export const AXDR_TAG = {
  'null-data': 0x00,
  array: 0x01,
  structure: 0x02,
  boolean: 0x03,
  'bit-string': 0x04,
  'double-long': 0x05,
  'double-long-unsigned': 0x06,
  'octet-string': 0x09,
  'visible-string': 0x0a,
  'utf8-string': 0x0c,
  bcd: 0x0d,
  integer: 0x0f,
  long: 0x10,
  unsigned: 0x11,
  'long-unsigned': 0x12,
  long64: 0x14,
  'long64-unsigned': 0x15,
  enum: 0x16,
  float32: 0x17,
  float64: 0x18,
  'date-time': 0x19,
  date: 0x1a,
  time: 0x1b,
  'compact-array': 0x13,
  'dont-care': 0xff,
} as const satisfies Record<AxdrType, number>;

const TYPE_OF_TAG = new Map<number, AxdrType>(
  Object.entries(AXDR_TAG).map(([t, tag]) => [tag, t as AxdrType]),
);

/** Nesting beyond this is rejected (garbage such as 02 01 02 01 … must not overflow the stack). */
export const MAX_AXDR_DEPTH = 32;

const offsets = new WeakMap<object, number>();

/** Payload offset a decoded node was read from (undefined for nodes built in code). */
export function axdrOffset(data: AxdrData): number | undefined {
  return offsets.get(data);
}

/** Builders for A-XDR values (for encoders and tests). */
export const Axdr = {
  nullData: (): AxdrData => ({ type: 'null-data' }),
  array: (...items: AxdrData[]): AxdrData => ({ type: 'array', items }),
  structure: (...items: AxdrData[]): AxdrData => ({ type: 'structure', items }),
  boolean: (value: boolean): AxdrData => ({ type: 'boolean', value }),
  bitString: (bits: string): AxdrData => ({ type: 'bit-string', bits }),
  doubleLong: (value: number): AxdrData => ({ type: 'double-long', value }),
  doubleLongUnsigned: (value: number): AxdrData => ({ type: 'double-long-unsigned', value }),
  octetString: (value: Uint8Array): AxdrData => ({ type: 'octet-string', value }),
  visibleString: (value: string): AxdrData => ({ type: 'visible-string', value }),
  utf8String: (value: string): AxdrData => ({ type: 'utf8-string', value }),
  integer: (value: number): AxdrData => ({ type: 'integer', value }),
  long: (value: number): AxdrData => ({ type: 'long', value }),
  unsigned: (value: number): AxdrData => ({ type: 'unsigned', value }),
  longUnsigned: (value: number): AxdrData => ({ type: 'long-unsigned', value }),
  long64: (value: bigint): AxdrData => ({ type: 'long64', value }),
  long64Unsigned: (value: bigint): AxdrData => ({ type: 'long64-unsigned', value }),
  enum: (value: number): AxdrData => ({ type: 'enum', value }),
} as const;

/** Decodes one Data value at the reader's position. */
export function readAxdrData(r: PayloadReader, field = 'data', depth = 0): AxdrData {
  const at = r.offset;
  const tag = r.u8(`${field}.tag`);
  const type = TYPE_OF_TAG.get(tag);
  if (type === undefined) {
    r.fail(`${field}.tag`, 'an A-XDR Data tag (00..06, 09, 0A, 0C, 0D, 0F..1B, FF)', hexByte(tag), at);
  }
  const d = readBody(r, type, field, depth, at);
  offsets.set(d, at);
  return d;
}

function readBody(r: PayloadReader, type: AxdrType, field: string, depth: number, at: number): AxdrData {
  switch (type) {
    case 'null-data':
    case 'dont-care':
      return { type };
    case 'array':
    case 'structure': {
      if (depth >= MAX_AXDR_DEPTH) r.fail(field, `nesting depth at most ${MAX_AXDR_DEPTH}`, 'deeper', at);
      const n = readAxdrCount(r, `${field}.${type}-count`);
      const items: AxdrData[] = [];
      for (let i = 0; i < n; i++) items.push(readAxdrData(r, `${field}.${type}[${i}]`, depth + 1));
      return { type, items };
    }
    case 'boolean': {
      const b = r.u8(`${field}.boolean`);
      if (b !== 0x00 && b !== 0xff) r.fail(`${field}.boolean`, '00 (false) or FF (true)', hexByte(b), r.offset - 1);
      return { type, value: b === 0xff };
    }
    case 'bit-string': {
      const nbits = readAxdrLength(r, `${field}.bit-string-length`);
      const nbytes = Math.ceil(nbits / 8);
      const bytes = r.bytes(nbytes, `${field}.bit-string`);
      let bits = '';
      for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
      if (/1/.test(bits.slice(nbits))) {
        r.fail(`${field}.bit-string`, 'unused trailing bits set to 0', bits.slice(nbits), r.offset - 1);
      }
      return { type, bits: bits.slice(0, nbits) };
    }
    case 'double-long':
      return { type, value: toSigned(r.uintBe(4, `${field}.double-long`), 32) };
    case 'double-long-unsigned':
      return { type, value: r.uintBe(4, `${field}.double-long-unsigned`) };
    case 'octet-string': {
      const n = readAxdrLength(r, `${field}.octet-string-length`);
      return { type, value: r.bytes(n, `${field}.octet-string`) };
    }
    case 'visible-string': {
      const n = readAxdrLength(r, `${field}.visible-string-length`);
      return { type, value: Buffer.from(r.bytes(n, `${field}.visible-string`)).toString('latin1') };
    }
    case 'utf8-string': {
      const n = readAxdrLength(r, `${field}.utf8-string-length`);
      const start = r.offset;
      const bytes = r.bytes(n, `${field}.utf8-string`);
      try {
        return { type, value: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
      } catch {
        return r.fail(`${field}.utf8-string`, 'valid UTF-8', 'invalid byte sequence', start);
      }
    }
    case 'bcd':
      return { type, value: r.u8(`${field}.bcd`) };
    case 'integer':
      return { type, value: toSigned(r.u8(`${field}.integer`), 8) };
    case 'long':
      return { type, value: toSigned(r.uintBe(2, `${field}.long`), 16) };
    case 'unsigned':
      return { type, value: r.u8(`${field}.unsigned`) };
    case 'long-unsigned':
      return { type, value: r.uintBe(2, `${field}.long-unsigned`) };
    case 'long64':
      return { type, value: toSignedBig(r.bigUintBe(8, `${field}.long64`), 64) };
    case 'long64-unsigned':
      return { type, value: r.bigUintBe(8, `${field}.long64-unsigned`) };
    case 'enum':
      return { type, value: r.u8(`${field}.enum`) };
    case 'float32':
      return { type, value: Buffer.from(r.bytes(4, `${field}.float32`)).readFloatBE(0) };
    case 'float64':
      return { type, value: Buffer.from(r.bytes(8, `${field}.float64`)).readDoubleBE(0) };
    case 'date-time':
      return { type, value: r.bytes(12, `${field}.date-time`) };
    case 'date':
      return { type, value: r.bytes(5, `${field}.date`) };
    case 'time':
      return { type, value: r.bytes(4, `${field}.time`) };
    case 'compact-array': {
      if (depth >= MAX_AXDR_DEPTH) r.fail(field, `nesting depth at most ${MAX_AXDR_DEPTH}`, 'deeper', at);
      const description = readTypeDescription(r, `${field}.contents-description`, depth + 1);
      const n = readAxdrLength(r, `${field}.array-contents-length`);
      const contents = r.sub(n, `${field}.array-contents`);
      const elements: AxdrData[] = [];
      while (!contents.atEnd) {
        const before = contents.remaining;
        elements.push(readUntagged(contents, description, `${field}.element[${elements.length}]`, depth + 1));
        if (contents.remaining === before) {
          contents.fail(`${field}.contents-description`, 'a description whose elements take at least one byte', 'zero-size elements with contents left');
        }
      }
      return { type, description, elements };
    }
  }
}

function readTypeDescription(r: PayloadReader, field: string, depth: number): AxdrTypeDescription {
  const at = r.offset;
  if (depth >= MAX_AXDR_DEPTH) r.fail(field, `nesting depth at most ${MAX_AXDR_DEPTH}`, 'deeper', at);
  const tag = r.u8(`${field}.tag`);
  const type = TYPE_OF_TAG.get(tag);
  if (type === undefined || type === 'compact-array') r.fail(`${field}.tag`, 'a type description tag', hexByte(tag), at);
  if (type === 'array') {
    const count = r.uintBe(2, `${field}.number-of-elements`);
    const element = readTypeDescription(r, `${field}.element`, depth + 1);
    // every element must take at least one byte: bounds the work to the payload size
    if (count > 0 && minEncodedSize(element) === 0) r.fail(`${field}.element`, 'an element type of non-zero size', 'zero-size elements', at);
    return { type, count, element };
  }
  if (type === 'structure') {
    const n = readAxdrCount(r, `${field}.structure-count`);
    const fields: AxdrTypeDescription[] = [];
    for (let i = 0; i < n; i++) fields.push(readTypeDescription(r, `${field}.field[${i}]`, depth + 1));
    return { type, fields };
  }
  return { type };
}

const FIXED_SIZE: Partial<Record<AxdrType, number>> = {
  'null-data': 0,
  'dont-care': 0,
  boolean: 1,
  'bit-string': 1,
  'double-long': 4,
  'double-long-unsigned': 4,
  'octet-string': 1,
  'visible-string': 1,
  'utf8-string': 1,
  bcd: 1,
  integer: 1,
  long: 2,
  unsigned: 1,
  'long-unsigned': 2,
  long64: 8,
  'long64-unsigned': 8,
  enum: 1,
  float32: 4,
  float64: 8,
  'date-time': 12,
  date: 5,
  time: 4,
};

/** Smallest number of content bytes a value of this description takes (capped). */
function minEncodedSize(d: AxdrTypeDescription): number {
  if (d.type === 'array') return Math.min(d.count * minEncodedSize(d.element), 2 ** 31);
  if (d.type === 'structure') return Math.min(d.fields.reduce((n, f) => n + minEncodedSize(f), 0), 2 ** 31);
  return FIXED_SIZE[d.type] ?? 1;
}

/** A value of a compact-array's contents: no tag; arrays and structures sized by the description. */
function readUntagged(r: PayloadReader, desc: AxdrTypeDescription, field: string, depth: number): AxdrData {
  const at = r.offset;
  let d: AxdrData;
  if (desc.type === 'array') {
    if (desc.count > r.remaining) r.fail(field, `${desc.count} element(s) in the bytes left`, 'payload truncated', at);
    const items: AxdrData[] = [];
    for (let i = 0; i < desc.count; i++) items.push(readUntagged(r, desc.element, `${field}[${i}]`, depth + 1));
    d = { type: 'array', items };
  } else if (desc.type === 'structure') {
    d = { type: 'structure', items: desc.fields.map((f, i) => readUntagged(r, f, `${field}[${i}]`, depth + 1)) };
  } else {
    d = readBody(r, desc.type, field, depth, at);
  }
  offsets.set(d, at);
  return d;
}

/** Decodes exactly one Data value filling `bytes` (trailing bytes are rejected). */
export function decodeAxdrData(bytes: Uint8Array, field = 'data', base = 0): AxdrData {
  const r = new PayloadReader(bytes, base);
  const d = readAxdrData(r, field);
  r.expectEnd(`${field} (after the value)`);
  return d;
}

export function writeAxdrData(w: PayloadWriter, d: AxdrData, field = 'data'): void {
  const tag = (AXDR_TAG as Record<string, number>)[d.type];
  if (tag === undefined) throw new PayloadEncodeError(`${field}.type`, 'an A-XDR Data type', String((d as { type: unknown }).type));
  w.u8(tag, `${field}.tag`);
  writeBody(w, d, field);
}

function writeTypeDescription(w: PayloadWriter, desc: AxdrTypeDescription, field: string): void {
  const tag = (AXDR_TAG as Record<string, number>)[desc.type];
  if (tag === undefined || desc.type === ('compact-array' as string)) throw new PayloadEncodeError(`${field}.type`, 'a type description', String(desc.type));
  w.u8(tag, `${field}.tag`);
  if (desc.type === 'array') {
    w.uintBe(desc.count, 2, `${field}.number-of-elements`);
    writeTypeDescription(w, desc.element, `${field}.element`);
  } else if (desc.type === 'structure') {
    writeAxdrLength(w, desc.fields.length, `${field}.structure-count`);
    desc.fields.forEach((f, i) => writeTypeDescription(w, f, `${field}.field[${i}]`));
  }
}

function writeUntagged(w: PayloadWriter, d: AxdrData, desc: AxdrTypeDescription, field: string): void {
  if (d.type !== desc.type) throw new PayloadEncodeError(field, `a ${desc.type} (compact-array description)`, d.type);
  if (desc.type === 'array' && d.type === 'array') {
    if (d.items.length !== desc.count) throw new PayloadEncodeError(field, `${desc.count} element(s)`, String(d.items.length));
    d.items.forEach((x, i) => writeUntagged(w, x, desc.element, `${field}[${i}]`));
  } else if (desc.type === 'structure' && d.type === 'structure') {
    if (d.items.length !== desc.fields.length) throw new PayloadEncodeError(field, `${desc.fields.length} field(s)`, String(d.items.length));
    d.items.forEach((x, i) => writeUntagged(w, x, desc.fields[i] as AxdrTypeDescription, `${field}[${i}]`));
  } else {
    writeBody(w, d, field);
  }
}

function writeBody(w: PayloadWriter, d: AxdrData, field: string): void {
  switch (d.type) {
    case 'null-data':
    case 'dont-care':
      return;
    case 'array':
    case 'structure':
      writeAxdrLength(w, d.items.length, `${field}.${d.type}-count`);
      d.items.forEach((item, i) => writeAxdrData(w, item, `${field}.${d.type}[${i}]`));
      return;
    case 'boolean':
      w.u8(d.value ? 0xff : 0x00, `${field}.boolean`);
      return;
    case 'bit-string': {
      if (!/^[01]*$/.test(d.bits)) throw new PayloadEncodeError(`${field}.bit-string`, 'a string of 0 and 1', JSON.stringify(d.bits));
      writeAxdrLength(w, d.bits.length, `${field}.bit-string-length`);
      const padded = d.bits.padEnd(Math.ceil(d.bits.length / 8) * 8, '0');
      for (let i = 0; i < padded.length; i += 8) w.u8(parseInt(padded.slice(i, i + 8), 2), `${field}.bit-string`);
      return;
    }
    case 'double-long':
      w.uintBe(toUnsigned(d.value, 32, `${field}.double-long`), 4, `${field}.double-long`);
      return;
    case 'double-long-unsigned':
      w.uintBe(d.value, 4, `${field}.double-long-unsigned`);
      return;
    case 'octet-string':
      writeAxdrLength(w, d.value.length, `${field}.octet-string-length`);
      w.bytes(d.value);
      return;
    case 'visible-string': {
      if (!/^[\x00-\xff]*$/.test(d.value)) throw new PayloadEncodeError(`${field}.visible-string`, 'characters U+0000..U+00FF', JSON.stringify(d.value));
      const bytes = Buffer.from(d.value, 'latin1');
      writeAxdrLength(w, bytes.length, `${field}.visible-string-length`);
      w.bytes(bytes);
      return;
    }
    case 'utf8-string': {
      const bytes = new TextEncoder().encode(d.value);
      writeAxdrLength(w, bytes.length, `${field}.utf8-string-length`);
      w.bytes(bytes);
      return;
    }
    case 'bcd':
    case 'unsigned':
    case 'enum':
      w.u8(d.value, `${field}.${d.type}`);
      return;
    case 'integer':
      w.u8(toUnsigned(d.value, 8, `${field}.integer`), `${field}.integer`);
      return;
    case 'long':
      w.uintBe(toUnsigned(d.value, 16, `${field}.long`), 2, `${field}.long`);
      return;
    case 'long-unsigned':
      w.uintBe(d.value, 2, `${field}.long-unsigned`);
      return;
    case 'long64':
      w.bigUintBe(toUnsignedBig(d.value, 64, `${field}.long64`), 8, `${field}.long64`);
      return;
    case 'long64-unsigned':
      w.bigUintBe(d.value, 8, `${field}.long64-unsigned`);
      return;
    case 'float32': {
      const b = Buffer.alloc(4);
      b.writeFloatBE(d.value, 0);
      w.bytes(b);
      return;
    }
    case 'float64': {
      const b = Buffer.alloc(8);
      b.writeDoubleBE(d.value, 0);
      w.bytes(b);
      return;
    }
    case 'date-time':
    case 'date':
    case 'time': {
      const len = d.type === 'date-time' ? 12 : d.type === 'date' ? 5 : 4;
      if (d.value.length !== len) throw new PayloadEncodeError(`${field}.${d.type}`, `${len} bytes`, String(d.value.length));
      w.bytes(d.value);
      return;
    }
    case 'compact-array': {
      writeTypeDescription(w, d.description, `${field}.contents-description`);
      const contents = new PayloadWriter();
      d.elements.forEach((e, i) => writeUntagged(contents, e, d.description, `${field}.element[${i}]`));
      writeAxdrLength(w, contents.size, `${field}.array-contents-length`);
      w.bytes(contents.toBytes());
      return;
    }
  }
}

export function encodeAxdrData(d: AxdrData, field = 'data'): Uint8Array {
  const w = new PayloadWriter();
  writeAxdrData(w, d, field);
  return w.toBytes();
}
