// SPDX-License-Identifier: GPL-3.0-or-later
/** ZigBee Smart Energy Metering cluster (0x0702): the attributes GBCS reads, and the unit of measure enumeration. */
import { namedEnum } from '../named-enum.ts';

export const METERING_CLUSTER_ID = 0x0702;

export const MeteringAttribute = {
  currentSummationDelivered: 0x0000,
  /** GBCS reads the GSME firmware version through this octet-string attribute (GCS38). */
  currentMeterId: 0x0206,
  unitOfMeasure: 0x0300,
  multiplier: 0x0301,
  divisor: 0x0302,
} as const;

export const METERING_ATTRIBUTE_NAMES: Readonly<Record<number, string>> = {
  0x0000: 'Current Summation Delivered',
  0x0014: 'Supply Status',
  0x0100: 'Current Tier 1 Summation Delivered',
  0x0102: 'Current Tier 2 Summation Delivered',
  0x0104: 'Current Tier 3 Summation Delivered',
  0x0106: 'Current Tier 4 Summation Delivered',
  0x0205: 'Remaining Battery Life in Days',
  0x0206: 'Current Meter Id',
  0x0300: 'Unit of Measure',
  0x0301: 'Multiplier',
  0x0302: 'Divisor',
  0x0307: 'Site Id',
};

/** ZSE UnitofMeasure (enum8). GBCS gas reads use m3 (0x01). */
export const ZseUnitsOfMeasure = namedEnum('uom', {
  kWh: 0x00,
  m3: 0x01,
  ft3: 0x02,
  ccf: 0x03,
  'US-gal': 0x04,
  'IMP-gal': 0x05,
  BTU: 0x06,
  litres: 0x07,
  'kPa-gauge': 0x08,
  'kPa-absolute': 0x09,
  mcf: 0x0a,
  unitless: 0x0b,
  MJ: 0x0c,
  kvar: 0x0d,
});
export type ZseUnitOfMeasure = ReturnType<typeof ZseUnitsOfMeasure.nameOf>;
