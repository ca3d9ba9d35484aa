// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { CCS01_RESPONSE, DBCH01_RESPONSE, ECS17B_RESPONSE, ECS52_RESPONSE } from '../testing/payloads-md-fixtures.ts';
import { decodeAccessResponse, encodeAccessResponse } from './access-response.ts';
import { Axdr } from './axdr-data.ts';

describe('DLMS Access-Response (DA)', () => {
  it('decodes ECS52: the firmware version octet-string and a get success', () => {
    const rsp = decodeAccessResponse(ECS52_RESPONSE.payload);
    expect(rsp.invoke.invokeId).toBe(1000);
    expect(rsp.requestSpecs).toBeNull();
    expect(rsp.data).toEqual([Axdr.octetString(spacedHexToBytes('0123ABCD'))]);
    expect(rsp.specs).toEqual([{ kind: 'get', result: 'success' }]);
    expect(bytesToHex(encodeAccessResponse(rsp))).toBe(bytesToHex(ECS52_RESPONSE.payload));
  });

  it('decodes CCS01: action and set results', () => {
    const rsp = decodeAccessResponse(CCS01_RESPONSE.payload);
    expect(rsp.data).toEqual([Axdr.nullData(), Axdr.nullData(), Axdr.nullData()]);
    expect(rsp.specs).toEqual([
      { kind: 'action', result: 'success' },
      { kind: 'set', result: 'success' },
      { kind: 'set', result: 'success' },
    ]);
    expect(bytesToHex(encodeAccessResponse(rsp))).toBe(bytesToHex(CCS01_RESPONSE.payload));
  });

  it('names error results and keeps unknown codes (RTDS CCS01 error response)', () => {
    const hex = 'DA20000517000003000000030300020102FA';
    const rsp = decodeAccessResponse(spacedHexToBytes(hex));
    expect(rsp.specs).toEqual([
      { kind: 'action', result: 'success' },
      { kind: 'set', result: 'hardware-fault' },
      { kind: 'set', result: 'other-reason' },
    ]);
    expect(decodeAccessResponse(spacedHexToBytes('DA 20000001 00 00 00 01 0163')).specs).toEqual([{ kind: 'get', result: 'data-access-result-99' }]);
    expect(bytesToHex(encodeAccessResponse(rsp))).toBe(hex);
  });

  it('round-trips an echoed request specification', () => {
    const hex = 'DA 20000001 00 01 01 01 0001 0000000201FF 02 01 00 01 0100';
    expect(bytesToHex(encodeAccessResponse(decodeAccessResponse(spacedHexToBytes(hex))))).toBe(bytesToHex(spacedHexToBytes(hex)));
  });

  it('rejects every truncation and trailing bytes', () => {
    for (const f of [ECS17B_RESPONSE, ECS52_RESPONSE, CCS01_RESPONSE, DBCH01_RESPONSE]) {
      expectEveryPrefixRejected(f.payload, decodeAccessResponse);
      expectTrailingRejected(f.payload, decodeAccessResponse);
    }
    expect(() => decodeAccessResponse(spacedHexToBytes('DA 200003E8 00 02 00 00'))).toThrow(/00 \(absent\) or 01/);
    expect(() => decodeAccessResponse(spacedHexToBytes('DA 200003E8 00 00 01 00 01 0400'))).toThrow(/access response specification/);
  });

  it('refuses unknown result names', () => {
    const rsp = decodeAccessResponse(ECS52_RESPONSE.payload);
    expect(() => encodeAccessResponse({ ...rsp, specs: [{ kind: 'get', result: 'fine' as 'success' }] })).toThrow(PayloadEncodeError);
  });
});
