// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { GbcsHeader } from '../../frame-types.ts';
import { bytesToHex } from '../../hex.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { alertCodeOf, alertPayloadKind, decodeTypedMessage } from '../registry.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, rtdsPayload, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsAlertRoundTrip, expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { CS06_CANCELLATION_DATE_TIME, cs06, cs06FutureDatedActioned, cs06FutureDatedNotActioned, MESSAGE_CODE_FUTURE_DATED_FIRMWARE_ACTIVATION } from './cs06.ts';

const FOLDER = '11.3_CS06';
const HASH = 'AA758690730934FF0685AA758690730934FF0685657788990011223344556677';
const ctx = { header: { cra: 1, counter: 1_555_059_600_000n, originator: '90B3D51F30010000', recipient: '00DB1234567890A0', dateTime: null, messageCode: 0x0012, supplementary: null } satisfies GbcsHeader };
const ALERT: GbcsHeader = { cra: 3, counter: 2000n, originator: '00DB1234567890A0', recipient: '90B3D51F30010000', dateTime: null, messageCode: MESSAGE_CODE_FUTURE_DATED_FIRMWARE_ACTIVATION, supplementary: null };

describe('CS06 Activate Firmware', () => {
  it('round-trips immediate, future-dated and cancelling commands, and both response forms', () => {
    for (const executionDateTime of [null, '2019-04-13T02:00:00Z', CS06_CANCELLATION_DATE_TIME]) {
      const cmd = { manufacturerImageHash: HASH, originatorCounter: ctx.header.counter, executionDateTime };
      const bytes = cs06.encodeCommand(cmd, ctx);
      expect(cs06.decodeCommand(bytes, ctx)).toEqual(cmd);
      expectEveryPrefixRejected(bytes, (b) => cs06.decodeCommand(b, ctx));
      expectTrailingRejected(bytes, (b) => cs06.decodeCommand(b, ctx));
    }
    const outcome = { kind: 'outcome' as const, result: 'hash-mismatch' as const, firmwareVersion: '322E312E30' };
    const r = cs06.encodeResponse(outcome, ctx);
    expect(cs06.decodeResponse(r, ctx)).toEqual(outcome);
    expectEveryPrefixRejected(r, (b) => cs06.decodeResponse(b, ctx));
    expect(bytesToHex(cs06.encodeResponse({ kind: 'accepted' }, ctx))).toBe('0500');
    expect(() => cs06.encodeCommand({ manufacturerImageHash: 'AA', originatorCounter: 1n, executionDateTime: null }, ctx)).toThrow(PayloadEncodeError);
    expect(() => cs06.encodeCommand({ manufacturerImageHash: HASH, originatorCounter: -1n, executionDateTime: null }, ctx)).toThrow(PayloadEncodeError);
    // a hash that is not 32 bytes, a negative counter
    expect(() => cs06.decodeCommand(Uint8Array.of(0x30, 0x07, 0x04, 0x02, 0xaa, 0xbb, 0x02, 0x01, 0x01), ctx)).toThrow(PayloadDecodeError);
    expect(() => cs06.decodeCommand(Uint8Array.from([0x30, 0x25, 0x04, 0x20, ...new Uint8Array(32), 0x02, 0x01, 0xff]), ctx)).toThrow(PayloadDecodeError);
  });

  it('0x00CA alerts (0x8F66 / 0x8F67): the DER alert code is read by the registry', () => {
    const fields = { executionDateTime: '2019-04-13T02:00:00Z', originatorCounter: 1_555_059_600_000n, outcome: { result: 'success' as const, firmwareVersion: '322E322E30' } };
    const payload = cs06FutureDatedActioned.encodeAlert(fields, { header: ALERT });
    expect(cs06FutureDatedActioned.decodeAlert(payload, { header: ALERT })).toEqual(fields);
    expect(alertPayloadKind(payload)).toBe('der');
    expect(alertCodeOf(payload)).toBe(0x8f66);
    expect(decodeTypedMessage({ ...ALERT, payload })).toEqual({ useCase: 'CS06', direction: 'alert', fields });
    expect(() => cs06FutureDatedNotActioned.decodeAlert(payload, { header: ALERT })).toThrow(/0x8F67/);
    expectEveryPrefixRejected(payload, (b) => cs06FutureDatedActioned.decodeAlert(b, { header: ALERT }));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trips, pre-commands included (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const ok = expectRtdsRoundTrip(cs06, FOLDER, 'CS06_11.3_IMMEDIATE_SUCCESS');
    expect(ok.command).toEqual({ manufacturerImageHash: HASH, originatorCounter: 1000n, executionDateTime: null });
    expect(ok.response).toEqual({ kind: 'outcome', result: 'success', firmwareVersion: '0123ABCE' });
    expect(expectRtdsRoundTrip(cs06, FOLDER, 'CS06_11.3_IMMEDIATE_ERROR').response).toEqual({ kind: 'outcome', result: 'no-image-held', firmwareVersion: '0123ABCF' });
    const future = expectRtdsRoundTrip(cs06, FOLDER, 'CS06_11.3_FUTURE_DATED_SUCCESS');
    expect(future).toEqual({ command: { manufacturerImageHash: HASH, originatorCounter: 1001n, executionDateTime: '2030-01-15T09:00:00Z' }, response: { kind: 'accepted' } });
    expect(expectRtdsRoundTrip(cs06, FOLDER, 'CS06_11.3_FUTURE_DATED_ERROR').command.executionDateTime).toBe('2030-01-01T00:00:00Z');
    expect(expectRtdsRoundTrip(cs06, FOLDER, 'CS06_11.3_CANCELLATION_SUCCESS').command.executionDateTime).toBe(CS06_CANCELLATION_DATE_TIME);
    for (const stem of ['IMMEDIATE_SUCCESS', 'IMMEDIATE_ERROR', 'FUTURE_DATED_SUCCESS', 'FUTURE_DATED_ERROR', 'CANCELLATION_SUCCESS']) {
      const pre = rtdsPayload(FOLDER, `CS06_11.3_${stem}_PRECOMMAND`);
      expect(bytesToHex(cs06.encodeCommand(cs06.decodeCommand(pre.payload, pre), pre))).toBe(bytesToHex(pre.payload));
      // the payload's originator counter is the command's own
      expect(cs06.decodeCommand(pre.payload, pre).originatorCounter).toBe(pre.header.counter);
    }
    expect(expectRtdsAlertRoundTrip(cs06FutureDatedActioned, FOLDER, 'CS06_11.3_8F66_FUTURE_DATED_SUCCESS_ALERT')).toEqual({
      executionDateTime: '2030-01-15T09:00:00Z',
      originatorCounter: 1001n,
      outcome: { result: 'success', firmwareVersion: '0123ABCF' },
    });
    expect(expectRtdsAlertRoundTrip(cs06FutureDatedNotActioned, FOLDER, 'CS06_11.3_8F67_FUTURE_DATED_ERROR_ALERT')).toEqual({
      executionDateTime: '2030-01-01T00:00:00Z',
      originatorCounter: 1004n,
      outcome: { result: 'hash-mismatch', firmwareVersion: '0123ABCF' },
    });
  });
});
