// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DBCH02 — Read CHF Sub GHz Channel Log, SRV 6.32, message code 0x010B (to the CHF, from the ACB).
 *
 * Command: Access request, get-with-selection class 7 (Profile Generic) 0-0:94.44.10.3 attribute 2,
 * range descriptor (selector 1) restricting on {class 1, 0-0:94.44.100.255, attribute 2, data
 * index 0} from / to double-long-unsigned UTC seconds since 2000-01-01, all columns; null-data.
 * RTDS: 2014-12-20T00:00Z … 2014-12-31T09:00Z, the DUIS template's ReadLogPeriod [V].
 *
 * Response: a compact-array of structure { double-long-unsigned UTC seconds, long-unsigned alert
 * code, octet-string event data } and a get result. RTDS: 11 entries, each alert 0x8F26 (Sub GHz
 * Channel Changed) with 7 bytes of event data: the new channel mask (4 bytes, as DBCH01 reports
 * it) followed by 09 01 nn — the A-XDR octet-string(1) that alert 0x8F26 carries after its channel
 * (dbch07-channel-changed.ts) [I]. Entries of another layout are refused: the sources at hand show
 * no other [P].
 */
import { bytesToHex } from '../../hex.ts';
import type { AccessRequestSpec } from '../dlms/access-request.ts';
import { Axdr, axdrOffset, type AxdrData, type AxdrTypeDescription } from '../dlms/axdr-data.ts';
import { expectNull, expectNumber, expectOctetString, expectStructure, expectType, item } from '../dlms/axdr-match.ts';
import type { DataAccessResult } from '../dlms/dlms-results.ts';
import { RANGE_DESCRIPTOR_SELECTOR, rangeDescriptorData, readRangeDescriptor, type CaptureObjectDefinition } from '../dlms/range-descriptor.ts';
import { octetFieldBytes } from '../field-bytes.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { dateToZclUtc, zclUtcToDate } from '../zcl/zcl-utc-time.ts';
import { decodeSelectiveGetRequest, decodeSingleResultResponse, encodeFixedRequest, encodeSingleResultResponse } from './dlms-exchange.ts';
import { channelMaskBits, subGhzChannelMask, type SubGhzChannelMask } from './sub-ghz-channel-mask.ts';
import type { UseCaseCodec } from './use-case-codec.ts';

export interface Dbch02Command {
  /** Start of the log period read (UTC, whole seconds). */
  readonly from: Date;
  /** End of the log period read. */
  readonly to: Date;
}

export interface SubGhzChannelLogEntry {
  readonly at: Date;
  /** The event's alert code (RTDS: 0x8F26 Sub GHz Channel Changed). */
  readonly alertCode: number;
  /** The channel the CHF changed to. */
  readonly channel: SubGhzChannelMask;
  /** [P] The octet after the channel, as alert 0x8F26 carries it; GBCS meaning not in the sources at hand. */
  readonly qualifier: number;
}

export type Dbch02Response =
  | { readonly ok: true; readonly entries: readonly SubGhzChannelLogEntry[] }
  | { readonly ok: false; readonly result: Exclude<DataAccessResult, 'success'> };

const LOG = { classId: 7, instanceId: '0-0:94.44.10.3', attributeId: 2 } as const;
const RESTRICTING_OBJECT: CaptureObjectDefinition = { classId: 1, logicalName: '0-0:94.44.100.255', attributeIndex: 2, dataIndex: 0 };
const ENTRY: AxdrTypeDescription = { type: 'structure', fields: [{ type: 'double-long-unsigned' }, { type: 'long-unsigned' }, { type: 'octet-string' }] };
const PARAMS = 'access-request.specification[0].access-parameters';

function spec(from: Date, to: Date): AccessRequestSpec {
  return {
    kind: 'get-with-selection',
    ...LOG,
    accessSelector: RANGE_DESCRIPTOR_SELECTOR,
    accessParameters: rangeDescriptorData(
      { restrictingObject: RESTRICTING_OBJECT, from: Axdr.doubleLongUnsigned(dateToZclUtc(from)), to: Axdr.doubleLongUnsigned(dateToZclUtc(to)), selectedValues: [] },
      'DBCH02 command',
    ),
  };
}

function entryData(e: SubGhzChannelLogEntry, i: number): AxdrData {
  const f = `DBCH02 response.entries[${i}]`;
  if (!Number.isInteger(e.alertCode) || e.alertCode < 0 || e.alertCode > 0xffff) throw new PayloadEncodeError(`${f}.alertCode`, 'a 16-bit alert code', String(e.alertCode));
  const data = new Uint8Array(7);
  new DataView(data.buffer).setUint32(0, parseInt(channelMaskBits(e.channel), 2));
  data.set([0x09, 0x01, ...octetFieldBytes(e.qualifier, `${f}.qualifier`)], 4);
  return Axdr.structure(Axdr.doubleLongUnsigned(dateToZclUtc(e.at)), Axdr.longUnsigned(e.alertCode), Axdr.octetString(data));
}

function readEntry(d: AxdrData, field: string): SubGhzChannelLogEntry {
  const s = expectStructure(d, field, 3);
  const data = expectOctetString(item(s, 2), `${field}.event-data`, 7);
  if (data[4] !== 0x09 || data[5] !== 0x01) {
    throw new PayloadDecodeError((axdrOffset(item(s, 2)) ?? 0) + 5, `${field}.event-data[4..5]`, '09 01 (an octet-string of 1 after the channel mask)', bytesToHex(data.subarray(4, 6)));
  }
  return {
    at: zclUtcToDate(expectNumber(item(s, 0), 'double-long-unsigned', `${field}.time`)),
    alertCode: expectNumber(item(s, 1), 'long-unsigned', `${field}.alert-code`),
    channel: subGhzChannelMask(new DataView(data.buffer, data.byteOffset, 4).getUint32(0)),
    qualifier: data[6] as number,
  };
}

export const dbch02: UseCaseCodec<Dbch02Command, Dbch02Response> = {
  kind: 'command-response',
  name: 'DBCH02',
  messageCode: 0x010b,
  srv: '6.32',
  title: 'Read CHF Sub GHz Channel Log',
  payloadKind: 'dlms',

  encodeCommand(fields, ctx) {
    return encodeFixedRequest(ctx, [spec(fields.from, fields.to)], [Axdr.nullData()]);
  },

  decodeCommand(payload, ctx) {
    const { accessParameters, data } = decodeSelectiveGetRequest(payload, ctx, { kind: 'get-with-selection', ...LOG, accessSelector: RANGE_DESCRIPTOR_SELECTOR }, 'DBCH02');
    const range = readRangeDescriptor(accessParameters, PARAMS);
    const text = (c: CaptureObjectDefinition): string => `{${c.classId}, ${c.logicalName}, ${c.attributeIndex}, ${c.dataIndex}}`;
    if (text(range.restrictingObject) !== text(RESTRICTING_OBJECT)) {
      throw new PayloadDecodeError(axdrOffset(accessParameters) ?? 0, `${PARAMS}.restricting-object`, text(RESTRICTING_OBJECT), text(range.restrictingObject));
    }
    if (range.selectedValues.length !== 0) {
      throw new PayloadDecodeError(axdrOffset(accessParameters) ?? 0, `${PARAMS}.selected-values`, 'an empty array (all columns)', `${range.selectedValues.length} column(s)`);
    }
    expectNull(data, 'access-request.data[0]');
    return {
      from: zclUtcToDate(expectNumber(range.from, 'double-long-unsigned', `${PARAMS}.from-value`)),
      to: zclUtcToDate(expectNumber(range.to, 'double-long-unsigned', `${PARAMS}.to-value`)),
    };
  },

  encodeResponse(fields, ctx) {
    return encodeSingleResultResponse(ctx, 'get', 'DBCH02', fields, (f) => ({ type: 'compact-array', description: ENTRY, elements: f.entries.map(entryData) }));
  },

  decodeResponse(payload, ctx) {
    const r = decodeSingleResultResponse(payload, ctx, 'get', 'DBCH02');
    if (!r.ok) return r;
    const field = 'access-response.data[0].channel-log';
    const log = expectType(r.data, 'compact-array', field);
    if (JSON.stringify(log.description) !== JSON.stringify(ENTRY)) {
      throw new PayloadDecodeError((axdrOffset(r.data) ?? 0) + 1, `${field}.contents-description`, 'structure { double-long-unsigned, long-unsigned, octet-string }', JSON.stringify(log.description));
    }
    return { ok: true, entries: log.elements.map((e, i) => readEntry(e, `${field}[${i}]`)) };
  },
};
