// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { CCS01_COMMAND, DBCH01_COMMAND, ECS17B_COMMAND, ECS52_COMMAND } from '../testing/payloads-md-fixtures.ts';
import { decodeAccessRequest, encodeAccessRequest } from './access-request.ts';
import { Axdr } from './axdr-data.ts';
import { gbcsLongInvokeId } from './long-invoke-id.ts';

describe('DLMS Access-Request (D9)', () => {
  it('decodes ECS52: one get on 0-0:0.2.1.255 attribute 2 with null data', () => {
    const req = decodeAccessRequest(ECS52_COMMAND.payload);
    expect(req.invoke).toEqual(gbcsLongInvokeId(1000n));
    expect(req.dateTime).toBeNull();
    expect(req.specs).toEqual([{ kind: 'get', classId: 1, instanceId: '0-0:0.2.1.255', attributeId: 2 }]);
    expect(req.data).toEqual([Axdr.nullData()]);
    expect(bytesToHex(encodeAccessRequest(req))).toBe(bytesToHex(ECS52_COMMAND.payload));
  });

  it('decodes CCS01: an action and two sets on the device log', () => {
    const req = decodeAccessRequest(CCS01_COMMAND.payload);
    expect(req.invoke.invokeId).toBe(1302);
    expect(req.specs).toEqual([
      { kind: 'action', classId: 104, instanceId: '0-0:30.3.0.255', methodId: 1 },
      { kind: 'set', classId: 104, instanceId: '0-0:30.3.0.255', attributeId: 3 },
      { kind: 'set', classId: 104, instanceId: '0-0:30.3.0.255', attributeId: 2 },
    ]);
    expect(req.data[1]).toEqual(Axdr.longUnsigned(90));
    expect(req.data[2]).toEqual(Axdr.boolean(true));
    expect(bytesToHex(encodeAccessRequest(req))).toBe(bytesToHex(CCS01_COMMAND.payload));
  });

  it('decodes ECS17b: the Get-Protected-Attributes action', () => {
    const req = decodeAccessRequest(ECS17B_COMMAND.payload);
    expect(req.specs).toEqual([{ kind: 'action', classId: 30, instanceId: '0-0:43.2.8.255', methodId: 1 }]);
    expect(bytesToHex(encodeAccessRequest(req))).toBe(bytesToHex(ECS17B_COMMAND.payload));
  });

  it('round-trips get-with-selection and a present date-time', () => {
    const hex = 'D9 20000001 0C 07E8010203040506078000FF 01 04 0007 0100630100FF 02 01 0204 0900 0900 1200 1200 01 00';
    const req = decodeAccessRequest(spacedHexToBytes(hex));
    expect(req.dateTime).toMatchObject({ year: 2024, month: 1, dayOfMonth: 2 });
    expect(req.specs[0]).toMatchObject({ kind: 'get-with-selection', classId: 7, accessSelector: 1 });
    expect(bytesToHex(encodeAccessRequest(req))).toBe(bytesToHex(spacedHexToBytes(hex)));
  });

  it('rejects every truncation, trailing bytes and mismatched lists', () => {
    for (const f of [ECS17B_COMMAND, ECS52_COMMAND, CCS01_COMMAND, DBCH01_COMMAND]) {
      expectEveryPrefixRejected(f.payload, decodeAccessRequest);
      expectTrailingRejected(f.payload, decodeAccessRequest);
    }
    expect(() => decodeAccessRequest(spacedHexToBytes('D9 200003E8 00 01 01 0001 00000002 01FF 02 00'))).toThrow(/one per specification/);
    expect(() => decodeAccessRequest(spacedHexToBytes('DA 200003E8 00 00'))).toThrow(PayloadDecodeError);
    expect(() => decodeAccessRequest(spacedHexToBytes('D9 200003E8 00 01 07 0001 00000002 01FF 02 01 00'))).toThrow(/access request specification/);
    expect(() => decodeAccessRequest(spacedHexToBytes('D9 200003E8 05 0102030405 00 00'))).toThrow(/date-time/);
  });

  it('refuses to encode a data list that does not match the specifications', () => {
    const req = decodeAccessRequest(ECS52_COMMAND.payload);
    expect(() => encodeAccessRequest({ ...req, data: [] })).toThrow(PayloadEncodeError);
  });
});
