// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { chfCommand, chfResponse } from '../testing/chf-exchange-headers.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { SAMPLE_CONFIGURATION, SAMPLE_CONFIGURATION_HEX } from '../testing/sub-ghz-configuration-sample.ts';
import { dbch04 } from './dbch04.ts';
import { subGhzChannelMaskFor } from './sub-ghz-channel-mask.ts';
import type { SubGhzConfiguration } from './sub-ghz-configuration.ts';

const COMMAND = chfCommand(0x010d, 1400n);
const RESPONSE = chfResponse(0x010d, 1400n);
/** Access request, invoke id 0x000578 (1400), set class 1 0-0:94.44.10.0 attribute 2. */
const COMMAND_HEX = 'D920000578000102000100005E2C0A000201' + SAMPLE_CONFIGURATION_HEX;

/** The values of the RTDS DBCH04 command (the DUIS template's SetCHFSubGHzConfiguration). */
const RTDS_FIELDS: SubGhzConfiguration = {
  lowerBandSubGhzChannels0To26: subGhzChannelMaskFor(28, [1, 2]),
  lowerBandSubGhzChannels27To34: subGhzChannelMaskFor(29, [28, 29]),
  lowerBandSubGhzChannels35To61: subGhzChannelMaskFor(30, [36, 37]),
  upperBandSubGhzChannels0To26: subGhzChannelMaskFor(31, [1, 2]),
  normalLimitedDutyCycleThresholdPercent: 1.3,
  limitedCriticalDutyCycleThresholdPercent: 2.2,
  maximumSubGhzChannelChangesPerWeek: 5,
  gsmeCurfew: 7,
  channelQuieterThreshold: 7,
  channelNoisierThreshold: 12,
  nonGsmePoorCommsPercentageThreshold: 60,
  nonGsmePoorCommsMeasurementPeriods: 130,
  localChNoiseMeasurementPeriod: 100,
  localChFailurePercentage: 40,
  localChRetryPercentage: 30,
};

describe('DBCH04 Set CHF Sub GHz Configuration', () => {
  it('encodes the configuration as one set of 0-0:94.44.10.0 and reads it back', () => {
    const bytes = dbch04.encodeCommand(SAMPLE_CONFIGURATION, COMMAND);
    expect(bytesToHex(bytes)).toBe(COMMAND_HEX);
    expect(dbch04.decodeCommand(bytes, COMMAND)).toEqual(SAMPLE_CONFIGURATION);
  });

  it('encodes and decodes the set result', () => {
    expect(bytesToHex(dbch04.encodeResponse({ ok: true }, RESPONSE))).toBe('DA2000057800000100010200');
    expect(bytesToHex(dbch04.encodeResponse({ ok: false, result: 'temporary-failure' }, RESPONSE))).toBe('DA2000057800000100010202');
    expect(dbch04.decodeResponse(spacedHexToBytes('DA2000057800000100010203'), RESPONSE)).toEqual({ ok: false, result: 'read-write-denied' });
  });

  it('refuses an impossible threshold, a channel of the wrong page, a set answered with data', () => {
    expect(() => dbch04.encodeCommand({ ...SAMPLE_CONFIGURATION, normalLimitedDutyCycleThresholdPercent: 130 }, COMMAND)).toThrow(PayloadEncodeError);
    expect(() => dbch04.encodeCommand({ ...SAMPLE_CONFIGURATION, upperBandSubGhzChannels0To26: subGhzChannelMaskFor(30, [40]) }, COMMAND)).toThrow(/page 31/);
    expect(() => dbch04.decodeResponse(spacedHexToBytes('DA200005780000011101010200'), RESPONSE)).toThrow(/null-data/);
    expect(() => dbch04.decodeCommand(spacedHexToBytes(COMMAND_HEX), chfCommand(0x010d, 1401n))).toThrow(/originator counter 1401/);
  });

  it('rejects every truncation and trailing bytes', () => {
    const cmd = spacedHexToBytes(COMMAND_HEX);
    expectEveryPrefixRejected(cmd, (b) => dbch04.decodeCommand(b, COMMAND));
    expectTrailingRejected(cmd, (b) => dbch04.decodeCommand(b, COMMAND));
    const rsp = spacedHexToBytes('DA2000057800000100010200');
    expectEveryPrefixRejected(rsp, (b) => dbch04.decodeResponse(b, RESPONSE));
    expectTrailingRejected(rsp, (b) => dbch04.decodeResponse(b, RESPONSE));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    for (const outcome of ['SUCCESS', 'ERROR']) {
      const { command, response } = expectRtdsRoundTrip(dbch04, '6.28_DBCH04', `DBCH04_6.28_${outcome}`);
      expect(command).toEqual(RTDS_FIELDS);
      expect(response).toEqual(outcome === 'SUCCESS' ? { ok: true } : { ok: false, result: 'hardware-fault' });
    }
  });
});
