// SPDX-License-Identifier: GPL-3.0-or-later
/** Hex helpers shared by the payload codecs, their tests and describe-payload. */
import type { Eui64 } from '../frame-types.ts';
import { PayloadEncodeError } from './payload-errors.ts';

/** Upper-case hex, no separators. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex').toUpperCase();
}

/** Parses hex; whitespace, '-' and ':' separators are ignored. Throws on anything else. */
export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/[\s:-]/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) {
    throw new PayloadEncodeError('hex text', 'an even number of hex digits', JSON.stringify(text.slice(0, 40)));
  }
  return new Uint8Array(Buffer.from(clean, 'hex'));
}

/** The 8 bytes of an EUI-64 given as 16 hex digits (separators tolerated). */
export function euiToBytes(eui: Eui64, field = 'EUI-64'): Uint8Array {
  const clean = eui.replace(/[\s:-]/g, '');
  if (!/^[0-9a-fA-F]{16}$/.test(clean)) {
    throw new PayloadEncodeError(field, 'an EUI-64 of 16 hex digits', JSON.stringify(eui));
  }
  return fromHex(clean);
}

/** An EUI-64 from its 8 bytes, as 16 upper-case hex digits. */
export function bytesToEui(bytes: Uint8Array): Eui64 {
  return toHex(bytes);
}

/** Normalises an EUI-64 to 16 upper-case hex digits (for comparisons). */
export function normaliseEui(eui: Eui64): Eui64 {
  return toHex(euiToBytes(eui));
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
