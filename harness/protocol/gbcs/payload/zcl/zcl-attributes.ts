// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ZCL global commands Read Attributes (0x00): a list of attribute ids (2 bytes LE each), and
 * Read Attributes Response (0x01): records {attribute id (2, LE), status (1), and when the status
 * is success: data type (1) and value}.
 *
 * RTDS GCS13a: "02 03 | 01 03 | 00 03 | 00 00" = Divisor 0x0302, Multiplier 0x0301,
 * Unit of Measure 0x0300, Current Summation Delivered 0x0000; a failed record is just
 * "02 03 C0" (hardware failure, no type or value).
 */
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { readZclTypedValue, writeZclTypedValue, type ZclValue } from './zcl-data-types.ts';
import { ZclStatuses, type ZclStatus } from './zcl-status.ts';

export type ReadAttributeRecord =
  | { readonly attributeId: number; readonly status: 'success'; readonly value: ZclValue }
  | { readonly attributeId: number; readonly status: Exclude<ZclStatus, 'success'> };

/** Reads the attribute id list (the whole reader). */
export function readReadAttributes(r: PayloadReader, field = 'read-attributes'): number[] {
  const ids: number[] = [];
  while (!r.atEnd) ids.push(r.uintLe(2, `${field}.attribute-id[${ids.length}]`));
  return ids;
}

export function decodeReadAttributes(payload: Uint8Array, base = 0): number[] {
  return readReadAttributes(new PayloadReader(payload, base));
}

export function encodeReadAttributes(attributeIds: readonly number[]): Uint8Array {
  const w = new PayloadWriter();
  attributeIds.forEach((id, i) => w.uintLe(id, 2, `read-attributes.attribute-id[${i}]`));
  return w.toBytes();
}

/** Reads one response record. */
export function readReadAttributeRecord(r: PayloadReader, field: string): ReadAttributeRecord {
  const attributeId = r.uintLe(2, `${field}.attribute-id`);
  const status = ZclStatuses.nameOf(r.u8(`${field}.status`));
  if (status === 'success') return { attributeId, status, value: readZclTypedValue(r, `${field}.value`) };
  return { attributeId, status };
}

/** Reads response records until the reader is empty. */
export function readReadAttributesResponse(r: PayloadReader, field = 'read-attributes-response'): ReadAttributeRecord[] {
  const out: ReadAttributeRecord[] = [];
  while (!r.atEnd) out.push(readReadAttributeRecord(r, `${field}.record[${out.length}]`));
  return out;
}

export function decodeReadAttributesResponse(payload: Uint8Array, base = 0): ReadAttributeRecord[] {
  return readReadAttributesResponse(new PayloadReader(payload, base));
}

export function encodeReadAttributesResponse(records: readonly ReadAttributeRecord[]): Uint8Array {
  const w = new PayloadWriter();
  records.forEach((rec, i) => {
    const f = `read-attributes-response.record[${i}]`;
    w.uintLe(rec.attributeId, 2, `${f}.attribute-id`);
    w.u8(ZclStatuses.codeOf(rec.status, `${f}.status`), `${f}.status`);
    if (rec.status === 'success') {
      if (!('value' in rec) || !rec.value) throw new PayloadEncodeError(`${f}.value`, 'a typed value for a successful record');
      writeZclTypedValue(w, rec.value, `${f}.value`);
    }
  });
  return w.toBytes();
}
