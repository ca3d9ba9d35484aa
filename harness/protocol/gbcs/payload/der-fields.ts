// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Typed fields of the GBCS ASN.1 DER payloads (the CS-series and GPF use cases that are neither
 * DLMS nor GBZ): a writer for the definite-length forms they use (short form, 81 nn, 82 nn nn)
 * and readers that check one value's tag and size over asn1-der.ts's structure reader, with
 * field paths in their errors. Only what the use cases here need: SEQUENCE, INTEGER 0..127,
 * OCTET STRING, NULL.
 */
import type { Eui64 } from '../frame-types.ts';
import { normalizeEui } from '../eui.ts';
import { bytesToHex } from '../hex.ts';
import { decodeDer, type DerNode } from './asn1-der.ts';
import { PayloadDecodeError, PayloadEncodeError } from './payload-errors.ts';

export const DER_TAG = { integer: 0x02, octetString: 0x04, null: 0x05, sequence: 0x30 } as const;

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

export function derSequence(items: readonly Uint8Array[], field: string): Uint8Array {
  return derTlv(DER_TAG.sequence, Uint8Array.from(items.flatMap((i) => [...i])), field);
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
