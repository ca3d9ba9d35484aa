// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { ECS52_COMMAND, ECS52_RESPONSE } from '../testing/payloads-md-fixtures.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { ecs52 } from './ecs52.ts';
import { NO_FIELDS } from './use-case-codec.ts';

describe('ECS52 Read ESME/Comms Hub Firmware Version', () => {
  it('decodes and re-encodes the command', () => {
    expect(ecs52.decodeCommand(ECS52_COMMAND.payload, ECS52_COMMAND)).toEqual({});
    expect(bytesToHex(ecs52.encodeCommand(NO_FIELDS, ECS52_COMMAND))).toBe(bytesToHex(ECS52_COMMAND.payload));
  });

  it('decodes the firmware version and re-encodes the response', () => {
    const rsp = ecs52.decodeResponse(ECS52_RESPONSE.payload, ECS52_RESPONSE);
    expect(rsp).toEqual({ ok: true, firmwareVersion: '0123ABCD' });
    expect(bytesToHex(ecs52.encodeResponse(rsp, ECS52_RESPONSE))).toBe(bytesToHex(ECS52_RESPONSE.payload));
  });

  it('decodes a failed get', () => {
    const ctx = { header: { ...ECS52_RESPONSE.header, counter: 1002n } };
    expect(ecs52.decodeResponse(spacedHexToBytes('DA200003EA00000100010101'), ctx)).toEqual({ ok: false, result: 'hardware-fault' });
    expect(() => ecs52.encodeResponse({ ok: false, result: 'success' as 'hardware-fault' }, ctx)).toThrow(PayloadEncodeError);
  });

  it('rejects a command for another object and every truncation', () => {
    const other = spacedHexToBytes(bytesToHex(ECS52_COMMAND.payload).replace('0000000201FF', '0000000202FF'));
    expect(() => ecs52.decodeCommand(other, ECS52_COMMAND)).toThrow(/get class 1 0-0:0.2.1.255 attribute 2/);
    expect(() => ecs52.decodeCommand(ECS52_RESPONSE.payload, ECS52_COMMAND)).toThrow(PayloadDecodeError);
    expectEveryPrefixRejected(ECS52_COMMAND.payload, (b) => ecs52.decodeCommand(b, ECS52_COMMAND));
    expectEveryPrefixRejected(ECS52_RESPONSE.payload, (b) => ecs52.decodeResponse(b, ECS52_RESPONSE));
    expectTrailingRejected(ECS52_RESPONSE.payload, (b) => ecs52.decodeResponse(b, ECS52_RESPONSE));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    for (const outcome of ['SUCCESS', 'ERROR']) {
      const { response } = expectRtdsRoundTrip(ecs52, '11.2_ECS52', `ECS52_11.2_${outcome}`);
      expect(response).toEqual(outcome === 'SUCCESS' ? { ok: true, firmwareVersion: '0123ABCD' } : { ok: false, result: 'hardware-fault' });
    }
  });
});
