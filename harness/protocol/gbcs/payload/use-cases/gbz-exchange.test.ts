// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { GCS38_COMMAND, GCS38_RESPONSE } from '../testing/payloads-md-fixtures.ts';
import { decodeReadCommand, decodeReadResponse, encodeReadCommand, encodeReadResponse, hex4, mapResult, type GbzReadSpec } from './gbz-exchange.ts';

const SPEC: GbzReadSpec = {
  useCase: 'T',
  clusterId: 0x0702,
  attributes: [{ id: 0x0206, type: 'octet-string', name: 'Current Meter Id' }],
  responseDisableDefaultResponse: false,
  encryptedResponse: false,
};

describe('GBZ read exchange', () => {
  it('reads and builds a read command and response', () => {
    expect(decodeReadCommand(GCS38_COMMAND.payload, SPEC)).toEqual({ sequenceNumber: 0 });
    expect(bytesToHex(encodeReadCommand(0, SPEC))).toBe(bytesToHex(GCS38_COMMAND.payload));
    const r = decodeReadResponse(GCS38_RESPONSE.payload, SPEC, GCS38_RESPONSE);
    expect(r.results).toEqual([{ status: 'success', value: { type: 'octet-string', value: spacedHexToBytes('0123ABCD') } }]);
    expect(bytesToHex(encodeReadResponse(0, r.results, SPEC, GCS38_RESPONSE))).toBe(bytesToHex(GCS38_RESPONSE.payload));
  });

  it('rejects another cluster, a second component and an encrypted reply where plain is expected', () => {
    expect(() => decodeReadCommand(spacedHexToBytes('0109 01 01 0705 0005 000000 0602'), SPEC)).toThrow(/cluster-id/);
    expect(() => decodeReadCommand(spacedHexToBytes('0109 02 00 0702 0005 000000 0602 01 0702 0005 000000 0602'), SPEC)).toThrow(/1 component/);
    expect(() => decodeReadResponse(GCS38_RESPONSE.payload, { ...SPEC, encryptedResponse: true }, GCS38_RESPONSE)).toThrow(/encrypted component/);
  });

  it('helpers', () => {
    expect(hex4(0x206)).toBe('0x0206');
    expect(mapResult({ status: 'success', value: 2 }, (x) => x * 2)).toEqual({ status: 'success', value: 4 });
    expect(mapResult<number, number>({ status: 'hardware-failure' }, (x) => x * 2)).toEqual({ status: 'hardware-failure' });
  });
});
