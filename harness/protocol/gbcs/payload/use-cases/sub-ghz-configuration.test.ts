// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../hex.ts';
import { Axdr, decodeAxdrData, encodeAxdrData, type AxdrData } from '../dlms/axdr-data.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { subGhzChannelMaskFor } from './sub-ghz-channel-mask.ts';
import { SAMPLE_CONFIGURATION, SAMPLE_CONFIGURATION_HEX } from '../testing/sub-ghz-configuration-sample.ts';
import { percentToHundredths, readSubGhzConfiguration, subGhzConfigurationData, type SubGhzConfiguration } from './sub-ghz-configuration.ts';

const encode = (c: SubGhzConfiguration): string => bytesToHex(encodeAxdrData(subGhzConfigurationData(c, 'cfg')));
const decode = (hex: string): SubGhzConfiguration => readSubGhzConfiguration(decodeAxdrData(Buffer.from(hex, 'hex')), 'cfg');

describe('CHF Sub GHz Configuration', () => {
  it('writes the 15 elements in DUIS order, percentages in hundredths', () => {
    expect(encode(SAMPLE_CONFIGURATION)).toBe(SAMPLE_CONFIGURATION_HEX);
    expect(decode(SAMPLE_CONFIGURATION_HEX)).toEqual(SAMPLE_CONFIGURATION);
  });

  it('takes percentages with at most two decimals, 0.00 to 100.00', () => {
    expect(percentToHundredths(1.3, 'p')).toBe(130);
    expect(percentToHundredths(1.29, 'p')).toBe(129);
    expect(percentToHundredths(0, 'p')).toBe(0);
    expect(percentToHundredths(100, 'p')).toBe(10000);
    for (const bad of [1.234, -0.01, 100.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => percentToHundredths(bad, 'p')).toThrow(PayloadEncodeError);
    }
    expect(() => encode({ ...SAMPLE_CONFIGURATION, limitedCriticalDutyCycleThresholdPercent: 250 })).toThrow(/limitedCriticalDutyCycleThresholdPercent.*0\.00 to 100\.00/);
  });

  it('refuses a mask of another page and integers out of range', () => {
    expect(() => encode({ ...SAMPLE_CONFIGURATION, lowerBandSubGhzChannels27To34: subGhzChannelMaskFor(28, [1]) })).toThrow(/page 29.*page 28/);
    expect(() => encode({ ...SAMPLE_CONFIGURATION, maximumSubGhzChannelChangesPerWeek: 256 })).toThrow(/0\.\.255/);
    expect(() => encode({ ...SAMPLE_CONFIGURATION, gsmeCurfew: 1.5 })).toThrow(PayloadEncodeError);
  });

  it('rejects a mask of another page, a percentage over 100.00 and a wrong element type', () => {
    expect(() => decode(SAMPLE_CONFIGURATION_HEX.replace('0420E8000101', '0420E0000101'))).toThrow(/cfg\[1\]\.lower-band-sub-ghz-channels27-to34.*page 29/);
    expect(() => decode(SAMPLE_CONFIGURATION_HEX.replace('120096', '122711'))).toThrow(/at most 10000/);
    expect(() => decode(SAMPLE_CONFIGURATION_HEX.replace('1103', '1203'))).toThrow(PayloadDecodeError);
    const short: AxdrData = Axdr.structure(Axdr.unsigned(1));
    expect(() => readSubGhzConfiguration(short, 'cfg')).toThrow(/15 element/);
  });
});
