// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * COSEM time (DLMS Blue Book, 4 bytes): hour, minute, second, hundredths; 0xFF = not specified
 * (`null`). GBCS carries it inside octet-strings: the start times of a tariff's day profile
 * actions (RTDS ECS01a: 07 00 00 00 = 07:00:00.00).
 */
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { Axdr, axdrOffset, type AxdrData } from './axdr-data.ts';
import { expectOctetString } from './axdr-match.ts';

export interface CosemTime {
  readonly hour: number | null;
  readonly minute: number | null;
  readonly second: number | null;
  readonly hundredths: number | null;
}

export const COSEM_TIME_LENGTH = 4;

const PARTS = ['hour', 'minute', 'second', 'hundredths'] as const;

export function readCosemTime(r: PayloadReader, field: string): CosemTime {
  const [hour, minute, second, hundredths] = PARTS.map((p) => {
    const v = r.u8(`${field}.${p}`);
    return v === 0xff ? null : v;
  }) as [number | null, number | null, number | null, number | null];
  return { hour, minute, second, hundredths };
}

export function encodeCosemTime(t: CosemTime, field = 'time'): Uint8Array {
  const w = new PayloadWriter();
  for (const p of PARTS) {
    const v = t[p];
    if (v !== null && (!Number.isInteger(v) || v < 0 || v > 0xfe)) throw new PayloadEncodeError(`${field}.${p}`, '0..254 or null', String(v));
    w.u8(v ?? 0xff, `${field}.${p}`);
  }
  return w.toBytes();
}

/** An octet-string holding a 4-byte COSEM time. */
export function expectTimeOctetString(d: AxdrData, field: string): CosemTime {
  const bytes = expectOctetString(d, field, COSEM_TIME_LENGTH);
  return readCosemTime(new PayloadReader(bytes, (axdrOffset(d) ?? 0) + 2), field);
}

/** The octet-string carrying a COSEM time. */
export function timeOctetString(t: CosemTime, field = 'time'): AxdrData {
  return Axdr.octetString(encodeCosemTime(t, field));
}

/** Seconds after midnight of a fully specified time (hundredths ignored); null when a part is not specified. */
export function cosemTimeSeconds(t: CosemTime): number | null {
  return t.hour === null || t.minute === null || t.second === null ? null : t.hour * 3600 + t.minute * 60 + t.second;
}
