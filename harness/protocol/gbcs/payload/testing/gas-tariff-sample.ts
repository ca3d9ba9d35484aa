// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test support: a gas import tariff as GCS01a carries it (payload/use-cases/gcs01a.ts) — a block
 * tariff of two blocks, one threshold, one season, one week and one day profile, no special days
 * — with the start times a test chooses, for the codec, ZSE and emulator tests. Values are the
 * project's, laid out as the RTDS GCS01a commands are (GBP, five decimal places, divisor 1000).
 */
import type { Gcs01aCommand } from '../use-cases/gcs01a.ts';
import type { PublishTariffInformation } from '../zcl/zse-price.ts';

/** Publish Tariff Information of the sample (block tariff type 0x10, standing charge 25000). */
export function sampleTariffInformation(fields: Partial<PublishTariffInformation> = {}): PublishTariffInformation {
  return {
    providerId: 0,
    issuerEventId: 1,
    issuerTariffId: 1,
    startTime: 0,
    tariffTypeChargingScheme: 0x10,
    tariffLabel: new Uint8Array(0),
    numberOfPriceTiersInUse: 0,
    numberOfBlockThresholdsInUse: 1,
    unitOfMeasure: 0,
    currency: 826,
    priceTrailingDigit: 0x50,
    standingCharge: 25000,
    tierBlockMode: 0xff,
    blockThresholdMultiplier: 1,
    blockThresholdDivisor: 1000,
    ...fields,
  };
}

export interface SampleGasTariffOptions {
  /** Start time of every element (ZigBee UTC seconds; 0 = now). */
  readonly start?: number;
  /** Start time of the tariff information, when it differs (cancellations). */
  readonly tariffStart?: number;
  readonly standingCharge?: number;
  readonly issuerEventId?: number;
}

export function sampleGasTariff(o: SampleGasTariffOptions = {}): Gcs01aCommand {
  const start = o.start ?? 0;
  const issuerEventId = o.issuerEventId ?? 1;
  const issuer = { providerId: 0, issuerEventId, issuerCalendarId: issuerEventId };
  const schedule = { providerId: 0, issuerEventId, startTime: start, issuerTariffId: 1, commandIndex: 0, totalNumberOfCommands: 1 };
  return {
    calendar: { ...issuer, startTime: start, calendarType: 0, calendarTimeReference: 0, calendarName: new Uint8Array(0), numberOfSeasons: 1, numberOfWeekProfiles: 1, numberOfDayProfiles: 1 },
    dayProfiles: [{ ...issuer, dayId: 1, totalNumberOfScheduleEntries: 1, commandIndex: 0, totalNumberOfCommands: 1, calendarType: 0, entries: [{ startTime: 0, priceTier: 0 }] }],
    weekProfiles: [{ ...issuer, weekId: 1, dayIds: [1, 1, 1, 1, 1, 1, 1] }],
    seasons: { ...issuer, commandIndex: 0, totalNumberOfCommands: 1, entries: [{ startDate: { year: null, month: 1, dayOfMonth: 1, dayOfWeek: null }, weekId: 1 }] },
    specialDays: { ...issuer, startTime: start, calendarType: 0, totalNumberOfSpecialDays: 0, commandIndex: 0, totalNumberOfCommands: 1, entries: [] },
    tariffInformation: sampleTariffInformation({ issuerEventId, startTime: o.tariffStart ?? start, standingCharge: o.standingCharge ?? 25000 }),
    blockThresholds: { ...schedule, subPayloadControl: 1, groups: [{ tier: 0, thresholds: [2_000_000] }] },
    priceMatrix: { ...schedule, subPayloadControl: 0, entries: [{ tierBlockId: 0, price: 9000 }, { tierBlockId: 1, price: 11000 }] },
  };
}
