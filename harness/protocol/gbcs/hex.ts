// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Hex text <-> bytes, for the frame codec and the payload codecs alike. GBCS tooling (RTDS,
 * DUIS, logs) writes bytes as upper-case hex.
 */
import { HexFormatError } from './errors.ts';

const HEX_DIGIT = /^[0-9A-Fa-f]$/;

/**
 * Parses an even-length string of hex digits (either case, no separators).
 * @param source names the text in the error message (a file name, a field).
 * @throws HexFormatError naming the character position of the first problem.
 */
export function hexToBytes(hex: string, source = 'hex text'): Uint8Array {
  if (hex.length % 2 !== 0) {
    throw new HexFormatError(source, hex.length, `odd number of hex digits (${hex.length})`);
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < hex.length; i++) {
    const ch = hex[i] as string;
    if (!HEX_DIGIT.test(ch)) {
      throw new HexFormatError(source, i, `"${ch}" is not a hex digit`);
    }
  }
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  }
  return bytes;
}

/**
 * Like hexToBytes, but white space, '-' and ':' between the digits are ignored: hex as people
 * write it (`DF 09 01`, `de-ad:be-ef`).
 * @throws HexFormatError naming the character position in the text without its separators.
 */
export function spacedHexToBytes(text: string, source = 'hex text'): Uint8Array {
  return hexToBytes(text.replace(/[\s:-]/g, ''), source);
}

/** Upper-case hex, no separators. */
export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out.toUpperCase();
}

/** Byte-wise equality. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Concatenates byte arrays into a new one. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
