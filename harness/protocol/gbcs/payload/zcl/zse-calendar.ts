// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ZigBee Smart Energy Calendar cluster (0x0707): the server-to-client publish commands a GBCS
 * gas tariff (GCS01a) carries, field by field, little-endian [V: ZSE 1.4 Calendar cluster; I:
 * read off the RTDS GCS01a commands]:
 *
 * | id   | command              | fields                                                          |
 * | ---- | -------------------- | --------------------------------------------------------------- |
 * | 0x00 | Publish Calendar     | provider id, issuer event id, issuer calendar id (u32), start time (UTC u32), calendar type (enum8), calendar time reference (u8), calendar name (octet string), numbers of seasons, week profiles, day profiles (u8) |
 * | 0x01 | Publish Day Profile  | provider, issuer event, issuer calendar id, day id, total schedule entries, command index, total commands (u8), calendar type, entries {start time (u16 minutes after midnight), price tier (u8)} |
 * | 0x02 | Publish Week Profile | provider, issuer event, issuer calendar id, week id, day id of Monday..Sunday (u8 × 7) |
 * | 0x03 | Publish Seasons      | provider, issuer event, issuer calendar id, command index, total commands, entries {season start date (ZCL date), week id} |
 * | 0x04 | Publish Special Days | provider, issuer event, issuer calendar id, start time, calendar type, total special days, command index, total commands, entries {date (ZCL date), day id} |
 *
 * Start times: 0 = now; RTDS cancellations write 0xFFFFFFFE.
 */
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { readZclDate, writeZclDate, type ZclDate } from './zcl-date.ts';
import { readZclValue, writeZclValue } from './zcl-data-types.ts';

export const CALENDAR_CLUSTER_ID = 0x0707;

export const CALENDAR_COMMAND = { publishCalendar: 0x00, publishDayProfile: 0x01, publishWeekProfile: 0x02, publishSeasons: 0x03, publishSpecialDays: 0x04 } as const;

/** The head every calendar publish command starts with. */
export interface CalendarIssuer {
  readonly providerId: number;
  readonly issuerEventId: number;
  readonly issuerCalendarId: number;
}

export interface PublishCalendar extends CalendarIssuer {
  /** UTC seconds since 2000 (0 = now). */
  readonly startTime: number;
  readonly calendarType: number;
  readonly calendarTimeReference: number;
  readonly calendarName: Uint8Array;
  readonly numberOfSeasons: number;
  readonly numberOfWeekProfiles: number;
  readonly numberOfDayProfiles: number;
}

export interface DayScheduleEntry {
  /** Minutes after midnight. */
  readonly startTime: number;
  readonly priceTier: number;
}

export interface PublishDayProfile extends CalendarIssuer {
  readonly dayId: number;
  readonly totalNumberOfScheduleEntries: number;
  readonly commandIndex: number;
  readonly totalNumberOfCommands: number;
  readonly calendarType: number;
  readonly entries: readonly DayScheduleEntry[];
}

export interface PublishWeekProfile extends CalendarIssuer {
  readonly weekId: number;
  /** Day ids of Monday..Sunday (7). */
  readonly dayIds: readonly number[];
}

export interface SeasonEntry {
  readonly startDate: ZclDate;
  readonly weekId: number;
}

export interface PublishSeasons extends CalendarIssuer {
  readonly commandIndex: number;
  readonly totalNumberOfCommands: number;
  readonly entries: readonly SeasonEntry[];
}

export interface SpecialDayEntry {
  readonly date: ZclDate;
  readonly dayId: number;
}

export interface PublishSpecialDays extends CalendarIssuer {
  readonly startTime: number;
  readonly calendarType: number;
  readonly totalNumberOfSpecialDays: number;
  readonly commandIndex: number;
  readonly totalNumberOfCommands: number;
  readonly entries: readonly SpecialDayEntry[];
}

function readIssuer(r: PayloadReader, field: string): CalendarIssuer {
  return { providerId: r.uintLe(4, `${field}.provider-id`), issuerEventId: r.uintLe(4, `${field}.issuer-event-id`), issuerCalendarId: r.uintLe(4, `${field}.issuer-calendar-id`) };
}

function writeIssuer(w: PayloadWriter, c: CalendarIssuer, field: string): void {
  w.uintLe(c.providerId, 4, `${field}.provider-id`).uintLe(c.issuerEventId, 4, `${field}.issuer-event-id`).uintLe(c.issuerCalendarId, 4, `${field}.issuer-calendar-id`);
}

/** Entries until the end of the payload. */
function readEntries<T>(r: PayloadReader, read: (field: string) => T, field: string): T[] {
  const out: T[] = [];
  while (!r.atEnd) out.push(read(`${field}[${out.length}]`));
  return out;
}

export function readPublishCalendar(r: PayloadReader, field = 'publish-calendar'): PublishCalendar {
  const issuer = readIssuer(r, field);
  const startTime = r.uintLe(4, `${field}.start-time`);
  const calendarType = r.u8(`${field}.calendar-type`);
  const calendarTimeReference = r.u8(`${field}.calendar-time-reference`);
  const calendarName = readZclValue(r, 0x41, `${field}.calendar-name`).value as Uint8Array;
  const numberOfSeasons = r.u8(`${field}.number-of-seasons`);
  const numberOfWeekProfiles = r.u8(`${field}.number-of-week-profiles`);
  const numberOfDayProfiles = r.u8(`${field}.number-of-day-profiles`);
  r.expectEnd(field);
  return { ...issuer, startTime, calendarType, calendarTimeReference, calendarName, numberOfSeasons, numberOfWeekProfiles, numberOfDayProfiles };
}

export function encodePublishCalendar(c: PublishCalendar, field = 'publish-calendar'): Uint8Array {
  const w = new PayloadWriter();
  writeIssuer(w, c, field);
  w.uintLe(c.startTime, 4, `${field}.start-time`).u8(c.calendarType, `${field}.calendar-type`).u8(c.calendarTimeReference, `${field}.calendar-time-reference`);
  writeZclValue(w, { type: 'octet-string', value: c.calendarName }, `${field}.calendar-name`);
  return w
    .u8(c.numberOfSeasons, `${field}.number-of-seasons`)
    .u8(c.numberOfWeekProfiles, `${field}.number-of-week-profiles`)
    .u8(c.numberOfDayProfiles, `${field}.number-of-day-profiles`)
    .toBytes();
}

export function readPublishDayProfile(r: PayloadReader, field = 'publish-day-profile'): PublishDayProfile {
  const issuer = readIssuer(r, field);
  const dayId = r.u8(`${field}.day-id`);
  const totalNumberOfScheduleEntries = r.u8(`${field}.total-number-of-schedule-entries`);
  const commandIndex = r.u8(`${field}.command-index`);
  const totalNumberOfCommands = r.u8(`${field}.total-number-of-commands`);
  const calendarType = r.u8(`${field}.calendar-type`);
  const entries = readEntries(r, (f) => ({ startTime: r.uintLe(2, `${f}.start-time`), priceTier: r.u8(`${f}.price-tier`) }), `${field}.entry`);
  return { ...issuer, dayId, totalNumberOfScheduleEntries, commandIndex, totalNumberOfCommands, calendarType, entries };
}

export function encodePublishDayProfile(c: PublishDayProfile, field = 'publish-day-profile'): Uint8Array {
  const w = new PayloadWriter();
  writeIssuer(w, c, field);
  w.u8(c.dayId, `${field}.day-id`)
    .u8(c.totalNumberOfScheduleEntries, `${field}.total-number-of-schedule-entries`)
    .u8(c.commandIndex, `${field}.command-index`)
    .u8(c.totalNumberOfCommands, `${field}.total-number-of-commands`)
    .u8(c.calendarType, `${field}.calendar-type`);
  c.entries.forEach((e, i) => w.uintLe(e.startTime, 2, `${field}.entry[${i}].start-time`).u8(e.priceTier, `${field}.entry[${i}].price-tier`));
  return w.toBytes();
}

export function readPublishWeekProfile(r: PayloadReader, field = 'publish-week-profile'): PublishWeekProfile {
  const issuer = readIssuer(r, field);
  const weekId = r.u8(`${field}.week-id`);
  const dayIds = Array.from({ length: 7 }, (_, i) => r.u8(`${field}.day-id-ref[${i}]`));
  r.expectEnd(field);
  return { ...issuer, weekId, dayIds };
}

export function encodePublishWeekProfile(c: PublishWeekProfile, field = 'publish-week-profile'): Uint8Array {
  const w = new PayloadWriter();
  writeIssuer(w, c, field);
  w.u8(c.weekId, `${field}.week-id`);
  if (c.dayIds.length !== 7) throw new PayloadEncodeError(`${field}.day-id-refs`, '7 day ids (Monday..Sunday)', String(c.dayIds.length));
  c.dayIds.forEach((d, i) => w.u8(d, `${field}.day-id-ref[${i}]`));
  return w.toBytes();
}

export function readPublishSeasons(r: PayloadReader, field = 'publish-seasons'): PublishSeasons {
  const issuer = readIssuer(r, field);
  const commandIndex = r.u8(`${field}.command-index`);
  const totalNumberOfCommands = r.u8(`${field}.total-number-of-commands`);
  const entries = readEntries(r, (f) => ({ startDate: readZclDate(r, `${f}.season-start-date`), weekId: r.u8(`${f}.week-id-ref`) }), `${field}.entry`);
  return { ...issuer, commandIndex, totalNumberOfCommands, entries };
}

export function encodePublishSeasons(c: PublishSeasons, field = 'publish-seasons'): Uint8Array {
  const w = new PayloadWriter();
  writeIssuer(w, c, field);
  w.u8(c.commandIndex, `${field}.command-index`).u8(c.totalNumberOfCommands, `${field}.total-number-of-commands`);
  c.entries.forEach((e, i) => {
    writeZclDate(w, e.startDate, `${field}.entry[${i}].season-start-date`);
    w.u8(e.weekId, `${field}.entry[${i}].week-id-ref`);
  });
  return w.toBytes();
}

export function readPublishSpecialDays(r: PayloadReader, field = 'publish-special-days'): PublishSpecialDays {
  const issuer = readIssuer(r, field);
  const startTime = r.uintLe(4, `${field}.start-time`);
  const calendarType = r.u8(`${field}.calendar-type`);
  const totalNumberOfSpecialDays = r.u8(`${field}.total-number-of-special-days`);
  const commandIndex = r.u8(`${field}.command-index`);
  const totalNumberOfCommands = r.u8(`${field}.total-number-of-commands`);
  const entries = readEntries(r, (f) => ({ date: readZclDate(r, `${f}.special-day-date`), dayId: r.u8(`${f}.day-id-ref`) }), `${field}.entry`);
  return { ...issuer, startTime, calendarType, totalNumberOfSpecialDays, commandIndex, totalNumberOfCommands, entries };
}

export function encodePublishSpecialDays(c: PublishSpecialDays, field = 'publish-special-days'): Uint8Array {
  const w = new PayloadWriter();
  writeIssuer(w, c, field);
  w.uintLe(c.startTime, 4, `${field}.start-time`)
    .u8(c.calendarType, `${field}.calendar-type`)
    .u8(c.totalNumberOfSpecialDays, `${field}.total-number-of-special-days`)
    .u8(c.commandIndex, `${field}.command-index`)
    .u8(c.totalNumberOfCommands, `${field}.total-number-of-commands`);
  c.entries.forEach((e, i) => {
    writeZclDate(w, e.date, `${field}.entry[${i}].special-day-date`);
    w.u8(e.dayId, `${field}.entry[${i}].day-id-ref`);
  });
  return w.toBytes();
}
