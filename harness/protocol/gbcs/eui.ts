// SPDX-License-Identifier: GPL-3.0-or-later
/** EUI-64 identifiers (GBCS system titles / entity ids) as the 16-hex-digit `Eui64` form. */
import { GbcsEncodeError } from './errors.ts';
import type { Eui64 } from './frame-types.ts';
import { bytesToHex } from './hex.ts';

const EUI_TEXT = /^[0-9A-Fa-f]{2}(?:[-:]?[0-9A-Fa-f]{2}){7}$/;

/** True when `text` is an EUI-64 in any usual spelling: `00DB1234567890A0`, `00-DB-12-...`, `00:db:...`. */
export function isEui64(text: string): boolean {
  return EUI_TEXT.test(text);
}

/**
 * Normalises an EUI-64 to 16 upper-case hex digits without separators.
 * @throws GbcsEncodeError when `text` is not an EUI-64.
 */
export function normalizeEui(text: string): Eui64 {
  if (!EUI_TEXT.test(text)) throw new GbcsEncodeError('EUI-64', '8 bytes as 16 hex digits (separators - or : allowed)', JSON.stringify(text));
  return text.replace(/[-:]/g, '').toUpperCase();
}

/** The 8 bytes of an EUI-64. */
export function euiToBytes(eui: Eui64): Uint8Array {
  const hex = normalizeEui(eui);
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** The `Eui64` text of 8 bytes. */
export function euiFromBytes(bytes: Uint8Array): Eui64 {
  if (bytes.length !== 8) throw new GbcsEncodeError('EUI-64', '8 bytes', `${bytes.length} bytes`);
  return bytesToHex(bytes);
}

/** `00-DB-12-34-56-78-90-A0`, the spelling DUIS and the GBCS documents use. */
export function formatEuiWithDashes(eui: Eui64): string {
  return (normalizeEui(eui).match(/../g) ?? []).join('-');
}
