// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { GbcsHeader } from '../../frame-types.ts';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { publicKeyFromCertificate } from '../../keys.ts';
import { decodeTypedMessage } from '../registry.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { ALERT_DEVICE_JOINED, cs03a1, cs03b, cs03c, cs04ac, cs04b, gncaDeviceJoined, gncaDeviceUnjoinFailed, JOIN_DEVICE_TYPE, JOIN_METHOD, JOIN_SERVICE_RESULT } from './join-service.ts';

const HEADER: GbcsHeader = { cra: 1, counter: 1001n, originator: '90B3D51F30010000', recipient: '00DB1234567890A1', dateTime: null, messageCode: 0x000e, supplementary: null };
const ctx = { header: HEADER };

/** RTDS CS03B_8.7.2_SUCCESS / CS04B_8.8.2_SUCCESS payloads, copied for the RTDS-free tests. */
const CS03B_COMMAND = spacedHexToBytes('3010020102040800DB12345678909C020103');
const CS04B_COMMAND = spacedHexToBytes('04080102030405060708');
const SUCCESS = spacedHexToBytes('020100');

describe('CS03B Method B Join / CS04B Method B Unjoin', () => {
  it('decodes the CS03B command (join method, other device, its type) and encodes it back', () => {
    const cmd = cs03b.decodeCommand(CS03B_COMMAND, ctx);
    expect(cmd).toEqual({ joinMethod: 2, otherDeviceId: '00DB12345678909C', otherDeviceType: 3 });
    expect(bytesToHex(cs03b.encodeCommand(cmd, ctx))).toBe(bytesToHex(CS03B_COMMAND));
  });

  it('decodes the CS04B command (the device to unjoin) and encodes it back', () => {
    const cmd = cs04b.decodeCommand(CS04B_COMMAND, ctx);
    expect(cmd).toEqual({ otherDeviceId: '0102030405060708' });
    expect(bytesToHex(cs04b.encodeCommand(cmd, ctx))).toBe(bytesToHex(CS04B_COMMAND));
  });

  it('reads the result integer of both responses', () => {
    expect(cs03b.decodeResponse(SUCCESS, ctx)).toEqual({ result: JOIN_SERVICE_RESULT.success });
    expect(cs04b.decodeResponse(spacedHexToBytes('020101'), ctx)).toEqual({ result: JOIN_SERVICE_RESULT.notJoined });
    expect(bytesToHex(cs03b.encodeResponse({ result: 2 }, ctx))).toBe('020102');
  });

  it('rejects wrong types, short ids, trailing bytes and every truncation', () => {
    expect(() => cs04b.decodeCommand(spacedHexToBytes('02080102030405060708'), ctx)).toThrow(/OCTET STRING/);
    expect(() => cs04b.decodeCommand(spacedHexToBytes('040701020304050607'), ctx)).toThrow(/8-byte/);
    expect(() => cs03b.decodeCommand(spacedHexToBytes('300D020102040800DB12345678909C'), ctx)).toThrow(/SEQUENCE of 3 or 4/);
    expect(() => cs03b.decodeResponse(spacedHexToBytes('0400'), ctx)).toThrow(/INTEGER/);
    expect(() => cs03b.encodeResponse({ result: 300 }, ctx)).toThrow(/0\.\.127/);
    expectEveryPrefixRejected(CS03B_COMMAND, (b) => cs03b.decodeCommand(b, ctx));
    expectTrailingRejected(CS03B_COMMAND, (b) => cs03b.decodeCommand(b, ctx));
    expectEveryPrefixRejected(CS04B_COMMAND, (b) => cs04b.decodeCommand(b, ctx));
    expectTrailingRejected(SUCCESS, (b) => cs04b.decodeResponse(b, ctx));
  });

  it('registers the GNCA join alerts by alert code (GBZ, no components)', () => {
    const alertHeader: GbcsHeader = { ...HEADER, cra: 3, originator: '00DB1234567890A1', recipient: '90B3D51F30010000', messageCode: 0x1001 };
    const at = new Date(Date.UTC(2019, 3, 8, 12, 0, 0));
    const payload = gncaDeviceJoined.encodeAlert({ timeStamp: at }, { header: alertHeader });
    expect(gncaDeviceJoined.alertCode).toBe(ALERT_DEVICE_JOINED);
    expect(decodeTypedMessage({ ...alertHeader, payload })).toEqual({ useCase: 'GNCA', direction: 'alert', fields: { timeStamp: at } });
    expect(() => gncaDeviceUnjoinFailed.decodeAlert(payload, { header: alertHeader })).toThrow(/8F4A/);
  });

  it.skipIf(rtdsAbsent)(`RTDS round trips (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    expect(expectRtdsRoundTrip(cs03b, '8.7.2_CS03B', 'CS03B_8.7.2_SUCCESS').response).toEqual({ result: 0 });
    const join = expectRtdsRoundTrip(cs03b, '8.7.2_CS03B', 'CS03B_8.7.2_ERROR');
    expect(join.command).toEqual({ joinMethod: 2, otherDeviceId: '0102030405060708', otherDeviceType: 5 });
    expect(join.response).toEqual({ result: JOIN_SERVICE_RESULT.deviceTypeNotSupported });
    expect(expectRtdsRoundTrip(cs04b, '8.8.2_CS04B', 'CS04B_8.8.2_SUCCESS').command).toEqual({ otherDeviceId: '0102030405060708' });
    const unjoin = expectRtdsRoundTrip(cs04b, '8.8.2_CS04B', 'CS04B_8.8.2_ERROR');
    expect(unjoin.command).toEqual({ otherDeviceId: '0303030303030303' });
    expect(unjoin.response).toEqual({ result: JOIN_SERVICE_RESULT.notJoined });
  });
});

describe('CS03A1 Method A Join, CS03C Method C Join, CS04AC Method A or C Unjoin (critical, 8.7.1 / 8.8.1)', () => {
  const header = (messageCode: number): GbcsHeader => ({ ...HEADER, recipient: '00DB1234567890A0', messageCode });
  /** A stand-in certificate: any DER SEQUENCE. */
  const CERTIFICATE = spacedHexToBytes('3003020101');

  it('CS03A1 has the CS03B shape; CS04AC the CS04B shape', () => {
    const ctx1 = { header: header(0x000d) };
    const cmd = { joinMethod: JOIN_METHOD.methodAInitiator, otherDeviceId: '00DB12345678909A', otherDeviceType: JOIN_DEVICE_TYPE.HCALCS };
    const bytes = cs03a1.encodeCommand(cmd, ctx1);
    expect(bytesToHex(bytes)).toBe('3010020100040800DB12345678909A020104');
    expect(cs03a1.decodeCommand(bytes, ctx1)).toEqual(cmd);
    expect(bytesToHex(cs04ac.encodeCommand({ otherDeviceId: '00DB123456789099' }, { header: header(0x000f) }))).toBe('040800DB123456789099');
  });

  it('CS03C carries the other device certificate after the three join fields, byte for byte', () => {
    const ctx = { header: header(0x00af) };
    const cmd = { joinMethod: JOIN_METHOD.methodC, otherDeviceId: '00DB123456789098', otherDeviceType: JOIN_DEVICE_TYPE.PPMID, otherDeviceCertificate: CERTIFICATE };
    const bytes = cs03c.encodeCommand(cmd, ctx);
    expect(bytesToHex(bytes)).toBe('3015020103040800DB1234567890980201053003020101');
    expect(cs03c.decodeCommand(bytes, ctx)).toEqual(cmd);
    expectEveryPrefixRejected(bytes, (b) => cs03c.decodeCommand(b, ctx));
    expectTrailingRejected(bytes, (b) => cs03c.decodeCommand(b, ctx));
    expect(cs03c.decodeCommand(spacedHexToBytes('3010020103040800DB123456789098020105'), ctx), 'the certificate is optional').toEqual({ joinMethod: 3, otherDeviceId: '00DB123456789098', otherDeviceType: 5 });
    expect(() => cs03c.decodeCommand(spacedHexToBytes('300D020103040800DB123456789098'), ctx)).toThrow(/SEQUENCE of 3 or 4/);
    expect(() => cs03c.encodeCommand({ ...cmd, otherDeviceCertificate: spacedHexToBytes('020101') }, ctx)).toThrow(/SEQUENCE/);
  });

  it.skipIf(rtdsAbsent)(`RTDS round trips (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const a1 = expectRtdsRoundTrip(cs03a1, '8.7.1_CS03A1', 'CS03A1_8.7.1_SUCCESS');
    expect(a1).toEqual({ command: { joinMethod: JOIN_METHOD.methodAInitiator, otherDeviceId: '00DB12345678909A', otherDeviceType: JOIN_DEVICE_TYPE.HCALCS }, response: { result: 0 } });
    const a1Error = expectRtdsRoundTrip(cs03a1, '8.7.1_CS03A1', 'CS03A1_8.7.1_ERROR');
    expect(a1Error.command).toEqual({ ...a1.command, otherDeviceType: JOIN_DEVICE_TYPE.PPMID });
    expect(a1Error.response).toEqual({ result: JOIN_SERVICE_RESULT.incompatibleWithExistingEntry });

    const c = expectRtdsRoundTrip(cs03c, '8.7.1_CS03CCritical', 'CS03CCritical_8.7.1_SUCCESS');
    expect(c.command).toMatchObject({ joinMethod: JOIN_METHOD.methodC, otherDeviceId: '00DB123456789098', otherDeviceType: JOIN_DEVICE_TYPE.PPMID });
    expect(c.command.otherDeviceCertificate).toHaveLength(0x1a3);
    expect(publicKeyFromCertificate(c.command.otherDeviceCertificate!)).toHaveLength(65);
    expect(c.response).toEqual({ result: 0 });
    const missing = expectRtdsRoundTrip(cs03c, '8.7.2_CS03CNonCritical', 'CS03CNonCritical_8.7.2_ERROR');
    expect(missing.command.otherDeviceCertificate, 'RTDS CS03C without a certificate').toBeUndefined();
    expect(missing.response).toEqual({ result: 11 });

    expect(expectRtdsRoundTrip(cs04ac, '8.8.1_CS04ACCritical', 'CS04ACCritical_8.8.1_SUCCESS')).toEqual({ command: { otherDeviceId: '00DB123456789099' }, response: { result: 0 } });
    expect(expectRtdsRoundTrip(cs04ac, '8.8.1_CS04ACCritical', 'CS04ACCritical_8.8.1_ERROR')).toEqual({ command: { otherDeviceId: '0303030303030303' }, response: { result: JOIN_SERVICE_RESULT.notJoined } });
  });
});
