// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The frame of a GBCS GBZ read use case, shared by the GBZ use-case codecs: a command of one
 * plain component carrying a global Read Attributes on one cluster, and a response of one
 * component (plain or encrypted) carrying the Read Attributes Response, with the ZCL sequence
 * number echoed. The records are matched to the requested attributes in order, and each value
 * must have the ZCL type the use case defines.
 */
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { requireCipher, type PayloadContext } from '../payload-context.ts';
import {
  componentPayloadReader,
  decodeGbz,
  encodeGbz,
  openGbzComponent,
  sealGbzComponent,
  type GbzComponent,
  type GbzPlainComponent,
} from '../zcl/gbz.ts';
import { encodeReadAttributes, encodeReadAttributesResponse, readReadAttributeRecord, readReadAttributes, type ReadAttributeRecord } from '../zcl/zcl-attributes.ts';
import type { ZclTypeName, ZclValue } from '../zcl/zcl-data-types.ts';
import { globalRequestHeader, globalResponseHeader, ZCL_GLOBAL_COMMAND, type ZclHeader } from '../zcl/zcl-header.ts';
import type { ZclStatus } from '../zcl/zcl-status.ts';
import { PayloadReader } from '../payload-reader.ts';
import type { UseCaseCodec } from './use-case-codec.ts';

/** One attribute as a use case reports it: its value, or the failure status the device gave. */
export type ZclAttributeResult<T> = { readonly status: 'success'; readonly value: T } | { readonly status: Exclude<ZclStatus, 'success'> };

export interface GbzReadSpec {
  readonly useCase: string;
  readonly clusterId: number;
  readonly attributes: ReadonlyArray<{ readonly id: number; readonly type: ZclTypeName; readonly name: string }>;
  /** Response frame control's disable-default-response bit, as RTDS shows it for this use case. */
  readonly responseDisableDefaultResponse: boolean;
  readonly encryptedResponse: boolean;
}

function single(payload: Uint8Array, spec: GbzReadSpec): GbzComponent {
  const gbz = decodeGbz(payload);
  if (gbz.components.length !== 1) throw new PayloadDecodeError(2, 'gbz.component-count', `1 component (${spec.useCase})`, String(gbz.components.length));
  const c = gbz.components[0] as GbzComponent;
  if (c.clusterId !== spec.clusterId) {
    throw new PayloadDecodeError(4, 'gbz.component[0].cluster-id', `0x${spec.clusterId.toString(16).padStart(4, '0')} (${spec.useCase})`, `0x${c.clusterId.toString(16).padStart(4, '0')}`);
  }
  if (c.fromDateTime !== null) throw new PayloadDecodeError(3, 'gbz.component[0].control', `no from-date-time (${spec.useCase})`, 'from-date-time present');
  return c;
}

function checkHeader(found: ZclHeader, want: ZclHeader, at: number, useCase: string): void {
  const text = (h: ZclHeader): string =>
    `${h.frameControl.frameType} ${h.frameControl.direction}${h.frameControl.disableDefaultResponse ? ' disable-default-response' : ''}` +
    `${h.manufacturerCode === null ? '' : ` manufacturer ${h.manufacturerCode}`} command 0x${h.commandId.toString(16).padStart(2, '0')}`;
  if (text(found) !== text({ ...want, sequenceNumber: found.sequenceNumber })) {
    throw new PayloadDecodeError(at, 'gbz.component[0].zcl-header', `${text(want)} (${useCase})`, text(found));
  }
}

export function decodeReadCommand(payload: Uint8Array, spec: GbzReadSpec): { sequenceNumber: number } {
  const c = single(payload, spec);
  const headerAt = 8;
  if (c.kind !== 'plain') throw new PayloadDecodeError(5, 'gbz.component[0].control', `a plain component (${spec.useCase})`, 'encrypted');
  checkHeader(c.header, globalRequestHeader(ZCL_GLOBAL_COMMAND.readAttributes, c.header.sequenceNumber), headerAt, spec.useCase);
  const r = componentPayloadReader(c);
  const at = r.offset;
  const ids = readReadAttributes(r, 'gbz.component[0].read-attributes');
  const want = spec.attributes.map((a) => a.id);
  if (ids.join(',') !== want.join(',')) {
    throw new PayloadDecodeError(at, 'gbz.component[0].read-attributes', `attribute ids ${want.map(hex4).join(', ')} (${spec.useCase})`, ids.map(hex4).join(', '));
  }
  return { sequenceNumber: c.header.sequenceNumber };
}

/** The command half of a GBZ read use case: Read Attributes of spec.attributes, fields = its sequence number. */
export function readCommandCodec(spec: GbzReadSpec): Pick<UseCaseCodec<{ readonly sequenceNumber: number }, unknown>, 'encodeCommand' | 'decodeCommand'> {
  return {
    encodeCommand: (f) => encodeReadCommand(f.sequenceNumber, spec),
    decodeCommand: (payload) => decodeReadCommand(payload, spec),
  };
}

export function encodeReadCommand(sequenceNumber: number, spec: GbzReadSpec): Uint8Array {
  return encodeGbz({
    components: [
      {
        kind: 'plain',
        clusterId: spec.clusterId,
        fromDateTime: null,
        header: globalRequestHeader(ZCL_GLOBAL_COMMAND.readAttributes, sequenceNumber),
        payload: encodeReadAttributes(spec.attributes.map((a) => a.id)),
      },
    ],
  });
}

/** The response records, in the order of spec.attributes, with the sequence number. */
export function decodeReadResponse(payload: Uint8Array, spec: GbzReadSpec, ctx: PayloadContext): { sequenceNumber: number; results: Array<ZclAttributeResult<ZclValue>> } {
  const c = single(payload, spec);
  const headerAt = c.kind === 'encrypted' ? 10 : 8;
  checkHeader(
    c.header,
    globalResponseHeader(ZCL_GLOBAL_COMMAND.readAttributesResponse, c.header.sequenceNumber, spec.responseDisableDefaultResponse),
    headerAt,
    spec.useCase,
  );
  let r: PayloadReader;
  let field = 'gbz.component[0].read-attributes-response';
  if (spec.encryptedResponse) {
    if (c.kind !== 'encrypted') throw new PayloadDecodeError(5, 'gbz.component[0].control', `an encrypted component (${spec.useCase})`, 'plain');
    if (c.additionalHeader.control !== 0 || c.additionalHeader.frameCounter !== 0) {
      throw new PayloadDecodeError(8, 'gbz.component[0].additional-header', '00 00', `${c.additionalHeader.control} ${c.additionalHeader.frameCounter}`);
    }
    const plain = openGbzComponent(c, requireCipher(ctx, `${spec.useCase} response`));
    r = new PayloadReader(plain.payload);
    field = 'read-attributes-response(decrypted)';
  } else {
    if (c.kind !== 'plain') throw new PayloadDecodeError(5, 'gbz.component[0].control', `a plain component (${spec.useCase})`, 'encrypted');
    r = componentPayloadReader(c);
  }
  const recordsAt: number[] = [];
  const records: ReadAttributeRecord[] = [];
  const all = readRecordsWithOffsets(r, field, recordsAt, records);
  if (all.length !== spec.attributes.length) {
    throw new PayloadDecodeError(r.offset, field, `${spec.attributes.length} record(s) (${spec.useCase})`, String(all.length));
  }
  const results = spec.attributes.map((a, i): ZclAttributeResult<ZclValue> => {
    const rec = all[i] as ReadAttributeRecord;
    const at = recordsAt[i] as number;
    if (rec.attributeId !== a.id) throw new PayloadDecodeError(at, `${field}.record[${i}].attribute-id`, `${hex4(a.id)} (${a.name})`, hex4(rec.attributeId));
    if (rec.status !== 'success') return { status: rec.status };
    if (rec.value.type !== a.type) throw new PayloadDecodeError(at + 3, `${field}.record[${i}].data-type`, `${a.type} (${a.name})`, rec.value.type);
    return { status: 'success', value: rec.value };
  });
  return { sequenceNumber: c.header.sequenceNumber, results };
}

function readRecordsWithOffsets(r: PayloadReader, field: string, offsets: number[], out: ReadAttributeRecord[]): ReadAttributeRecord[] {
  while (!r.atEnd) {
    offsets.push(r.offset);
    out.push(readReadAttributeRecord(r, `${field}.record[${out.length}]`));
  }
  return out;
}

export function encodeReadResponse(
  sequenceNumber: number,
  results: ReadonlyArray<ZclAttributeResult<ZclValue>>,
  spec: GbzReadSpec,
  ctx: PayloadContext,
): Uint8Array {
  if (results.length !== spec.attributes.length) throw new PayloadEncodeError(`${spec.useCase} response`, `${spec.attributes.length} attribute results`, String(results.length));
  const records = spec.attributes.map((a, i): ReadAttributeRecord => {
    const res = results[i] as ZclAttributeResult<ZclValue>;
    if (res.status !== 'success') return { attributeId: a.id, status: res.status };
    if (res.value.type !== a.type) throw new PayloadEncodeError(`${spec.useCase} response.${a.name}`, a.type, res.value.type);
    return { attributeId: a.id, status: 'success', value: res.value };
  });
  const plain: GbzPlainComponent = {
    kind: 'plain',
    clusterId: spec.clusterId,
    fromDateTime: null,
    header: globalResponseHeader(ZCL_GLOBAL_COMMAND.readAttributesResponse, sequenceNumber, spec.responseDisableDefaultResponse),
    payload: encodeReadAttributesResponse(records),
  };
  const component = spec.encryptedResponse ? sealGbzComponent(plain, requireCipher(ctx, `${spec.useCase} response`)) : plain;
  return encodeGbz({ components: [component] });
}

export function hex4(n: number): string {
  return '0x' + n.toString(16).toUpperCase().padStart(4, '0');
}

/** Maps a typed attribute result through a value converter. */
export function mapResult<A, B>(r: ZclAttributeResult<A>, f: (a: A) => B): ZclAttributeResult<B> {
  return r.status === 'success' ? { status: 'success', value: f(r.value) } : r;
}

