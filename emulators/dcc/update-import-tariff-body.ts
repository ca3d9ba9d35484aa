// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * SRV 1.1.1 Update Import Tariff (Primary Element), as the DCC reads it to build ECS01a (ESME)
 * or GCS01a (GSME) [I: the seven RTDS templates ECS01a_1.1.1_* / GCS01a_1.1.1_* against the
 * RTDS pre-commands built from them, byte for byte — see update-import-tariff-body.test.ts]:
 *
 *   <UpdateImportTariffPrimaryElement>
 *     [<ExecutionDateTime>]     absent: immediate; 3000-12-31: cancels a pending future-dated
 *                               tariff; otherwise the time the tariff takes effect
 *     <ElecTariffElements>      CurrencyUnits, SwitchingTable (DayProfiles, WeekProfiles,
 *                               Seasons), SpecialDays, ThresholdMatrix (Thresholds 1..8)
 *     | <GasTariffElements>     SwitchingTable, SpecialDays, ThresholdMatrix (BlockThreshold…)
 *     <PriceElements>           ElectricityPriceElements (StandingCharge, StandingChargeScale,
 *                               PriceScale, TOUTariff | BlockTariff | HybridTariff)
 *                               | GasPriceElements (CurrencyUnits, StandingCharge, TOUTariff | BlockTariff)
 *
 * ESME (ECS01a): TOUTariffAction n → script selector n, BlockTariffAction n → 100 + n; season
 * and special-day dates with 00:00:00 and nothing else specified; BlockPrices index k /
 * BlockPrice index j → block j of block tariff k; prices and thresholds not given are 0 / an
 * empty list [P]; every activation date-time is the ExecutionDateTime (all 00 when immediate,
 * all not specified when cancelling).
 * GSME (GCS01a): one Publish Day Profile per DayProfile (one entry at 00:00, the TOU tariff
 * action as price tier, 0 for a block tariff), Publish Week Profile per WeekProfile, Publish
 * Seasons, Publish Special Days, Publish Tariff Information (TOU: tariff type 00 and the tiers
 * priced; block: tariff type 10 and the thresholds given), Publish Block Thresholds (block
 * only: the gas ThresholdMatrix is a mock element for TOU tariffs, RTDS template note), Publish
 * Price Matrix (TOU: tiers 1.., block: block ids 0..). Constants as RTDS: provider id 0, issuer
 * tariff id 1, calendar type 0, unit of measure kWh, price trailing digit 0x50, tier block mode
 * FF, block threshold multiplier 1 / divisor 1000. Issuer event id and issuer calendar id: the
 * DCC's time in ZigBee UTC seconds [P: RTDS shows 2015-01-01T00:00:00, the RTDS "now"]; 0 for a
 * body read without the DCC's clock.
 * Start times: 0 (immediate), the ExecutionDateTime, or the cancellation values FFFFFFFE
 * (FFFFFFFF in the tariff information).
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { cosemDateTimeFromDate, type CosemDateTime } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import {
  ECS01A_BLOCK_ACTION_BASE,
  ECS01A_BLOCK_TARIFFS,
  ECS01A_BLOCKS,
  ECS01A_ELEMENTS,
  ECS01A_TOU_RATES,
  type Ecs01aCommand,
  type TariffActivation,
} from '../../harness/protocol/gbcs/payload/use-cases/ecs01a.ts';
import { GCS01A_CANCEL_START, GCS01A_CANCEL_TARIFF_START, type Gcs01aCommand } from '../../harness/protocol/gbcs/payload/use-cases/gcs01a.ts';
import type { ZclDate } from '../../harness/protocol/gbcs/payload/zcl/zcl-date.ts';
import { dateToZclUtc } from '../../harness/protocol/gbcs/payload/zcl/zcl-utc-time.ts';
import { PRICE_MATRIX_TOU } from '../../harness/protocol/gbcs/payload/zcl/zse-price.ts';
import { RequestBodyError } from './request-body-error.ts';
import type { TransformContext } from './srv-transforms.ts';

const ROOT = 'UpdateImportTariffPrimaryElement';
/** DUIS ExecutionDateTime that cancels a pending future-dated command (RTDS CANCELLATION templates) [I]. */
const CANCELLATION_DATE = '3000-12-31';
/** ISO 4217 numeric codes of the DUIS CurrencyUnits. */
const CURRENCY_CODE = { GBP: 826, EUR: 978 } as const;

type Node = XMLData[string] | undefined;

/** Reads the simplified DUIS body tree, saying which element is wrong when it is. */
class BodyReader {
  constructor(
    private readonly node: XMLData,
    readonly path: string,
  ) {}

  static root(body: XMLData): BodyReader {
    return new BodyReader({ [ROOT]: body[ROOT] } as XMLData, '').child(ROOT);
  }

  private fail(name: string, detail: string): never {
    throw new RequestBodyError('malformed', `${this.path}${this.path ? '/' : ''}${name}`, detail);
  }

  has(name: string): boolean {
    return this.node[name] !== undefined;
  }

  child(name: string): BodyReader {
    const n = this.node[name];
    if (n === undefined) this.fail(name, 'expected this element, found none');
    return new BodyReader(typeof n === 'object' && n !== null && !Array.isArray(n) ? (n as XMLData) : {}, `${this.path}${this.path ? '/' : ''}${name}`);
  }

  /** Every element called `name` (none when absent), in document order or by their `index` attribute. */
  children(name: string): BodyReader[] {
    const n: Node = this.node[name];
    const items = n === undefined ? [] : Array.isArray(n) ? n : [n];
    const readers = items.map((x, i) => new BodyReader(typeof x === 'object' && x !== null ? (x as XMLData) : { '#text': x as string }, `${this.path}/${name}[${i + 1}]`));
    return readers.some((r) => r.index() !== null) ? readers.sort((a, b) => (a.index() ?? 0) - (b.index() ?? 0)) : readers;
  }

  index(): number | null {
    const i = this.node['@_index'];
    return i === undefined ? null : Number(i);
  }

  /** This element's own text. */
  value(): string {
    const t = this.node['#text'];
    if (typeof t !== 'string' && typeof t !== 'number') this.fail('', 'expected a value, found none');
    return String(t).trim();
  }

  text(name: string): string {
    const n = this.node[name];
    const t = typeof n === 'object' && n !== null && !Array.isArray(n) ? (n as XMLData)['#text'] : n;
    if (typeof t !== 'string' && typeof t !== 'number') this.fail(name, 'expected a value, found none');
    return String(t).trim();
  }

  int(name: string, min: number, max: number): number {
    return this.checkedInt(this.text(name), name, min, max);
  }

  /** This element's own integer value. */
  intValue(min: number, max: number): number {
    return this.checkedInt(this.value(), '', min, max);
  }

  private checkedInt(t: string, name: string, min: number, max: number): number {
    const v = /^-?\d+$/.test(t) ? Number(t) : NaN;
    if (!Number.isSafeInteger(v) || v < min || v > max) this.fail(name, `expected a whole number ${min}..${max}, found ${JSON.stringify(t)}`);
    return v;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const t = this.text(name);
    if (!(allowed as readonly string[]).includes(t)) this.fail(name, `expected one of ${allowed.join(', ')}, found ${JSON.stringify(t)}`);
    return t as T;
  }
}

type Execution = { kind: 'immediate' } | { kind: 'cancel' } | { kind: 'at'; at: Date };

function execution(root: BodyReader): Execution {
  if (!root.has('ExecutionDateTime')) return { kind: 'immediate' };
  const t = root.text('ExecutionDateTime');
  if (t.startsWith(CANCELLATION_DATE)) return { kind: 'cancel' };
  const ms = Date.parse(t);
  if (!Number.isFinite(ms)) throw new RequestBodyError('malformed', `${root.path}/ExecutionDateTime`, `expected an xs:dateTime, found ${JSON.stringify(t)}`);
  return { kind: 'at', at: new Date(ms) };
}

/** A DUIS date with wildcards (Year / Month / DayOfMonth / DayOfWeek, or the Gas… forms): each part a number or null. */
function dateParts(d: BodyReader, gas: boolean): { year: number | null; month: number | null; dayOfMonth: number | null; dayOfWeek: number | null } {
  const part = (name: string, specified: string, max: number): number | null => {
    const p = d.child(gas ? `Gas${name}WithWildcards` : name);
    return p.has(specified) ? p.int(specified, 0, max) : null;
  };
  return { year: part('Year', 'SpecifiedYear', 9999), month: part('Month', 'SpecifiedMonth', 12), dayOfMonth: part('DayOfMonth', 'SpecifiedDayOfMonth', 31), dayOfWeek: part('DayOfWeek', 'SpecifiedDayOfWeek', 7) };
}

/** "HH:MM:SS.ssZ" → COSEM time. */
function startTime(r: BodyReader): { hour: number; minute: number; second: number; hundredths: number } {
  const t = r.text('StartTime');
  const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,2}))?Z?$/.exec(t);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3]) > 59) {
    throw new RequestBodyError('malformed', `${r.path}/StartTime`, `expected a time HH:MM:SS.ssZ, found ${JSON.stringify(t)}`);
  }
  return { hour: Number(m[1]), minute: Number(m[2]), second: Number(m[3]), hundredths: Number((m[4] ?? '0').padEnd(2, '0')) };
}

function midnight(date: ReturnType<typeof dateParts>): CosemDateTime {
  return { ...date, hour: 0, minute: 0, second: 0, hundredths: 0, deviation: null, clockStatus: null };
}

function weekDays(w: BodyReader): number[] {
  const days = w.children('ReferencedDayName').map((d) => d.intValue(0, 255));
  if (days.length !== 7) throw new RequestBodyError('malformed', `${w.path}/ReferencedDayName`, `expected 7 (Monday..Sunday), found ${days.length}`);
  return days;
}

/** `list[index - 1] = value` for each indexed element, the rest `fill`. */
function byIndex(items: BodyReader[], length: number, fill: number, min: number, max: number): number[] {
  const out = Array.from({ length }, () => fill);
  for (const i of items) {
    const at = i.index();
    if (at === null || at < 1 || at > length) throw new RequestBodyError('malformed', i.path, `expected an index attribute 1..${length}`);
    out[at - 1] = i.intValue(min, max);
  }
  return out;
}

const INT16 = [-32768, 32767] as const;
const UINT32_MAX = 0xffffffff;

export function ecs01aCommandFromBody(body: XMLData): Ecs01aCommand {
  const root = BodyReader.root(body);
  const exec = execution(root);
  const elec = root.child('ElecTariffElements');
  const switching = elec.child('SwitchingTable');
  const price = root.child('PriceElements').child('ElectricityPriceElements');

  const dayProfiles = switching.child('DayProfiles').children('DayProfile').map((d) => ({
    dayId: d.int('DayName', 0, 255),
    actions: d.children('ProfileSchedule').map((s) => ({
      startTime: startTime(s),
      scriptSelector: s.has('TOUTariffAction') ? s.int('TOUTariffAction', 1, ECS01A_TOU_RATES) : ECS01A_BLOCK_ACTION_BASE + s.int('BlockTariffAction', 1, ECS01A_BLOCK_TARIFFS),
    })),
  }));
  const weekProfiles = switching.child('WeekProfiles').children('WeekProfile').map((w) => ({ name: w.int('WeekName', 0, 255), dayIds: weekDays(w) }));
  const seasons = switching.child('Seasons').children('Season').map((s) => ({
    name: s.text('SeasonName'),
    start: midnight(dateParts(s.child('SeasonStartDate'), false)),
    weekName: s.int('ReferencedWeekName', 0, 255),
  }));
  const specialDays = elec.has('SpecialDays')
    ? elec.child('SpecialDays').children('SpecialDay').map((s, i) => {
        const { year, month, dayOfMonth, dayOfWeek } = dateParts(s.child('Date'), false);
        return { index: i + 1, date: { year, month, dayOfMonth, dayOfWeek }, dayId: s.int('ReferencedDayName', 0, 255) };
      })
    : [];
  const thresholdSets = elec.has('ThresholdMatrix') ? elec.child('ThresholdMatrix').children('Thresholds') : [];
  const blockThresholds = Array.from({ length: ECS01A_BLOCK_TARIFFS }, (_, k) => {
    const set = thresholdSets.find((t) => t.index() === k + 1);
    return set ? set.children('BlockThreshold').map((b) => b.intValue(0, UINT32_MAX)) : [];
  });

  const tariff = ['TOUTariff', 'BlockTariff', 'HybridTariff'].find((t) => price.has(t));
  if (!tariff) throw new RequestBodyError('malformed', `${price.path}/TOUTariff`, 'expected TOUTariff, BlockTariff or HybridTariff');
  const prices = price.child(tariff);
  const touPrices = byIndex(prices.children('TOUPrice'), ECS01A_TOU_RATES, 0, ...INT16);
  const blockPrices = Array.from({ length: ECS01A_BLOCK_TARIFFS }, (_, k) => {
    const set = prices.children('BlockPrices').find((b) => b.index() === k + 1);
    return set ? byIndex(set.children('BlockPrice'), ECS01A_BLOCKS, 0, ...INT16) : Array.from({ length: ECS01A_BLOCKS }, () => 0);
  });

  const when: TariffActivation = exec.kind === 'at' ? { kind: 'at', dateTime: cosemDateTimeFromDate(exec.at) } : exec;
  return {
    seasons,
    weekProfiles,
    dayProfiles,
    specialDays,
    blockThresholds,
    currencyUnits: elec.oneOf('CurrencyUnits', ['GBP', 'EUR']),
    standingCharge: { commodityScale: 0, priceScale: price.int('StandingChargeScale', -128, 127), value: price.int('StandingCharge', ...INT16) },
    priceMatrix: { commodityScale: 3, priceScale: price.int('PriceScale', -128, 127), touPrices, blockPrices },
    activation: Object.fromEntries(ECS01A_ELEMENTS.map((e) => [e, when])) as Ecs01aCommand['activation'],
  };
}

function zclDate(d: ReturnType<typeof dateParts>, r: BodyReader): ZclDate {
  if (d.year !== null && (d.year < 1900 || d.year > 2154)) throw new RequestBodyError('malformed', r.path, `expected a year 1900..2154, found ${d.year}`);
  return d;
}

export function gcs01aCommandFromBody(body: XMLData, context: TransformContext): Gcs01aCommand {
  const root = BodyReader.root(body);
  const exec = execution(root);
  // a body checked outside a running DCC (no clock) gets issuer event id 0
  const eventId = context.now ? dateToZclUtc(new Date(context.now())) : 0;
  const start = exec.kind === 'immediate' ? 0 : exec.kind === 'cancel' ? GCS01A_CANCEL_START : dateToZclUtc(exec.at);
  const tariffStart = exec.kind === 'cancel' ? GCS01A_CANCEL_TARIFF_START : start;
  const gas = root.child('GasTariffElements');
  const switching = gas.child('SwitchingTable');
  const price = root.child('PriceElements').child('GasPriceElements');
  const issuer = { providerId: 0, issuerEventId: eventId, issuerCalendarId: eventId };
  const schedule = { providerId: 0, issuerEventId: eventId, startTime: start, issuerTariffId: 1, commandIndex: 0, totalNumberOfCommands: 1 };

  const dayProfiles = switching.child('DayProfiles').children('DayProfile').map((d) => ({
    ...issuer,
    dayId: d.int('DayName', 0, 255),
    totalNumberOfScheduleEntries: 1,
    commandIndex: 0,
    totalNumberOfCommands: 1,
    calendarType: 0,
    entries: [{ startTime: 0, priceTier: d.has('TOUTariffAction') ? d.int('TOUTariffAction', 1, 15) : 0 }],
  }));
  const weekProfiles = switching.child('WeekProfiles').children('WeekProfile').map((w) => ({ ...issuer, weekId: w.int('WeekName', 0, 255), dayIds: weekDays(w) }));
  const seasonEntries = switching.child('Seasons').children('Season').map((s) => ({
    startDate: zclDate(dateParts(s.child('SeasonStartDate'), true), s),
    weekId: s.int('ReferencedWeekName', 0, 255),
  }));
  const specialEntries = gas.has('SpecialDays')
    ? gas.child('SpecialDays').children('SpecialDay').map((s) => ({ date: zclDate(dateParts(s.child('Date'), true), s), dayId: s.int('ReferencedDayName', 0, 255) }))
    : [];

  const block = price.has('BlockTariff');
  if (!block && !price.has('TOUTariff')) throw new RequestBodyError('malformed', `${price.path}/TOUTariff`, 'expected TOUTariff or BlockTariff');
  const thresholds = block && gas.has('ThresholdMatrix') ? gas.child('ThresholdMatrix').children('BlockThreshold').map((b) => b.intValue(0, 2 ** 48 - 1)) : [];
  const pricesOf = block ? price.child('BlockTariff').children('BlockPrice') : price.child('TOUTariff').children('TOUPrice');
  const entries = pricesOf.map((p, i) => ({ tierBlockId: block ? i : i + 1, price: p.intValue(0, UINT32_MAX) }));

  return {
    calendar: {
      ...issuer,
      startTime: start,
      calendarType: 0,
      calendarTimeReference: 0,
      calendarName: new Uint8Array(0),
      numberOfSeasons: seasonEntries.length,
      numberOfWeekProfiles: weekProfiles.length,
      numberOfDayProfiles: dayProfiles.length,
    },
    dayProfiles,
    weekProfiles,
    seasons: { ...issuer, commandIndex: 0, totalNumberOfCommands: 1, entries: seasonEntries },
    specialDays: { ...issuer, startTime: start, calendarType: 0, totalNumberOfSpecialDays: specialEntries.length, commandIndex: 0, totalNumberOfCommands: 1, entries: specialEntries },
    tariffInformation: {
      providerId: 0,
      issuerEventId: eventId,
      issuerTariffId: 1,
      startTime: tariffStart,
      tariffTypeChargingScheme: block ? 0x10 : 0x00,
      tariffLabel: new Uint8Array(0),
      numberOfPriceTiersInUse: block ? 0 : entries.length,
      numberOfBlockThresholdsInUse: thresholds.length,
      unitOfMeasure: 0,
      currency: CURRENCY_CODE[price.oneOf('CurrencyUnits', ['GBP', 'EUR'])],
      priceTrailingDigit: 0x50,
      standingCharge: price.int('StandingCharge', 0, UINT32_MAX),
      tierBlockMode: 0xff,
      blockThresholdMultiplier: 1,
      blockThresholdDivisor: 1000,
    },
    blockThresholds: block ? { ...schedule, subPayloadControl: 1, groups: [{ tier: 0, thresholds }] } : null,
    priceMatrix: { ...schedule, subPayloadControl: block ? 0 : PRICE_MATRIX_TOU, entries },
  };
}
