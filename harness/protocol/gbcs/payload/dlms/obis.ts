// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * OBIS codes (COSEM logical names): six value groups A-B:C.D.E.F, each 0..255, carried on the
 * wire as 6 bytes (COSEM instance id / logical name octet-string).
 */
import type { PayloadReader } from '../payload-reader.ts';
import { PayloadEncodeError } from '../payload-errors.ts';

/** Text form "A-B:C.D.E.F", e.g. "0-0:43.2.8.255". */
export type ObisCode = `${number}-${number}:${number}.${number}.${number}.${number}`;

const OBIS_RE = /^(\d{1,3})-(\d{1,3}):(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function formatObis(bytes: Uint8Array): ObisCode {
  if (bytes.length !== 6) throw new PayloadEncodeError('OBIS code', '6 bytes', `${bytes.length}`);
  const [a, b, c, d, e, f] = bytes as unknown as [number, number, number, number, number, number];
  return `${a}-${b}:${c}.${d}.${e}.${f}`;
}

/** Validates and returns an OBIS code in canonical text form; throws PayloadEncodeError. */
export function parseObis(text: string, field = 'OBIS code'): ObisCode {
  return formatObis(obisToBytes(text, field));
}

export function isObisCode(text: string): text is ObisCode {
  const m = OBIS_RE.exec(text);
  return m !== null && m.slice(1).every((g) => Number(g) <= 255);
}

export function obisToBytes(text: string, field = 'OBIS code'): Uint8Array {
  const m = OBIS_RE.exec(text);
  const groups = m?.slice(1).map(Number);
  if (!groups || groups.some((g) => g > 255)) {
    throw new PayloadEncodeError(field, 'an OBIS code "A-B:C.D.E.F" with groups 0..255', JSON.stringify(text));
  }
  return Uint8Array.from(groups);
}

export function readObis(r: PayloadReader, field: string): ObisCode {
  return formatObis(r.bytes(6, field));
}
