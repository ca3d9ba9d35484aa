// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The shape of an inner-encrypted block (DLMS protected attributes, ciphered ZCL):
 * security header 31 00 00 00 00 ‖ ciphertext ‖ 12-byte GCM tag. The payload codecs only check
 * the shape; {@link PayloadCipher} (built by the frame layer) seals and opens it.
 */
import type { PayloadReader } from './payload-reader.ts';
import { bytesToHex } from '../hex.ts';
import { PayloadDecodeError, PayloadEncodeError } from './payload-errors.ts';

export const SEALED_HEADER = Uint8Array.of(0x31, 0, 0, 0, 0);
export const SEALED_TAG_LENGTH = 12;
export const SEALED_MIN_LENGTH = SEALED_HEADER.length + SEALED_TAG_LENGTH;

/** Checks a sealed block read at payload offset `at`; returns it unchanged. */
export function checkSealedBlock(sealed: Uint8Array, at: number, field: string): Uint8Array {
  if (sealed.length < SEALED_MIN_LENGTH) {
    throw new PayloadDecodeError(at, field, `a sealed block of at least ${SEALED_MIN_LENGTH} bytes (31 00 00 00 00 ‖ ciphertext ‖ 12-byte tag)`, `${sealed.length} bytes`);
  }
  for (let i = 0; i < SEALED_HEADER.length; i++) {
    if (sealed[i] !== SEALED_HEADER[i]) {
      throw new PayloadDecodeError(at, `${field}.security-header`, '31 00 00 00 00', bytesToHex(sealed.subarray(0, 5)));
    }
  }
  return sealed;
}

/** Reads a sealed block of n bytes. */
export function readSealedBlock(r: PayloadReader, n: number, field: string): Uint8Array {
  const at = r.offset;
  return checkSealedBlock(r.bytes(n, field), at, field);
}

/** The cipher output, checked before it goes on the wire. */
export function checkSealedOutput(sealed: Uint8Array, field: string): Uint8Array {
  if (!(sealed instanceof Uint8Array) || sealed.length < SEALED_MIN_LENGTH || sealed[0] !== 0x31) {
    throw new PayloadEncodeError(field, 'PayloadCipher.seal output 31 00 00 00 00 ‖ ciphertext ‖ 12-byte tag');
  }
  return sealed;
}
