// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * COSEM date (DLMS Blue Book, 5 bytes): year (2, BE), month, day of month, day of week.
 * "Not specified" (0xFFFF year, 0xFF bytes) is `null`; the special month / day values 0xFD and
 * 0xFE (DST end / begin, second-last / last day of month) stay numbers, so every 5-byte value
 * round-trips exactly. GBCS carries it inside octet-strings: the special days of a tariff
 * (RTDS ECS01a: 07 DF 05 01 FF = 2015-05-01, FF FF 0C 19 FF = every 25 December).
 */
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { Axdr, axdrOffset, type AxdrData } from './axdr-data.ts';
import { expectOctetString } from './axdr-match.ts';

export interface CosemDate {
  readonly year: number | null;
  /** 1..12, 0xFD DST end, 0xFE DST begin; null = not specified (every month). */
  readonly month: number | null;
  /** 1..31, 0xFD second-last, 0xFE last day of month; null = not specified. */
  readonly dayOfMonth: number | null;
  /** 1 (Monday) .. 7 (Sunday); null = not specified. */
  readonly dayOfWeek: number | null;
}

export const COSEM_DATE_LENGTH = 5;

const unspecified = (v: number): number | null => (v === 0xff ? null : v);

export function readCosemDate(r: PayloadReader, field: string): CosemDate {
  const year = r.uintBe(2, `${field}.year`);
  return {
    year: year === 0xffff ? null : year,
    month: unspecified(r.u8(`${field}.month`)),
    dayOfMonth: unspecified(r.u8(`${field}.day-of-month`)),
    dayOfWeek: unspecified(r.u8(`${field}.day-of-week`)),
  };
}

export function encodeCosemDate(d: CosemDate, field = 'date'): Uint8Array {
  const w = new PayloadWriter();
  if (d.year !== null && (!Number.isInteger(d.year) || d.year < 0 || d.year > 0xfffe)) {
    throw new PayloadEncodeError(`${field}.year`, '0..65534 or null', String(d.year));
  }
  w.uintBe(d.year ?? 0xffff, 2, `${field}.year`);
  for (const [name, v] of [['month', d.month], ['day-of-month', d.dayOfMonth], ['day-of-week', d.dayOfWeek]] as const) {
    if (v !== null && (!Number.isInteger(v) || v < 0 || v > 0xfe)) throw new PayloadEncodeError(`${field}.${name}`, '0..254 or null', String(v));
    w.u8(v ?? 0xff, `${field}.${name}`);
  }
  return w.toBytes();
}

/** An octet-string holding a 5-byte COSEM date. */
export function expectDateOctetString(d: AxdrData, field: string): CosemDate {
  const bytes = expectOctetString(d, field, COSEM_DATE_LENGTH);
  return readCosemDate(new PayloadReader(bytes, (axdrOffset(d) ?? 0) + 2), field);
}

/** The octet-string carrying a COSEM date. */
export function dateOctetString(d: CosemDate, field = 'date'): AxdrData {
  return Axdr.octetString(encodeCosemDate(d, field));
}
