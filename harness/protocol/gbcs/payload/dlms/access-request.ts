// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GBCS DLMS "Access" service request (Access-Request APDU, tag D9):
 *
 *   D9 | long-invoke-id-and-priority (4) | date-time (00 | 0C + 12)
 *      | list of Access-Request-Specification (A-XDR count, then CHOICE …)
 *      | list of Data (A-XDR count, then one Data per specification)
 *
 * Specification CHOICE: 01 get, 02 set (class id 2, instance id 6, attribute id 1);
 * 03 action (class id, instance id, method id); 04 get-with-selection / 05 set-with-selection
 * (attribute descriptor, then access selector Unsigned8 and access parameters Data).
 *
 * RTDS: ECS17b "D9 20 00 03 E8 00 | 01 | 03 00 1E 00 00 2B 02 08 FF 01 | 01 | 02 02 …".
 */
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { type AxdrData, readAxdrData, writeAxdrData } from './axdr-data.ts';
import { hexByte, readAxdrCount, writeAxdrLength } from './axdr-length.ts';
import { DLMS_TAG, readApduHeader, writeApduHeader, type DlmsApduHeader } from './apdu-header.ts';
import {
  readAttributeDescriptor,
  readMethodDescriptor,
  writeAttributeDescriptor,
  writeMethodDescriptor,
  type CosemAttributeDescriptor,
  type CosemMethodDescriptor,
} from './cosem-descriptor.ts';

export interface SelectiveAccess {
  readonly accessSelector: number;
  readonly accessParameters: AxdrData;
}

export type AccessRequestSpec =
  | ({ readonly kind: 'get' } & CosemAttributeDescriptor)
  | ({ readonly kind: 'set' } & CosemAttributeDescriptor)
  | ({ readonly kind: 'action' } & CosemMethodDescriptor)
  | ({ readonly kind: 'get-with-selection' } & CosemAttributeDescriptor & SelectiveAccess)
  | ({ readonly kind: 'set-with-selection' } & CosemAttributeDescriptor & SelectiveAccess);

export const ACCESS_REQUEST_SPEC_TAG = {
  get: 1,
  set: 2,
  action: 3,
  'get-with-selection': 4,
  'set-with-selection': 5,
} as const satisfies Record<AccessRequestSpec['kind'], number>;

export interface AccessRequest extends DlmsApduHeader {
  readonly specs: readonly AccessRequestSpec[];
  /** One Data per specification (null-data for a get, the value for a set, the parameter for an action). */
  readonly data: readonly AxdrData[];
}

/** Smallest encoded specification: tag + class id + instance id + attribute/method id. */
export const MIN_SPEC_BYTES = 10;

export function readAccessRequestSpec(r: PayloadReader, field: string): AccessRequestSpec {
  const at = r.offset;
  const tag = r.u8(`${field}.choice`);
  switch (tag) {
    case 1:
      return { kind: 'get', ...readAttributeDescriptor(r, field) };
    case 2:
      return { kind: 'set', ...readAttributeDescriptor(r, field) };
    case 3:
      return { kind: 'action', ...readMethodDescriptor(r, field) };
    case 4:
    case 5: {
      const d = readAttributeDescriptor(r, field);
      const accessSelector = r.u8(`${field}.access-selector`);
      const accessParameters = readAxdrData(r, `${field}.access-parameters`);
      return { kind: tag === 4 ? 'get-with-selection' : 'set-with-selection', ...d, accessSelector, accessParameters };
    }
    default:
      return r.fail(`${field}.choice`, 'an access request specification 01 get, 02 set, 03 action, 04/05 with selection', hexByte(tag), at);
  }
}

export function writeAccessRequestSpec(w: PayloadWriter, s: AccessRequestSpec, field: string): void {
  const tag = (ACCESS_REQUEST_SPEC_TAG as Record<string, number>)[s.kind];
  if (tag === undefined) throw new PayloadEncodeError(`${field}.kind`, 'get, set, action, get-with-selection or set-with-selection', String(s.kind));
  w.u8(tag, `${field}.choice`);
  if (s.kind === 'action') {
    writeMethodDescriptor(w, s, field);
    return;
  }
  writeAttributeDescriptor(w, s, field);
  if (s.kind === 'get-with-selection' || s.kind === 'set-with-selection') {
    w.u8(s.accessSelector, `${field}.access-selector`);
    writeAxdrData(w, s.accessParameters, `${field}.access-parameters`);
  }
}

export function decodeAccessRequest(payload: Uint8Array): AccessRequest {
  const r = new PayloadReader(payload);
  const head = readApduHeader(r, DLMS_TAG.accessRequest, 'access-request');
  const nSpecs = readAxdrCount(r, 'access-request.list-of-specifications', MIN_SPEC_BYTES);
  const specs: AccessRequestSpec[] = [];
  for (let i = 0; i < nSpecs; i++) specs.push(readAccessRequestSpec(r, `access-request.specification[${i}]`));
  const at = r.offset;
  const nData = readAxdrCount(r, 'access-request.list-of-data');
  if (nData !== nSpecs) r.fail('access-request.list-of-data', `${nSpecs} Data (one per specification)`, String(nData), at);
  const data: AxdrData[] = [];
  for (let i = 0; i < nData; i++) data.push(readAxdrData(r, `access-request.data[${i}]`));
  r.expectEnd('access-request (after the list of data)');
  return { ...head, specs, data };
}

export function encodeAccessRequest(req: AccessRequest): Uint8Array {
  if (req.data.length !== req.specs.length) {
    throw new PayloadEncodeError('access-request.data', `${req.specs.length} Data (one per specification)`, String(req.data.length));
  }
  const w = new PayloadWriter();
  writeApduHeader(w, DLMS_TAG.accessRequest, req, 'access-request');
  writeAxdrLength(w, req.specs.length, 'access-request.list-of-specifications');
  req.specs.forEach((s, i) => writeAccessRequestSpec(w, s, `access-request.specification[${i}]`));
  writeAxdrLength(w, req.data.length, 'access-request.list-of-data');
  req.data.forEach((d, i) => writeAxdrData(w, d, `access-request.data[${i}]`));
  return w.toBytes();
}
