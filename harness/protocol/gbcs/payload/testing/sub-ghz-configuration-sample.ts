// SPDX-License-Identifier: GPL-3.0-or-later
/** Test support: a CHF Sub GHz Configuration unlike RTDS's, with its A-XDR written out by hand. */
import { subGhzChannelMaskFor } from '../use-cases/sub-ghz-channel-mask.ts';
import type { SubGhzConfiguration } from '../use-cases/sub-ghz-configuration.ts';

export const SAMPLE_CONFIGURATION: SubGhzConfiguration = {
  lowerBandSubGhzChannels0To26: subGhzChannelMaskFor(28, [5]),
  lowerBandSubGhzChannels27To34: subGhzChannelMaskFor(29, [27, 62]),
  lowerBandSubGhzChannels35To61: subGhzChannelMaskFor(30, [35, 61]),
  upperBandSubGhzChannels0To26: subGhzChannelMaskFor(31, [26]),
  normalLimitedDutyCycleThresholdPercent: 1.5,
  limitedCriticalDutyCycleThresholdPercent: 2.45,
  maximumSubGhzChannelChangesPerWeek: 3,
  gsmeCurfew: 10,
  channelQuieterThreshold: 5,
  channelNoisierThreshold: 9,
  nonGsmePoorCommsPercentageThreshold: 75.25,
  nonGsmePoorCommsMeasurementPeriods: 20,
  localChNoiseMeasurementPeriod: 60,
  localChFailurePercentage: 12.5,
  localChRetryPercentage: 7.75,
};

/** SAMPLE_CONFIGURATION as A-XDR, written out element by element. */
export const SAMPLE_CONFIGURATION_HEX =
  '020F' +
  '0420E0000020' + // page 28 channel 5
  '0420E8000101' + // page 29 channels 27 and 62
  '0420F4000001' + // page 30 channels 35 and 61
  '0420FC000000' + // page 31 channel 26
  '120096' + // 1.50 %
  '1200F5' + // 2.45 %
  '1103' +
  '12000A' +
  '1105' +
  '1109' +
  '121D65' + // 75.25 %
  '1114' +
  '12003C' +
  '1204E2' + // 12.50 %
  '120307'; // 7.75 %
