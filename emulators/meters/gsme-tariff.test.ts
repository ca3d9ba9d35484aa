// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { sampleTariffInformation } from '../../harness/protocol/gbcs/payload/testing/gas-tariff-sample.ts';
import { GsmeTariff, PRICE_ATTRIBUTE } from './gsme-tariff.ts';
import { ZclAttributeTable } from './zcl-clusters.ts';

const PRICE = 0x0700;
const schedule = { providerId: 0, issuerEventId: 1, startTime: 0, issuerTariffId: 1, commandIndex: 0, totalNumberOfCommands: 1 };

describe('the GSME tariff', () => {
  it('puts the active prices into the Price cluster: TOU tier t at 0x0400 + 16 t, block ids at 0x0400 + id', () => {
    const attributes = new ZclAttributeTable();
    const tariff = new GsmeTariff();
    tariff.apply(attributes, 'priceMatrix', { ...schedule, subPayloadControl: 1, entries: [{ tierBlockId: 1, price: 9600 }, { tierBlockId: 2, price: 10200 }] });
    expect(attributes.get(PRICE, 0x0410)?.value).toEqual({ type: 'uint32', value: 9600 });
    expect(attributes.get(PRICE, 0x0420)?.value).toEqual({ type: 'uint32', value: 10200 });
    tariff.apply(attributes, 'priceMatrix', { ...schedule, subPayloadControl: 0, entries: [{ tierBlockId: 3, price: 11000 }] });
    expect(attributes.get(PRICE, PRICE_ATTRIBUTE.noTierBlock1Price + 3)?.value).toEqual({ type: 'uint32', value: 11000 });
    expect(tariff.activeElement('priceMatrix')?.entries).toEqual([{ tierBlockId: 3, price: 11000 }]);
  });

  it('tariff information and thresholds become attributes; the calendar is kept as published', () => {
    const attributes = new ZclAttributeTable();
    const tariff = new GsmeTariff();
    tariff.apply(attributes, 'blockThresholds', { ...schedule, subPayloadControl: 1, groups: [{ tier: 0, thresholds: [100, 200] }] });
    expect(attributes.get(PRICE, PRICE_ATTRIBUTE.block1Threshold + 1)?.value).toEqual({ type: 'uint48', value: 200 });
    const info = sampleTariffInformation({ tariffTypeChargingScheme: 0, numberOfPriceTiersInUse: 4, numberOfBlockThresholdsInUse: 0, standingCharge: 22465 });
    tariff.apply(attributes, 'tariffInformation', info);
    expect([PRICE_ATTRIBUTE.standingCharge, PRICE_ATTRIBUTE.currency, PRICE_ATTRIBUTE.numberOfPriceTiersInUse].map((id) => attributes.get(PRICE, id)?.value.value)).toEqual([22465, 826, 4]);
    expect(tariff.activeElement('calendar')).toBeUndefined();
  });
});
