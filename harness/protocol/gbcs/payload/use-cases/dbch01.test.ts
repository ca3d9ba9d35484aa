// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { DBCH01_COMMAND, DBCH01_RESPONSE } from '../testing/payloads-md-fixtures.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { dbch01 } from './dbch01.ts';
import { subGhzChannelMaskFor } from './sub-ghz-channel-mask.ts';
import { NO_FIELDS } from './use-case-codec.ts';

describe('DBCH01 Read CHF Sub GHz Channel', () => {
  it('decodes and re-encodes the command (from the ACB, invoke id from its counter)', () => {
    expect(dbch01.decodeCommand(DBCH01_COMMAND.payload, DBCH01_COMMAND)).toEqual({});
    expect(bytesToHex(dbch01.encodeCommand(NO_FIELDS, DBCH01_COMMAND))).toBe(bytesToHex(DBCH01_COMMAND.payload));
  });

  it('decodes the channel mask as page 28 channel 0', () => {
    const rsp = dbch01.decodeResponse(DBCH01_RESPONSE.payload, DBCH01_RESPONSE);
    expect(rsp).toEqual({ ok: true, channel: { mask: 0xe0000001, page: 28, channels: [0] } });
    expect(bytesToHex(dbch01.encodeResponse(rsp, DBCH01_RESPONSE))).toBe(bytesToHex(DBCH01_RESPONSE.payload));
  });

  it('encodes another channel', () => {
    const bytes = dbch01.encodeResponse({ ok: true, channel: subGhzChannelMaskFor(28, [5]) }, DBCH01_RESPONSE);
    expect(bytesToHex(bytes)).toBe('DA200005140000010420E0000020010100');
  });

  it('rejects a mask that is not 32 bits and every truncation', () => {
    expect(() => dbch01.decodeResponse(spacedHexToBytes('DA200005140000010410E000010100'), DBCH01_RESPONSE)).toThrow(/32-bit bit-string/);
    expectEveryPrefixRejected(DBCH01_COMMAND.payload, (b) => dbch01.decodeCommand(b, DBCH01_COMMAND));
    expectEveryPrefixRejected(DBCH01_RESPONSE.payload, (b) => dbch01.decodeResponse(b, DBCH01_RESPONSE));
    expectTrailingRejected(DBCH01_RESPONSE.payload, (b) => dbch01.decodeResponse(b, DBCH01_RESPONSE));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    for (const outcome of ['SUCCESS', 'ERROR']) {
      const { response } = expectRtdsRoundTrip(dbch01, '6.31_DBCH01', `DBCH01_6.31_${outcome}`);
      expect(response).toEqual(outcome === 'SUCCESS' ? { ok: true, channel: { mask: 0xe0000001, page: 28, channels: [0] } } : { ok: false, result: 'hardware-fault' });
    }
  });
});
