// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Typed fields of the GBCS ASN.1 DER payloads (the CS-series and GPF use cases that are neither
 * DLMS nor GBZ): a writer for the definite-length forms they use (short form, 81 nn, 82 nn nn)
 * and readers that check one value's tag and size over asn1-der.ts's structure reader, with
 * field paths in their errors. Only what the use cases here need: SEQUENCE, INTEGER 0..127,
 * OCTET STRING, NULL, GeneralizedTime — and, for the X.509 certificates a Method C join carries
 * (emulators/smki), writers for unsigned INTEGERs of any size, OBJECT IDENTIFIER, BIT STRING,
 * BOOLEAN, PrintableString, UTCTime and context-specific tags.
 */
import type { Eui64 } from '../frame-types.ts';
import { normalizeEui } from '../eui.ts';
import { bytesToHex, hexToBytes } from '../hex.ts';
import { decodeDer, type DerNode } from './asn1-der.ts';
import { PayloadDecodeError, PayloadEncodeError } from './payload-errors.ts';

export const DER_TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  objectIdentifier: 0x06,
  printableString: 0x13,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
} as const;

const MAX_CONTENT = 0xffff;

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  if (n <= 0xff) return [0x81, n];
  return [0x82, n >> 8, n & 0xff];
}

/** One TLV; content up to 65,535 bytes. */
export function derTlv(tag: number, content: Uint8Array, field: string): Uint8Array {
  if (content.length > MAX_CONTENT) throw new PayloadEncodeError(field, `at most ${MAX_CONTENT} content bytes`, String(content.length));
  return Uint8Array.from([tag, ...lengthBytes(content.length), ...content]);
}

function joined(items: readonly Uint8Array[]): Uint8Array {
  return Uint8Array.from(items.flatMap((i) => [...i]));
}

export function derSequence(items: readonly Uint8Array[], field: string): Uint8Array {
  return derTlv(DER_TAG.sequence, joined(items), field);
}

/** A one-byte INTEGER 0..127 (the results and type codes GBCS carries). */
export function derSmallInteger(n: number, field: string): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0x7f) throw new PayloadEncodeError(field, 'a whole number 0..127', String(n));
  return derTlv(DER_TAG.integer, Uint8Array.of(n), field);
}

export function derOctetString(bytes: Uint8Array, field: string): Uint8Array {
  return derTlv(DER_TAG.octetString, bytes, field);
}

export function derNull(): Uint8Array {
  return Uint8Array.of(DER_TAG.null, 0);
}

/** A SET of the given (already ordered) elements. */
export function derSet(items: readonly Uint8Array[], field: string): Uint8Array {
  return derTlv(DER_TAG.set, joined(items), field);
}

/** An INTEGER holding the unsigned big-endian number `bytes` (leading zeros dropped, 00 added before a high bit). */
export function derUnsignedInteger(bytes: Uint8Array, field: string): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const magnitude = bytes.subarray(start);
  if (magnitude.length === 0) throw new PayloadEncodeError(field, 'at least one byte', 'none');
  return derTlv(DER_TAG.integer, (magnitude[0] as number) & 0x80 ? Uint8Array.from([0, ...magnitude]) : magnitude, field);
}

export function derBoolean(value: boolean): Uint8Array {
  return Uint8Array.of(DER_TAG.boolean, 1, value ? 0xff : 0x00);
}

/** An OBJECT IDENTIFIER from its dotted form, e.g. `1.2.840.10045.2.1`. */
export function derObjectIdentifier(oid: string, field: string): Uint8Array {
  if (!/^[0-2](\.\d+)+$/.test(oid)) throw new PayloadEncodeError(field, 'a dotted object identifier such as 1.2.840.10045.2.1', JSON.stringify(oid));
  const arcs = oid.split('.').map(BigInt);
  const [first, second, ...rest] = arcs as [bigint, bigint, ...bigint[]];
  if (first < 2n && second > 39n) throw new PayloadEncodeError(field, 'a second arc of at most 39 under arc 0 or 1', oid);
  const content: number[] = [];
  for (const arc of [first * 40n + second, ...rest]) {
    const groups = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) groups.unshift(Number(v & 0x7fn) | 0x80);
    content.push(...groups);
  }
  return derTlv(DER_TAG.objectIdentifier, Uint8Array.from(content), field);
}

/** A BIT STRING of whole bytes, `unusedBits` (0..7) of the last byte not part of it. */
export function derBitString(bytes: Uint8Array, field: string, unusedBits = 0): Uint8Array {
  if (!Number.isInteger(unusedBits) || unusedBits < 0 || unusedBits > 7 || (unusedBits > 0 && bytes.length === 0)) {
    throw new PayloadEncodeError(field, 'unused bits 0..7 (0 for an empty BIT STRING)', String(unusedBits));
  }
  return derTlv(DER_TAG.bitString, Uint8Array.from([unusedBits, ...bytes]), field);
}

export function derPrintableString(text: string, field: string): Uint8Array {
  if (!/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(text)) throw new PayloadEncodeError(field, 'PrintableString characters (letters, digits, space and \'()+,-./:=?)', JSON.stringify(text));
  return derTlv(DER_TAG.printableString, new TextEncoder().encode(text), field);
}

const ISO_SECOND = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

function isoDigits(iso: string, field: string): string {
  const m = ISO_SECOND.exec(iso);
  if (!m) throw new PayloadEncodeError(field, 'an ISO UTC time to the second, e.g. 2014-12-31T23:30:00Z', JSON.stringify(iso));
  return m.slice(1).join('');
}

/** GeneralizedTime YYYYMMDDHHMMSSZ from an ISO UTC time to the second. */
export function derGeneralizedTime(iso: string, field: string): Uint8Array {
  return derTlv(DER_TAG.generalizedTime, new TextEncoder().encode(`${isoDigits(iso, field)}Z`), field);
}

/** UTCTime YYMMDDHHMMSSZ from an ISO UTC time to the second, years 1950–2049 (RFC 5280 §4.1.2.5.1). */
export function derUtcTime(iso: string, field: string): Uint8Array {
  const digits = isoDigits(iso, field);
  const year = Number(digits.slice(0, 4));
  if (year < 1950 || year > 2049) throw new PayloadEncodeError(field, 'a year from 1950 to 2049 (UTCTime; later ones are GeneralizedTime)', String(year));
  return derTlv(DER_TAG.utcTime, new TextEncoder().encode(`${digits.slice(2)}Z`), field);
}

/** The identifier byte of context-specific tag [n], primitive (one-byte tags only). */
function contextTag(n: number, field: string): number {
  if (!Number.isInteger(n) || n < 0 || n > 30) throw new PayloadEncodeError(field, 'a context tag number 0..30', String(n));
  return 0x80 | n;
}

/** A context-specific tag [n]: constructed (EXPLICIT, or an implicitly tagged SEQUENCE) around `items`. */
export function derContextConstructed(n: number, items: readonly Uint8Array[], field: string): Uint8Array {
  return derTlv(contextTag(n, field) | 0x20, joined(items), field);
}

/** A context-specific tag [n], primitive (IMPLICIT) around `content`. */
export function derContextPrimitive(n: number, content: Uint8Array, field: string): Uint8Array {
  return derTlv(contextTag(n, field), content, field);
}

/** The single DER value a payload must consist of. */
export function oneDerValue(payload: Uint8Array, field: string): DerNode {
  const nodes = decodeDer(payload);
  if (nodes.length !== 1) throw new PayloadDecodeError(nodes[1]?.offset ?? 0, field, 'one DER value covering the payload', `${nodes.length} values`);
  return nodes[0] as DerNode;
}

export function expectDerUniversal(n: DerNode, name: string, field: string): DerNode {
  if (n.tagClass !== 'universal' || n.name !== name) throw new PayloadDecodeError(n.offset, field, name, n.name);
  return n;
}

/** The elements of a SEQUENCE, `count` of them when given. */
export function expectDerSequence(n: DerNode, field: string, count?: number, what?: string): readonly DerNode[] {
  const items = expectDerUniversal(n, 'SEQUENCE', field).children ?? [];
  if (count !== undefined && items.length !== count) {
    throw new PayloadDecodeError(n.offset, field, `a SEQUENCE of ${count}${what ? ` (${what})` : ''}`, `${items.length} elements`);
  }
  return items;
}

export function readDerSmallInteger(n: DerNode, field: string): number {
  const c = expectDerUniversal(n, 'INTEGER', field).content;
  if (c.length !== 1 || (c[0] as number) > 0x7f) throw new PayloadDecodeError(n.offset, field, 'a one-byte INTEGER 0..127', bytesToHex(c));
  return c[0] as number;
}

export function readDerEui(n: DerNode, field: string): Eui64 {
  const c = expectDerUniversal(n, 'OCTET STRING', field).content;
  if (c.length !== 8) throw new PayloadDecodeError(n.offset, field, 'an 8-byte device id', `${c.length} bytes`);
  return normalizeEui(bytesToHex(c));
}

export function expectDerNull(n: DerNode, field: string): void {
  if (expectDerUniversal(n, 'NULL', field).length !== 0) throw new PayloadDecodeError(n.offset, field, 'an empty NULL', `${n.length} content bytes`);
}

/** A GeneralizedTime YYYYMMDDHHMMSSZ as an ISO UTC time to the second (the form derGeneralizedTime writes). */
export function readDerGeneralizedTime(n: DerNode, field: string): string {
  const text = new TextDecoder().decode(expectDerUniversal(n, 'GeneralizedTime', field).content);
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) throw new PayloadDecodeError(n.offset, field, 'YYYYMMDDHHMMSSZ', JSON.stringify(text));
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
}

/** A non-negative INTEGER of up to 8 content bytes (an originator counter), minimally encoded. */
export function readDerUnsignedInteger(n: DerNode, field: string): bigint {
  const c = expectDerUniversal(n, 'INTEGER', field).content;
  const redundantZero = c.length > 1 && c[0] === 0 && ((c[1] as number) & 0x80) === 0;
  if (c.length === 0 || c.length > 9 || (c.length === 9 && c[0] !== 0) || ((c[0] as number) & 0x80) !== 0 || redundantZero) {
    throw new PayloadDecodeError(n.offset, field, 'a minimally encoded non-negative INTEGER of at most 64 bits', bytesToHex(c));
  }
  return BigInt(`0x${bytesToHex(c)}`);
}

/** An INTEGER holding a non-negative bigint of at most 64 bits (derUnsignedInteger over its big-endian bytes). */
export function derBigUnsignedInteger(n: bigint, field: string): Uint8Array {
  if (n < 0n || n >= 1n << 64n) throw new PayloadEncodeError(field, 'a whole number 0 .. 2^64-1', String(n));
  return derUnsignedInteger(hexToBytes(n.toString(16).padStart(16, '0')), field);
}
