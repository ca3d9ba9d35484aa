// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ECS01a — Set Tariff and Price on the ESME (SRV 1.1.1 Update Import Tariff, Primary Element),
 * message code 0x0019. A critical command, signed by the user (RTDS 1.1.1_ECS01a PRECOMMAND /
 * COMMAND); immediate, future dated or the cancellation of a future-dated one.
 *
 * Command [I: read off the nine RTDS ECS01a commands; all have these 21 set specifications]:
 *
 * | #     | class / OBIS / attribute                   | what                                            |
 * | ----- | ------------------------------------------ | ----------------------------------------------- |
 * | 0     | 20 Activity Calendar 0-0:13.0.0.255 a7     | seasons {name, start date-time, week name}      |
 * | 1     | 20 … a8                                    | week profiles {name, day id Monday..Sunday}     |
 * | 2     | 20 … a9                                    | day profiles {day id, actions {start time, script 0-0:10.0.100.255, selector}} |
 * | 3     | 11 Special Days Table 0-1:11.0.0.255 a2    | special days {index, date, day id}              |
 * | 4..11 | 21 Register Monitor 0-0:16.1.11..18.255 a2 | block thresholds of block tariffs 1..8          |
 * | 12    | 9000 0-0:94.44.2.0 a4                      | currency units (boolean; RTDS GBP → true [P])   |
 * | 13    | 113 Charge 0-0:19.20.4.255 a6              | standing charge (unit_charge_passive)           |
 * | 14    | 113 Charge 0-0:19.20.0.255 a6              | price matrix: 48 TOU prices, 8 × 4 block prices |
 * | 15..20| 20 … a10; 9000 0-0:94.44.128.29 a6; 9000 0-0:94.44.2.0 a6; 113 19.20.4 a7; 113 19.20.0 a7; 9000 0-0:63.1.1.255 a6 | activation date-time of the switching table, special days, currency units, standing charge, price matrix, threshold matrix |
 *
 * Day-profile script selectors [I, and the public gbcs-parser's ECS24 reading]: 1..48 TOU
 * rates, 101..108 block tariffs 1..8. Price indexes: 01..30 (hex) the 48 TOU rates, then A1..A8,
 * B1..B8, C1..C8, D1..D8: block 1..4 (letter) of block tariff 1..8 (digit); DUIS BlockPrices
 * index k / BlockPrice index j → letter j, digit k [I: RTDS templates against their commands].
 * Activation date-times: all 00 (deviation, clock status not specified) = immediate (RTDS
 * IMMEDIATE_*); all not specified = cancellation of a pending future-dated one (RTDS
 * CANCELLATION_*, DUIS ExecutionDateTime 3000-12-31); otherwise the execution time (RTDS
 * FUTURE_DATED_*: 2030-01-15 09:00:00). The APDU carries no date-time.
 *
 * Every field is typed; the constants (script logical name, charge commodity references and
 * scalings' positions, price indexes) are checked on decode and written on encode.
 *
 * Response: one set result per specification, null data (RTDS ERROR: hardware-fault on the
 * price matrix activation, other-reason on the threshold matrix activation).
 */
import { bytesToHex } from '../../hex.ts';
import type { AccessRequestSpec } from '../dlms/access-request.ts';
import type { AccessResponseSpec } from '../dlms/access-response.ts';
import { Axdr, axdrOffset, type AxdrData } from '../dlms/axdr-data.ts';
import {
  expectArray,
  expectBoolean,
  expectConstant,
  expectDateTimeOctetString,
  expectNull,
  expectNumber,
  expectOctetString,
  expectStructure,
  item,
} from '../dlms/axdr-match.ts';
import { dateOctetString, expectDateOctetString, type CosemDate } from '../dlms/cosem-date.ts';
import { encodeCosemDateTime, type CosemDateTime } from '../dlms/cosem-date-time.ts';
import type { CosemAttributeDescriptor } from '../dlms/cosem-descriptor.ts';
import { expectTimeOctetString, timeOctetString, type CosemTime } from '../dlms/cosem-time.ts';
import type { DataAccessResult } from '../dlms/dlms-results.ts';
import { obisToBytes } from '../dlms/obis.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { decodeFixedRequest, decodeFixedResponse, encodeFixedRequest, encodeFixedResponse } from './dlms-exchange.ts';
import type { UseCaseCodec } from './use-case-codec.ts';

const ACTIVITY_CALENDAR = { classId: 20, instanceId: '0-0:13.0.0.255' } as const;
const STANDING_CHARGE = { classId: 113, instanceId: '0-0:19.20.4.255' } as const;
const PRICE_MATRIX = { classId: 113, instanceId: '0-0:19.20.0.255' } as const;
const CURRENCY_UNITS = { classId: 9000, instanceId: '0-0:94.44.2.0' } as const;

/** Number of block tariffs (register monitors 0-0:16.1.11..18.255, block actions 101..108). */
export const ECS01A_BLOCK_TARIFFS = 8;
/** Blocks per block tariff (price letters A..D). */
export const ECS01A_BLOCKS = 4;
/** TOU rates (script selectors and price indexes 1..48). */
export const ECS01A_TOU_RATES = 48;
/** Script selector of block tariff 1 (101..108). */
export const ECS01A_BLOCK_ACTION_BASE = 100;

/** The tariff elements, each with its own activation date-time, in command order. */
export const ECS01A_ELEMENTS = ['switchingTable', 'specialDays', 'currencyUnits', 'standingCharge', 'priceMatrix', 'thresholdMatrix'] as const;
export type Ecs01aElement = (typeof ECS01A_ELEMENTS)[number];

/** The attribute holding each element's activation date-time (the 8F66 alert names it when the element activates). */
export const ECS01A_ACTIVATION_ATTRIBUTE: Readonly<Record<Ecs01aElement, CosemAttributeDescriptor>> = {
  switchingTable: { ...ACTIVITY_CALENDAR, attributeId: 10 },
  specialDays: { classId: 9000, instanceId: '0-0:94.44.128.29', attributeId: 6 },
  currencyUnits: { ...CURRENCY_UNITS, attributeId: 6 },
  standingCharge: { ...STANDING_CHARGE, attributeId: 7 },
  priceMatrix: { ...PRICE_MATRIX, attributeId: 7 },
  thresholdMatrix: { classId: 9000, instanceId: '0-0:63.1.1.255', attributeId: 6 },
};

const thresholdMonitor = (k: number): CosemAttributeDescriptor => ({ classId: 21, instanceId: `0-0:16.1.${10 + k}.255`, attributeId: 2 });

/** Names of the 21 set specifications, in command order (the response's results carry them). */
export const ECS01A_SETS = [
  'seasonProfile',
  'weekProfileTable',
  'dayProfileTable',
  'specialDays',
  'blockThresholds1',
  'blockThresholds2',
  'blockThresholds3',
  'blockThresholds4',
  'blockThresholds5',
  'blockThresholds6',
  'blockThresholds7',
  'blockThresholds8',
  'currencyUnits',
  'standingCharge',
  'priceMatrix',
  'switchingTableActivation',
  'specialDaysActivation',
  'currencyUnitsActivation',
  'standingChargeActivation',
  'priceMatrixActivation',
  'thresholdMatrixActivation',
] as const;
export type Ecs01aSet = (typeof ECS01A_SETS)[number];

/** The attribute each set specification writes, in command order. */
export const ECS01A_TARGETS: readonly CosemAttributeDescriptor[] = [
  { ...ACTIVITY_CALENDAR, attributeId: 7 },
  { ...ACTIVITY_CALENDAR, attributeId: 8 },
  { ...ACTIVITY_CALENDAR, attributeId: 9 },
  { classId: 11, instanceId: '0-1:11.0.0.255', attributeId: 2 },
  ...Array.from({ length: ECS01A_BLOCK_TARIFFS }, (_, i) => thresholdMonitor(i + 1)),
  { ...CURRENCY_UNITS, attributeId: 4 },
  { ...STANDING_CHARGE, attributeId: 6 },
  { ...PRICE_MATRIX, attributeId: 6 },
  ...ECS01A_ELEMENTS.map((e) => ECS01A_ACTIVATION_ATTRIBUTE[e]),
];

const SPECS: readonly AccessRequestSpec[] = ECS01A_TARGETS.map((t) => ({ kind: 'set', ...t }));
const KINDS: readonly AccessResponseSpec['kind'][] = SPECS.map(() => 'set');

/** Tariffication script table every day-profile action runs (RTDS) [I]. */
const SCRIPT_TABLE = Axdr.octetString(obisToBytes('0-0:10.0.100.255'));
/** Commodity of the standing charge: none (class 0, 0-0:0.0.0.0, attribute 0) [I]. */
const NO_COMMODITY = Axdr.structure(Axdr.longUnsigned(0), Axdr.octetString(new Uint8Array(6)), Axdr.integer(0));
/** Commodity of the price matrix: active energy import, register 1-0:1.8.0.255 value [I]. */
const ACTIVE_IMPORT = Axdr.structure(Axdr.longUnsigned(3), Axdr.octetString(obisToBytes('1-0:1.8.0.255')), Axdr.integer(2));

/** Price index bytes of the price matrix, in order: 48 TOU rates, then A1..A8, B1..B8, C1..C8, D1..D8. */
const PRICE_INDEXES: readonly number[] = [
  ...Array.from({ length: ECS01A_TOU_RATES }, (_, i) => i + 1),
  ...Array.from({ length: ECS01A_BLOCKS * ECS01A_BLOCK_TARIFFS }, (_, i) => (0xa + Math.floor(i / ECS01A_BLOCK_TARIFFS)) * 16 + (i % ECS01A_BLOCK_TARIFFS) + 1),
];

export interface Ecs01aSeason {
  /** Season name (octet string, read as latin1 text: RTDS "winter"). */
  readonly name: string;
  readonly start: CosemDateTime;
  /** The week profile it uses (a one-byte week name). */
  readonly weekName: number;
}

export interface Ecs01aWeekProfile {
  /** One-byte week name. */
  readonly name: number;
  /** Day profile ids, Monday first (7). */
  readonly dayIds: readonly number[];
}

export interface Ecs01aDayAction {
  readonly startTime: CosemTime;
  /** 1..48 TOU rate, 101..108 block tariff 1..8. */
  readonly scriptSelector: number;
}

export interface Ecs01aDayProfile {
  readonly dayId: number;
  readonly actions: readonly Ecs01aDayAction[];
}

export interface Ecs01aSpecialDay {
  readonly index: number;
  readonly date: CosemDate;
  readonly dayId: number;
}

export interface Ecs01aStandingCharge {
  readonly commodityScale: number;
  /** Power of ten of the value (DUIS StandingChargeScale). */
  readonly priceScale: number;
  readonly value: number;
}

export interface Ecs01aPriceMatrix {
  readonly commodityScale: number;
  /** Power of ten of the prices (DUIS PriceScale). */
  readonly priceScale: number;
  /** TOU rate 1..48 prices (48). */
  readonly touPrices: readonly number[];
  /** blockPrices[k][j]: block j+1 of block tariff k+1 (8 × 4). */
  readonly blockPrices: readonly (readonly number[])[];
}

/** When a tariff element takes effect. */
export type TariffActivation =
  | { readonly kind: 'immediate' }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'at'; readonly dateTime: CosemDateTime };

export interface Ecs01aCommand {
  readonly seasons: readonly Ecs01aSeason[];
  readonly weekProfiles: readonly Ecs01aWeekProfile[];
  readonly dayProfiles: readonly Ecs01aDayProfile[];
  readonly specialDays: readonly Ecs01aSpecialDay[];
  /** blockThresholds[k]: thresholds of block tariff k+1 (8 lists). */
  readonly blockThresholds: readonly (readonly number[])[];
  readonly currencyUnits: 'GBP' | 'EUR';
  readonly standingCharge: Ecs01aStandingCharge;
  readonly priceMatrix: Ecs01aPriceMatrix;
  readonly activation: Readonly<Record<Ecs01aElement, TariffActivation>>;
}

export interface Ecs01aResponse {
  readonly results: Readonly<Record<Ecs01aSet, DataAccessResult>>;
}

const IMMEDIATE: CosemDateTime = { year: 0, month: 0, dayOfMonth: 0, dayOfWeek: 0, hour: 0, minute: 0, second: 0, hundredths: 0, deviation: null, clockStatus: null };
const NOT_SPECIFIED: CosemDateTime = { year: null, month: null, dayOfMonth: null, dayOfWeek: null, hour: null, minute: null, second: null, hundredths: null, deviation: null, clockStatus: null };

const sameDateTime = (a: CosemDateTime, b: CosemDateTime): boolean => bytesToHex(encodeCosemDateTime(a)) === bytesToHex(encodeCosemDateTime(b));

/** The activation a date-time stands for. */
export function tariffActivationOf(dateTime: CosemDateTime): TariffActivation {
  if (sameDateTime(dateTime, IMMEDIATE)) return { kind: 'immediate' };
  if (sameDateTime(dateTime, NOT_SPECIFIED)) return { kind: 'cancel' };
  return { kind: 'at', dateTime };
}

/** The date-time an activation is written as. */
export function tariffActivationDateTime(a: TariffActivation): CosemDateTime {
  return a.kind === 'immediate' ? IMMEDIATE : a.kind === 'cancel' ? NOT_SPECIFIED : a.dateTime;
}

function byte(value: number, field: string): AxdrData {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new PayloadEncodeError(field, '0..255', String(value));
  return Axdr.octetString(Uint8Array.of(value));
}

function readByte(d: AxdrData, field: string): number {
  return expectOctetString(d, field, 1)[0] as number;
}

function latin1(text: string, field: string): Uint8Array {
  const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
  if ([...text].some((c) => c.charCodeAt(0) > 0xff)) throw new PayloadEncodeError(field, 'latin1 text', JSON.stringify(text));
  return bytes;
}

function exactly<T>(list: readonly T[], n: number, field: string): readonly T[] {
  if (list.length !== n) throw new PayloadEncodeError(field, `${n} entries`, String(list.length));
  return list;
}

function chargeScaling(commodityScale: number, priceScale: number): AxdrData {
  return Axdr.structure(Axdr.integer(commodityScale), Axdr.integer(priceScale));
}

function price(index: Uint8Array, value: number): AxdrData {
  return Axdr.structure(Axdr.octetString(index), Axdr.long(value));
}

/** The Data of the 21 set specifications, in command order (the emulated ESME writes these). */
export function ecs01aSetData(c: Ecs01aCommand): AxdrData[] {
  const f = 'ECS01a command';
  const thresholds = exactly(c.blockThresholds, ECS01A_BLOCK_TARIFFS, `${f}.blockThresholds`);
  const touPrices = exactly(c.priceMatrix.touPrices, ECS01A_TOU_RATES, `${f}.priceMatrix.touPrices`);
  const blockPrices = exactly(c.priceMatrix.blockPrices, ECS01A_BLOCK_TARIFFS, `${f}.priceMatrix.blockPrices`).map((b, k) =>
    exactly(b, ECS01A_BLOCKS, `${f}.priceMatrix.blockPrices[${k}]`),
  );
  const matrix = [...touPrices, ...Array.from({ length: ECS01A_BLOCKS * ECS01A_BLOCK_TARIFFS }, (_, i) => blockPrices[i % ECS01A_BLOCK_TARIFFS]?.[Math.floor(i / ECS01A_BLOCK_TARIFFS)] as number)];
  return [
    Axdr.array(
      ...c.seasons.map((s, i) =>
        Axdr.structure(Axdr.octetString(latin1(s.name, `${f}.seasons[${i}].name`)), Axdr.octetString(encodeCosemDateTime(s.start, `${f}.seasons[${i}].start`)), byte(s.weekName, `${f}.seasons[${i}].weekName`)),
      ),
    ),
    Axdr.array(
      ...c.weekProfiles.map((w, i) =>
        Axdr.structure(byte(w.name, `${f}.weekProfiles[${i}].name`), ...exactly(w.dayIds, 7, `${f}.weekProfiles[${i}].dayIds`).map((d) => Axdr.unsigned(d))),
      ),
    ),
    Axdr.array(
      ...c.dayProfiles.map((d, i) =>
        Axdr.structure(
          Axdr.unsigned(d.dayId),
          Axdr.array(...d.actions.map((a, j) => Axdr.structure(timeOctetString(a.startTime, `${f}.dayProfiles[${i}].actions[${j}].startTime`), SCRIPT_TABLE, Axdr.longUnsigned(a.scriptSelector)))),
        ),
      ),
    ),
    Axdr.array(...c.specialDays.map((s, i) => Axdr.structure(Axdr.longUnsigned(s.index), dateOctetString(s.date, `${f}.specialDays[${i}].date`), Axdr.unsigned(s.dayId)))),
    ...thresholds.map((t) => Axdr.array(...t.map((v) => Axdr.doubleLongUnsigned(v)))),
    Axdr.boolean(c.currencyUnits === 'GBP'),
    Axdr.structure(
      chargeScaling(c.standingCharge.commodityScale, c.standingCharge.priceScale),
      NO_COMMODITY,
      Axdr.array(price(new Uint8Array(0), c.standingCharge.value)),
    ),
    Axdr.structure(
      chargeScaling(c.priceMatrix.commodityScale, c.priceMatrix.priceScale),
      ACTIVE_IMPORT,
      Axdr.array(...matrix.map((v, i) => price(Uint8Array.of(PRICE_INDEXES[i] as number), v))),
    ),
    ...ECS01A_ELEMENTS.map((e) => Axdr.octetString(encodeCosemDateTime(tariffActivationDateTime(c.activation[e]), `${f}.activation.${e}`))),
  ];
}

function readScaling(d: AxdrData, field: string): { commodityScale: number; priceScale: number } {
  const s = expectStructure(d, field, 2);
  return { commodityScale: expectNumber(item(s, 0), 'integer', `${field}.commodity-scale`), priceScale: expectNumber(item(s, 1), 'integer', `${field}.price-scale`) };
}

function readCharge(d: AxdrData, field: string, commodity: AxdrData, what: string): { scaling: { commodityScale: number; priceScale: number }; prices: readonly AxdrData[] } {
  const s = expectStructure(d, field, 3);
  const scaling = readScaling(item(s, 0), `${field}.charge-per-unit-scaling`);
  expectConstant(item(s, 1), commodity, `${field}.commodity`, what);
  return { scaling, prices: expectArray(item(s, 2), `${field}.charge-prices`) };
}

function readPrice(d: AxdrData, field: string, index: Uint8Array): number {
  const s = expectStructure(d, field, 2);
  expectConstant(item(s, 0), Axdr.octetString(index), `${field}.index`);
  return expectNumber(item(s, 1), 'long', `${field}.charge-price`);
}

function decodeData(data: readonly AxdrData[]): Ecs01aCommand {
  const at = (i: number) => `access-request.data[${i}]`;
  const seasons = expectArray(item(data, 0), `${at(0)}.season-profile`).map((d, i): Ecs01aSeason => {
    const s = expectStructure(d, `${at(0)}[${i}]`, 3);
    return {
      name: String.fromCharCode(...expectOctetString(item(s, 0), `${at(0)}[${i}].season-profile-name`)),
      start: expectDateTimeOctetString(item(s, 1), `${at(0)}[${i}].season-start`),
      weekName: readByte(item(s, 2), `${at(0)}[${i}].week-name`),
    };
  });
  const weekProfiles = expectArray(item(data, 1), `${at(1)}.week-profile-table`).map((d, i): Ecs01aWeekProfile => {
    const s = expectStructure(d, `${at(1)}[${i}]`, 8);
    return { name: readByte(item(s, 0), `${at(1)}[${i}].week-profile-name`), dayIds: s.slice(1).map((x, j) => expectNumber(x, 'unsigned', `${at(1)}[${i}].day[${j + 1}]`)) };
  });
  const dayProfiles = expectArray(item(data, 2), `${at(2)}.day-profile-table`).map((d, i): Ecs01aDayProfile => {
    const s = expectStructure(d, `${at(2)}[${i}]`, 2);
    const actions = expectArray(item(s, 1), `${at(2)}[${i}].day-schedule`).map((a, j): Ecs01aDayAction => {
      const field = `${at(2)}[${i}].day-schedule[${j}]`;
      const action = expectStructure(a, field, 3);
      expectConstant(item(action, 1), SCRIPT_TABLE, `${field}.script-logical-name`, 'the tariffication script table 0-0:10.0.100.255');
      return { startTime: expectTimeOctetString(item(action, 0), `${field}.start-time`), scriptSelector: expectNumber(item(action, 2), 'long-unsigned', `${field}.script-selector`) };
    });
    return { dayId: expectNumber(item(s, 0), 'unsigned', `${at(2)}[${i}].day-id`), actions };
  });
  const specialDays = expectArray(item(data, 3), `${at(3)}.special-days`).map((d, i): Ecs01aSpecialDay => {
    const s = expectStructure(d, `${at(3)}[${i}]`, 3);
    return {
      index: expectNumber(item(s, 0), 'long-unsigned', `${at(3)}[${i}].index`),
      date: expectDateOctetString(item(s, 1), `${at(3)}[${i}].specialday-date`),
      dayId: expectNumber(item(s, 2), 'unsigned', `${at(3)}[${i}].day-id`),
    };
  });
  const blockThresholds = Array.from({ length: ECS01A_BLOCK_TARIFFS }, (_, k) =>
    expectArray(item(data, 4 + k), `${at(4 + k)}.thresholds`).map((d, j) => expectNumber(d, 'double-long-unsigned', `${at(4 + k)}.thresholds[${j}]`)),
  );
  const currencyUnits = expectBoolean(item(data, 12), `${at(12)}.currency-units`) ? 'GBP' : 'EUR';

  const standing = readCharge(item(data, 13), `${at(13)}.standing-charge`, NO_COMMODITY, 'no commodity (class 0, 0-0:0.0.0.0, attribute 0)');
  if (standing.prices.length !== 1) {
    throw new PayloadDecodeError(axdrOffset(item(data, 13)) ?? 0, `${at(13)}.standing-charge.charge-prices`, 'one price', String(standing.prices.length));
  }
  const standingCharge = { ...standing.scaling, value: readPrice(item(standing.prices, 0), `${at(13)}.standing-charge.charge-prices[0]`, new Uint8Array(0)) };

  const matrix = readCharge(item(data, 14), `${at(14)}.price-matrix`, ACTIVE_IMPORT, 'active energy import (class 3, 1-0:1.8.0.255, attribute 2)');
  if (matrix.prices.length !== PRICE_INDEXES.length) {
    throw new PayloadDecodeError(axdrOffset(item(data, 14)) ?? 0, `${at(14)}.price-matrix.charge-prices`, `${PRICE_INDEXES.length} prices (48 TOU, 32 block)`, String(matrix.prices.length));
  }
  const prices = matrix.prices.map((d, i) => readPrice(d, `${at(14)}.price-matrix.charge-prices[${i}]`, Uint8Array.of(PRICE_INDEXES[i] as number)));
  const priceMatrix: Ecs01aPriceMatrix = {
    ...matrix.scaling,
    touPrices: prices.slice(0, ECS01A_TOU_RATES),
    blockPrices: Array.from({ length: ECS01A_BLOCK_TARIFFS }, (_, k) => Array.from({ length: ECS01A_BLOCKS }, (_, j) => prices[ECS01A_TOU_RATES + j * ECS01A_BLOCK_TARIFFS + k] as number)),
  };
  const activation = Object.fromEntries(
    ECS01A_ELEMENTS.map((e, i) => [e, tariffActivationOf(expectDateTimeOctetString(item(data, 15 + i), `${at(15 + i)}.${e}-activation`))]),
  ) as Record<Ecs01aElement, TariffActivation>;
  return { seasons, weekProfiles, dayProfiles, specialDays, blockThresholds, currencyUnits, standingCharge, priceMatrix, activation };
}

export const ecs01a: UseCaseCodec<Ecs01aCommand, Ecs01aResponse> = {
  kind: 'command-response',
  name: 'ECS01a',
  messageCode: 0x0019,
  srv: '1.1.1',
  title: 'Set Tariff and Price on ESME',
  payloadKind: 'dlms',

  encodeCommand(fields, ctx) {
    return encodeFixedRequest(ctx, SPECS, ecs01aSetData(fields));
  },

  decodeCommand(payload, ctx) {
    return decodeData(decodeFixedRequest(payload, ctx, SPECS, 'ECS01a'));
  },

  encodeResponse(fields, ctx) {
    return encodeFixedResponse(
      ctx,
      SPECS.map(() => Axdr.nullData()),
      ECS01A_SETS.map((name) => ({ kind: 'set', result: fields.results[name] }) as AccessResponseSpec),
    );
  },

  decodeResponse(payload, ctx) {
    const { data, specs } = decodeFixedResponse(payload, ctx, KINDS, 'ECS01a');
    data.forEach((d, i) => expectNull(d, `access-response.data[${i}]`));
    const results = Object.fromEntries(ECS01A_SETS.map((name, i) => [name, (specs[i] as AccessResponseSpec & { result: DataAccessResult }).result]));
    return { results: results as Record<Ecs01aSet, DataAccessResult> };
  },
};
