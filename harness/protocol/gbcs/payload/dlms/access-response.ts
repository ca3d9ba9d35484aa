// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GBCS DLMS "Access" service response (Access-Response APDU, tag DA):
 *
 *   DA | long-invoke-id-and-priority (4) | date-time (00 | 0C + 12)
 *      | access-request-specification list OPTIONAL (00 absent | 01 + list)
 *      | list of Data (A-XDR count, then Data…)
 *      | list of Access-Response-Specification (count, then CHOICE 01 get / 02 set with a
 *        Data-Access-Result byte, 03 action with an Action-Result byte)
 *
 * RTDS: ECS52 "DA 20 00 03 E8 00 | 00 | 01 09 04 01 23 AB CD | 01 01 00".
 */
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { type AxdrData, readAxdrData, writeAxdrData } from './axdr-data.ts';
import { hexByte, readAxdrCount, writeAxdrLength } from './axdr-length.ts';
import { DLMS_TAG, readApduHeader, writeApduHeader, type DlmsApduHeader } from './apdu-header.ts';
import { MIN_SPEC_BYTES, readAccessRequestSpec, writeAccessRequestSpec, type AccessRequestSpec } from './access-request.ts';
import { ActionResults, DataAccessResults, type ActionResult, type DataAccessResult } from './dlms-results.ts';

export type AccessResponseSpec =
  | { readonly kind: 'get'; readonly result: DataAccessResult }
  | { readonly kind: 'set'; readonly result: DataAccessResult }
  | { readonly kind: 'action'; readonly result: ActionResult };

export interface AccessResponse extends DlmsApduHeader {
  /** The optional echo of the request specifications (GBCS responses leave it absent: null). */
  readonly requestSpecs: readonly AccessRequestSpec[] | null;
  readonly data: readonly AxdrData[];
  readonly specs: readonly AccessResponseSpec[];
}

export function decodeAccessResponse(payload: Uint8Array): AccessResponse {
  const r = new PayloadReader(payload);
  const head = readApduHeader(r, DLMS_TAG.accessResponse, 'access-response');
  const optAt = r.offset;
  const present = r.u8('access-response.access-request-specification');
  let requestSpecs: AccessRequestSpec[] | null = null;
  if (present === 1) {
    const n = readAxdrCount(r, 'access-response.access-request-specification', MIN_SPEC_BYTES);
    requestSpecs = [];
    for (let i = 0; i < n; i++) requestSpecs.push(readAccessRequestSpec(r, `access-response.access-request-specification[${i}]`));
  } else if (present !== 0) {
    r.fail('access-response.access-request-specification', '00 (absent) or 01 (present)', hexByte(present), optAt);
  }
  const nData = readAxdrCount(r, 'access-response.list-of-data');
  const data: AxdrData[] = [];
  for (let i = 0; i < nData; i++) data.push(readAxdrData(r, `access-response.data[${i}]`));
  const nSpecs = readAxdrCount(r, 'access-response.list-of-specifications', 2);
  const specs: AccessResponseSpec[] = [];
  for (let i = 0; i < nSpecs; i++) {
    const f = `access-response.specification[${i}]`;
    const at = r.offset;
    const tag = r.u8(`${f}.choice`);
    const result = r.u8(`${f}.result`);
    if (tag === 1) specs.push({ kind: 'get', result: DataAccessResults.nameOf(result) });
    else if (tag === 2) specs.push({ kind: 'set', result: DataAccessResults.nameOf(result) });
    else if (tag === 3) specs.push({ kind: 'action', result: ActionResults.nameOf(result) });
    else r.fail(`${f}.choice`, 'an access response specification 01 get, 02 set or 03 action', hexByte(tag), at);
  }
  r.expectEnd('access-response (after the list of specifications)');
  return { ...head, requestSpecs, data, specs };
}

export function encodeAccessResponse(rsp: AccessResponse): Uint8Array {
  const w = new PayloadWriter();
  writeApduHeader(w, DLMS_TAG.accessResponse, rsp, 'access-response');
  if (rsp.requestSpecs === null) {
    w.u8(0, 'access-response.access-request-specification');
  } else {
    w.u8(1, 'access-response.access-request-specification');
    writeAxdrLength(w, rsp.requestSpecs.length, 'access-response.access-request-specification');
    rsp.requestSpecs.forEach((s, i) => writeAccessRequestSpec(w, s, `access-response.access-request-specification[${i}]`));
  }
  writeAxdrLength(w, rsp.data.length, 'access-response.list-of-data');
  rsp.data.forEach((d, i) => writeAxdrData(w, d, `access-response.data[${i}]`));
  writeAxdrLength(w, rsp.specs.length, 'access-response.list-of-specifications');
  rsp.specs.forEach((s, i) => {
    const f = `access-response.specification[${i}]`;
    if (s.kind === 'get' || s.kind === 'set') {
      w.u8(s.kind === 'get' ? 1 : 2, `${f}.choice`);
      w.u8(DataAccessResults.codeOf(s.result, `${f}.result`), `${f}.result`);
    } else if (s.kind === 'action') {
      w.u8(3, `${f}.choice`);
      w.u8(ActionResults.codeOf(s.result, `${f}.result`), `${f}.result`);
    } else {
      throw new PayloadEncodeError(`${f}.kind`, 'get, set or action', String((s as { kind: unknown }).kind));
    }
  });
  return w.toBytes();
}
