// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ECDH on P-256 (prime256v1) via node:crypto: Z = x-coordinate of local private × peer public.
 * Shared secrets are cached per (private, public) pair: one frame check costs one hash then.
 */
import { createECDH } from 'node:crypto';
import { GbcsCryptoError } from '../errors.ts';
import { bytesToHex } from '../hex.ts';

const CACHE_LIMIT = 4096;
const cache = new Map<string, Uint8Array>();

/** Z (32 bytes) for a 32-byte private scalar and a 65-byte uncompressed public point. */
export function ecdhSharedSecret(localPrivate: Uint8Array, peerPublic: Uint8Array): Uint8Array {
  if (localPrivate.length !== 32) throw new GbcsCryptoError('ECDH', `private key must be 32 bytes, got ${localPrivate.length}`);
  if (peerPublic.length !== 65 || peerPublic[0] !== 0x04) {
    throw new GbcsCryptoError('ECDH', `public key must be 65 bytes (04 ‖ X ‖ Y), got ${peerPublic.length} bytes`);
  }
  const cacheKey = `${bytesToHex(localPrivate)}:${bytesToHex(peerPublic)}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  let secret: Uint8Array;
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(localPrivate);
    secret = new Uint8Array(ecdh.computeSecret(peerPublic));
  } catch (error) {
    throw new GbcsCryptoError('ECDH', `key rejected by node:crypto: ${(error as Error).message}`);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cacheKey, secret);
  return secret;
}
