// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../hex.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, rtdsPayload, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { gcs28, gcs28Time } from './gcs28.ts';

const FOLDER = '8.1.1_GCS28Commission';
const ctx = { header: { cra: 1 as const, counter: 1000n, originator: '90B3D51F30010000', recipient: '00DB1234567890A1', dateTime: null, messageCode: 0x7f, supplementary: null } };

describe('GCS28 Set Clock on GSME', () => {
  it('round-trips what it builds and rejects truncations and bad times', () => {
    const cmd = { validityStart: gcs28Time(Date.UTC(2026, 0, 1, 12)), validityEnd: gcs28Time(Date.UTC(2026, 0, 1, 13, 0, 0, 999)) };
    expect(cmd).toEqual({ validityStart: '2026-01-01T12:00:00Z', validityEnd: '2026-01-01T13:00:00Z' });
    const bytes = gcs28.encodeCommand(cmd, ctx);
    expect(gcs28.decodeCommand(bytes, ctx)).toEqual(cmd);
    expectEveryPrefixRejected(bytes, (b) => gcs28.decodeCommand(b, ctx));
    const rsp = { time: '2026-01-01T12:00:05Z', result: 0 };
    const r = gcs28.encodeResponse(rsp, ctx);
    expect(gcs28.decodeResponse(r, ctx)).toEqual(rsp);
    expectTrailingRejected(r, (b) => gcs28.decodeResponse(b, ctx));
    expect(() => gcs28.encodeCommand({ ...cmd, validityStart: '2026-01-01T12:00:00.000Z' }, ctx)).toThrow(PayloadEncodeError);
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const ok = expectRtdsRoundTrip(gcs28, FOLDER, 'GCS28Commission_8.1.1_SUCCESS');
    expect(ok.command).toEqual({ validityStart: '2014-12-31T23:30:00Z', validityEnd: '2015-01-01T00:30:00Z' });
    expect(ok.response).toEqual({ time: '2014-12-31T23:30:00Z', result: 0 });
    expect(expectRtdsRoundTrip(gcs28, FOLDER, 'GCS28Commission_8.1.1_ERROR').response).toEqual({ time: '2015-01-01T00:00:00Z', result: 2 });
    const pre = rtdsPayload(FOLDER, 'GCS28Commission_8.1.1_SUCCESS_PRECOMMAND');
    expect(bytesToHex(gcs28.encodeCommand(ok.command, pre))).toBe(bytesToHex(pre.payload));
  });

  it.skipIf(rtdsAbsent)(`RTDS 6.11 synchronise clock round trip: the same command and responses as 8.1.1 (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const sync = expectRtdsRoundTrip(gcs28, '6.11_GCS28', 'GCS28_6.11_SUCCESS');
    expect(sync).toEqual(expectRtdsRoundTrip(gcs28, FOLDER, 'GCS28Commission_8.1.1_SUCCESS'));
    const err = expectRtdsRoundTrip(gcs28, '6.11_GCS28', 'GCS28_6.11_ERROR');
    // the GSME's time (00:00) lies before the validity interval (01:00 .. 02:00): result 2, not set
    expect(err).toEqual({ command: { validityStart: '2015-01-01T01:00:00Z', validityEnd: '2015-01-01T02:00:00Z' }, response: { time: '2015-01-01T00:00:00Z', result: 2 } });
  });
});
