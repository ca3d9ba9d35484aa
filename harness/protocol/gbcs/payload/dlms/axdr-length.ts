// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A-XDR length / element-count encoding (BER definite form): 0..127 in one byte, otherwise
 * 0x8n followed by n big-endian bytes. The decoder accepts only the minimal form (what every
 * RTDS message uses) so that decode → encode is byte-exact; it also rejects counts larger than
 * the bytes left, which keeps garbage from allocating huge arrays.
 */
import type { PayloadReader } from '../payload-reader.ts';
import type { PayloadWriter } from '../payload-writer.ts';
import { PayloadEncodeError } from '../payload-errors.ts';

export function readAxdrLength(r: PayloadReader, field: string): number {
  const at = r.offset;
  const first = r.u8(field);
  if (first < 0x80) return first;
  const n = first & 0x7f;
  if (n === 0 || n > 4) r.fail(field, 'an A-XDR length (0x00..0x7F or 0x81..0x84 prefix)', hexByte(first), at);
  const value = r.uintBe(n, field);
  const minimal = value < 0x80 ? 0 : value < 0x100 ? 1 : value < 0x10000 ? 2 : value < 0x1000000 ? 3 : 4;
  if (minimal !== n) r.fail(field, `the minimal length encoding of ${value}`, `${n}-byte form`, at);
  return value;
}

/** Reads a length or count and checks that at least `minBytesEach` × count bytes remain. */
export function readAxdrCount(r: PayloadReader, field: string, minBytesEach = 1): number {
  const at = r.offset;
  const n = readAxdrLength(r, field);
  if (n * minBytesEach > r.remaining) {
    r.fail(field, `at most ${Math.floor(r.remaining / Math.max(minBytesEach, 1))} element(s) in the bytes left`, `${n} (payload truncated)`, at);
  }
  return n;
}

export function writeAxdrLength(w: PayloadWriter, n: number, field: string): void {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new PayloadEncodeError(field, 'a length 0..2^32-1', String(n));
  }
  if (n < 0x80) {
    w.u8(n, field);
    return;
  }
  const size = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4;
  w.u8(0x80 | size, field);
  w.uintBe(n, size, field);
}

export function hexByte(b: number): string {
  return '0x' + b.toString(16).toUpperCase().padStart(2, '0');
}
