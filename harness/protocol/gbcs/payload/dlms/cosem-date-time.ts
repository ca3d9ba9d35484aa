// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * COSEM date-time (DLMS Blue Book, 12 bytes): year (2, BE), month, day of month, day of week,
 * hour, minute, second, hundredths, deviation (2, signed minutes, BE), clock status.
 * "Not specified" (0xFFFF year, 0xFF bytes, 0x8000 deviation) is `null` in the typed form; the
 * special month/day values 0xFD/0xFE (DST end/begin, second-last/last day) stay numbers, so every
 * 12-byte value round-trips exactly.
 *
 * GBCS uses it inside octet-strings (RTDS: 07 DF 01 01 FF 00 00 00 00 80 00 FF =
 * 2015-01-01 00:00:00.00, day of week, deviation and clock status not specified).
 */
import type { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { PayloadEncodeError } from '../payload-errors.ts';

export interface CosemDateTime {
  readonly year: number | null;
  /** 1..12, 0xFD DST end, 0xFE DST begin; null = not specified. */
  readonly month: number | null;
  /** 1..31, 0xFD second-last, 0xFE last day of month; null = not specified. */
  readonly dayOfMonth: number | null;
  /** 1 (Monday) .. 7 (Sunday); null = not specified. */
  readonly dayOfWeek: number | null;
  readonly hour: number | null;
  readonly minute: number | null;
  readonly second: number | null;
  readonly hundredths: number | null;
  /** Minutes, signed (UTC = local − deviation); null = not specified (0x8000). */
  readonly deviation: number | null;
  /** Clock status bitmap; null = not specified (0xFF). */
  readonly clockStatus: number | null;
}

export const COSEM_DATE_TIME_LENGTH = 12;

/** Every field not specified (FF…, deviation 0x8000): "no time" where GBCS needs one. */
export const COSEM_DATE_TIME_NOT_SPECIFIED: CosemDateTime = Object.freeze({
  year: null,
  month: null,
  dayOfMonth: null,
  dayOfWeek: null,
  hour: null,
  minute: null,
  second: null,
  hundredths: null,
  deviation: null,
  clockStatus: null,
});

export function readCosemDateTime(r: PayloadReader, field: string): CosemDateTime {
  const year = r.uintBe(2, `${field}.year`);
  const month = r.u8(`${field}.month`);
  const dayOfMonth = r.u8(`${field}.day-of-month`);
  const dayOfWeek = r.u8(`${field}.day-of-week`);
  const hour = r.u8(`${field}.hour`);
  const minute = r.u8(`${field}.minute`);
  const second = r.u8(`${field}.second`);
  const hundredths = r.u8(`${field}.hundredths`);
  const deviation = r.uintBe(2, `${field}.deviation`);
  const clockStatus = r.u8(`${field}.clock-status`);
  const ff = (v: number): number | null => (v === 0xff ? null : v);
  return {
    year: year === 0xffff ? null : year,
    month: ff(month),
    dayOfMonth: ff(dayOfMonth),
    dayOfWeek: ff(dayOfWeek),
    hour: ff(hour),
    minute: ff(minute),
    second: ff(second),
    hundredths: ff(hundredths),
    deviation: deviation === 0x8000 ? null : deviation >= 0x8000 ? deviation - 0x10000 : deviation,
    clockStatus: ff(clockStatus),
  };
}

export function encodeCosemDateTime(dt: CosemDateTime, field = 'date-time'): Uint8Array {
  const w = new PayloadWriter();
  const b = (v: number | null, name: string, max: number): void => {
    if (v !== null && (!Number.isInteger(v) || v < 0 || v > max)) {
      throw new PayloadEncodeError(`${field}.${name}`, `0..${max} or null`, String(v));
    }
    w.u8(v ?? 0xff, `${field}.${name}`);
  };
  if (dt.year !== null && (!Number.isInteger(dt.year) || dt.year < 0 || dt.year > 0xfffe)) {
    throw new PayloadEncodeError(`${field}.year`, '0..65534 or null', String(dt.year));
  }
  w.uintBe(dt.year ?? 0xffff, 2, `${field}.year`);
  b(dt.month, 'month', 0xfe);
  b(dt.dayOfMonth, 'day-of-month', 0xfe);
  b(dt.dayOfWeek, 'day-of-week', 0xfe);
  b(dt.hour, 'hour', 0xfe);
  b(dt.minute, 'minute', 0xfe);
  b(dt.second, 'second', 0xfe);
  b(dt.hundredths, 'hundredths', 0xfe);
  if (dt.deviation !== null && (!Number.isInteger(dt.deviation) || dt.deviation < -0x7fff || dt.deviation > 0x7fff)) {
    throw new PayloadEncodeError(`${field}.deviation`, '-32767..32767 minutes or null', String(dt.deviation));
  }
  const dev = dt.deviation === null ? 0x8000 : dt.deviation < 0 ? dt.deviation + 0x10000 : dt.deviation;
  w.uintBe(dev, 2, `${field}.deviation`);
  b(dt.clockStatus, 'clock-status', 0xfe);
  return w.toBytes();
}

export interface CosemDateTimeOptions {
  /** Include the day of week (default false: 0xFF, as RTDS does). */
  readonly withDayOfWeek?: boolean;
  /** Deviation to write (default null: 0x8000 not specified, as RTDS does). */
  readonly deviation?: number | null;
  /** Clock status to write (default null: 0xFF, as RTDS alerts do; GBCS headers also use 0x00). */
  readonly clockStatus?: number | null;
}

/** A COSEM date-time for a UTC instant (GB smart metering works in UTC). */
export function cosemDateTimeFromDate(date: Date, options: CosemDateTimeOptions = {}): CosemDateTime {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new PayloadEncodeError('date-time', 'a valid Date', String(date));
  const dow = date.getUTCDay();
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    dayOfMonth: date.getUTCDate(),
    dayOfWeek: options.withDayOfWeek ? (dow === 0 ? 7 : dow) : null,
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    hundredths: Math.floor(date.getUTCMilliseconds() / 10),
    deviation: options.deviation ?? null,
    clockStatus: options.clockStatus ?? null,
  };
}

/**
 * The UTC instant of a fully specified date-time (hundredths may be unspecified); null when a
 * date or time field is unspecified or special (a recurring date is not an instant). A missing
 * deviation is read as UTC.
 */
export function cosemDateTimeToDate(dt: CosemDateTime): Date | null {
  const { year, month, dayOfMonth, hour, minute, second } = dt;
  if (year === null || month === null || dayOfMonth === null || hour === null || minute === null || second === null) {
    return null;
  }
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const local = Date.UTC(year, month - 1, dayOfMonth, hour, minute, second, (dt.hundredths ?? 0) * 10);
  return new Date(local - (dt.deviation ?? 0) * 60_000);
}
