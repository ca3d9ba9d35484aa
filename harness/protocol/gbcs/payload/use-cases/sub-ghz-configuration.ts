// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The CHF Sub GHz Configuration: the value of COSEM Data 0-0:94.44.10.0 that SRV 6.28 (DBCH04)
 * sets, SRV 6.30 (DBCH03) reads and alert 0x8F2A (DBCH09) reports — a structure of 15 elements,
 * in the order of the DUIS SetCHFSubGHzConfiguration elements [V: RTDS 6.28_DBCH04 command and
 * DUIS template DBCH04_6.28 (@smartdcc/duis-templates), value for value]:
 *
 * | #  | A-XDR                | DUIS element                        | typed here                         |
 * | -- | -------------------- | ----------------------------------- | ---------------------------------- |
 * | 0  | bit-string(32)       | LowerBandSubGHzChannels0To26        | channel mask, page 28              |
 * | 1  | bit-string(32)       | LowerBandSubGHzChannels27To34       | channel mask, page 29              |
 * | 2  | bit-string(32)       | LowerBandSubGHzChannels35To61       | channel mask, page 30              |
 * | 3  | bit-string(32)       | UpperBandSubGHzChannels0To26        | channel mask, page 31              |
 * | 4  | long-unsigned        | NormalLimitedDutyCycleThreshold     | percent (wire: hundredths, 1.3 ↔ 130) |
 * | 5  | long-unsigned        | LimitedCriticalDutyCycleThreshold   | percent (2.2 ↔ 220)                |
 * | 6  | unsigned             | MaximumSubGHzChannelChangesPerWeek  | count (5)                          |
 * | 7  | long-unsigned        | GSMECurfew                          | number (7) [P: unit not in the sources at hand] |
 * | 8  | unsigned             | ChannelQuieterThreshold             | number (7) [P: unit, presumably dB] |
 * | 9  | unsigned             | ChannelNoisierThreshold             | number (12) [P: unit, presumably dB] |
 * | 10 | long-unsigned        | NonGSMEPoorCommsPercentageThreshold | percent (60.00 ↔ 6000)             |
 * | 11 | unsigned             | NonGSMEPoorCommsMeasurementPeriods  | count (130)                        |
 * | 12 | long-unsigned        | LocalCHNoiseMeasurementPeriod       | number (100) [P: unit]             |
 * | 13 | long-unsigned        | LocalCHFailurePercentage            | percent (40.00 ↔ 4000)             |
 * | 14 | long-unsigned        | LocalCHRetryPercentage              | percent (30.00 ↔ 3000)             |
 *
 * Percentages are carried in hundredths of a percent [V: DOMAIN.md; the template's 1.3 / 60.00
 * against RTDS 130 / 6000]; a percentage above 100.00 is refused both ways. Each mask must be of
 * its element's page (DUIS names the page by its channel range) [I].
 */
import { Axdr, axdrOffset, type AxdrData } from '../dlms/axdr-data.ts';
import { expectNumber, expectStructure, item } from '../dlms/axdr-match.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { channelMaskData, expectChannelMask, type SubGhzChannelMask } from './sub-ghz-channel-mask.ts';

export interface SubGhzConfiguration {
  /** Page 28 (lower band, channels 0–26) channels the CHF may use. */
  readonly lowerBandSubGhzChannels0To26: SubGhzChannelMask;
  /** Page 29 (lower band, channels 27–34 and 62). */
  readonly lowerBandSubGhzChannels27To34: SubGhzChannelMask;
  /** Page 30 (lower band, channels 35–61). */
  readonly lowerBandSubGhzChannels35To61: SubGhzChannelMask;
  /** Page 31 (upper band, channels 0–26). */
  readonly upperBandSubGhzChannels0To26: SubGhzChannelMask;
  /** Normal → Limited duty-cycle threshold, percent (two decimals). */
  readonly normalLimitedDutyCycleThresholdPercent: number;
  /** Limited → Critical duty-cycle threshold, percent (two decimals). */
  readonly limitedCriticalDutyCycleThresholdPercent: number;
  readonly maximumSubGhzChannelChangesPerWeek: number;
  /** [P] unit not in the sources at hand. */
  readonly gsmeCurfew: number;
  /** [P] unit not in the sources at hand (an energy difference, presumably dB). */
  readonly channelQuieterThreshold: number;
  /** [P] unit not in the sources at hand (an energy difference, presumably dB). */
  readonly channelNoisierThreshold: number;
  readonly nonGsmePoorCommsPercentageThreshold: number;
  readonly nonGsmePoorCommsMeasurementPeriods: number;
  /** [P] unit not in the sources at hand. */
  readonly localChNoiseMeasurementPeriod: number;
  readonly localChFailurePercentage: number;
  readonly localChRetryPercentage: number;
}

type Key = keyof SubGhzConfiguration;
type Element =
  | { readonly key: Key; readonly kind: 'mask'; readonly page: number }
  | { readonly key: Key; readonly kind: 'percent' }
  | { readonly key: Key; readonly kind: 'unsigned' | 'long-unsigned' };

/** The 15 elements in wire order. */
const ELEMENTS: readonly Element[] = [
  { key: 'lowerBandSubGhzChannels0To26', kind: 'mask', page: 28 },
  { key: 'lowerBandSubGhzChannels27To34', kind: 'mask', page: 29 },
  { key: 'lowerBandSubGhzChannels35To61', kind: 'mask', page: 30 },
  { key: 'upperBandSubGhzChannels0To26', kind: 'mask', page: 31 },
  { key: 'normalLimitedDutyCycleThresholdPercent', kind: 'percent' },
  { key: 'limitedCriticalDutyCycleThresholdPercent', kind: 'percent' },
  { key: 'maximumSubGhzChannelChangesPerWeek', kind: 'unsigned' },
  { key: 'gsmeCurfew', kind: 'long-unsigned' },
  { key: 'channelQuieterThreshold', kind: 'unsigned' },
  { key: 'channelNoisierThreshold', kind: 'unsigned' },
  { key: 'nonGsmePoorCommsPercentageThreshold', kind: 'percent' },
  { key: 'nonGsmePoorCommsMeasurementPeriods', kind: 'unsigned' },
  { key: 'localChNoiseMeasurementPeriod', kind: 'long-unsigned' },
  { key: 'localChFailurePercentage', kind: 'percent' },
  { key: 'localChRetryPercentage', kind: 'percent' },
];

/** Hundredths of a percent on the wire; 100.00 % at most. */
const MAX_HUNDREDTHS = 10_000;
const MAX: Record<'unsigned' | 'long-unsigned', number> = { unsigned: 0xff, 'long-unsigned': 0xffff };

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/** A percent with at most two decimals as hundredths (1.3 → 130). */
export function percentToHundredths(percent: number, field: string): number {
  const h = Math.round(percent * 100);
  if (!Number.isFinite(percent) || Math.abs(h - percent * 100) > 1e-6 || h < 0 || h > MAX_HUNDREDTHS) {
    throw new PayloadEncodeError(field, 'a percentage from 0.00 to 100.00 with at most two decimals', String(percent));
  }
  return h;
}

/** The structure as A-XDR (field names in errors start with `field`). */
export function subGhzConfigurationData(c: SubGhzConfiguration, field: string): AxdrData {
  return Axdr.structure(
    ...ELEMENTS.map((e): AxdrData => {
      const value = c[e.key];
      const f = `${field}.${e.key}`;
      if (e.kind === 'mask') {
        const m = value as SubGhzChannelMask;
        if (m.page !== e.page) throw new PayloadEncodeError(f, `a channel mask of page ${e.page}`, `page ${m.page}`);
        return channelMaskData(m);
      }
      const n = value as number;
      if (e.kind === 'percent') return Axdr.longUnsigned(percentToHundredths(n, f));
      if (!Number.isInteger(n) || n < 0 || n > MAX[e.kind]) throw new PayloadEncodeError(f, `an integer 0..${MAX[e.kind]}`, String(n));
      return e.kind === 'unsigned' ? Axdr.unsigned(n) : Axdr.longUnsigned(n);
    }),
  );
}

/** Reads the 15-element structure (field paths start with `field`). */
export function readSubGhzConfiguration(d: AxdrData, field: string): SubGhzConfiguration {
  const items = expectStructure(d, field, ELEMENTS.length);
  const out: Record<string, unknown> = {};
  ELEMENTS.forEach((e, i) => {
    const node = item(items, i);
    const f = `${field}[${i}].${kebab(e.key)}`;
    if (e.kind === 'mask') {
      const mask = expectChannelMask(node, f);
      if (mask.page !== e.page) throw new PayloadDecodeError(axdrOffset(node) ?? 0, f, `a channel mask of page ${e.page}`, `page ${mask.page}`);
      out[e.key] = mask;
    } else if (e.kind === 'percent') {
      const h = expectNumber(node, 'long-unsigned', f);
      if (h > MAX_HUNDREDTHS) throw new PayloadDecodeError(axdrOffset(node) ?? 0, f, 'hundredths of a percent, at most 10000 (100.00 %)', String(h));
      out[e.key] = h / 100;
    } else {
      out[e.key] = expectNumber(node, e.kind, f);
    }
  });
  return out as unknown as SubGhzConfiguration;
}
