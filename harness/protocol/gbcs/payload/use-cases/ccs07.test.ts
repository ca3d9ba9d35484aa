// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { GbcsHeader } from '../../frame-types.ts';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { ccs07 } from './ccs07.ts';

/** RTDS CCS07_8.9 payloads (ACB counter 1300 / 1301), copied for the RTDS-free tests. */
const HEADER: GbcsHeader = {
  cra: 1,
  counter: 1300n,
  originator: '90B3D51F30000002',
  recipient: '00DB1234567890A2',
  dateTime: null,
  messageCode: 0x00fe,
  supplementary: { remotePartyId: '90B3D51F30010000', remotePartyCounter: 1000n },
};
const COMMAND = spacedHexToBytes('D920000514000203006800001E0300FF0403006800001E0301FF04020000');
const DT = '090C07DF0101FF000000008000FF';
const RESPONSE = spacedHexToBytes(
  'DA200005140000020203' + DT + '0908000102030405060701020202090800DB1234567890A0091083FED3407A939723A5C639B26916D506' +
    '0202090800DB1234567890A1091083FED3407A939723A5C639B26916D505' +
    '0203' + DT + '0908000102030405060701020202090800DB1234567890A3091000112233445566778899A1A2A3A4A5A6' +
    '0202090800DB1234567890A40910A1A2A3A4A5A600112233445566778899' +
    '0203000300',
);
const ERROR = spacedHexToBytes('DA20000515000002000002030103FA');

describe('CCS07 Read CHF Device Logs (security details)', () => {
  const ctx = { header: HEADER };

  it('decodes the command (method 4 on the CHF and the GPF Device Log) and encodes it back', () => {
    expect(ccs07.decodeCommand(COMMAND, ctx)).toEqual({});
    expect(bytesToHex(ccs07.encodeCommand({}, ctx))).toBe(bytesToHex(COMMAND));
  });

  it('decodes both logs with their devices and key hashes, and encodes them back', () => {
    const rsp = ccs07.decodeResponse(RESPONSE, ctx);
    if (!rsp.chfDeviceLog.ok || !rsp.gpfDeviceLog.ok) throw new Error('expected two successes');
    expect(rsp.chfDeviceLog.details.logIdentifier).toBe('0001020304050607');
    expect(rsp.chfDeviceLog.details.changedAt).toMatchObject({ year: 2015, month: 1, dayOfMonth: 1, hour: 0 });
    expect(rsp.chfDeviceLog.details.devices.map((d) => d.deviceId)).toEqual(['00DB1234567890A0', '00DB1234567890A1']);
    expect(rsp.gpfDeviceLog.details.devices.map((d) => [d.deviceId, bytesToHex(d.keyHash)])).toEqual([
      ['00DB1234567890A3', '00112233445566778899A1A2A3A4A5A6'],
      ['00DB1234567890A4', 'A1A2A3A4A5A600112233445566778899'],
    ]);
    expect(bytesToHex(ccs07.encodeResponse(rsp, ctx))).toBe(bytesToHex(RESPONSE));
  });

  it('decodes the RTDS ERROR response: null-data with hardware-fault and other-reason', () => {
    const errorCtx = { header: { ...HEADER, counter: 1301n } };
    const rsp = ccs07.decodeResponse(ERROR, errorCtx);
    expect(rsp).toEqual({ chfDeviceLog: { ok: false, result: 'hardware-fault' }, gpfDeviceLog: { ok: false, result: 'other-reason' } });
    expect(bytesToHex(ccs07.encodeResponse(rsp, errorCtx))).toBe(bytesToHex(ERROR));
  });

  it('refuses a success named as a failure, a short key hash and every truncation', () => {
    const rsp = ccs07.decodeResponse(RESPONSE, ctx);
    expect(() => ccs07.encodeResponse({ ...rsp, gpfDeviceLog: { ok: false, result: 'success' as never } }, ctx)).toThrow(PayloadEncodeError);
    if (!rsp.chfDeviceLog.ok) throw new Error('expected success');
    const short = { ok: true as const, details: { ...rsp.chfDeviceLog.details, devices: [{ deviceId: '00DB1234567890A0', keyHash: new Uint8Array(15) }] } };
    expect(() => ccs07.encodeResponse({ ...rsp, chfDeviceLog: short }, ctx)).toThrow(PayloadEncodeError);
    expectEveryPrefixRejected(COMMAND, (b) => ccs07.decodeCommand(b, ctx));
    expectEveryPrefixRejected(RESPONSE, (b) => ccs07.decodeResponse(b, ctx));
    expectTrailingRejected(RESPONSE, (b) => ccs07.decodeResponse(b, ctx));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const ok = expectRtdsRoundTrip(ccs07, '8.9_CCS07', 'CCS07_8.9_SUCCESS');
    expect(ok.response).toEqual(ccs07.decodeResponse(RESPONSE, { header: HEADER }));
    expect(expectRtdsRoundTrip(ccs07, '8.9_CCS07', 'CCS07_8.9_ERROR').response.gpfDeviceLog).toEqual({ ok: false, result: 'other-reason' });
  });
});
