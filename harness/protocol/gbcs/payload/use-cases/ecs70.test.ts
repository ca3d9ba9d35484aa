// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../hex.ts';
import { cosemDateTimeFromDate, cosemDateTimeToDate } from '../dlms/cosem-date-time.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, rtdsPayload, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { ecs70 } from './ecs70.ts';

const FOLDER = '8.1.1_ECS70Commission';

describe('ECS70 Set Clock on ESME', () => {
  it('round-trips a command and a response it builds', () => {
    const ctx = { header: { cra: 1 as const, counter: 1000n, originator: '0890B3D51F300100', recipient: '00DB1234567890A0', dateTime: null, messageCode: 0x62, supplementary: null } };
    const start = cosemDateTimeFromDate(new Date('2026-01-01T00:00:00Z'));
    const end = cosemDateTimeFromDate(new Date('2026-01-01T00:01:00Z'));
    const payload = ecs70.encodeCommand({ validityStart: start, validityEnd: end }, ctx);
    expect(ecs70.decodeCommand(payload, ctx)).toEqual({ validityStart: start, validityEnd: end });
    expectEveryPrefixRejected(payload, (b) => ecs70.decodeCommand(b, ctx));
    const rsp = { setClockBase: 'success', presetAdjustingTime: 'success', adjustToPresetTime: 'success', time: { ok: true, value: end }, status: { ok: true, value: 0 } } as const;
    const bytes = ecs70.encodeResponse(rsp, ctx);
    expect(ecs70.decodeResponse(bytes, ctx)).toEqual(rsp);
    expectTrailingRejected(bytes, (b) => ecs70.decodeResponse(b, ctx));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const ok = expectRtdsRoundTrip(ecs70, FOLDER, 'ECS70Commission_8.1.1_SUCCESS');
    expect(cosemDateTimeToDate(ok.command.validityStart)?.toISOString()).toBe('2014-12-31T23:59:10.000Z');
    expect(cosemDateTimeToDate(ok.command.validityEnd)?.toISOString()).toBe('2015-01-01T00:00:10.000Z');
    expect(ok.response.time.ok && cosemDateTimeToDate(ok.response.time.value)?.toISOString()).toBe('2015-01-01T00:00:00.000Z');
    expect(ok.response.status).toEqual({ ok: true, value: 0 });
    const err = expectRtdsRoundTrip(ecs70, FOLDER, 'ECS70Commission_8.1.1_ERROR');
    expect(err.response.time.ok).toBe(false);
    const pre = rtdsPayload(FOLDER, 'ECS70Commission_8.1.1_SUCCESS_PRECOMMAND');
    expect(bytesToHex(ecs70.encodeCommand(ok.command, pre))).toBe(bytesToHex(pre.payload));
  });

  it.skipIf(rtdsAbsent)(`RTDS 6.11 synchronise clock round trip: the same command and responses as 8.1.1 (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    expect(expectRtdsRoundTrip(ecs70, '6.11_ECS70', 'ECS70_6.11_SUCCESS')).toEqual(expectRtdsRoundTrip(ecs70, FOLDER, 'ECS70Commission_8.1.1_SUCCESS'));
    expect(expectRtdsRoundTrip(ecs70, '6.11_ECS70', 'ECS70_6.11_ERROR')).toEqual(expectRtdsRoundTrip(ecs70, FOLDER, 'ECS70Commission_8.1.1_ERROR'));
  });
});
