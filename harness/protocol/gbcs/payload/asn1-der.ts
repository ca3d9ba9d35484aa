// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A minimal ASN.1 DER TLV reader, for describing the GBCS payloads that are neither DLMS nor
 * GBZ: the CHF / CS-series payloads RTDS shows starting 30 (SEQUENCE), 02 (INTEGER),
 * 04 (OCTET STRING) or 05 (NULL), e.g. CS08 response "30 09 04 04 01 23 AB CD 02 01 00".
 * It reads structure only; meaning is use-case specific.
 */
import { PayloadReader } from './payload-reader.ts';

export type DerTagClass = 'universal' | 'application' | 'context' | 'private';

export interface DerNode {
  readonly tagClass: DerTagClass;
  readonly constructed: boolean;
  readonly tagNumber: number;
  /** Universal type name or "[n]" for other classes. */
  readonly name: string;
  /** Payload offset of the tag byte. */
  readonly offset: number;
  /** Content length. */
  readonly length: number;
  /** Content bytes of a primitive value (empty for constructed values). */
  readonly content: Uint8Array;
  readonly children: readonly DerNode[] | null;
}

const UNIVERSAL: Readonly<Record<number, string>> = {
  1: 'BOOLEAN',
  2: 'INTEGER',
  3: 'BIT STRING',
  4: 'OCTET STRING',
  5: 'NULL',
  6: 'OBJECT IDENTIFIER',
  10: 'ENUMERATED',
  12: 'UTF8String',
  16: 'SEQUENCE',
  17: 'SET',
  19: 'PrintableString',
  22: 'IA5String',
  23: 'UTCTime',
  24: 'GeneralizedTime',
};

const CLASSES: readonly DerTagClass[] = ['universal', 'application', 'context', 'private'];
const MAX_DEPTH = 32;

function readNode(r: PayloadReader, field: string, depth: number): DerNode {
  const offset = r.offset;
  const first = r.u8(`${field}.tag`);
  let tagNumber = first & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (let i = 0; ; i++) {
      if (i >= 4) r.fail(`${field}.tag`, 'a tag number of at most 4 bytes', 'longer', offset);
      const b = r.u8(`${field}.tag`);
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if (!(b & 0x80)) break;
    }
  }
  const lenAt = r.offset;
  let length = r.u8(`${field}.length`);
  if (length === 0x80) r.fail(`${field}.length`, 'a definite length (DER)', 'indefinite length 0x80', lenAt);
  if (length > 0x80) {
    const n = length & 0x7f;
    if (n > 4) r.fail(`${field}.length`, 'a length of at most 4 bytes', `${n} bytes`, lenAt);
    length = r.uintBe(n, `${field}.length`);
  }
  const tagClass = CLASSES[first >> 6] as DerTagClass;
  const constructed = (first & 0x20) !== 0;
  const name = tagClass === 'universal' ? (UNIVERSAL[tagNumber] ?? `UNIVERSAL ${tagNumber}`) : `[${tagClass === 'context' ? '' : tagClass.toUpperCase() + ' '}${tagNumber}]`;
  const body = r.sub(length, `${field}.content`);
  let children: DerNode[] | null = null;
  if (constructed) {
    if (depth >= MAX_DEPTH) r.fail(field, `nesting depth at most ${MAX_DEPTH}`, 'deeper', offset);
    children = [];
    while (!body.atEnd) children.push(readNode(body, `${field}.${name}[${children.length}]`, depth + 1));
  }
  return { tagClass, constructed, tagNumber, name, offset, length, content: constructed ? new Uint8Array(0) : body.rest(), children };
}

/** Reads consecutive DER TLVs covering the whole payload. */
export function decodeDer(payload: Uint8Array): DerNode[] {
  const r = new PayloadReader(payload);
  const out: DerNode[] = [];
  while (!r.atEnd) out.push(readNode(r, `der[${out.length}]`, 0));
  return out;
}
