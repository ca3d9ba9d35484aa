// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ZigBee Date (ZCL data type 0xE1, 4 bytes): year − 1900, month, day of month, day of week
 * (1 Monday .. 7 Sunday); 0xFF = not specified (`null`), the year given in full here. GBCS gas
 * tariffs carry it for season starts and special days (RTDS GCS01a: FF 03 14 FF = every 20
 * March, 73 01 01 FF = 2015-01-01).
 */
import type { PayloadReader } from '../payload-reader.ts';
import type { PayloadWriter } from '../payload-writer.ts';
import { PayloadEncodeError } from '../payload-errors.ts';

export interface ZclDate {
  /** Full year 1900..2154; null = every year. */
  readonly year: number | null;
  readonly month: number | null;
  readonly dayOfMonth: number | null;
  readonly dayOfWeek: number | null;
}

const YEAR_BASE = 1900;

export function readZclDate(r: PayloadReader, field: string): ZclDate {
  const part = (name: string): number | null => {
    const v = r.u8(`${field}.${name}`);
    return v === 0xff ? null : v;
  };
  const year = part('year');
  return { year: year === null ? null : YEAR_BASE + year, month: part('month'), dayOfMonth: part('day-of-month'), dayOfWeek: part('day-of-week') };
}

export function writeZclDate(w: PayloadWriter, d: ZclDate, field: string): void {
  if (d.year !== null && (!Number.isInteger(d.year) || d.year < YEAR_BASE || d.year > YEAR_BASE + 0xfe)) {
    throw new PayloadEncodeError(`${field}.year`, `${YEAR_BASE}..${YEAR_BASE + 0xfe} or null`, String(d.year));
  }
  w.u8(d.year === null ? 0xff : d.year - YEAR_BASE, `${field}.year`);
  for (const [name, v] of [['month', d.month], ['day-of-month', d.dayOfMonth], ['day-of-week', d.dayOfWeek]] as const) {
    if (v !== null && (!Number.isInteger(v) || v < 0 || v > 0xfe)) throw new PayloadEncodeError(`${field}.${name}`, '0..254 or null', String(v));
    w.u8(v ?? 0xff, `${field}.${name}`);
  }
}
