// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ZigBee Smart Energy Price cluster (0x0700): the server-to-client publish commands a GBCS gas
 * tariff (GCS01a) carries, little-endian [V: ZSE 1.4 Price cluster; I: read off the RTDS GCS01a
 * commands]:
 *
 * | id   | command                    | fields                                                    |
 * | ---- | -------------------------- | --------------------------------------------------------- |
 * | 0x04 | Publish Tariff Information | provider id, issuer event id, issuer tariff id, start time (u32), tariff type / charging scheme (bitmap8), tariff label (octet string), number of price tiers in use, number of block thresholds in use (u8), unit of measure (enum8), currency (u16, ISO 4217: 826 GBP), price trailing digit (bitmap8), standing charge (u32), tier block mode (enum8), block threshold multiplier, divisor (u24) |
 * | 0x05 | Publish Price Matrix       | provider id, issuer event id, start time, issuer tariff id (u32), command index, total commands (u8), sub-payload control (bitmap8: 1 TOU, 0 block), entries {tier/block id (u8), price (u32)} |
 * | 0x06 | Publish Block Thresholds   | provider id, issuer event id, start time, issuer tariff id, command index, total commands, sub-payload control, groups {tier (high nibble) / number of thresholds (low nibble), thresholds (u48 each)} |
 *
 * RTDS: TOU tariff type 0x00 with 4 tiers, prices by tier 1..4; block tariff type 0x10 with 3
 * thresholds, prices by block id 0..3 (block 1..4, no tier). Start times: 0 = now; RTDS
 * cancellations write 0xFFFFFFFF (tariff information) and 0xFFFFFFFE (price matrix, thresholds).
 */
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { readZclValue, writeZclValue } from './zcl-data-types.ts';

export const PRICE_CLUSTER_ID = 0x0700;

export const PRICE_COMMAND = { publishTariffInformation: 0x04, publishPriceMatrix: 0x05, publishBlockThresholds: 0x06 } as const;

/** Price matrix sub-payload control: prices by TOU tier (bit 0 set) or by block. */
export const PRICE_MATRIX_TOU = 0x01;

export interface PublishTariffInformation {
  readonly providerId: number;
  readonly issuerEventId: number;
  readonly issuerTariffId: number;
  /** UTC seconds since 2000 (0 = now). */
  readonly startTime: number;
  readonly tariffTypeChargingScheme: number;
  readonly tariffLabel: Uint8Array;
  readonly numberOfPriceTiersInUse: number;
  readonly numberOfBlockThresholdsInUse: number;
  readonly unitOfMeasure: number;
  /** ISO 4217 numeric (826 GBP). */
  readonly currency: number;
  /** High nibble: digits after the decimal point of prices. */
  readonly priceTrailingDigit: number;
  readonly standingCharge: number;
  readonly tierBlockMode: number;
  readonly blockThresholdMultiplier: number;
  readonly blockThresholdDivisor: number;
}

/** The head of the price matrix and block threshold commands. */
export interface PriceSchedule {
  readonly providerId: number;
  readonly issuerEventId: number;
  readonly startTime: number;
  readonly issuerTariffId: number;
  readonly commandIndex: number;
  readonly totalNumberOfCommands: number;
  readonly subPayloadControl: number;
}

export interface PriceMatrixEntry {
  /** TOU: the tier (1..); block: tier (high nibble) and block − 1 (low nibble). */
  readonly tierBlockId: number;
  readonly price: number;
}

export interface PublishPriceMatrix extends PriceSchedule {
  readonly entries: readonly PriceMatrixEntry[];
}

export interface BlockThresholdGroup {
  /** 0 = the thresholds apply to every tier. */
  readonly tier: number;
  readonly thresholds: readonly number[];
}

export interface PublishBlockThresholds extends PriceSchedule {
  readonly groups: readonly BlockThresholdGroup[];
}

export function readPublishTariffInformation(r: PayloadReader, field = 'publish-tariff-information'): PublishTariffInformation {
  const u = (n: number, name: string) => r.uintLe(n, `${field}.${name}`);
  const providerId = u(4, 'provider-id');
  const issuerEventId = u(4, 'issuer-event-id');
  const issuerTariffId = u(4, 'issuer-tariff-id');
  const startTime = u(4, 'start-time');
  const tariffTypeChargingScheme = u(1, 'tariff-type-charging-scheme');
  const tariffLabel = readZclValue(r, 0x41, `${field}.tariff-label`).value as Uint8Array;
  const info: PublishTariffInformation = {
    providerId,
    issuerEventId,
    issuerTariffId,
    startTime,
    tariffTypeChargingScheme,
    tariffLabel,
    numberOfPriceTiersInUse: u(1, 'number-of-price-tiers-in-use'),
    numberOfBlockThresholdsInUse: u(1, 'number-of-block-thresholds-in-use'),
    unitOfMeasure: u(1, 'unit-of-measure'),
    currency: u(2, 'currency'),
    priceTrailingDigit: u(1, 'price-trailing-digit'),
    standingCharge: u(4, 'standing-charge'),
    tierBlockMode: u(1, 'tier-block-mode'),
    blockThresholdMultiplier: u(3, 'block-threshold-multiplier'),
    blockThresholdDivisor: u(3, 'block-threshold-divisor'),
  };
  r.expectEnd(field);
  return info;
}

export function encodePublishTariffInformation(t: PublishTariffInformation, field = 'publish-tariff-information'): Uint8Array {
  const w = new PayloadWriter();
  w.uintLe(t.providerId, 4, `${field}.provider-id`)
    .uintLe(t.issuerEventId, 4, `${field}.issuer-event-id`)
    .uintLe(t.issuerTariffId, 4, `${field}.issuer-tariff-id`)
    .uintLe(t.startTime, 4, `${field}.start-time`)
    .u8(t.tariffTypeChargingScheme, `${field}.tariff-type-charging-scheme`);
  writeZclValue(w, { type: 'octet-string', value: t.tariffLabel }, `${field}.tariff-label`);
  return w
    .u8(t.numberOfPriceTiersInUse, `${field}.number-of-price-tiers-in-use`)
    .u8(t.numberOfBlockThresholdsInUse, `${field}.number-of-block-thresholds-in-use`)
    .u8(t.unitOfMeasure, `${field}.unit-of-measure`)
    .uintLe(t.currency, 2, `${field}.currency`)
    .u8(t.priceTrailingDigit, `${field}.price-trailing-digit`)
    .uintLe(t.standingCharge, 4, `${field}.standing-charge`)
    .u8(t.tierBlockMode, `${field}.tier-block-mode`)
    .uintLe(t.blockThresholdMultiplier, 3, `${field}.block-threshold-multiplier`)
    .uintLe(t.blockThresholdDivisor, 3, `${field}.block-threshold-divisor`)
    .toBytes();
}

function readSchedule(r: PayloadReader, field: string): PriceSchedule {
  return {
    providerId: r.uintLe(4, `${field}.provider-id`),
    issuerEventId: r.uintLe(4, `${field}.issuer-event-id`),
    startTime: r.uintLe(4, `${field}.start-time`),
    issuerTariffId: r.uintLe(4, `${field}.issuer-tariff-id`),
    commandIndex: r.u8(`${field}.command-index`),
    totalNumberOfCommands: r.u8(`${field}.total-number-of-commands`),
    subPayloadControl: r.u8(`${field}.sub-payload-control`),
  };
}

function writeSchedule(w: PayloadWriter, s: PriceSchedule, field: string): void {
  w.uintLe(s.providerId, 4, `${field}.provider-id`)
    .uintLe(s.issuerEventId, 4, `${field}.issuer-event-id`)
    .uintLe(s.startTime, 4, `${field}.start-time`)
    .uintLe(s.issuerTariffId, 4, `${field}.issuer-tariff-id`)
    .u8(s.commandIndex, `${field}.command-index`)
    .u8(s.totalNumberOfCommands, `${field}.total-number-of-commands`)
    .u8(s.subPayloadControl, `${field}.sub-payload-control`);
}

export function readPublishPriceMatrix(r: PayloadReader, field = 'publish-price-matrix'): PublishPriceMatrix {
  const schedule = readSchedule(r, field);
  const entries: PriceMatrixEntry[] = [];
  while (!r.atEnd) {
    const f = `${field}.entry[${entries.length}]`;
    entries.push({ tierBlockId: r.u8(`${f}.tier-block-id`), price: r.uintLe(4, `${f}.price`) });
  }
  return { ...schedule, entries };
}

export function encodePublishPriceMatrix(m: PublishPriceMatrix, field = 'publish-price-matrix'): Uint8Array {
  const w = new PayloadWriter();
  writeSchedule(w, m, field);
  m.entries.forEach((e, i) => w.u8(e.tierBlockId, `${field}.entry[${i}].tier-block-id`).uintLe(e.price, 4, `${field}.entry[${i}].price`));
  return w.toBytes();
}

export function readPublishBlockThresholds(r: PayloadReader, field = 'publish-block-thresholds'): PublishBlockThresholds {
  const schedule = readSchedule(r, field);
  const groups: BlockThresholdGroup[] = [];
  while (!r.atEnd) {
    const f = `${field}.group[${groups.length}]`;
    const head = r.u8(`${f}.tier-number-of-block-thresholds`);
    groups.push({ tier: head >> 4, thresholds: Array.from({ length: head & 0x0f }, (_, i) => r.uintLe(6, `${f}.threshold[${i}]`)) });
  }
  return { ...schedule, groups };
}

export function encodePublishBlockThresholds(b: PublishBlockThresholds, field = 'publish-block-thresholds'): Uint8Array {
  const w = new PayloadWriter();
  writeSchedule(w, b, field);
  b.groups.forEach((g, i) => {
    const f = `${field}.group[${i}]`;
    if (!Number.isInteger(g.tier) || g.tier < 0 || g.tier > 15) throw new PayloadEncodeError(`${f}.tier`, '0..15', String(g.tier));
    if (g.thresholds.length > 15) throw new PayloadEncodeError(`${f}.thresholds`, 'at most 15 thresholds', String(g.thresholds.length));
    w.u8((g.tier << 4) | g.thresholds.length, `${f}.tier-number-of-block-thresholds`);
    g.thresholds.forEach((t, j) => w.uintLe(t, 6, `${f}.threshold[${j}]`));
  });
  return w.toBytes();
}
