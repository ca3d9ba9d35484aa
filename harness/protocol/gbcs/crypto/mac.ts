// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The GBCS MAC (GBCS §4.3.3–4.3.4, §6.2.3): a 12-byte AES-128-GCM tag over an empty plaintext.
 *   key = KDF(ECDH(local KA private, peer KA public), originator, DF-transaction id, recipient)
 *   IV  = originator id ‖ 00 00 00 00
 *   AAD = 11 00 00 00 00 00 ‖ the signed content (DF 09 ... signature length ‖ signature)
 * Confirmed on the GBCS §18.4 ECS04b vector and on 811 RTDS 4.5.0 messages. Note the AAD
 * prefix has six bytes while the frame's security header has five.
 */
import { timingSafeEqual } from 'node:crypto';
import { euiToBytes } from '../eui.ts';
import type { GbcsHeader } from '../frame-types.ts';
import { concatBytes } from '../hex.ts';
import { GBCS_TAG_LENGTH, gcmSeal } from './aes-gcm.ts';
import { ecdhSharedSecret } from './ecdh.ts';
import { deriveMessageKey, transactionId } from './kdf.ts';

export const MAC_AAD_PREFIX = Uint8Array.of(0x11, 0x00, 0x00, 0x00, 0x00, 0x00);

/** The parties' key-agreement keys for one MAC: ours (private) and theirs (public). */
export interface KeyAgreementPair {
  readonly localKaPrivate: Uint8Array;
  readonly peerKaPublic: Uint8Array;
}

/** IV for GCM/GMAC under GBCS: originator id ‖ 00000000. */
export function gbcsIv(originator: string): Uint8Array {
  return concatBytes(euiToBytes(originator), new Uint8Array(4));
}

/** The MAC key of one frame instance. */
export function macKey(header: Pick<GbcsHeader, 'cra' | 'counter' | 'originator' | 'recipient'>, keys: KeyAgreementPair): Uint8Array {
  const z = ecdhSharedSecret(keys.localKaPrivate, keys.peerKaPublic);
  return deriveMessageKey(z, header.originator, transactionId(header.cra, header.counter), header.recipient);
}

/** The 12-byte MAC of `signedContent` (the frame bytes between the security header and the MAC). */
export function computeMac(key: Uint8Array, originator: string, signedContent: Uint8Array): Uint8Array {
  return gcmSeal(key, gbcsIv(originator), new Uint8Array(0), concatBytes(MAC_AAD_PREFIX, signedContent), GBCS_TAG_LENGTH).tag;
}

/** True when `mac` is the MAC of `signedContent`. */
export function verifyMac(key: Uint8Array, originator: string, signedContent: Uint8Array, mac: Uint8Array): boolean {
  return mac.length === GBCS_TAG_LENGTH && timingSafeEqual(computeMac(key, originator, signedContent), mac);
}
