// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Typed payload fields given as text — hex octet strings, EUI-64s — or as a number that is one
 * octet, as the bytes an encoder writes. The parsing is the frame layer's (../hex.ts, ../eui.ts); what this adds is the
 * encoders' error: a {@link PayloadEncodeError} naming the field.
 */
import { HexFormatError } from '../errors.ts';
import { euiToBytes, isEui64 } from '../eui.ts';
import type { Eui64 } from '../frame-types.ts';
import { spacedHexToBytes } from '../hex.ts';
import { PayloadEncodeError } from './payload-errors.ts';

/** Hex text (white space, '-' and ':' separators ignored) as bytes. */
export function hexFieldBytes(text: string, field: string): Uint8Array {
  try {
    return spacedHexToBytes(text, field);
  } catch (error) {
    if (error instanceof HexFormatError) throw new PayloadEncodeError(field, 'an even number of hex digits', JSON.stringify(text.slice(0, 40)));
    throw error;
  }
}

/** The 8 bytes of an EUI-64 (`00DB1234567890A0`, `00-DB-12-…` or `00:db:…`). */
export function euiFieldBytes(eui: Eui64, field: string): Uint8Array {
  if (!isEui64(eui)) throw new PayloadEncodeError(field, 'an EUI-64 of 16 hex digits', JSON.stringify(eui));
  return euiToBytes(eui);
}

/** A number carried as one octet (0..255) as that byte. */
export function octetFieldBytes(value: number, field: string): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new PayloadEncodeError(field, 'an octet 0..255', String(value));
  return Uint8Array.of(value);
}

/** A SHA-256 hash (a firmware image's, CS06 / FDRA) given as hex: exactly 32 bytes. */
export function hashFieldBytes(text: string, field: string): Uint8Array {
  const bytes = hexFieldBytes(text, field);
  if (bytes.length !== 32) throw new PayloadEncodeError(field, '32 bytes (64 hex digits)', `${bytes.length} bytes`);
  return bytes;
}
