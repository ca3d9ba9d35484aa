// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { Axdr } from '../dlms/axdr-data.ts';
import { gbcsLongInvokeId } from '../dlms/long-invoke-id.ts';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { ECS52_COMMAND, ECS52_RESPONSE } from '../testing/payloads-md-fixtures.ts';
import {
  checkInvoke,
  decodeFixedRequest,
  decodeFixedResponse,
  decodeSelectiveGetRequest,
  encodeFixedRequest,
  encodeFixedResponse,
  singleSetResponse,
} from './dlms-exchange.ts';

const SPECS = [{ kind: 'get' as const, classId: 1, instanceId: '0-0:0.2.1.255' as const, attributeId: 2 }];

describe('DLMS use-case exchange', () => {
  it('builds and reads a fixed request', () => {
    expect(bytesToHex(encodeFixedRequest(ECS52_COMMAND, SPECS, [Axdr.nullData()]))).toBe(bytesToHex(ECS52_COMMAND.payload));
    expect(decodeFixedRequest(ECS52_COMMAND.payload, ECS52_COMMAND, SPECS, 'ECS52')).toEqual([Axdr.nullData()]);
  });

  it('builds and reads a fixed response', () => {
    const parts = decodeFixedResponse(ECS52_RESPONSE.payload, ECS52_RESPONSE, ['get'], 'ECS52');
    expect(parts.specs).toEqual([{ kind: 'get', result: 'success' }]);
    expect(bytesToHex(encodeFixedResponse(ECS52_RESPONSE, parts.data, parts.specs))).toBe(bytesToHex(ECS52_RESPONSE.payload));
    expect(() => decodeFixedResponse(ECS52_RESPONSE.payload, ECS52_RESPONSE, ['action'], 'X')).toThrow(/a action result/);
    expect(() => decodeFixedResponse(ECS52_RESPONSE.payload, ECS52_RESPONSE, ['get', 'get'], 'X')).toThrow(/2 Data/);
  });

  it('checks the invoke id against the header counter', () => {
    expect(() => checkInvoke(gbcsLongInvokeId(1000n), ECS52_COMMAND, 'apdu')).not.toThrow();
    expect(() => checkInvoke({ ...gbcsLongInvokeId(1000n), breakOnError: false }, ECS52_COMMAND, 'apdu')).toThrow(PayloadDecodeError);
  });

  it('rejects a future-dated request and an echoed request specification', () => {
    const dated = spacedHexToBytes('D9 200003E8 0C 07DF0101FF000000008000FF 01 01 0001 0000000201FF 02 01 00');
    expect(() => decodeFixedRequest(dated, ECS52_COMMAND, SPECS, 'ECS52')).toThrow(/not future dated/);
    const echoed = spacedHexToBytes('DA 200003E8 00 01 01 01 0001 0000000201FF 02 01 00 01 0100');
    expect(() => decodeFixedResponse(echoed, ECS52_RESPONSE, ['get'], 'ECS52')).toThrow(/absent/);
  });

  it('answers a single set with null-data and its result', () => {
    const set = singleSetResponse('X');
    expect(bytesToHex(set.encodeResponse({ ok: true }, ECS52_RESPONSE))).toBe('DA200003E800000100010200');
    expect(set.decodeResponse(spacedHexToBytes('DA200003E800000100010201'), ECS52_RESPONSE)).toEqual({ ok: false, result: 'hardware-fault' });
    expect(() => set.decodeResponse(spacedHexToBytes('DA200003E80000011101010200'), ECS52_RESPONSE)).toThrow(/null-data/);
    expect(() => set.decodeResponse(spacedHexToBytes('DA200003E800000100010100'), ECS52_RESPONSE)).toThrow(/a set result/);
    expect(() => set.encodeResponse({ ok: false, result: 'success' as never }, ECS52_RESPONSE)).toThrow(/failure result/);
  });

  it('reads one get-with-selection and returns its access parameters', () => {
    const want = { kind: 'get-with-selection' as const, classId: 7, instanceId: '0-0:99.1.0.255' as const, attributeId: 2, accessSelector: 1 };
    const bytes = encodeFixedRequest(ECS52_COMMAND, [{ ...want, accessParameters: Axdr.unsigned(9) }], [Axdr.nullData()]);
    expect(decodeSelectiveGetRequest(bytes, ECS52_COMMAND, want, 'X')).toEqual({ accessParameters: Axdr.unsigned(9), data: Axdr.nullData() });
    expect(() => decodeSelectiveGetRequest(bytes, ECS52_COMMAND, { ...want, accessSelector: 2 }, 'X')).toThrow(/selector 2 \(X\)/);
    expect(() => decodeSelectiveGetRequest(ECS52_COMMAND.payload, ECS52_COMMAND, want, 'X')).toThrow(/get-with-selection class 7/);
  });
});
