// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../hex.ts';
import { expectEveryPrefixRejected } from '../testing/decode-assertions.ts';
import { PayloadReader } from '../payload-reader.ts';
import {
  encodePublishCalendar,
  encodePublishDayProfile,
  encodePublishSeasons,
  encodePublishSpecialDays,
  encodePublishWeekProfile,
  readPublishCalendar,
  readPublishDayProfile,
  readPublishSeasons,
  readPublishSpecialDays,
  readPublishWeekProfile,
} from './zse-calendar.ts';

const issuer = { providerId: 0, issuerEventId: 0x1c374a80, issuerCalendarId: 0x1c374a80 };
const read = <T>(f: (r: PayloadReader) => T) => (b: Uint8Array) => f(new PayloadReader(b));

describe('ZSE Calendar cluster publish commands', () => {
  it('Publish Calendar: little-endian ids and start time, the name as an octet string', () => {
    const c = { ...issuer, startTime: 0x38818890, calendarType: 0, calendarTimeReference: 0, calendarName: new Uint8Array(0), numberOfSeasons: 1, numberOfWeekProfiles: 1, numberOfDayProfiles: 1 };
    const bytes = encodePublishCalendar(c);
    expect(bytesToHex(bytes)).toBe('00000000804A371C804A371C90888138000000010101');
    expect(readPublishCalendar(new PayloadReader(bytes))).toEqual(c);
    expectEveryPrefixRejected(bytes, read(readPublishCalendar));
  });

  it('day profiles, week profiles, seasons and special days round-trip with their entries', () => {
    const day = { ...issuer, dayId: 1, totalNumberOfScheduleEntries: 2, commandIndex: 0, totalNumberOfCommands: 1, calendarType: 0, entries: [{ startTime: 0, priceTier: 1 }, { startTime: 420, priceTier: 2 }] };
    expect(bytesToHex(encodePublishDayProfile(day)).slice(24)).toBe('0102000100000001A40102');
    expect(readPublishDayProfile(new PayloadReader(encodePublishDayProfile(day)))).toEqual(day);
    const week = { ...issuer, weekId: 2, dayIds: [3, 3, 3, 3, 3, 4, 4] };
    expect(readPublishWeekProfile(new PayloadReader(encodePublishWeekProfile(week)))).toEqual(week);
    expect(() => encodePublishWeekProfile({ ...week, dayIds: [1] })).toThrow(/7 day ids/);
    const seasons = { ...issuer, commandIndex: 0, totalNumberOfCommands: 1, entries: [{ startDate: { year: null, month: 3, dayOfMonth: 20, dayOfWeek: null }, weekId: 1 }] };
    expect(bytesToHex(encodePublishSeasons(seasons)).slice(24)).toBe('0001FF0314FF01');
    expect(readPublishSeasons(new PayloadReader(encodePublishSeasons(seasons)))).toEqual(seasons);
    const special = { ...issuer, startTime: 0, calendarType: 0, totalNumberOfSpecialDays: 1, commandIndex: 0, totalNumberOfCommands: 1, entries: [{ date: { year: 2015, month: 1, dayOfMonth: 1, dayOfWeek: null }, dayId: 2 }] };
    expect(readPublishSpecialDays(new PayloadReader(encodePublishSpecialDays(special)))).toEqual(special);
    expect(() => readPublishSeasons(new PayloadReader(encodePublishSeasons(seasons).subarray(0, 17)))).toThrow(/truncated/);
  });
});
