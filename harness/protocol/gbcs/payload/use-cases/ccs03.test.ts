// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { GbcsHeader } from '../../frame-types.ts';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { ccs03, type Ccs03Command } from './ccs03.ts';

/** RTDS CCS03_8.12.1_SUCCESS payloads (ACB counter 1302), copied for the RTDS-free tests. */
const HEADER: GbcsHeader = {
  cra: 1,
  counter: 1302n,
  originator: '90B3D51F30000002',
  recipient: '00DB1234567890A2',
  dateTime: null,
  messageCode: 0x0003,
  supplementary: { remotePartyId: '90B3D51F30010000', remotePartyCounter: 1002n },
};
const COMMAND = spacedHexToBytes(
  'D920000516000103006800001E0300FF05010202090800000000000001400102' +
    '0202090800DB1234567890A0091083FED3407A939723A5C639B26916D506' +
    '0202090800DB1234567890A1091083FED3407A939723A5C639B26916D505',
);
const RESPONSE = spacedHexToBytes('DA2000051600000100010300');
const hash = (last: string) => spacedHexToBytes(`83FED3407A939723A5C639B26916D5${last}`);
const RTDS_FIELDS: Ccs03Command = {
  logIdentifier: '0000000000000140',
  devices: [
    { deviceId: '00DB1234567890A0', keyHash: hash('06') },
    { deviceId: '00DB1234567890A1', keyHash: hash('05') },
  ],
};

describe('CCS03 Restore CHF Device Log', () => {
  const ctx = { header: HEADER };

  it('decodes the command to the log identifier and the devices with their key hashes, and encodes it back', () => {
    expect(ccs03.decodeCommand(COMMAND, ctx)).toEqual(RTDS_FIELDS);
    expect(bytesToHex(ccs03.encodeCommand(RTDS_FIELDS, ctx))).toBe(bytesToHex(COMMAND));
    const empty = ccs03.encodeCommand({ logIdentifier: '00DB1234567890A2', devices: [] }, ctx);
    expect(ccs03.decodeCommand(empty, ctx)).toEqual({ logIdentifier: '00DB1234567890A2', devices: [] });
  });

  it('decodes the action result (success; RTDS ERROR hardware-fault)', () => {
    expect(ccs03.decodeResponse(RESPONSE, ctx)).toEqual({ restoreDeviceLog: 'success' });
    const errorCtx = { header: { ...HEADER, counter: 1303n } };
    const error = spacedHexToBytes('DA2000051700000100010301');
    expect(ccs03.decodeResponse(error, errorCtx)).toEqual({ restoreDeviceLog: 'hardware-fault' });
    expect(bytesToHex(ccs03.encodeResponse({ restoreDeviceLog: 'hardware-fault' }, errorCtx))).toBe(bytesToHex(error));
  });

  it('rejects a CCS02 (method 2) payload and every truncation', () => {
    expect(() => ccs03.decodeCommand(spacedHexToBytes(bytesToHex(COMMAND).replace('0300FF05', '0300FF02')), ctx)).toThrow(/CCS03/);
    expectEveryPrefixRejected(COMMAND, (b) => ccs03.decodeCommand(b, ctx));
    expectTrailingRejected(COMMAND, (b) => ccs03.decodeCommand(b, ctx));
    expectEveryPrefixRejected(RESPONSE, (b) => ccs03.decodeResponse(b, ctx));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const ok = expectRtdsRoundTrip(ccs03, '8.12.1_CCS03', 'CCS03_8.12.1_SUCCESS');
    expect(ok.command).toEqual(RTDS_FIELDS);
    expect(ok.response).toEqual({ restoreDeviceLog: 'success' });
    const error = expectRtdsRoundTrip(ccs03, '8.12.1_CCS03', 'CCS03_8.12.1_ERROR');
    expect(error.command).toEqual(RTDS_FIELDS);
    expect(error.response).toEqual({ restoreDeviceLog: 'hardware-fault' });
  });
});
