// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GCS28 — Set Clock on the GSME (SRV 8.1.1 commission, 6.11 synchronise clock), message code
 * 0x007F. A critical command, signed by the user (RTDS GCS28Commission_8.1.1 PRECOMMAND /
 * COMMAND). ASN.1 DER payloads:
 * Command: SEQUENCE { validity-interval-start GeneralizedTime, validity-interval-end
 * GeneralizedTime } (RTDS: 20141231233000Z, 20150101003000Z — CurrentDateTime and
 * CurrentDateTime + TolerancePeriod 3600 s).
 * Response: SEQUENCE { the GSME's time GeneralizedTime, result INTEGER } (RTDS SUCCESS:
 * 20141231233000Z, 0; RTDS ERROR: 20150101000000Z, 2).
 * Times are UTC to the second (YYYYMMDDHHMMSSZ), written here as ISO strings without milliseconds.
 */
import { bytesToHex } from '../../hex.ts';
import { decodeDer, type DerNode } from '../asn1-der.ts';
import { derGeneralizedTime } from '../der-fields.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import type { UseCaseCodec } from './use-case-codec.ts';

export interface Gcs28Command {
  /** ISO 8601 UTC to the second, e.g. `2014-12-31T23:30:00Z`. */
  readonly validityStart: string;
  readonly validityEnd: string;
}

export interface Gcs28Response {
  /** The GSME's time, ISO 8601 UTC to the second. */
  readonly time: string;
  /** 0 success (clock set); RTDS ERROR shows 2 [P: the GSME's time outside the validity interval]. */
  readonly result: number;
}

function tlv(tag: number, content: Uint8Array, field: string): Uint8Array {
  if (content.length > 0x7f) throw new PayloadEncodeError(field, 'at most 127 content bytes', String(content.length));
  return Uint8Array.from([tag, content.length, ...content]);
}

function readTime(n: DerNode, field: string): string {
  if (n.tagClass !== 'universal' || n.name !== 'GeneralizedTime') throw new PayloadDecodeError(n.offset, field, 'GeneralizedTime', n.name);
  const text = new TextDecoder().decode(n.content);
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) throw new PayloadDecodeError(n.offset, field, 'YYYYMMDDHHMMSSZ', JSON.stringify(text));
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
}

function sequenceOf(payload: Uint8Array, field: string, count: number, what: string): readonly DerNode[] {
  const nodes = decodeDer(payload);
  if (nodes.length !== 1) throw new PayloadDecodeError(nodes[1]?.offset ?? 0, field, 'one DER value covering the payload', `${nodes.length} values`);
  const seq = nodes[0] as DerNode;
  if (seq.tagClass !== 'universal' || seq.name !== 'SEQUENCE') throw new PayloadDecodeError(seq.offset, field, 'SEQUENCE', seq.name);
  const items = seq.children ?? [];
  if (items.length !== count) throw new PayloadDecodeError(seq.offset, field, `a SEQUENCE of ${count} (${what})`, `${items.length} elements`);
  return items;
}

function readInteger(n: DerNode, field: string): number {
  if (n.tagClass !== 'universal' || n.name !== 'INTEGER') throw new PayloadDecodeError(n.offset, field, 'INTEGER', n.name);
  const c = n.content;
  if (c.length !== 1 || (c[0] as number) > 0x7f) throw new PayloadDecodeError(n.offset, field, 'a one-byte INTEGER 0..127', bytesToHex(c));
  return c[0] as number;
}

/** An instant as GCS28 writes it: ISO UTC, whole seconds. */
export function gcs28Time(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export const gcs28: UseCaseCodec<Gcs28Command, Gcs28Response> = {
  kind: 'command-response',
  name: 'GCS28',
  messageCode: 0x007f,
  srv: '8.1.1',
  otherSrvs: ['6.11'],
  title: 'Set Clock on GSME',
  payloadKind: 'der',

  encodeCommand(f) {
    const content = Uint8Array.from([...derGeneralizedTime(f.validityStart, 'GCS28 command.validityStart'), ...derGeneralizedTime(f.validityEnd, 'GCS28 command.validityEnd')]);
    return tlv(0x30, content, 'GCS28 command');
  },

  decodeCommand(payload) {
    const [start, end] = sequenceOf(payload, 'command', 2, 'validity interval start, end');
    return { validityStart: readTime(start as DerNode, 'command.validity-interval-start'), validityEnd: readTime(end as DerNode, 'command.validity-interval-end') };
  },

  encodeResponse(f) {
    if (!Number.isInteger(f.result) || f.result < 0 || f.result > 0x7f) throw new PayloadEncodeError('GCS28 response.result', 'a whole number 0..127', String(f.result));
    const content = Uint8Array.from([...derGeneralizedTime(f.time, 'GCS28 response.time'), ...tlv(0x02, Uint8Array.of(f.result), 'GCS28 response.result')]);
    return tlv(0x30, content, 'GCS28 response');
  },

  decodeResponse(payload) {
    const [time, result] = sequenceOf(payload, 'response', 2, 'time, result');
    return { time: readTime(time as DerNode, 'response.time'), result: readInteger(result as DerNode, 'response.result') };
  },
};
