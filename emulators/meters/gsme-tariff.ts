// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The GSME's import tariff, as data: the ZSE Calendar and Price cluster commands GCS01a
 * published to it (payload/use-cases/gcs01a.ts), grouped into the five elements that take effect
 * — and are reported by a 0x8F66 alert — one by one [I: the five RTDS GCS01a 8F66 alerts name
 * Publish Calendar, Publish Special Days, Publish Tariff Information, Publish Block Thresholds,
 * Publish Price Matrix]:
 *
 * | element           | published as                                                    |
 * | ----------------- | --------------------------------------------------------------- |
 * | calendar          | Publish Calendar with its day profiles, week profiles, seasons  |
 * | specialDays       | Publish Special Days                                            |
 * | tariffInformation | Publish Tariff Information                                      |
 * | blockThresholds   | Publish Block Thresholds (block tariffs)                        |
 * | priceMatrix       | Publish Price Matrix                                            |
 *
 * The active price elements are also the meter's Price cluster (0x0700) server attributes, as a
 * ZSE meter exposes them [V: ZSE 1.4 attribute sets; ids of the tariff information set P]:
 * StandingCharge 0x0301, NumberOfPriceTiersInUse 0x0611, NumberOfBlockThresholdsInUse 0x0612,
 * Currency 0x0616, PriceTrailingDigit 0x0617, Block<n>Threshold 0x0100 + n − 1 (the thresholds
 * of every tier), and the prices — a TOU price of tier t as Tier<t>Block1Price 0x0400 + 16 t,
 * a block price (tier/block id: tier high nibble, block − 1 low nibble) as 0x0400 plus that id
 * (NoTierBlock<b>Price for tier 0). The calendar elements have no ZCL attributes (a ZSE calendar
 * lives in the publish commands), so they are kept as those commands.
 */
import type { Gcs01aCommand } from '../../harness/protocol/gbcs/payload/use-cases/gcs01a.ts';
import {
  PRICE_CLUSTER_ID,
  PRICE_MATRIX_TOU,
  type PublishBlockThresholds,
  type PublishPriceMatrix,
  type PublishTariffInformation,
} from '../../harness/protocol/gbcs/payload/zcl/zse-price.ts';
import type { ZclValue } from '../../harness/protocol/gbcs/payload/zcl/zcl-data-types.ts';
import type { ZclAttributeTable } from './zcl-clusters.ts';

/** The calendar element: the Publish Calendar with the day, week and season commands that define it. */
export type GsmeCalendar = Pick<Gcs01aCommand, 'calendar' | 'dayProfiles' | 'weekProfiles' | 'seasons'>;

export type GsmeTariffElements = Pick<Gcs01aCommand, 'specialDays' | 'tariffInformation' | 'priceMatrix'> & {
  readonly calendar: GsmeCalendar;
  readonly blockThresholds: NonNullable<Gcs01aCommand['blockThresholds']>;
};

export type GsmeTariffElement = keyof GsmeTariffElements;

/** Price cluster attributes the active tariff sets. */
export const PRICE_ATTRIBUTE = {
  block1Threshold: 0x0100,
  standingCharge: 0x0301,
  noTierBlock1Price: 0x0400,
  numberOfPriceTiersInUse: 0x0611,
  numberOfBlockThresholdsInUse: 0x0612,
  currency: 0x0616,
  priceTrailingDigit: 0x0617,
} as const;

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

export class GsmeTariff {
  private readonly active: Partial<{ -readonly [K in GsmeTariffElement]: GsmeTariffElements[K] }> = {};

  /** The element in effect, or undefined when none was ever applied. */
  activeElement<K extends GsmeTariffElement>(element: K): GsmeTariffElements[K] | undefined {
    return this.active[element];
  }

  /** An element takes effect; a price element also sets the Price cluster attributes in `attributes`. */
  apply<K extends GsmeTariffElement>(attributes: ZclAttributeTable, element: K, value: GsmeTariffElements[K]): void {
    this.active[element] = value;
    const put = (id: number, name: string, v: ZclValue) => attributes.put({ clusterId: PRICE_CLUSTER_ID, id, name, value: v });
    if (element === 'tariffInformation') {
      const t = value as PublishTariffInformation;
      put(PRICE_ATTRIBUTE.standingCharge, 'StandingCharge', { type: 'uint32', value: t.standingCharge });
      put(PRICE_ATTRIBUTE.numberOfPriceTiersInUse, 'NumberOfPriceTiersInUse', { type: 'uint8', value: t.numberOfPriceTiersInUse });
      put(PRICE_ATTRIBUTE.numberOfBlockThresholdsInUse, 'NumberOfBlockThresholdsInUse', { type: 'uint8', value: t.numberOfBlockThresholdsInUse });
      put(PRICE_ATTRIBUTE.currency, 'Currency', { type: 'uint16', value: t.currency });
      put(PRICE_ATTRIBUTE.priceTrailingDigit, 'PriceTrailingDigit', { type: 'bitmap8', value: t.priceTrailingDigit });
    } else if (element === 'blockThresholds') {
      const all = (value as PublishBlockThresholds).groups.find((g) => g.tier === 0)?.thresholds ?? [];
      all.forEach((t, i) => put(PRICE_ATTRIBUTE.block1Threshold + i, `Block${i + 1}Threshold`, { type: 'uint48', value: t }));
    } else if (element === 'priceMatrix') {
      const m = value as PublishPriceMatrix;
      const tou = (m.subPayloadControl & PRICE_MATRIX_TOU) !== 0;
      for (const e of m.entries) {
        const id = PRICE_ATTRIBUTE.noTierBlock1Price + (tou ? e.tierBlockId << 4 : e.tierBlockId);
        put(id, `Price ${hex4(id)}`, { type: 'uint32', value: e.price });
      }
    }
  }
}
