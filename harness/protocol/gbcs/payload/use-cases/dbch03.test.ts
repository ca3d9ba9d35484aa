// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { chfCommand, chfResponse } from '../testing/chf-exchange-headers.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { SAMPLE_CONFIGURATION, SAMPLE_CONFIGURATION_HEX } from '../testing/sub-ghz-configuration-sample.ts';
import { dbch03 } from './dbch03.ts';
import { subGhzChannelMaskFor } from './sub-ghz-channel-mask.ts';
import { NO_FIELDS } from './use-case-codec.ts';

const COMMAND = chfCommand(0x010c, 1600n);
const RESPONSE = chfResponse(0x010c, 1600n);
/** Invoke id 0x000640 (1600), get class 1 0-0:94.44.10.0 attribute 2. */
const COMMAND_HEX = 'D920000640000101000100005E2C0A00020100';
const RESPONSE_HEX = 'DA20000640000001' + SAMPLE_CONFIGURATION_HEX + '010100';

describe('DBCH03 Read CHF Sub GHz Configuration', () => {
  it('reads 0-0:94.44.10.0 with a plain get', () => {
    expect(bytesToHex(dbch03.encodeCommand(NO_FIELDS, COMMAND))).toBe(COMMAND_HEX);
    expect(dbch03.decodeCommand(spacedHexToBytes(COMMAND_HEX), COMMAND)).toEqual({});
  });

  it('decodes the configuration and re-encodes it byte-exact', () => {
    const rsp = dbch03.decodeResponse(spacedHexToBytes(RESPONSE_HEX), RESPONSE);
    expect(rsp).toEqual({ ok: true, configuration: SAMPLE_CONFIGURATION });
    expect(bytesToHex(dbch03.encodeResponse(rsp, RESPONSE))).toBe(RESPONSE_HEX);
    expect(bytesToHex(dbch03.encodeResponse({ ok: false, result: 'object-unavailable' }, RESPONSE))).toBe('DA200006400000010001010B');
  });

  it('rejects every truncation and trailing bytes', () => {
    expectEveryPrefixRejected(spacedHexToBytes(COMMAND_HEX), (b) => dbch03.decodeCommand(b, COMMAND));
    expectEveryPrefixRejected(spacedHexToBytes(RESPONSE_HEX), (b) => dbch03.decodeResponse(b, RESPONSE));
    expectTrailingRejected(spacedHexToBytes(RESPONSE_HEX), (b) => dbch03.decodeResponse(b, RESPONSE));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const ok = expectRtdsRoundTrip(dbch03, '6.30_DBCH03', 'DBCH03_6.30_SUCCESS');
    expect(ok.command).toEqual({});
    if (!ok.response.ok) throw new Error('expected the RTDS configuration');
    const c = ok.response.configuration;
    // pages 28–31 in order, then the eleven numbers in wire order (percentages as percent)
    expect([c.lowerBandSubGhzChannels0To26, c.lowerBandSubGhzChannels27To34, c.lowerBandSubGhzChannels35To61, c.upperBandSubGhzChannels0To26]).toEqual([
      subGhzChannelMaskFor(28, [0, 1]),
      subGhzChannelMaskFor(29, [27, 28]),
      subGhzChannelMaskFor(30, [35, 36]),
      subGhzChannelMaskFor(31, [0, 1]),
    ]);
    expect(Object.values(c).slice(4)).toEqual([1.25, 2, 4, 6, 6, 10, 50.5, 125, 90, 50, 30]);
    expect(c.normalLimitedDutyCycleThresholdPercent).toBe(1.25);
    expect(c.limitedCriticalDutyCycleThresholdPercent).toBe(2);
    expect(expectRtdsRoundTrip(dbch03, '6.30_DBCH03', 'DBCH03_6.30_ERROR').response).toEqual({ ok: false, result: 'hardware-fault' });
  });
});
