// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { GbcsHeader } from '../../frame-types.ts';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { GBCS_DEVICE_TYPE } from './device-type-entry.ts';
import { gcs59, GCS59_RESULT } from './gcs59.ts';

const HEADER: GbcsHeader = { cra: 1, counter: 1300n, originator: '90B3D51F30000002', recipient: '00DB1234567890A3', dateTime: null, messageCode: 0x008c, supplementary: null };
/** RTDS GCS59_8.12.2_SUCCESS payloads, copied for the RTDS-free tests. */
const COMMAND = spacedHexToBytes('3020301E300D04080011223344556677020105300D04088899AABBCCDDEEFF020106');
const RESPONSE = spacedHexToBytes('302A30283012300D040800112233445566770201050201003012300D04088899AABBCCDDEEFF020106020100');
const DEVICES = [
  { deviceId: '0011223344556677', deviceType: GBCS_DEVICE_TYPE.PPMID },
  { deviceId: '8899AABBCCDDEEFF', deviceType: GBCS_DEVICE_TYPE.type2 },
];

describe('GCS59 Restore GPF Device Log', () => {
  const ctx = { header: HEADER };

  it('decodes the command to the devices to restore, and encodes it back', () => {
    expect(gcs59.decodeCommand(COMMAND, ctx)).toEqual({ devices: DEVICES });
    expect(bytesToHex(gcs59.encodeCommand({ devices: DEVICES }, ctx))).toBe(bytesToHex(COMMAND));
  });

  it('decodes one result per device, and encodes them back', () => {
    const rsp = gcs59.decodeResponse(RESPONSE, ctx);
    expect(rsp).toEqual({ results: DEVICES.map((device) => ({ device, result: GCS59_RESULT.success })) });
    expect(bytesToHex(gcs59.encodeResponse(rsp, ctx))).toBe(bytesToHex(RESPONSE));
  });

  it('refuses an out-of-range type, a short device id and every truncation', () => {
    expect(() => gcs59.encodeCommand({ devices: [{ deviceId: '0011223344556677', deviceType: 300 }] }, ctx)).toThrow(PayloadEncodeError);
    expect(() => gcs59.decodeCommand(spacedHexToBytes('3009300730050403001122'), ctx)).toThrow();
    expectEveryPrefixRejected(COMMAND, (b) => gcs59.decodeCommand(b, ctx));
    expectTrailingRejected(COMMAND, (b) => gcs59.decodeCommand(b, ctx));
    expectEveryPrefixRejected(RESPONSE, (b) => gcs59.decodeResponse(b, ctx));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const ok = expectRtdsRoundTrip(gcs59, '8.12.2_GCS59', 'GCS59_8.12.2_SUCCESS');
    expect(ok.command).toEqual({ devices: DEVICES });
    expect(ok.response.results.map((r) => r.result)).toEqual([0, 0]);
  });
});
