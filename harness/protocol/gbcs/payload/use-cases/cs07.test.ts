// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { GbcsHeader } from '../../frame-types.ts';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { cs07 } from './cs07.ts';
import { GBCS_DEVICE_TYPE } from './device-type-entry.ts';

const HEADER: GbcsHeader = { cra: 1, counter: 1001n, originator: '90B3D51F30010000', recipient: '00DB1234567890A1', dateTime: null, messageCode: 0x0013, supplementary: null };
/** RTDS CS07_8.9_SUCCESS response payload, copied for the RTDS-free tests. */
const RESPONSE = spacedHexToBytes('3032020100302D300D04080102030405060708020103300D040800DB123456789099020103300D040800DB123456789097020105');
const DEVICES = [
  { deviceId: '0102030405060708', deviceType: GBCS_DEVICE_TYPE.GPF },
  { deviceId: '00DB123456789099', deviceType: GBCS_DEVICE_TYPE.GPF },
  { deviceId: '00DB123456789097', deviceType: GBCS_DEVICE_TYPE.PPMID },
];

describe('CS07 Read Device Join Details (GSME device log)', () => {
  const ctx = { header: HEADER };

  it('the command is a NULL', () => {
    expect(cs07.decodeCommand(spacedHexToBytes('0500'), ctx)).toEqual({});
    expect(bytesToHex(cs07.encodeCommand({}, ctx))).toBe('0500');
    expect(() => cs07.decodeCommand(spacedHexToBytes('020100'), ctx)).toThrow(/NULL/);
  });

  it('decodes the result and the device list, and encodes them back', () => {
    expect(cs07.decodeResponse(RESPONSE, ctx)).toEqual({ ok: true, devices: DEVICES });
    expect(bytesToHex(cs07.encodeResponse({ ok: true, devices: DEVICES }, ctx))).toBe(bytesToHex(RESPONSE));
    expect(bytesToHex(cs07.encodeResponse({ ok: true, devices: [] }, ctx))).toBe('30050201003000');
  });

  it('a failure carries the result alone (RTDS ERROR: 1)', () => {
    expect(cs07.decodeResponse(spacedHexToBytes('3003020101'), ctx)).toEqual({ ok: false, result: 1 });
    expect(bytesToHex(cs07.encodeResponse({ ok: false, result: 1 }, ctx))).toBe('3003020101');
    expect(() => cs07.encodeResponse({ ok: false, result: 0 }, ctx)).toThrow(PayloadEncodeError);
    expect(() => cs07.decodeResponse(spacedHexToBytes('3003020100'), ctx)).toThrow(/device list/);
  });

  it('long lists use the long length form; every truncation is rejected', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ deviceId: `00DB1234567890${(0xb0 + i).toString(16).toUpperCase()}`, deviceType: GBCS_DEVICE_TYPE.type2 }));
    const bytes = cs07.encodeResponse({ ok: true, devices: many }, ctx);
    expect(bytes[1]).toBe(0x81);
    expect(cs07.decodeResponse(bytes, ctx)).toEqual({ ok: true, devices: many });
    expectEveryPrefixRejected(RESPONSE, (b) => cs07.decodeResponse(b, ctx));
    expectTrailingRejected(RESPONSE, (b) => cs07.decodeResponse(b, ctx));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    expect(expectRtdsRoundTrip(cs07, '8.9_CS07', 'CS07_8.9_SUCCESS').response).toEqual({ ok: true, devices: DEVICES });
    expect(expectRtdsRoundTrip(cs07, '8.9_CS07', 'CS07_8.9_ERROR').response).toEqual({ ok: false, result: 1 });
  });
});
