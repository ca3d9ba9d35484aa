// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../hex.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { PayloadReader } from '../payload-reader.ts';
import { sampleTariffInformation } from '../testing/gas-tariff-sample.ts';
import {
  encodePublishBlockThresholds,
  encodePublishPriceMatrix,
  encodePublishTariffInformation,
  readPublishBlockThresholds,
  readPublishPriceMatrix,
  readPublishTariffInformation,
} from './zse-price.ts';

const schedule = { providerId: 0, issuerEventId: 0x1c374a80, startTime: 0, issuerTariffId: 1, commandIndex: 0, totalNumberOfCommands: 1 };
const read = <T>(f: (r: PayloadReader) => T) => (b: Uint8Array) => f(new PayloadReader(b));

describe('ZSE Price cluster publish commands', () => {
  it('Publish Tariff Information: every field, little-endian, the label as an octet string', () => {
    const t = sampleTariffInformation({ issuerEventId: 0x1c374a80, tariffTypeChargingScheme: 0, numberOfPriceTiersInUse: 4, numberOfBlockThresholdsInUse: 0, standingCharge: 22465 });
    const bytes = encodePublishTariffInformation(t);
    expect(bytesToHex(bytes)).toBe('00000000804A371C010000000000000000000400003A0350C1570000FF010000E80300');
    expect(readPublishTariffInformation(new PayloadReader(bytes))).toEqual(t);
    expectEveryPrefixRejected(bytes, read(readPublishTariffInformation));
    expectTrailingRejected(bytes, read(readPublishTariffInformation));
  });

  it('Publish Price Matrix and Publish Block Thresholds: entries to the end, thresholds as 48-bit values', () => {
    const m = { ...schedule, subPayloadControl: 1, entries: [{ tierBlockId: 1, price: 9600 }, { tierBlockId: 2, price: 10200 }] };
    expect(bytesToHex(encodePublishPriceMatrix(m)).slice(32)).toBe('000101018025000002D8270000');
    expect(readPublishPriceMatrix(new PayloadReader(encodePublishPriceMatrix(m)))).toEqual(m);
    const b = { ...schedule, subPayloadControl: 1, groups: [{ tier: 0, thresholds: [1_000_000, 2_000_000] }] };
    expect(bytesToHex(encodePublishBlockThresholds(b)).slice(32)).toBe('0001010240420F00000080841E000000');
    expect(readPublishBlockThresholds(new PayloadReader(encodePublishBlockThresholds(b)))).toEqual(b);
    expect(() => encodePublishBlockThresholds({ ...b, groups: [{ tier: 16, thresholds: [] }] })).toThrow(/0\.\.15/);
  });
});
