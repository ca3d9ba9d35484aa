// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The GBCS key derivation (GBCS §4.3.3.3; NIST SP 800-56A single-step KDF with SHA-256):
 *   key = first 16 bytes of SHA-256(00 00 00 01 ‖ Z ‖ OtherInfo)
 *   OtherInfo = 60 85 74 06 08 03 00 (algorithm id) ‖ originator id ‖ transaction id ‖ recipient id
 *   transaction id = 09 ‖ CRA flag ‖ 8-byte originator counter (the 10 bytes after DF in a frame)
 * The MAC uses the frame's own CRA flag; inner payload encryption uses 04 in its place.
 */
import { createHash } from 'node:crypto';
import { GbcsCryptoError } from '../errors.ts';
import { euiToBytes } from '../eui.ts';
import type { Eui64 } from '../frame-types.ts';

export const KDF_ALGORITHM_ID = Uint8Array.of(0x60, 0x85, 0x74, 0x06, 0x08, 0x03, 0x00);
const KDF_COUNTER = Uint8Array.of(0x00, 0x00, 0x00, 0x01);
/** CRA byte put into the transaction id when deriving an inner-encryption key. */
export const KDF_PURPOSE_ENCRYPTION = 4;
export const TRANSACTION_ID_LENGTH = 10;

/** 09 ‖ purpose (CRA flag 1/2/3, or 4 for encryption) ‖ counter (8 bytes, big-endian). */
export function transactionId(purpose: number, counter: bigint): Uint8Array {
  if (!Number.isInteger(purpose) || purpose < 0 || purpose > 0xff) throw new GbcsCryptoError('transaction id', `purpose byte out of range: ${purpose}`);
  if (counter < 0n || counter > 0xffff_ffff_ffff_ffffn) throw new GbcsCryptoError('transaction id', `counter out of 64-bit range: ${counter}`);
  const out = new Uint8Array(TRANSACTION_ID_LENGTH);
  out[0] = 0x09;
  out[1] = purpose;
  let rest = counter;
  for (let i = 9; i >= 2; i--) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}

/** The 16-byte AES key for one message instance. */
export function deriveMessageKey(sharedSecret: Uint8Array, originator: Eui64, transaction: Uint8Array, recipient: Eui64): Uint8Array {
  if (sharedSecret.length !== 32) throw new GbcsCryptoError('key derivation', `shared secret must be 32 bytes, got ${sharedSecret.length}`);
  if (transaction.length !== TRANSACTION_ID_LENGTH) throw new GbcsCryptoError('key derivation', `transaction id must be ${TRANSACTION_ID_LENGTH} bytes, got ${transaction.length}`);
  const digest = createHash('sha256')
    .update(KDF_COUNTER)
    .update(sharedSecret)
    .update(KDF_ALGORITHM_ID)
    .update(euiToBytes(originator))
    .update(transaction)
    .update(euiToBytes(recipient))
    .digest();
  return new Uint8Array(digest.subarray(0, 16));
}
