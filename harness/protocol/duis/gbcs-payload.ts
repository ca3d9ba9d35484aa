// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * How DUIS carries GBCS bytes: the `GBCSPayload` element holds the whole GBCS frame (e.g.
 * `DD 00 ...` for a MACed response, `DF 09 ...` for an unwrapped signed one) as standard base64
 * (RFC 4648 §4, with padding). DCC Boxed's signer may break the text with line breaks (`&#13;`),
 * so whitespace is ignored when decoding.
 */
import { DuisError, quoteFound } from './duis-error.ts';

export function encodeGbcsPayload(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Decodes a GBCSPayload strictly: anything but base64 is a DuisError (bad-payload). */
export function decodeGbcsPayload(text: string, element = 'GBCSPayload'): Uint8Array {
  const compact = text.replace(/[ \t\r\n]+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    throw new DuisError({
      reason: 'bad-payload',
      element,
      expected: 'non-empty base64 (A-Z a-z 0-9 + /, padded with = to a multiple of 4 characters)',
      found: quoteFound(text),
    });
  }
  return new Uint8Array(Buffer.from(compact, 'base64'));
}
