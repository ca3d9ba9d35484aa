// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import type { GbcsHeader } from '../../frame-types.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { ccs02 } from './ccs02.ts';

/** RTDS CCS02_8.11_SUCCESS command / response payloads (counter 1302), copied for the RTDS-free tests. */
const HEADER: GbcsHeader = {
  cra: 1,
  counter: 1302n,
  originator: '90B3D51F30000002',
  recipient: '00DB1234567890A2',
  dateTime: null,
  messageCode: 0x0002,
  supplementary: null,
};
const COMMAND = spacedHexToBytes('D920000516000103006800001E0300FF0201090800DB1234567890A0');
const RESPONSE = spacedHexToBytes('DA2000051600000100010300');

describe('CCS02 Remove Device from CHF Device Log', () => {
  const ctx = { header: HEADER };

  it('decodes the command to the device to remove, and encodes it back', () => {
    const cmd = ccs02.decodeCommand(COMMAND, ctx);
    expect(cmd).toEqual({ deviceId: '00DB1234567890A0' });
    expect(bytesToHex(ccs02.encodeCommand(cmd, ctx))).toBe(bytesToHex(COMMAND));
  });

  it('decodes the action result (success, and the RTDS ERROR hardware-fault)', () => {
    expect(ccs02.decodeResponse(RESPONSE, ctx)).toEqual({ unregisterDevice: 'success' });
    const error = spacedHexToBytes('DA2000051700000100010301');
    const errorCtx = { header: { ...HEADER, counter: 1303n } };
    expect(ccs02.decodeResponse(error, errorCtx)).toEqual({ unregisterDevice: 'hardware-fault' });
    expect(bytesToHex(ccs02.encodeResponse({ unregisterDevice: 'hardware-fault' }, errorCtx))).toBe(bytesToHex(error));
  });

  it('rejects a CCS01 (method 1) payload, a wrong invoke id and every truncation', () => {
    expect(() => ccs02.decodeCommand(spacedHexToBytes(bytesToHex(COMMAND).replace('0300FF02', '0300FF01')), ctx)).toThrow();
    expect(() => ccs02.decodeCommand(COMMAND, { header: { ...HEADER, counter: 1303n } })).toThrow(/invoke/);
    expectEveryPrefixRejected(COMMAND, (b) => ccs02.decodeCommand(b, ctx));
    expectTrailingRejected(COMMAND, (b) => ccs02.decodeCommand(b, ctx));
    expectEveryPrefixRejected(RESPONSE, (b) => ccs02.decodeResponse(b, ctx));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const ok = expectRtdsRoundTrip(ccs02, '8.11_CCS02', 'CCS02_8.11_SUCCESS');
    expect(ok.command).toEqual({ deviceId: '00DB1234567890A0' });
    expect(ok.response).toEqual({ unregisterDevice: 'success' });
    const error = expectRtdsRoundTrip(ccs02, '8.11_CCS02', 'CCS02_8.11_ERROR');
    expect(error.response).toEqual({ unregisterDevice: 'hardware-fault' });
  });
});
