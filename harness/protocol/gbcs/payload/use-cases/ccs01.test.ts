// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { CCS01_COMMAND, CCS01_RESPONSE } from '../testing/payloads-md-fixtures.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { ccs01, type Ccs01Command } from './ccs01.ts';

const RTDS_FIELDS: Ccs01Command = {
  deviceId: '00DB1234567890A0',
  deviceType: 1,
  installCode: new TextEncoder().encode('0123456789ABCDEF'),
  registrationOption: 0,
  joinTimeoutSeconds: 90,
  enableJoining: true,
};

describe('CCS01 Add Device to CHF Device Log', () => {
  it('decodes the command to device, install code, join timeout and joining flag', () => {
    expect(ccs01.decodeCommand(CCS01_COMMAND.payload, CCS01_COMMAND)).toEqual(RTDS_FIELDS);
    expect(bytesToHex(ccs01.encodeCommand(RTDS_FIELDS, CCS01_COMMAND))).toBe(bytesToHex(CCS01_COMMAND.payload));
  });

  it('decodes the three results', () => {
    const rsp = ccs01.decodeResponse(CCS01_RESPONSE.payload, CCS01_RESPONSE);
    expect(rsp).toEqual({ registerDevice: 'success', setJoinTimeout: 'success', setEnableJoining: 'success' });
    expect(bytesToHex(ccs01.encodeResponse(rsp, CCS01_RESPONSE))).toBe(bytesToHex(CCS01_RESPONSE.payload));
  });

  it('decodes failed sets (RTDS ERROR response)', () => {
    const ctx = { header: { ...CCS01_RESPONSE.header, counter: 1303n } };
    const payload = spacedHexToBytes('DA20000517000003000000030300020102FA');
    const rsp = ccs01.decodeResponse(payload, ctx);
    expect(rsp).toEqual({ registerDevice: 'success', setJoinTimeout: 'hardware-fault', setEnableJoining: 'other-reason' });
    expect(bytesToHex(ccs01.encodeResponse(rsp, ctx))).toBe(bytesToHex(payload));
  });

  it('rejects a short install code, wrong data types and every truncation', () => {
    expect(() => ccs01.encodeCommand({ ...RTDS_FIELDS, installCode: new Uint8Array(15) }, CCS01_COMMAND)).toThrow(PayloadEncodeError);
    const wrong = spacedHexToBytes(bytesToHex(CCS01_COMMAND.payload).replace('12005A03FF', '11005A03FF'.slice(0, 2) + '5A03FF'));
    expect(() => ccs01.decodeCommand(wrong, CCS01_COMMAND)).toThrow(/long-unsigned/);
    expectEveryPrefixRejected(CCS01_COMMAND.payload, (b) => ccs01.decodeCommand(b, CCS01_COMMAND));
    expectTrailingRejected(CCS01_COMMAND.payload, (b) => ccs01.decodeCommand(b, CCS01_COMMAND));
    expectEveryPrefixRejected(CCS01_RESPONSE.payload, (b) => ccs01.decodeResponse(b, CCS01_RESPONSE));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    for (const outcome of ['SUCCESS', 'ERROR']) {
      const { command, response } = expectRtdsRoundTrip(ccs01, '8.11_CCS01', `CCS01_8.11_${outcome}`);
      expect(command).toEqual(RTDS_FIELDS);
      expect(response.registerDevice).toBe('success');
    }
  });
});
