// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * AES-128-GCM as GBCS uses it (GBCS §4.3.3): 12-byte IV, tags truncated to 12 bytes. Both the
 * MAC wrapper (GMAC: empty plaintext) and inner payload encryption are built on these two calls.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { GbcsCryptoError } from '../errors.ts';

export const GCM_KEY_LENGTH = 16;
export const GCM_IV_LENGTH = 12;
/** GBCS tag length (MACs and inner encryption). */
export const GBCS_TAG_LENGTH = 12;

export interface GcmSealed {
  readonly ciphertext: Uint8Array;
  readonly tag: Uint8Array;
}

function checkKeyAndIv(operation: string, key: Uint8Array, iv: Uint8Array): void {
  if (key.length !== GCM_KEY_LENGTH) throw new GbcsCryptoError(operation, `AES-128 key must be ${GCM_KEY_LENGTH} bytes, got ${key.length}`);
  if (iv.length !== GCM_IV_LENGTH) throw new GbcsCryptoError(operation, `GCM IV must be ${GCM_IV_LENGTH} bytes, got ${iv.length}`);
}

/** Encrypts and authenticates; `tagLength` 4..16 (GBCS: 12). */
export function gcmSeal(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array, tagLength = GBCS_TAG_LENGTH): GcmSealed {
  checkKeyAndIv('AES-GCM seal', key, iv);
  const cipher = createCipheriv('aes-128-gcm', key, iv, { authTagLength: tagLength });
  cipher.setAAD(aad);
  const body = cipher.update(plaintext);
  const last = cipher.final();
  const ciphertext = new Uint8Array(body.length + last.length);
  ciphertext.set(body, 0);
  ciphertext.set(last, body.length);
  return { ciphertext, tag: new Uint8Array(cipher.getAuthTag()) };
}

/** Decrypts and checks the tag; null when the tag does not verify. */
export function gcmOpen(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array, aad: Uint8Array): Uint8Array | null {
  checkKeyAndIv('AES-GCM open', key, iv);
  if (tag.length < 4 || tag.length > 16) throw new GbcsCryptoError('AES-GCM open', `tag must be 4..16 bytes, got ${tag.length}`);
  const decipher = createDecipheriv('aes-128-gcm', key, iv, { authTagLength: tag.length });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  const body = decipher.update(ciphertext);
  try {
    const last = decipher.final();
    const plaintext = new Uint8Array(body.length + last.length);
    plaintext.set(body, 0);
    plaintext.set(last, body.length);
    return plaintext;
  } catch {
    return null;
  }
}
