// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GBCS signatures (General Signing, GBCS §4.3.3): ECDSA P-256 with SHA-256, encoded r ‖ s
 * (64 bytes). The signed data is the frame from the byte after DF (09, the transaction-id
 * length) through the last payload byte — not the DF tag and not the signature length;
 * confirmed on the GBCS §18.4 ECS04b vector and on every signed RTDS 4.5.0 message.
 *
 * Signing is deterministic (RFC 6979, @noble/curves 2.x `p256.sign`, which hashes the message
 * with SHA-256 itself — prehash defaults to true) so a seed reproduces every byte of a trace;
 * high-S values are kept as RFC 6979 produces them (lowS: false) — GBCS does not require
 * low-S and node:crypto verifies either. Verification uses node:crypto.
 */
import { verify } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { GbcsCryptoError } from '../errors.ts';
import type { FrameLayout } from '../frame.ts';
import { publicKeyObject } from '../keys.ts';

export const SIGNATURE_SIZE = 64;

/** The bytes a GBCS signature covers, taken from a frame and its layout. */
export function signedDataOf(frameBytes: Uint8Array, layout: FrameLayout): Uint8Array {
  return frameBytes.subarray(layout.groupingHeaderStart + 1, layout.payloadEnd);
}

/** Deterministic ECDSA P-256/SHA-256 signature r ‖ s of `data`. */
export function signGbcs(data: Uint8Array, dsPrivateKey: Uint8Array): Uint8Array {
  if (dsPrivateKey.length !== 32) throw new GbcsCryptoError('sign', `private key must be 32 bytes, got ${dsPrivateKey.length}`);
  try {
    return p256.sign(data, dsPrivateKey, { prehash: true, lowS: false, format: 'compact' });
  } catch (error) {
    throw new GbcsCryptoError('sign', (error as Error).message);
  }
}

/** True when `signature` (r ‖ s) is a valid signature of `data` by `dsPublicKey` (65 bytes). */
export function verifyGbcs(data: Uint8Array, signature: Uint8Array, dsPublicKey: Uint8Array): boolean {
  if (signature.length !== SIGNATURE_SIZE) return false;
  return verify('sha256', data, { key: publicKeyObject(dsPublicKey), dsaEncoding: 'ieee-p1363' }, signature);
}
