// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The grouping header's 12-byte COSEM date-time as text: "2015-01-01 00:00:00.00", unspecified
 * fields as '*', then the deviation, day of week and clock status when given, comma-separated.
 */
import { PayloadReader } from '../protocol/gbcs/payload/payload-reader.ts';
import { readCosemDateTime } from '../protocol/gbcs/payload/dlms/cosem-date-time.ts';

function two(v: number | null): string {
  return v === null ? '**' : String(v).padStart(2, '0');
}

export function dateTimeText(bytes: Uint8Array): string {
  if (bytes.length !== 12) return `${bytes.length}-byte date-time (expected 12)`;
  const dt = readCosemDateTime(new PayloadReader(bytes), 'date-time');
  const month = dt.month === 0xfd ? 'DST-end' : dt.month === 0xfe ? 'DST-begin' : two(dt.month);
  const day = dt.dayOfMonth === 0xfd ? 'second-last' : dt.dayOfMonth === 0xfe ? 'last' : two(dt.dayOfMonth);
  let text = `${dt.year === null ? '****' : String(dt.year).padStart(4, '0')}-${month}-${day} ${two(dt.hour)}:${two(dt.minute)}:${two(dt.second)}`;
  if (dt.hundredths !== null) text += `.${two(dt.hundredths)}`;
  const extras: string[] = [];
  if (dt.deviation !== null) {
    extras.push(`deviation ${dt.deviation} min`);
  }
  if (dt.dayOfWeek !== null) extras.push(`day of week ${dt.dayOfWeek}`);
  if (dt.clockStatus !== null) extras.push(`clock status 0x${dt.clockStatus.toString(16).toUpperCase().padStart(2, '0')}`);
  return [text, ...extras].join(', ');
}
