// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { GCS38_COMMAND, GCS38_RESPONSE } from '../testing/payloads-md-fixtures.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { gcs38 } from './gcs38.ts';

describe('GCS38 Read GSME Firmware Version', () => {
  it('decodes and re-encodes the command', () => {
    expect(gcs38.decodeCommand(GCS38_COMMAND.payload, GCS38_COMMAND)).toEqual({ sequenceNumber: 0 });
    expect(bytesToHex(gcs38.encodeCommand({ sequenceNumber: 0 }, GCS38_COMMAND))).toBe(bytesToHex(GCS38_COMMAND.payload));
  });

  it('decodes the firmware version', () => {
    const rsp = gcs38.decodeResponse(GCS38_RESPONSE.payload, GCS38_RESPONSE);
    expect(rsp).toEqual({ sequenceNumber: 0, firmwareVersion: { status: 'success', value: '0123ABCD' } });
    expect(bytesToHex(gcs38.encodeResponse(rsp, GCS38_RESPONSE))).toBe(bytesToHex(GCS38_RESPONSE.payload));
  });

  it('decodes a failure status (RTDS ERROR: 0xC0)', () => {
    const payload = spacedHexToBytes('01090101070200060800010602C0');
    const rsp = gcs38.decodeResponse(payload, GCS38_RESPONSE);
    expect(rsp).toEqual({ sequenceNumber: 0, firmwareVersion: { status: 'hardware-failure' } });
    expect(bytesToHex(gcs38.encodeResponse(rsp, GCS38_RESPONSE))).toBe(bytesToHex(payload));
  });

  it('rejects a wrong frame control, a wrong type and every truncation', () => {
    const fc = spacedHexToBytes(bytesToHex(GCS38_RESPONSE.payload).replace('000C080001', '000C180001'));
    expect(() => gcs38.decodeResponse(fc, GCS38_RESPONSE)).toThrow(/zcl-header/);
    const type = spacedHexToBytes(bytesToHex(GCS38_RESPONSE.payload).replace('0041040123ABCD', '0042040123ABCD'));
    try {
      gcs38.decodeResponse(type, GCS38_RESPONSE);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PayloadDecodeError);
      expect((e as PayloadDecodeError).offset).toBe(14);
      expect((e as PayloadDecodeError).message).toMatch(/octet-string.*char-string/);
    }
    expectEveryPrefixRejected(GCS38_COMMAND.payload, (b) => gcs38.decodeCommand(b, GCS38_COMMAND));
    expectEveryPrefixRejected(GCS38_RESPONSE.payload, (b) => gcs38.decodeResponse(b, GCS38_RESPONSE));
    expectTrailingRejected(GCS38_RESPONSE.payload, (b) => gcs38.decodeResponse(b, GCS38_RESPONSE));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    for (const outcome of ['SUCCESS', 'ERROR']) {
      const { response } = expectRtdsRoundTrip(gcs38, '11.2_GCS38', `GCS38_11.2_${outcome}`);
      expect(response.firmwareVersion).toEqual(outcome === 'SUCCESS' ? { status: 'success', value: '0123ABCD' } : { status: 'hardware-failure' });
    }
  });
});
